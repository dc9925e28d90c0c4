"""Compose small versioned steps and run them over many pages with per-page isolation.

Extraction turns a ``Page`` into an ``Article`` (one extractor per page kind); annotators then add to the
``Record`` (entities, quotes, events). A step that raises becomes a ``Failure`` with a reason; a page that
runs over the time limit becomes a ``timeout`` failure. The batch always goes on.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from warta.errors import PageError, PageTimeout
from warta.model import Article, Failure, Page, Record, record_id

Extractor = Callable[[Page], Article]

# One BLAS thread per process, unless the user set it: pages run in parallel as processes (``--workers``, Spark),
# and the NER model's many small matrix products lose far more to OpenBLAS waking and syncing its threads than they
# gain (on a busy 2-core machine ~2-3 CPU s per Indonesian page against 0.03 s with one thread). Read by OpenBLAS
# when numpy loads it, which warta does lazily, after this module is imported.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


@dataclass(slots=True)
class Annotator:
    """A step that adds to a record. ``name`` is versioned (``nlp.quotes.v1``)."""

    name: str
    run: Callable[[Record], None]
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()


EXTRACTORS: dict[str, tuple[str, Callable[[], Extractor]]] = {}
ANNOTATORS: list[tuple[str, Callable[[], Annotator]]] = []


def register_extractor(kind: str, name: str, load: Callable[[], Extractor]) -> None:
    """``load`` is called lazily so that importing warta stays cheap."""
    EXTRACTORS[kind] = (name, load)


def register_annotator(name: str, load: Callable[[], Annotator]) -> None:
    ANNOTATORS.append((name, load))


def _register_builtin() -> None:
    def flat() -> Extractor:
        from warta.extract.flat import extract_flat_page

        return extract_flat_page

    register_extractor("text", "extract.flat.v1", flat)

    def html() -> Extractor:
        from warta.extract.html import extract_html_page

        return extract_html_page

    register_extractor("html", "extract.html.v1", html)

    def entities() -> Annotator:
        from warta.nlp.entities import annotator

        return annotator()

    register_annotator("nlp.entities.v1", entities)

    # Keep after nlp.entities.v1: quotes resolve speakers to the record's entities (NER fallback otherwise).
    def quotes() -> Annotator:
        from warta.nlp.quotes import annotator

        return annotator()

    register_annotator("nlp.quotes.v1", quotes)

    # Keep after quotes: events take actors from entities and speakers from quotes.
    def events() -> Annotator:
        from warta.nlp.events import annotator

        return annotator()

    register_annotator("nlp.events.v1", events)


_register_builtin()


@dataclass
class Stats:
    records: int = 0
    failures: Counter = field(default_factory=Counter)
    started: float = field(default_factory=time.monotonic)

    @property
    def pages(self) -> int:
        return self.records + sum(self.failures.values())


class Pipeline:
    def __init__(self, only: str | None = None, timeout: float | None = 60.0):
        if only not in (None, "extract"):
            raise ValueError(f"unknown --only value {only!r} (use 'extract')")
        self.only = only
        self.timeout = timeout
        self._extractors: dict[str, tuple[str, Extractor]] = {}
        self._annotators: list[Annotator] | None = None
        self.stats = Stats()

    def annotators(self) -> list[Annotator]:
        if self._annotators is None:
            self._annotators = [] if self.only == "extract" else [load() for _, load in ANNOTATORS]
        return self._annotators

    def extractor(self, kind: str) -> tuple[str, Extractor]:
        if kind not in self._extractors:
            if kind not in EXTRACTORS:
                raise PageError("unsupported_kind", f"no extractor for {kind!r} pages")
            name, load = EXTRACTORS[kind]
            self._extractors[kind] = (name, load())
        return self._extractors[kind]

    def process(self, page: Page) -> Record | Failure:
        step = "extract"
        try:
            with time_limit(self.timeout):
                step, extract = self.extractor(page.kind)
                article = extract(page)
                if not article.paragraphs:
                    raise PageError("no_content", "no article text found")
                record = Record(
                    id=record_id(page.url, page.content_bytes()),
                    article=article,
                    source=page.source(),
                    steps=[step],
                )
                for annotator in self.annotators():
                    step = annotator.name
                    annotator.run(record)
                    record.steps.append(annotator.name)
        except PageError as err:
            return Failure(page.source(), err.reason, err.detail, step=step)
        except RecursionError:
            return Failure(page.source(), "too_deep", "structure nested too deeply", step=step)
        except MemoryError:
            return Failure(page.source(), "out_of_memory", "page needed too much memory", step=step)
        except Exception as err:  # noqa: BLE001 - one bad page must never stop the batch
            return Failure(page.source(), "error", f"{type(err).__name__}: {err}"[:500], step=step)
        return record

    def run(self, items: Iterable[Page | Failure]) -> Iterator[Record | Failure]:
        for item in items:
            result = item if isinstance(item, Failure) else self.process(item)
            if isinstance(result, Failure):
                self.stats.failures[result.reason] += 1
            else:
                self.stats.records += 1
            yield result


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Per-page wall-clock limit via SIGALRM (main thread on Unix only; elsewhere no limit is applied)."""
    usable = (
        seconds and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return

    def on_alarm(signum, frame):  # noqa: ARG001
        raise PageTimeout(seconds)

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
