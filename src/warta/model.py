"""The one data model: Page in, Article out of extraction, Record = Article + annotations, or a Failure.

Annotations hold character offsets into ``Article.text`` (the paragraphs joined by a blank line), never
copies that can drift. ``Record.to_json`` gives the public ``warta/1`` form (see schema/record.schema.json).
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any

SCHEMA = "warta/1"
PARAGRAPH_SEP = "\n\n"


@dataclass(slots=True)
class Page:
    """One raw input page and where it came from."""

    kind: str  # what the content is: text | html
    content: bytes | str
    path: str | None = None
    url: str | None = None
    offset: int | None = None  # row number in a JSONL file, byte offset in a WARC file
    fetched_at: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    origin: str | None = None  # container it came in when not a plain file: jsonl | warc | url | feed

    def source(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.origin or self.kind}
        for key in ("path", "url", "offset", "fetched_at"):
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        return out

    def content_bytes(self) -> bytes:
        return self.content if isinstance(self.content, bytes) else self.content.encode("utf-8", "surrogatepass")


@dataclass(slots=True)
class Image:
    src: str
    caption: str | None = None


@dataclass(slots=True)
class Article:
    paragraphs: list[str] = field(default_factory=list)
    title: str | None = None
    site: str | None = None
    dateline: str | None = None
    published: str | None = None
    language: str | None = None
    credit: str | None = None
    authors: list[str] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    boilerplate: list[str] = field(default_factory=list)
    url: str | None = None
    encoding: str | None = None  # how the raw bytes were decoded, and why (e.g. "utf-8 (bom)")
    extractor: str | None = None  # name of the step that produced the article

    @property
    def text(self) -> str:
        return PARAGRAPH_SEP.join(self.paragraphs)


@dataclass(slots=True)
class Span:
    start: int
    end: int
    text: str = ""


@dataclass(slots=True)
class Entity:
    id: str
    name: str
    type: str  # PER | ORG | LOC | MISC
    mentions: list[Span] = field(default_factory=list)
    country: str | None = None
    role: str | None = None
    kind: str | None = None  # finer kind, e.g. "equipment" for MISC model codes
    confidence: float | None = None


@dataclass(slots=True)
class Quote:
    text: str
    kind: str  # direct | partial | indirect
    start: int
    end: int
    speaker: str | None = None  # entity id
    speaker_name: str | None = None
    cue: str | None = None


@dataclass(slots=True)
class Party:
    name: str
    entity: str | None = None
    country: str | None = None
    role: str | None = None


@dataclass(slots=True)
class Event:
    type: str  # PLOVER type
    actor: Party
    evidence: Span
    recipient: Party | None = None
    mode: str | None = None
    cameo: str | None = None
    date: str | None = None
    location: str | None = None
    confidence: float | None = None


@dataclass(slots=True)
class Record:
    id: str
    article: Article
    source: dict[str, Any] = field(default_factory=dict)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    steps: list[str] = field(default_factory=list)  # versioned names of the steps that ran
    cluster: str | None = None  # near-duplicate cluster (id of its first record), set by the store's dedup

    def to_json(self) -> dict[str, Any]:
        a = self.article
        data = {
            "schema": SCHEMA,
            "id": self.id,
            "url": a.url,
            "source": dict(self.source, encoding=a.encoding) if a.encoding else dict(self.source),
            "site": a.site,
            "title": a.title,
            "authors": list(a.authors),
            "credit": a.credit,
            "dateline": a.dateline,
            "published": a.published,
            "language": a.language,
            "images": [asdict(i) for i in a.images],
            "paragraphs": list(a.paragraphs),
            "text": a.text,
            "boilerplate": list(a.boilerplate),
            "entities": [_drop_none(asdict(e)) for e in self.entities],
            "quotes": [asdict(q) for q in self.quotes],
            "events": [_drop_none(asdict(e)) for e in self.events],
            "steps": list(self.steps),
        }
        if self.cluster is not None:
            data["cluster"] = self.cluster
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Record:
        source = dict(data.get("source") or {})
        article = Article(
            paragraphs=list(data.get("paragraphs") or []),
            title=data.get("title"),
            site=data.get("site"),
            dateline=data.get("dateline"),
            published=data.get("published"),
            language=data.get("language"),
            credit=data.get("credit"),
            authors=list(data.get("authors") or []),
            images=[Image(**i) for i in data.get("images") or []],
            boilerplate=list(data.get("boilerplate") or []),
            url=data.get("url"),
            encoding=source.pop("encoding", None),
        )
        return cls(
            id=data["id"],
            article=article,
            source=source,
            entities=[_entity(e) for e in data.get("entities") or []],
            quotes=[Quote(**q) for q in data.get("quotes") or []],
            events=[_event(e) for e in data.get("events") or []],
            steps=list(data.get("steps") or []),
            cluster=data.get("cluster") if isinstance(data.get("cluster"), str) else None,
        )


@dataclass(slots=True)
class Failure:
    """A page that could not be turned into a record, and why. Stored and counted, never dropped."""

    source: dict[str, Any]
    reason: str  # short machine-readable reason, e.g. "empty", "binary", "too_large", "timeout"
    detail: str = ""
    step: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"failure": self.reason, "detail": self.detail, "step": self.step, "source": self.source}


@dataclass(slots=True)
class InputProgress:
    """How far one input file has been ingested: its first ``done`` items are stored. Written in the same
    transaction as those items, so an interrupted ingest resumes exactly where its last commit ended."""

    path: str
    size: int
    mtime: float
    done: int
    finished: bool = False


def record_id(url: str | None, content: bytes) -> str:
    """Stable id: the same page content at the same url always gives the same id."""
    digest = hashlib.sha256()
    digest.update((url or "").encode("utf-8"))
    digest.update(b"\0")
    digest.update(content)
    return digest.hexdigest()[:20]


def _drop_none(d: dict[str, Any]) -> dict[str, Any]:
    return {k: (_drop_none(v) if isinstance(v, dict) else v) for k, v in d.items() if v is not None}


def _entity(d: dict[str, Any]) -> Entity:
    mentions = [Span(**m) for m in d.get("mentions") or []]
    fields = {k: v for k, v in d.items() if k in Entity.__slots__ and k != "mentions"}
    return Entity(mentions=mentions, **fields)


def _party(d: dict[str, Any] | None) -> Party | None:
    return None if d is None else Party(**{k: v for k, v in d.items() if k in Party.__slots__})


def _event(d: dict[str, Any]) -> Event:
    fields = {k: v for k, v in d.items() if k in Event.__slots__ and k not in ("actor", "recipient", "evidence")}
    return Event(actor=_party(d["actor"]), recipient=_party(d.get("recipient")),
                 evidence=Span(**d["evidence"]), **fields)
