"""The Spark job in local mode on WARC files written here with warcio: Parquet datasets per table, failures
counted by reason, and a re-run that skips inputs already done."""

import io
import shutil
import subprocess

import pytest

pytest.importorskip("pyspark", reason="pyspark is not installed (pip install 'warta[spark]')")
pytest.importorskip("warcio", reason="warcio is needed to write the test WARC files")
if shutil.which("java") is None or subprocess.run(["java", "-version"], capture_output=True).returncode != 0:
    pytest.skip("no Java runtime: Spark needs Java 17", allow_module_level=True)

import pyarrow.dataset as ds  # noqa: E402
from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402

from warta.spark import job  # noqa: E402

BODY = ("<p>Pemerintah provinsi menyatakan status tanggap darurat setelah banjir besar melanda kawasan utara "
        "sejak Senin pagi, dan ribuan warga diminta mengungsi ke tempat yang lebih aman.</p>"
        "<p>Petugas gabungan mengerahkan puluhan perahu karet untuk mengevakuasi warga yang terjebak di rumah "
        "mereka, sementara dapur umum didirikan di sejumlah sekolah dan masjid.</p>"
        "<p>Badan meteorologi memperkirakan curah hujan tinggi masih akan berlangsung hingga akhir pekan, "
        "sehingga warga di bantaran sungai diminta tetap waspada terhadap banjir susulan.</p>")


def html(n: int) -> bytes:
    return (f"<html><head><title>Banjir melanda kota {n}</title></head><body><nav>Beranda | Nasional</nav>"
            f"<article><h1>Banjir melanda kota {n}</h1>{BODY}<p>Laporan nomor {n}.</p></article>"
            "<footer>Hak cipta dilindungi</footer></body></html>").encode()


def write_warc(path, pages: int, extra: bool) -> int:
    """HTML responses (plus an image and a 404 when ``extra``); returns the number of responses."""
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=str(path).endswith(".gz"))
        responses = [(f"https://berita.example/{path.name}/{n}", "200 OK", "text/html; charset=utf-8", html(n))
                     for n in range(pages)]
        if extra:
            responses += [("https://berita.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n...."),
                          ("https://berita.example/missing", "404 Not Found", "text/html", b"<html>nope</html>")]
        for url, status, ctype, body in responses:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))
    return len(responses)


def lean_session():
    """local[1] with the web UI and shuffle partitions off: a small job starts faster."""
    import os
    import sys

    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    return (SparkSession.builder.master("local[1]").appName("warta-test").config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "1").getOrCreate())


def test_spark_job_writes_datasets_and_resumes(tmp_path):
    inputs = tmp_path / "warcs"
    inputs.mkdir()
    write_warc(inputs / "a.warc.gz", pages=4, extra=True)
    write_warc(inputs / "b.warc", pages=3, extra=False)
    out = str(tmp_path / "out")
    logs: list[str] = []
    spark = lean_session()

    totals = job.run([str(inputs)], out, timeout=30, log=logs.append, spark=spark)
    assert totals["inputs"] == 2 and totals["skipped"] == 0
    assert totals["records"] == 7
    assert totals["failures"] == {"skipped_non_html": 1, "skipped_status": 1}

    records = ds.dataset(f"{out}/records", format="parquet").to_table()
    assert records.num_rows == 7 and len(set(records.column("id").to_pylist())) == 7
    assert all(path.endswith((".warc.gz", ".warc")) for path in records.column("source_path").to_pylist())
    assert all("Pemerintah provinsi" in text for text in records.column("text").to_pylist())
    failures = ds.dataset(f"{out}/failures", format="parquet").to_table()
    assert sorted(failures.column("reason").to_pylist()) == ["skipped_non_html", "skipped_status"]
    for table in ("entities", "quotes", "events"):
        assert ds.dataset(f"{out}/{table}", format="parquet").schema.names  # present even when empty
    assert any("skipped_status" in line for line in logs)

    write_warc(inputs / "c.warc.gz", pages=2, extra=False)
    again = job.run([str(inputs)], out, timeout=30, log=logs.append, spark=spark)
    assert again["skipped"] == 2 and again["inputs"] == 1 and again["records"] == 2
    assert ds.dataset(f"{out}/records", format="parquet").count_rows() == 9
