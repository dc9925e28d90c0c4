"""The command line: process prints schema-valid records, failures go to stderr, the store round-trips."""

import csv
import io
import json
import shutil

import pytest
from conftest import EXAMPLES, FIXTURES, assert_valid_record
from typer.testing import CliRunner

from warta.cli import app

runner = CliRunner()


def run(*args):
    result = runner.invoke(app, [str(a) for a in args], catch_exceptions=False)
    return result


def records_of(result):
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def failures_of(result):
    return [json.loads(line) for line in result.stderr.splitlines() if line.startswith("{")]


def test_process_prints_valid_records_with_source_path():
    page = FIXTURES / "flat" / "id_wordpress_blog.txt"
    result = run("process", page, "--format", "jsonl")
    assert result.exit_code == 0
    (record,) = records_of(result)
    assert_valid_record(record)
    assert record["source"] == {"kind": "text", "path": str(page), "encoding": "utf-8"}
    assert record["title"].startswith("Indonesia Dorong Kerja Sama Maritim")


def test_process_folder_and_jsonl_rows_with_offsets_and_failures():
    result = run("process", EXAMPLES)
    assert result.exit_code == 0
    records = records_of(result)
    for record in records:
        assert_valid_record(record)
    jsonl_records = [r for r in records if r["source"]["kind"] == "jsonl"]
    assert [r["source"]["offset"] for r in jsonl_records] == [0, 1]
    assert jsonl_records[0]["url"] == "https://berita.example.id/2023/11/20/harga-beras"
    assert jsonl_records[0]["authors"] == ["Dewi Lestari"]
    assert "Tinggalkan Balasan" not in jsonl_records[0]["text"]
    reasons = {(f["source"].get("offset"), f["failure"]) for f in failures_of(result)}
    assert reasons == {(2, "empty"), (3, "invalid_jsonl_row"), (4, "invalid_jsonl_row")}
    assert len(records) == 6


def test_text_field_option(tmp_path):
    page = tmp_path / "rows.jsonl"
    body = ("Menteri Keuangan mengatakan defisit anggaran tahun ini tetap di bawah tiga persen dari produk "
            "domestik bruto meskipun belanja subsidi energi meningkat tajam.")
    page.write_text(json.dumps({"content": body, "url": "https://x.example/a"}) + "\n", encoding="utf-8")
    result = run("process", page, "--text-field", "content")
    (record,) = records_of(result)
    assert record["paragraphs"] == [body]
    result = run("process", page)
    assert records_of(result) == []
    assert failures_of(result)[0]["failure"] == "missing_field"


def test_only_extract_and_usage_errors(tmp_path):
    page = FIXTURES / "flat" / "id_wordpress_blog.txt"
    result = run("process", page, "--only", "extract")
    assert result.exit_code == 0
    assert records_of(result)[0]["steps"] == ["extract.flat.v1"]
    assert run("process", page, "--only", "everything").exit_code == 2
    assert run("process", tmp_path / "missing.txt").exit_code == 2
    assert run("process", page, "--format", "xml").exit_code == 2


@pytest.mark.parametrize("name, reason", [("empty.txt", "empty"), ("binary_junk.bin", "binary")])
def test_bad_files_become_failures(name, reason):
    result = run("process", FIXTURES / "flat" / name)
    assert result.exit_code == 0
    assert records_of(result) == []
    (failure,) = failures_of(result)
    assert failure["failure"] == reason
    assert failure["source"]["path"].endswith(name)


def test_ingest_is_idempotent_and_search_show_export_stats(db_path, tmp_path):
    assert run("ingest", EXAMPLES, "--db", db_path, "-q").exit_code == 0
    first = json.loads(run("stats", "--db", db_path, "--json").stdout)
    assert run("ingest", EXAMPLES, "--db", db_path, "-q").exit_code == 0
    second = json.loads(run("stats", "--db", db_path, "--json").stdout)
    assert first["records"] == second["records"] == 6
    assert first["failures"] == second["failures"] == 3
    assert second["failure_reasons"] == {"invalid_jsonl_row": 2, "empty": 1}

    hits = [json.loads(line) for line in run("search", "banjir", "--db", db_path, "--json").stdout.splitlines()]
    assert {h["title"] for h in hits} >= {"Banjir Rendam Ratusan Rumah di Jakarta Timur, Warga Mengungsi ke Masjid"}
    assert all(h["matches"] and "\x02" not in h["snippet"] for h in hits)
    start, end = hits[0]["matches"][0]
    assert hits[0]["snippet"][start:end].lower() == "banjir"

    shown = json.loads(run("show", hits[0]["id"][:10], "--db", db_path, "--json").stdout)
    assert_valid_record(shown)
    assert "Banjir" in run("show", hits[0]["id"], "--db", db_path).stdout
    assert run("show", "nope", "--db", db_path).exit_code == 1

    exported = [json.loads(line) for line in run("export", "--format", "jsonl", "--db", db_path).stdout.splitlines()]
    assert len(exported) == 6
    for record in exported:
        assert_valid_record(record)
    rows = list(csv.DictReader(io.StringIO(run("export", "--format", "csv", "--db", db_path).stdout)))
    assert {r["id"] for r in rows} == {r["id"] for r in exported}
    parquet = tmp_path / "out.parquet"
    assert run("export", "--format", "parquet", "--out", parquet, "--db", db_path).exit_code == 0
    import pyarrow.parquet as pq

    table = pq.read_table(parquet)
    assert table.num_rows == 6 and "published" in table.column_names


@pytest.mark.parametrize("query", ['"', "AND", "OR OR", "title:x", "a NEAR(b", "*", "'; DROP TABLE records; --",
                                   "(((", "^banjir", "banjir -kopi", "\x00", "ÿ" * 5000])
def test_any_search_string_is_a_valid_query(db_path, query):
    run("ingest", EXAMPLES, "--db", db_path, "-q")
    result = run("search", query, "--db", db_path, "--json")
    assert result.exit_code == 0


def test_same_page_at_two_paths_is_one_record(db_path, tmp_path):
    for name in ("a.txt", "b.txt"):
        shutil.copy(FIXTURES / "flat" / "id_wordpress_blog.txt", tmp_path / name)
    run("ingest", tmp_path / "a.txt", tmp_path / "b.txt", "--db", db_path, "-q")
    assert json.loads(run("stats", "--db", db_path, "--json").stdout)["records"] == 1


def test_demo_runs_the_main_job(db_path):
    result = run("demo", "--db", db_path)
    assert result.exit_code == 0
    assert "Banjir Rendam Ratusan Rumah" in result.stdout
    assert "warta search" in result.stdout


def test_help_texts_name_every_command():
    out = run("--help").stdout
    for command in ("process", "ingest", "search", "show", "export", "stats", "demo"):
        assert command in out


def test_events_command_filters_and_exports(db_path, tmp_path):
    run("ingest", EXAMPLES, "--db", db_path, "-q")
    all_rows = list(csv.DictReader(io.StringIO(run("events", "--db", db_path, "--format", "csv").stdout)))
    assert all_rows, "the examples hold coded events"
    for row in all_rows:
        assert row["type"] and row["actor_name"] and row["record_id"] and row["evidence"]
    some_type = all_rows[0]["type"]
    typed = [json.loads(line) for line in
             run("events", "--db", db_path, "--type", some_type.lower(), "--format", "jsonl").stdout.splitlines()]
    assert typed and all(r["type"] == some_type for r in typed)
    assert run("events", "--db", db_path, "--since", "2999-01-01").stdout.strip() == "no events"
    parquet = tmp_path / "events.parquet"
    assert run("events", "--db", db_path, "--format", "parquet", "--out", parquet).exit_code == 0
    import pyarrow.parquet as pq

    assert pq.read_table(parquet).num_rows == len(all_rows)
    assert run("events", "--db", db_path, "--format", "parquet").exit_code == 2


def test_events_command_filters_on_confidence(db_path):
    run("ingest", EXAMPLES, "--db", db_path, "-q")
    rows = list(csv.DictReader(io.StringIO(run("events", "--db", db_path, "--format", "csv").stdout)))
    confidences = sorted(float(r["confidence"]) for r in rows)
    assert all(0.0 < c < 1.0 for c in confidences)
    middle = confidences[len(confidences) // 2]
    kept = list(csv.DictReader(io.StringIO(
        run("events", "--db", db_path, "--min-confidence", str(middle), "--format", "csv").stdout)))
    assert kept and len(kept) == sum(c >= middle for c in confidences)
    assert all(float(r["confidence"]) >= middle for r in kept)
    assert run("events", "--db", db_path, "--min-confidence", "1.5").exit_code == 2  # outside 0-1
