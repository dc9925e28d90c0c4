"""The ``warta`` command. One entry point; every subcommand runs the same pipeline code."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from warta import __version__
from warta.model import Failure

app = typer.Typer(
    add_completion=False, no_args_is_help=True, rich_markup_mode=None,
    help="warta: news pages in (flat crawled text, JSONL), clean articles with metadata out; "
         "stored in SQLite with full-text search.",
)

DbOption = Annotated[str | None, typer.Option("--db", help="SQLite file of the store "
                                               "[default: $WARTA_DB, else ./warta.db]")]
OnlyOption = Annotated[str | None, typer.Option("--only", help="run only this stage: 'extract'")]
KindOption = Annotated[str | None, typer.Option(
    "--kind", help="input kind instead of detection: text | html | jsonl | json | parquet | warc | feed | sitemap | urls")]
TextFieldOption = Annotated[str, typer.Option("--text-field", help="JSONL field holding the page text")]
TimeoutOption = Annotated[float, typer.Option("--timeout", help="seconds allowed per page before it fails")]
# fetching: PATHS may be http(s) URLs of articles, feeds or sitemaps
AllowPrivateOption = Annotated[bool, typer.Option(
    "--allow-private", help="allow fetching from private, loopback and link-local addresses")]
SaveWarcOption = Annotated[str | None, typer.Option(
    "--save-warc", help="write every fetched response to this WARC(.gz) file, to re-process without refetching")]
StateOption = Annotated[str | None, typer.Option(
    "--state", help="SQLite file remembering fetched URLs, so re-runs fetch only new ones "
                    "[ingest default: next to the store]")]
DelayOption = Annotated[float, typer.Option("--delay", help="seconds between requests to the same host")]
WorkersOption = Annotated[int, typer.Option(
    "--workers", "-j", min=1, help="worker processes (pages are processed in parallel; output order may differ)")]


def main() -> None:
    app()


def _version(value: bool) -> None:
    if value:
        typer.echo(f"warta {__version__}")
        raise typer.Exit()


@app.callback()
def _root(version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                                help="print the version and exit")] = False) -> None:
    pass


def _pages(paths: list[str], kind: str | None, text_field: str, fetch=None, state: str | None = None):
    from warta.sources import iter_pages

    return iter_pages(paths, _source_options(paths, kind, text_field, fetch, state))


def _source_options(paths: list[str], kind: str | None, text_field: str, fetch=None, state: str | None = None):
    from warta.sources.files import SourceOptions, is_url

    missing = [p for p in paths if not is_url(p) and not Path(p).exists()]
    if missing:
        typer.echo(f"error: no such file or folder: {', '.join(missing)}", err=True)
        raise typer.Exit(2)
    return SourceOptions(kind=kind, text_field=text_field, fetch=fetch, state=state)


def _fetch_options(allow_private: bool, save_warc: str | None, delay: float):
    from warta.sources.http import FetchOptions

    if delay < 0:
        typer.echo("error: --delay must not be negative", err=True)
        raise typer.Exit(2)
    return FetchOptions(allow_private=allow_private, save_warc=save_warc, delay=delay)


def _pipeline(only: str | None, timeout: float):
    from warta.pipeline import Pipeline

    if only not in (None, "extract"):
        typer.echo(f"error: --only must be 'extract', not {only!r}", err=True)
        raise typer.Exit(2)
    return Pipeline(only=only, timeout=timeout)


@app.command()
def process(
    paths: Annotated[list[str], typer.Argument(
        help="files, folders or URLs: .txt, .html(.gz), .jsonl(.gz), .parquet, .warc(.gz), feeds, sitemaps")],
    fmt: Annotated[str, typer.Option("--format", help="output format: jsonl")] = "jsonl",
    only: OnlyOption = None,
    kind: KindOption = None,
    text_field: TextFieldOption = "text",
    timeout: TimeoutOption = 60.0,
    allow_private: AllowPrivateOption = False,
    save_warc: SaveWarcOption = None,
    state: StateOption = None,
    delay: DelayOption = 1.0,
    workers: WorkersOption = 1,
) -> None:
    """Run every step on PATHS without a store: one warta/1 record per line on stdout,
    failures as JSON lines on stderr."""
    if fmt != "jsonl":
        typer.echo("error: --format must be jsonl", err=True)
        raise typer.Exit(2)
    pipeline = _pipeline(only, timeout)
    fetch = _fetch_options(allow_private, save_warc, delay)
    pages = _pages(paths, kind, text_field, fetch, state)
    if workers > 1:
        from warta.parallel import Runner

        runner = Runner(workers=workers, only=only, timeout=timeout)
        results = (result for _, result in runner.run((None, page) for page in pages))
    else:
        results = pipeline.run(pages)
    for item in results:
        if isinstance(item, Failure):
            sys.stderr.write(json.dumps(item.to_json(), ensure_ascii=False) + "\n")
        else:
            sys.stdout.write(json.dumps(item.to_json(), ensure_ascii=False) + "\n")
    sys.stdout.flush()


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(
        help="files, folders or URLs: .txt, .html(.gz), .jsonl(.gz), .parquet, .warc(.gz), feeds, sitemaps")],
    db: DbOption = None,
    only: OnlyOption = None,
    kind: KindOption = None,
    text_field: TextFieldOption = "text",
    timeout: TimeoutOption = 60.0,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="no progress bar or summary")] = False,
    allow_private: AllowPrivateOption = False,
    save_warc: SaveWarcOption = None,
    state: StateOption = None,
    delay: DelayOption = 1.0,
    workers: WorkersOption = 1,
) -> None:
    """Process PATHS into the store. Re-ingesting the same page updates it in place (same id); an interrupted
    ingest resumes: files already stored are skipped."""
    from warta.parallel import Runner
    from warta.parallel import ingest as run_ingest
    from warta.store import default_db, open_store

    _pipeline(only, timeout)  # validates --only
    fetch = _fetch_options(allow_private, save_warc, delay)
    db_path = db or default_db()
    if state is None and "://" not in db_path:  # remember fetched URLs next to a SQLite store
        state = db_path + ".fetched"
    options = _source_options(paths, kind, text_field, fetch, state)
    runner = Runner(workers=workers, only=only, timeout=timeout)
    with open_store(db) as store:
        summary = run_ingest(paths, store, options, runner, progress=not quiet)
        if not quiet:
            stats = summary.stats
            skipped = f", {summary.skipped_pages} skipped (stored by an earlier run)" if summary.skipped_pages else ""
            typer.echo(f"{stats.records} records, {sum(stats.failures.values())} failures"
                       + (f" ({dict(stats.failures)})" if stats.failures else "") + skipped + f" → {store.path}",
                       err=True)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="words to find; \"a phrase\" in quotes; OR between words")],
    db: DbOption = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="how many hits")] = 10,
    as_json: Annotated[bool, typer.Option("--json", help="JSON lines instead of a table")] = False,
    collapse: Annotated[bool, typer.Option("--collapse", help="one hit per near-duplicate cluster")] = False,
) -> None:
    """Full-text search over titles and text, best matches first, with snippets."""
    from dataclasses import asdict

    from warta.store import open_store

    with open_store(db) as store:
        hits = store.search(query, limit=limit, collapse=collapse)
    if as_json:
        for hit in hits:
            typer.echo(json.dumps(asdict(hit), ensure_ascii=False))
        return
    if not hits:
        typer.echo("no matches")
        return
    from rich.console import Console
    from rich.table import Table

    console = Console(markup=False, highlight=False)
    table = Table("id", "title", "site", "published", "snippet", show_lines=True)
    for hit in hits:
        copies = f" (+{hit.copies - 1} copies)" if hit.copies > 1 else ""
        table.add_row(hit.id[:12], (hit.title or "") + copies, hit.site or "", hit.published or "",
                      _marked(hit.snippet, hit.matches, console.is_terminal))
    console.print(table)


def _marked(snippet: str, matches: list[tuple[int, int]], styled: bool):
    """Matched words highlighted on a terminal, in [brackets] in a pipe or file. Page text stays plain text,
    never parsed as rich markup."""
    from rich.text import Text

    if styled:
        text = Text(snippet)
        for start, end in matches:
            text.stylize("bold reverse", start, end)
        return text
    out, at = [], 0
    for start, end in sorted(matches):
        out += [snippet[at:start], "[", snippet[start:end], "]"]
        at = end
    return Text("".join(out) + snippet[at:])


@app.command()
def dupes(
    db: DbOption = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="how many clusters")] = 20,
    min_size: Annotated[int, typer.Option("--min-size", help="smallest cluster to list")] = 2,
    as_json: Annotated[bool, typer.Option("--json", help="JSON lines instead of text")] = False,
) -> None:
    """Near-duplicate clusters (syndicated copies, light rewrites), largest first. Records stored before
    duplicate detection existed are indexed first."""
    from warta.store import open_store

    with open_store(db) as store:
        store.index_duplicates()
        clusters = store.clusters(min_size=min_size, limit=limit)
    if as_json:
        for cluster in clusters:
            typer.echo(json.dumps(cluster, ensure_ascii=False))
        return
    if not clusters:
        typer.echo("no duplicate clusters")
    for cluster in clusters:
        typer.echo(f"cluster {cluster['cluster'][:12]}  {cluster['size']} records")
        for member in cluster["members"]:
            typer.echo(f"  {member['id'][:12]}  {(member['site'] or '?')[:20]:20}  {member['title'] or '(no title)'}")


@app.command()
def show(
    record_id: Annotated[str, typer.Argument(help="record id (or its first characters)")],
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="print the full warta/1 JSON")] = False,
) -> None:
    """Show one stored record."""
    from warta.store import open_store

    with open_store(db) as store:
        ids = store.find_ids(record_id)
        if len(ids) != 1:
            typer.echo(f"error: {'no record' if not ids else 'more than one record'} matches {record_id!r}", err=True)
            raise typer.Exit(1)
        record = store.get(ids[0])
    data = record.to_json()
    if as_json:
        typer.echo(json.dumps(data, ensure_ascii=False, indent=1))
        return
    _print_record(data)


def _print_record(data: dict) -> None:
    from rich.console import Console

    console = Console(markup=False, highlight=False)
    console.print(data["title"] or "(no title)", style="bold")
    meta = [("id", data["id"]), ("site", data["site"]), ("dateline", data["dateline"]),
            ("published", data["published"]), ("language", data["language"]), ("credit", data["credit"]),
            ("authors", ", ".join(data["authors"]) or None), ("url", data["url"])]
    for key, value in meta:
        if value:
            console.print(f"{key:>10}: {value}")
    for image in data["images"]:
        console.print(f"{'image':>10}: {image['src']} — {image.get('caption') or ''}")
    console.print()
    for paragraph in data["paragraphs"]:
        console.print(paragraph)
        console.print()
    if data["entities"]:
        console.print("entities: " + "; ".join(f"{e['name']} ({e['type']}{', ' + e['country'] if e.get('country') else ''})"
                                               for e in data["entities"]))


@app.command("export")
def export_cmd(
    fmt: Annotated[str, typer.Option("--format", help="jsonl | csv | parquet")] = "jsonl",
    out: Annotated[str | None, typer.Option("--out", "-o", help="output file (stdout for jsonl/csv if omitted)")] = None,
    db: DbOption = None,
) -> None:
    """Export every stored record: JSONL (full warta/1 records), CSV or Parquet (one row per record)."""
    from warta.store import open_store
    from warta.store.export import export

    if fmt not in ("jsonl", "csv", "parquet"):
        typer.echo("error: --format must be jsonl, csv or parquet", err=True)
        raise typer.Exit(2)
    if fmt == "parquet" and not out:
        typer.echo("error: parquet export needs --out FILE", err=True)
        raise typer.Exit(2)
    with open_store(db) as store:
        n = export(store.iter_records(), fmt, out)
    if out:
        typer.echo(f"{n} records → {out}", err=True)


@app.command()
def events(
    db: DbOption = None,
    actor: Annotated[str | None, typer.Option("--actor", help="actor name (canonical, as stored)")] = None,
    recipient: Annotated[str | None, typer.Option("--recipient", help="recipient name")] = None,
    country: Annotated[str | None, typer.Option("--country", help="ISO 3166 alpha-3 of actor or recipient")] = None,
    event_type: Annotated[str | None, typer.Option("--type", help="PLOVER type, e.g. THREATEN")] = None,
    since: Annotated[str | None, typer.Option("--since", help="first day, YYYY-MM-DD")] = None,
    until: Annotated[str | None, typer.Option("--until", help="last day, YYYY-MM-DD")] = None,
    min_confidence: Annotated[
        float | None,
        typer.Option("--min-confidence", min=0.0, max=1.0, help="only events with at least this confidence (0-1)"),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="table | csv | jsonl | parquet")] = "table",
    out: Annotated[str | None, typer.Option("--out", "-o", help="output file (needed for parquet)")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="at most this many events")] = 100_000,
) -> None:
    """Coded events in the store, one row per event: date, actor, type, CAMEO, recipient, location, evidence,
    confidence.
    The date is the event's own date, or the publication day when the text gives none."""
    from warta.store import open_store
    from warta.store.export import export_events
    from warta.store.query import EventFilters

    if fmt not in ("table", "csv", "jsonl", "parquet") or (fmt == "parquet" and not out):
        typer.echo("error: --format must be table, csv, jsonl or parquet (parquet needs --out)", err=True)
        raise typer.Exit(2)
    filters = EventFilters(type=event_type.upper() if event_type else None, actor=actor, recipient=recipient,
                           country=country.upper() if country else None, date_from=since, date_to=until,
                           min_confidence=min_confidence)
    with open_store(db) as store:
        rows = list(store.iter_events(filters, limit=limit))
    if fmt != "table":
        n = export_events(rows, fmt, out)
        if out:
            typer.echo(f"{n} events → {out}", err=True)
        return
    _print_events(rows)


def _print_events(rows: list[dict]) -> None:
    from rich.console import Console
    from rich.table import Table

    if not rows:
        typer.echo("no events")
        return
    table = Table("date", "actor", "type", "cameo", "recipient", "location", "evidence", show_lines=False)
    for row in rows:
        side = lambda name, country: f"{name or '?'}{f' ({country})' if country else ''}"  # noqa: E731
        table.add_row(row["date"] or "", side(row["actor_name"], row["actor_country"]), row["type"],
                      row["cameo"] or "", side(row["recipient_name"], row["recipient_country"])
                      if row["recipient_name"] else "", row["location"] or "", (row["evidence"] or "")[:80])
    Console(markup=False, highlight=False).print(table)


@app.command()
def stats(db: DbOption = None,
          as_json: Annotated[bool, typer.Option("--json", help="print JSON")] = False) -> None:
    """Counts in the store: records, failures by reason, languages, sites, date range."""
    from warta.store import open_store

    with open_store(db) as store:
        data = store.stats()
    if as_json:
        typer.echo(json.dumps(data, ensure_ascii=False))
        return
    for key, value in data.items():
        typer.echo(f"{key:>16}: {value}")


@app.command()
def ner(
    conll: Annotated[Path, typer.Option("--conll", exists=True, dir_okay=False,
                                        help="one token per line (extra columns ignored), blank line between sentences")],
    lang: Annotated[str, typer.Option("--lang", help="language of the tokens: id, ms or en")] = "id",
) -> None:
    """Tag a CoNLL-style token file with the NER model: TOKEN<TAB>TAG lines on stdout."""
    from warta.nlp.ner import tag_conll

    with conll.open(encoding="utf-8") as lines:
        count = tag_conll(lines, sys.stdout, lang)
    typer.echo(f"{count} sentences tagged", err=True)


@app.command()
def spark(
    inputs: Annotated[list[str], typer.Argument(help="WARC files, folders of them, or @list.txt; local, s3a://, "
                                                     "hdfs://")],
    out: Annotated[str, typer.Option("--out", help="output folder or URI: Parquet datasets + _done markers")],
    master: Annotated[str | None, typer.Option("--master", help="Spark master, e.g. local[2]")] = "local[*]",
    only: OnlyOption = None,
    timeout: TimeoutOption = 60.0,
) -> None:
    """Batch job on Spark: WARC files → Parquet records, entities, quotes, events, failures (one task per
    file; re-runs skip files already done). Needs pyspark and Java."""
    try:
        import pyspark  # noqa: F401
    except ImportError as err:
        typer.echo(f"error: {err}; install pyspark: pip install 'warta[spark]'", err=True)
        raise typer.Exit(2) from err
    from warta.spark.job import run

    _pipeline(only, timeout)  # validates --only
    run(inputs, out, master=master, only=only, timeout=timeout, log=lambda line: typer.echo(line, err=True))


@app.command()
def demo(db: DbOption = None) -> None:
    """Ingest the bundled example pages into the store and show what came out."""
    from importlib import resources

    from warta.store import open_store

    examples = str(resources.files("warta") / "examples")
    typer.echo(f"Ingesting the bundled example pages from {examples}", err=True)
    ingest([examples], db=db, only=None, kind=None, text_field="text", timeout=60.0, quiet=False)
    with open_store(db) as store:
        records = list(store.iter_records())
        typer.echo("")
        for data in records:
            typer.echo(f"{data['id'][:12]}  {data['language'] or '?':2}  {(data['published'] or '?')[:10]:10}  "
                       f"{(data['site'] or '?')[:16]:16}  {len(data['entities']):>2} entities "
                       f"{len(data['quotes']):>2} quotes {len(data['events']):>2} events  "
                       f"{data['title'] or '(no title)'}")
        failures = store.failures()
        for failure in failures:
            typer.echo(f"failed: {failure['source_key']}: {failure['reason']} — {failure['detail']}")
        db_path = store.path
    typer.echo("")
    typer.echo(f"Try:  warta search --db {db_path} banjir   |   warta show --db {db_path} {records[0]['id'][:8]}"
               f"   |   warta events --db {db_path}" if records else "no records")
    typer.echo(f"Browse:  warta serve --db {db_path}   then open http://127.0.0.1:8000/")


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option("--host", help="address to bind (keep 127.0.0.1 unless you mean it)")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="TCP port")] = 8000,
    token: Annotated[str | None, typer.Option("--token", envvar="WARTA_TOKEN", show_envvar=True,
                                              help="enables the write endpoints (ingest) for this bearer token")] = None,
) -> None:
    """Web UI and JSON API over the store (search, articles, actors, events; API under /api)."""
    from warta.web.serve import run

    run(db, host, port, token)
