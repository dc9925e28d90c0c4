"""Parallel ingest: workers give the same records as one process, and an ingest killed with SIGKILL resumes
without losing or duplicating a page."""

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time

from typer.testing import CliRunner

from warta.cli import app
from warta.model import Failure, InputProgress, Page
from warta.parallel import END, Runner, Tracker

WORDS = (
    "banjir hujan warga jakarta pemerintah menteri harga beras pasar sekolah jalan tol kereta bandara "
    "pelabuhan nelayan petani gubernur presiden rapat anggaran pajak listrik air bersih rumah sakit "
    "dokter guru polisi tentara pemilu partai suara kota desa sungai gunung laut pantai hutan"
).split()


def write_inputs(folder, files=3, rows=250, seed=7):
    """JSONL files of distinct synthetic articles; two broken rows per file. Returns (pages, bad rows)."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    good = bad = 0
    for f in range(files):
        lines = []
        for i in range(rows):
            if i in (3, rows - 5):
                lines.append("{not json")
                bad += 1
                continue
            sentences = [" ".join(rng.choice(WORDS) for _ in range(14)).capitalize() + "." for _ in range(6)]
            text = f"Berita {f}-{i} tentang {rng.choice(WORDS)}\n" + "\n".join(sentences)
            lines.append(json.dumps({"text": text, "url": f"https://news.example/{f}/{i}"}))
            good += 1
        (folder / f"part{f}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return good, bad


def counts(db):
    with sqlite3.connect(db) as conn:
        records = conn.execute("SELECT count(*), count(DISTINCT id) FROM records").fetchone()
        places = conn.execute(
            "SELECT count(DISTINCT source_path || '#' || source_offset) FROM records"
        ).fetchone()[0]
        failures = conn.execute("SELECT count(*) FROM failures").fetchone()[0]
    return records[0], records[1], places, failures


def test_workers_store_the_same_records_as_one_process(tmp_path):
    good, bad = write_inputs(tmp_path / "in", files=2, rows=12)
    runner = CliRunner()
    for name, workers in (("one.db", "1"), ("two.db", "2")):
        result = runner.invoke(
            app,
            ["ingest", str(tmp_path / "in"), "--db", str(tmp_path / name), "-q", "--workers", workers],
            catch_exceptions=False,
        )
        assert result.exit_code == 0
    with sqlite3.connect(tmp_path / "one.db") as one, sqlite3.connect(tmp_path / "two.db") as two:
        query = "SELECT id, json_remove(json, '$.cluster') FROM records ORDER BY id"
        assert one.execute(query).fetchall() == two.execute(query).fetchall()
    assert counts(tmp_path / "two.db")[::3] == (good, bad)


def test_process_with_workers_prints_every_page(tmp_path):
    good, bad = write_inputs(tmp_path / "in", files=1, rows=10)
    result = CliRunner().invoke(
        app, ["process", str(tmp_path / "in"), "--workers", "2"], catch_exceptions=False
    )
    assert result.exit_code == 0
    assert len([line for line in result.stdout.splitlines() if line.startswith("{")]) == good
    assert len([line for line in result.stderr.splitlines() if line.startswith("{")]) == bad


def test_sigkill_mid_ingest_then_rerun_records_every_page_once(tmp_path):
    good, bad = write_inputs(tmp_path / "in", files=3, rows=120)
    db = tmp_path / "store.db"
    command = [
        sys.executable,
        "-m",
        "warta",
        "ingest",
        str(tmp_path / "in"),
        "--db",
        str(db),
        "-q",
        "--workers",
        "2",
    ]
    proc = subprocess.Popen(
        command, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    deadline = time.monotonic() + 60
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        if db.exists():
            try:
                stored = counts(db)[0] + counts(db)[3]
            except sqlite3.OperationalError:  # tables not created yet
                stored = 0
            if stored >= 60:
                break
        time.sleep(0.02)
    assert proc.poll() is None, "ingest finished before it could be killed: make the input larger"
    os.killpg(proc.pid, signal.SIGKILL)  # the main process and its workers, no clean-up of any kind
    proc.wait()
    with sqlite3.connect(db) as conn:
        done_before = sum(r[0] for r in conn.execute("SELECT done FROM inputs"))
    assert 0 < done_before < good + bad

    rerun = subprocess.run(command[:-3] + ["--workers", "2"], capture_output=True, text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{done_before} skipped" in rerun.stderr
    records, distinct, places, failures = counts(db)
    assert records == distinct == places  # no page stored twice
    assert records + failures == good + bad  # and none lost
    assert failures == bad  # the synthetic articles all extract; only the broken rows fail
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM inputs WHERE finished = 1").fetchone()[0] == 3


def test_tracker_marks_progress_only_up_to_the_first_gap(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text('{"text": "a"}\n{"text": "b"}\n{"text": "c"}\n', encoding="utf-8")
    tracker = Tracker({})
    items = list(tracker.items([str(path)], None))
    assert [type(item) for _, item in items] == [Page, Page, Page, object]
    tags = [tag for tag, _ in items]
    assert tracker.finish(tags[1], None) is None  # item 0 not stored yet: no progress
    assert tracker.finish(tags[3], END) is None
    progress = tracker.finish(tags[0], None)
    assert (progress.done, progress.finished) == (2, False)
    progress = tracker.finish(tags[2], None)
    assert (progress.done, progress.finished) == (3, True)
    stat = path.stat()
    resumed = Tracker({str(path): InputProgress(str(path), stat.st_size, stat.st_mtime, 3, True)})
    assert list(resumed.items([str(path)], None)) == [] and resumed.skipped_pages == 3


def test_runner_passes_source_failures_through():
    failure = Failure({"kind": "jsonl", "path": "x", "offset": 1}, "invalid_jsonl_row")
    out = list(Runner(workers=2, timeout=5).run([("t", failure)]))
    assert out == [("t", failure)]


def test_warm_module_loads_models_quietly():
    """The pool's forkserver preloads warta.warm: importing it loads both NER models and prints nothing, so
    workers forked from it start warm."""
    code = "import warta.warm, warta.nlp.ner as n; print(n.loaded_models())"
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert out.stdout.strip() == "['en', 'id']"
    assert out.stderr == ""
