"""Load everything the pipeline needs, once, by importing this module.

The worker pool (:mod:`warta.parallel`) preloads it in its forkserver: every worker is forked from a process that
has already loaded the NER models, language identifier, lexicons and patterns, so a worker starts warm (instead
of paying ~2.4 CPU s of loading each) and shares those read-only arrays copy-on-write. Warming runs the pipeline
over the bundled example pages (Indonesian, Malay, English) and a small HTML page; it never raises (a failure
here only means workers load lazily, as without it) and prints nothing.
"""

from __future__ import annotations

from pathlib import Path

_HTML = b"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Talks resume in Geneva</title>
<meta property="article:published_time" content="2024-03-05T10:00:00Z"></head><body><article>
<h1>Talks resume in Geneva</h1><p>GENEVA (Reuters) - Foreign ministers from Russia and Ukraine met in Geneva on
Tuesday, the United Nations said, as President Joe Biden urged both sides to agree a ceasefire.</p>
<p>"We will keep talking," said Antonio Guterres, the U.N. Secretary-General, after the meeting.</p>
</article></body></html>"""


def warm(extract_only: bool = False) -> None:
    """Process the example pages (extraction only with ``extract_only``) so that every lazy load happens now."""
    try:
        from warta import dedup
        from warta.model import Page, Record
        from warta.pipeline import Pipeline

        pipeline = Pipeline(only="extract" if extract_only else None, timeout=None)
        pages = [Page(kind="html", content=_HTML, url="https://warm.example/talks")]
        examples = Path(__file__).resolve().parent / "examples"
        pages += [
            Page(kind="text", content=p.read_text(encoding="utf-8")) for p in sorted(examples.glob("*.txt"))
        ]
        for page in pages:
            result = pipeline.process(page)
            if isinstance(result, Record) and not extract_only:
                dedup.fingerprint(result.article.text)
    except Exception:  # noqa: BLE001, S110 - warming is an optimisation; workers load lazily without it
        pass


warm()
