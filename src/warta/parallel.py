"""Run the pipeline over many pages on one machine: worker processes, bounded queues, resumable ingest.

- ``Runner(workers=N)`` sends pages to N worker processes (forkserver, warmed: see ``warta.warm``) in small chunks. The main process only
  reads inputs and writes results; it never holds more than ``workers × depth × chunk`` pages, so memory stays
  flat whatever the input size. Results come back in completion order, not input order.
- Each worker runs the same ``Pipeline.process``, so the per-page SIGALRM time limit applies in its main
  thread. A worker that dies (segfault, OOM kill) or hangs in C code past the limit is replaced; the page it
  was on becomes a ``worker_crashed``/``timeout`` failure and the rest of its chunk is sent again.
- ``ingest`` tracks, per input file, how many of its items are stored (``InputProgress``), written in the same
  transaction as the records; a re-run after ``kill -9`` skips finished files and the stored prefix of the
  rest. Records are upserts by stable id, so the pages redone after the last commit cannot duplicate.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import queue
import signal
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from warta import dedup
from warta.model import Failure, InputProgress, Page, Record
from warta.pipeline import Pipeline, Stats

Tag = Any
END = object()  # item marking the end of one input's items


class Runner:
    """Process tagged items: ``(tag, Page | Failure | END)`` in, ``(tag, Record | Failure | END)`` out.

    Failures from the sources and ``END`` markers pass straight through; pages are processed."""

    def __init__(
        self,
        workers: int = 1,
        only: str | None = None,
        timeout: float | None = 60.0,
        chunk: int = 4,
        depth: int = 3,
        fingerprints: bool = False,
    ):
        self.workers, self.only, self.timeout = max(1, workers), only, timeout
        self.chunk, self.depth = chunk, depth
        # workers also compute each record's duplicate fingerprint, taking that work off the main process
        # (only when the records go to a store, which uses and drops them)
        self.fingerprints = fingerprints
        self.stats = Stats()

    def run(self, tagged: Iterable[tuple[Tag, Any]]) -> Iterator[tuple[Tag, Any]]:
        results = self._serial(tagged) if self.workers == 1 else _Pool(self).run(tagged)
        for tag, result in results:
            if isinstance(result, Failure):
                self.stats.failures[result.reason] += 1
            elif isinstance(result, Record):
                self.stats.records += 1
            yield tag, result

    def _serial(self, tagged: Iterable[tuple[Tag, Any]]) -> Iterator[tuple[Tag, Any]]:
        pipeline = Pipeline(only=self.only, timeout=self.timeout)
        for tag, item in tagged:
            yield tag, pipeline.process(item) if isinstance(item, Page) else item


# --- worker pool -------------------------------------------------------------------------------------------


def _work(inbox, results, slot: int, only: str | None, timeout: float | None, fingerprints: bool) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    parent = mp.parent_process()  # the process that started us (not the forkserver, which forked us)
    pipeline = Pipeline(only=only, timeout=timeout)
    while True:
        try:
            job = inbox.get(timeout=1.0)
        except queue.Empty:
            if parent is not None and not parent.is_alive():  # the parent was killed: do not linger
                return
            continue
        if job is None:
            return
        for seq, page in job:
            result = pipeline.process(page)
            fp = (
                dedup.fingerprint(result.article.text)
                if fingerprints and isinstance(result, Record)
                else None
            )
            results.put((slot, seq, result, fp))


@dataclass
class _Slot:
    process: Any = None
    inbox: Any = None
    outstanding: dict[int, Page] = field(default_factory=dict)  # seq → page, in dispatch order
    busy_since: float = 0.0


class _Pool:
    def __init__(self, runner: Runner):
        self.runner = runner
        self.ctx = mp.get_context("forkserver")
        # Workers are forked from the forkserver, which loads what pages need once (warta.warm: models, lexicons,
        # patterns): each worker starts warm and shares that memory copy-on-write, instead of loading it all
        # itself (~2.4 CPU s a worker). Takes effect when the forkserver starts (its first pool in a process).
        self.ctx.set_forkserver_preload(
            ["warta.warm"]
            if runner.only is None
            else ["warta.pipeline", "warta.extract.html", "warta.extract.flat"]
        )
        self.results = self.ctx.Queue()
        self.slots = [_Slot() for _ in range(runner.workers)]
        self.tags: dict[int, Tag] = {}
        self.retry: deque[tuple[int, Page]] = deque()
        self.deaths = 0  # worker deaths since the last result; many in a row means workers cannot start
        # SIGALRM stops a page at the time limit; this catches a worker stuck where signals cannot reach
        self.hard_limit = runner.timeout * 2 + 10 if runner.timeout else None

    def run(self, tagged: Iterable[tuple[Tag, Any]]) -> Iterator[tuple[Tag, Any]]:
        for n in range(len(self.slots)):
            self._start(n)
        self.source, self.seq, self.exhausted = iter(tagged), 0, False
        try:
            while not (self.exhausted and not self.tags):
                for slot in self.slots:
                    yield from self._fill(slot)
                yield from self._collect()
        finally:
            self._stop()

    def _fill(self, slot: _Slot) -> Iterator[tuple[Tag, Any]]:
        """Top ``slot`` up to ``depth`` chunks: pages to redo first, then new ones; failures from the sources
        pass straight through."""
        size = self.runner.chunk
        while len(slot.outstanding) + size <= size * self.runner.depth:
            chunk = [self.retry.popleft() for _ in range(min(len(self.retry), size))]
            while len(chunk) < size and not self.exhausted:
                try:
                    tag, item = next(self.source)
                except StopIteration:
                    self.exhausted = True
                    break
                if isinstance(item, Page):
                    self.seq += 1
                    self.tags[self.seq] = tag
                    chunk.append((self.seq, item))
                else:
                    yield tag, item
            if not chunk:
                return
            self._send(slot, chunk)

    def _send(self, slot: _Slot, chunk: list[tuple[int, Page]]) -> None:
        if not slot.outstanding:
            slot.busy_since = time.monotonic()
        slot.outstanding.update(chunk)
        slot.inbox.put(chunk)

    def _collect(self) -> Iterator[tuple[Tag, Any]]:
        try:
            n, seq, result, fp = self.results.get(timeout=0.5)
        except queue.Empty:
            yield from self._check_health()
            return
        slot = self.slots[n]
        if slot.outstanding.pop(seq, None) is None:
            return  # a late answer from a worker already replaced; its page was redone or failed
        slot.busy_since = time.monotonic()
        self.deaths = 0
        if fp is not None:
            dedup.remember(result.id, fp)
        yield self.tags.pop(seq), result

    def _check_health(self) -> Iterator[tuple[Tag, Any]]:
        now = time.monotonic()
        for n, slot in enumerate(self.slots):
            hung = bool(self.hard_limit and slot.outstanding and now - slot.busy_since > self.hard_limit)
            if slot.process.is_alive() and not hung:
                continue
            reason = "timeout" if hung else "worker_crashed"
            detail = (
                f"worker stuck for over {self.hard_limit:g} s"
                if hung
                else f"worker process exited with code {slot.process.exitcode}"
            )
            if hung:
                slot.process.kill()
            slot.process.join(5)
            self.deaths += 1
            if self.deaths > 2 * len(self.slots) + 2:
                raise RuntimeError(f"worker processes keep dying ({detail}); last one: {slot.process.name}")
            pending = list(slot.outstanding.items())
            slot.outstanding.clear()
            self._start(n)
            if pending:
                (seq, page), rest = pending[0], pending[1:]
                self.retry.extend(rest)
                yield self.tags.pop(seq), Failure(page.source(), reason, detail, step="parallel")

    def _start(self, n: int) -> None:
        slot = self.slots[n]
        slot.inbox = self.ctx.Queue()
        slot.process = self.ctx.Process(
            target=_work,
            args=(
                slot.inbox,
                self.results,
                n,
                self.runner.only,
                self.runner.timeout,
                self.runner.fingerprints,
            ),
            daemon=True,
            name=f"warta-worker-{n}",
        )
        slot.process.start()

    def _stop(self) -> None:
        for slot in self.slots:
            if slot.process.is_alive():
                slot.inbox.put(None)
        deadline = time.monotonic() + 5
        for slot in self.slots:
            slot.process.join(max(0.1, deadline - time.monotonic()))
            if slot.process.is_alive():
                slot.process.kill()
                slot.process.join(1)


# --- resumable ingest --------------------------------------------------------------------------------------


def input_files(paths: Iterable[str | os.PathLike]) -> Iterator[str]:
    """Each input as the sources read it: folders walked (same order and rule as ``iter_pages``), URLs as is."""
    from warta.sources.files import is_url

    for raw in paths:
        if isinstance(raw, str) and is_url(raw):
            yield raw
            continue
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")):
                yield str(child)
        else:
            yield str(path)


@dataclass
class _Input:
    key: str
    size: int
    mtime: float
    base: int  # items already stored by an earlier run
    read: int = 0  # items read in this run
    ended: bool = False
    done: set[int] = field(default_factory=set)
    mark: int = 0  # items stored, counting from the start of the input, with no gap
    position: int = 0  # byte offset of the last WARC record read (for the progress bar)

    def progress(self) -> InputProgress:
        return InputProgress(
            self.key,
            self.size,
            self.mtime,
            self.base + self.mark,
            finished=self.ended and self.mark == self.read,
        )


class Tracker:
    """Which items of which input are stored: skips what an earlier run stored, reports progress to store."""

    def __init__(self, known: dict[str, InputProgress]):
        self.known = known
        self.skipped_pages = 0
        self.skipped_inputs = 0
        self.bytes_read = 0

    def items(self, paths: Iterable[str], options) -> Iterator[tuple[Tag, Any]]:
        from warta.sources import iter_pages

        for name in input_files(paths):
            state = self._open(name)
            if state is None:
                continue
            pages = iter_pages([name], options)
            if state is not True and state.base:
                self.skipped_pages += state.base
                pages = islice(pages, state.base, None)
            for item in pages:
                if state is True:  # not a local file (URL): nothing to track
                    yield None, item
                    continue
                yield (state, state.read), item
                state.read += 1
                self._advance(state, item)
            if state is not True:
                state.ended = True
                self.bytes_read += max(0, state.size - state.position)
                yield (state, None), END

    def _open(self, name: str) -> _Input | bool | None:
        try:
            stat = os.stat(name)
        except OSError:
            return True  # a URL or a missing path: the sources report it
        key = os.path.abspath(name)
        old = self.known.get(key)
        same = old is not None and old.size == stat.st_size and abs(old.mtime - stat.st_mtime) < 1e-3
        if same and old.finished:
            self.skipped_inputs += 1
            self.skipped_pages += old.done
            return None
        return _Input(key, stat.st_size, stat.st_mtime, old.done if same else 0)

    def _advance(self, state: _Input, item: Any) -> None:
        offset = item.offset if isinstance(item, Page) else item.source.get("offset")
        if isinstance(item, Page) and item.origin == "warc" and isinstance(offset, int):
            self.bytes_read += max(0, offset - state.position)
            state.position = offset

    def finish(self, tag: Tag, result: Any) -> InputProgress | None:
        """Record that the item ``tag`` is stored; returns the input's new progress when it moved."""
        if tag is None:
            return None
        state, index = tag
        if index is not None:
            state.done.add(index)
        before = state.mark
        while state.mark in state.done:
            state.done.discard(state.mark)
            state.mark += 1
        if state.mark != before or (index is None and state.mark == state.read):
            return state.progress()
        return None


@dataclass
class IngestSummary:
    stats: Stats
    skipped_pages: int
    skipped_inputs: int


def ingest(paths: list[str], store, options, runner: Runner, progress: bool = False) -> IngestSummary:
    """Run ``paths`` through ``runner`` into ``store``, resuming where an earlier ingest stopped."""
    tracker = Tracker(store.input_progress())
    runner.fingerprints = True  # every record is stored, so the store picks up each fingerprint
    total = _total_bytes(paths, tracker.known) if progress else None
    results = runner.run(tracker.items(paths, options))

    def stream() -> Iterator[Any]:
        for tag, result in results:
            if result is not END:
                yield result
            marker = tracker.finish(tag, result)
            if marker is not None:
                yield marker

    items: Iterable[Any] = stream()
    if progress:
        items = _with_progress(items, runner.stats, tracker, total)
    store.write(items)
    return IngestSummary(runner.stats, tracker.skipped_pages, tracker.skipped_inputs)


def _total_bytes(paths: list[str], known: dict[str, InputProgress]) -> int | None:
    total = 0
    for name in input_files(paths):
        try:
            stat = os.stat(name)
        except OSError:
            return None  # URLs: size unknown, no ETA
        old = known.get(os.path.abspath(name))
        if not (old and old.finished and old.size == stat.st_size):
            total += stat.st_size
    return total


def _with_progress(items: Iterable[Any], stats: Stats, tracker: Tracker, total: int | None) -> Iterator[Any]:
    import rich.progress as rp
    from rich.console import Console

    # the bar is input bytes read (so the ETA holds for one big WARC or many small files); pages and rate beside
    columns = [
        rp.SpinnerColumn(),
        rp.TextColumn("{task.description}"),
        rp.BarColumn(),
        rp.DownloadColumn(),
        rp.TextColumn("{task.fields[pages]} pages, {task.fields[rate]:.1f}/s"),
        rp.TimeElapsedColumn(),
        rp.TextColumn("ETA"),
        rp.TimeRemainingColumn(),
    ]
    started = time.monotonic()
    with rp.Progress(*columns, console=Console(stderr=True), transient=False) as bar:
        task = bar.add_task("ingest", total=total, pages=0, rate=0.0)
        last = 0.0
        for item in items:
            yield item
            now = time.monotonic()
            if now - last > 0.2:
                last = now
                bar.update(
                    task,
                    completed=tracker.bytes_read,
                    pages=stats.pages,
                    rate=stats.pages / max(now - started, 1e-9),
                )
        bar.update(
            task,
            completed=total or tracker.bytes_read,
            pages=stats.pages,
            rate=stats.pages / max(time.monotonic() - started, 1e-9),
        )
