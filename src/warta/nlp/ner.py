"""Named-entity recognition for news text: PER, ORG, LOC, MISC with character spans.

Indonesian/Malay (``id``, ``ms``) and English (``en``) use linear-chain CRF models (python-crfsuite) trained by
``scripts/train_ner.py`` and shipped in ``warta/resources/models``. Features are word shape, affixes, inner character
trigrams, context words, capitalised-run ("name candidate") edges, a "seen in lower case" lexicon from the training
text (``ner-<lang>.lex``, which can also hold word clusters), a CLDR/Phoenix/Indonesian-districts gazetteer
(``warta/resources/ner/gazetteer.tsv``) and hand-written head words (``head_words.tsv``: "kementerian" ORG,
"kabupaten" LOC, "presiden" title). Other languages get a capitalisation + gazetteer fallback.
Headline-cased lines are truecased before tagging; a few convention rules repair the CRF output afterwards
(:meth:`NerModel.repair`: titles outside PER spans, months in dates, colons, lower-case country names), and
:func:`find_mentions` never lets an entity run across a line break.
Equipment and model codes (``Mi-17``, ``F-16``, ``S-400``) are MISC with ``kind="equipment"`` by a shape rule.

Models load lazily on first use and are cached per language; nothing is downloaded at run time. python-crfsuite
reads a model's weights once; tagging runs in numpy (:class:`CrfScorer`: per-word score vectors cached, Viterbi and
forward-backward over a batch of sentences at a time), with crfsuite's tags and marginals.

Where a language has a ``ner-<lang>.nn.npz`` next to its CRF (Indonesian/Malay), a character-CNN + word BiLSTM
(:class:`NeuralTagger`, trained by ``scripts/train_ner_neural.py``, run in numpy) adds its weighted label
log-probabilities to the CRF's state scores before Viterbi: an ensemble that keeps the CRF's features and
transitions and adds the network's view of the whole sentence.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, repeat
from pathlib import Path
from typing import NamedTuple, TextIO

from warta.nlp.tokenize import token_words

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
MODEL_DIR = RESOURCES / "models"
GAZETTEER_PATH = RESOURCES / "ner" / "gazetteer.tsv"
HEAD_WORDS_PATH = RESOURCES / "ner" / "head_words.tsv"
COUNTRIES_PATH = RESOURCES / "ner" / "countries.txt"
TYPES = ("PER", "ORG", "LOC", "MISC")
MODEL_LANG = {"id": "id", "ms": "id", "en": "en"}
FALLBACK_CONFIDENCE = 0.3
RULE_CONFIDENCE = 0.6
# Sentences scored together (numpy steps are shared across a batch; about one news article).
BATCH_SENTENCES = 32

# Letters (at most 4, starting upper-case), hyphen, digits, optional letter suffix: Mi-17, F-16, S-400, AK-47, MiG-29M.
_EQUIPMENT = re.compile(r"[A-Z][A-Za-z]{0,3}-\d{1,4}[A-Za-z]{0,2}")
# Same shape but not equipment: Indonesian ordinals (ke-2), day counts (H-3, D-1) and summit groups (G-20).
_EQUIPMENT_NOT = frozenset({"ke", "h", "d", "g"})
# Lower-case words that may sit inside a name (Abdurrachman bin Ali, Bank of America, Ludwig van Beethoven).
_NAME_CONNECTORS = frozenset("of the de van der von bin binti al la le da du del dos y".split())
_QUOTES = frozenset("\"'“”‘’«»„‟‹›`")
_CLOSERS = frozenset("\"'”’»")
_ENDERS = frozenset({".", "!", "?", "…", "..."})
# Month names and abbreviations (Indonesian, Malay, English, from CLDR): never an entity next to a number.
_MONTHS = frozenset(
    """
    januari februari maret april mei juni juli agustus september oktober november desember mac jun julai ogos
    disember january february march may june july august october december jan feb mar apr jul agu ago ogo aug
    sep sept okt oct nov des dis dec
    """.split()
)
# Tokens an entity never spans: a colon ("Jakarta: Presiden ...") or a line break (checked on the text).
_SPAN_BREAKERS = frozenset({":", "|", "•"})


@dataclass(frozen=True, slots=True)
class Mention:
    """One entity mention; ``start``/``end`` are character offsets into the analysed text."""

    start: int
    end: int
    text: str
    type: str
    confidence: float
    kind: str | None = None

    def to_dict(self) -> dict:
        data = {"start": self.start, "end": self.end, "text": self.text, "type": self.type}
        data["confidence"] = round(self.confidence, 3)
        if self.kind:
            data["kind"] = self.kind
        return data


# --------------------------------------------------------------------------------------------- resources


class Gazetteer:
    """Phrase lists by type, matched longest-first over lower-cased tokens."""

    def __init__(self, entries: Iterable[tuple[str, str]]):
        self.phrases: dict[tuple[str, ...], str] = {}
        phrases = self.phrases
        for kind, phrase in entries:
            words = tuple(phrase.split(" "))
            if words not in phrases:  # the first kind listed for a phrase wins
                phrases[words] = kind
        self.max_len = max(1, max(map(len, phrases), default=1))
        self.first_words = {words[0] for words in phrases}
        # Per first word, the lengths of its phrases, longest first (the only lengths worth trying).
        lengths: dict[str, list[int]] = {}
        for words in phrases:
            sizes = lengths.get(words[0])
            if sizes is None:
                lengths[words[0]] = [len(words)]
            elif len(words) not in sizes:
                sizes.append(len(words))
        self.lengths = {
            word: sorted(sizes, reverse=True) if len(sizes) > 1 else sizes for word, sizes in lengths.items()
        }
        # Per word (longer than two letters) of any phrase, the phrases' kinds: "LOC", or "LOC|ORG" when several.
        kinds: dict[str, str] = {}
        several: dict[str, set[str]] = {}
        for words, kind in phrases.items():
            for word in words:
                if len(word) > 2 and word.isalpha():
                    known = kinds.get(word)
                    if known is None:
                        kinds[word] = kind
                    elif known != kind:
                        several.setdefault(word, {known}).add(kind)
        for word, found in several.items():
            kinds[word] = "|".join(sorted(found))
        self.word_kinds = kinds

    @classmethod
    def load(cls, path: Path = GAZETTEER_PATH) -> Gazetteer:
        entries = []
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                if line and not line.startswith("#"):
                    kind, _, phrase = line.partition("\t")
                    entries.append((kind, phrase))
        return cls(entries)

    def match(self, tokens: Sequence[str]) -> list[str | None]:
        """IOB-style gazetteer label per token (``B-LOC``...), only for phrases starting capitalised."""
        lowered = [t.lower() for t in tokens]
        labels: list[str | None] = [None] * len(tokens)
        first_words = self.first_words
        i = 0
        while i < len(tokens):
            if lowered[i] not in first_words:  # the common case, checked here to skip a call
                i += 1
                continue
            span = self._longest_at(tokens, lowered, i)
            if span:
                length, kind = span
                labels[i] = "B-" + kind
                for j in range(i + 1, i + length):
                    labels[j] = "I-" + kind
                i += length
            else:
                i += 1
        return labels

    def _longest_at(self, tokens: Sequence[str], lowered: list[str], i: int) -> tuple[int, str] | None:
        if lowered[i] not in self.first_words or not tokens[i][:1].isupper():
            return None
        room = len(tokens) - i
        for length in self.lengths[lowered[i]]:
            if length > room:
                continue
            kind = self.phrases.get(tuple(lowered[i : i + length]))
            if kind and tokens[i + length - 1][:1].isalnum():
                return length, kind
        return None


class Lexicon:
    """Per-language word information learned from the training text: clusters and lower-case usage."""

    def __init__(self, clusters: dict[str, str], lowercase: frozenset[str]):
        self.clusters = clusters
        self.lowercase = lowercase

    @classmethod
    def load(cls, path: Path) -> Lexicon:
        clusters: dict[str, str] = {}
        lowercase: set[str] = set()
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                if not line or line.startswith("#"):
                    continue
                tag, _, rest = line.partition("\t")
                if tag == "L":
                    lowercase.add(rest)
                elif tag == "C":
                    word, _, bits = rest.partition("\t")
                    clusters[word] = bits
        return cls(clusters, frozenset(lowercase))


# --------------------------------------------------------------------------------------------- features


def word_shape(word: str) -> str:
    """Xx-dd style shape with runs collapsed: ``Mi-17`` -> ``Xx-d``, ``Jakarta`` -> ``Xx``."""
    out = []
    for ch in word:
        if ch.isupper():
            c = "X"
        elif ch.islower():
            c = "x"
        elif ch.isdigit():
            c = "d"
        else:
            c = ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)[:8]


class FeatureExtractor:
    """Turns a token sequence into crfsuite attribute lists.

    Everything that depends on one word only -- its own attributes and the strings it contributes to its
    neighbours' lists ("-1w=...", "+1sh=...", "-1hd=...") -- is built once per distinct word and memoised, so a
    sentence costs list concatenation plus the few features that depend on the sentence (gazetteer matches,
    word pairs, capitalised runs).
    """

    def __init__(self, lexicon: Lexicon, gazetteer: Gazetteer):
        self.head_words = _head_words()
        self.lexicon = lexicon
        self.gazetteer = gazetteer
        self._word_cache: dict[str, WordInfo] = {}

    def word_info(self, word: str) -> WordInfo:
        """Memoised per-word features (see :class:`WordInfo`)."""
        cached = self._word_cache.get(word)
        if cached is not None:
            return cached
        info = self.new_word_info(word)
        if len(self._word_cache) > 200_000:  # bounded memory on long-running processes
            self._word_cache.clear()
        self._word_cache[word] = info
        return info

    def new_word_info(self, word: str) -> WordInfo:
        """:meth:`word_info` without the memo (the CRF scorer keeps each word's summed scores instead: ~2 KB of
        attribute strings per word that it would never read again)."""
        lower = word.lower()
        shape = word_shape(word)
        cluster = self.lexicon.clusters.get(lower, "")
        own = [
            "b",
            "w=" + lower,
            "sh=" + shape,
            "p2=" + lower[:2],
            "p3=" + lower[:3],
            "p4=" + lower[:4],
            "s2=" + lower[-2:],
            "s3=" + lower[-3:],
            "s4=" + lower[-4:],
            "len=" + str(min(len(word), 10)),
        ]
        if word[:1].isupper():
            own.append("title")
            kinds = self.gazetteer.word_kinds.get(lower)
            if kinds:
                own.append("gt=" + kinds)
            if lower in self.lexicon.lowercase:
                own.append("title_lc_seen")
            elif lower.isalpha():
                own.append("title_lc_unseen")
        if word[:1].isupper() and len(word) > 3:
            # Inner character trigrams tell name-like words apart (foreign names, -export, -ovich) beyond affixes.
            padded = "<" + lower + ">"
            own.extend(dict.fromkeys("g3=" + padded[k : k + 3] for k in range(len(padded) - 2)))
        if word.isupper() and len(word) > 1:
            own.append("upper")
        if "-" in word and len(word) > 1:
            own.append("hyphen")
            own.append("hy_last=" + lower.rsplit("-", 1)[1][:4])
        if word in _QUOTES:
            own.append("quote")
        if cluster:
            own.extend(("c4=" + cluster[:4], "c8=" + cluster[:8], "c=" + cluster))
        head = self.head_words.get(lower)
        if head:
            own.append("0hd=" + head)
        near = ("sh=" + shape, "c=" + cluster[:6])
        info = WordInfo(
            own,
            lower,
            ("-2w=" + lower,),
            ("-1w=" + lower, "-1" + near[0], "-1" + near[1]) + (("-1hd=" + head,) if head else ()),
            ("1w=" + lower, "1" + near[0], "1" + near[1]) + (("1hd=" + head,) if head else ()),
            ("2w=" + lower,),
        )
        return info

    def sentence(self, tokens: Sequence[str]) -> list[list[str]]:
        infos = [self.word_info(t) for t in tokens]
        out = self.sentence_extras(tokens, infos)
        n = len(tokens)
        for i, feats in enumerate(out):
            feats.extend(infos[i].own)
            if i >= 2:
                feats.extend(infos[i - 2].left2)
            if i >= 1:
                feats.extend(infos[i - 1].left1)
            if i + 1 < n:
                feats.extend(infos[i + 1].right1)
            if i + 2 < n:
                feats.extend(infos[i + 2].right2)
        return out

    def sentence_extras(self, tokens: Sequence[str], infos: Sequence[WordInfo]) -> list[list[str]]:
        """The attributes that depend on more than one word: edges, word pairs, gazetteer matches, runs."""
        gaz = self.gazetteer.match(tokens)
        lowered = [info.lower for info in infos]
        out = self.run_features(tokens, lowered)
        n = len(tokens)
        for i, feats in enumerate(out):
            lower = lowered[i]
            if i < 2:
                feats.append("-2w=<pad>")
            if i >= 1:
                feats.append("-1w0=" + lowered[i - 1] + "|" + lower)
                if gaz[i - 1]:
                    feats.append("-1gz=" + gaz[i - 1][2:])
            else:
                feats.append("-1w=<pad>")
                feats.append("BOS")
            if i + 1 < n:
                feats.append("w0+1=" + lower + "|" + lowered[i + 1])
                if gaz[i + 1]:
                    feats.append("1gz=" + gaz[i + 1][2:])
            else:
                feats.append("1w=<pad>")
                feats.append("EOS")
            if i + 2 >= n:
                feats.append("2w=<pad>")
            if gaz[i]:
                feats.append("gz=" + gaz[i])
        return out

    def run_features(self, tokens: Sequence[str], lowered: Sequence[str]) -> list[list[str]]:
        """Features tying each token of a capitalised run (a name candidate) to the run's edges and neighbours.

        The CRF sees only +-2 words; the type of a long name often depends on its first word ("Universitas ...",
        "Kecamatan ...") or on the word before it ("Presiden ...", "kota ..."), which may be further away.
        Two views: the whole capitalised run, and its "core" that stops at words the training text also writes in
        lower case (so in "Menteri Luar Negeri Retno Marsudi" the core is "Retno Marsudi", after "negeri").
        """
        lowercase = self.lexicon.lowercase
        out: list[list[str]] = [[] for _ in tokens]
        names = [_is_name_word(t) for t in tokens]
        _add_run_features(out, lowered, "run", names)
        _add_run_features(
            out, lowered, "core", [a and w not in lowercase for a, w in zip(names, lowered, strict=True)]
        )
        return out


class WordInfo(NamedTuple):
    """What one word contributes: its own attributes, its lower-case form, and its attributes as a neighbour."""

    own: list[str]
    lower: str
    left2: tuple[str, ...]
    left1: tuple[str, ...]
    right1: tuple[str, ...]
    right2: tuple[str, ...]


def _run_attributes(
    lowered: Sequence[str], name: str, inside: Sequence[bool]
) -> Iterator[tuple[int, tuple[str, ...], list[str]]]:
    """Per capitalised run (names joined by connectors like "bin", "van"): its first token, the attributes all
    its tokens share (prev, prev2, next, first, last) and each token's position attribute ("S1", "B3", "I3", "E3")."""
    n = len(lowered)
    i = 0
    while i < n:
        if not inside[i]:
            i += 1
            continue
        j = i + 1
        while j < n and (inside[j] or (lowered[j] in _NAME_CONNECTORS and j + 1 < n and inside[j + 1])):
            j += 1
        shared = (
            f"{name}_prev={lowered[i - 1] if i > 0 else '<s>'}",
            f"{name}_prev2={lowered[i - 2] if i > 1 else '<s>'}",
            f"{name}_next={lowered[j] if j < n else '</s>'}",
            f"{name}_first={lowered[i]}",
            f"{name}_last={lowered[j - 1]}",
        )
        length = str(min(j - i, 5))
        positions = [
            f"{name}={'S' if j - i == 1 else 'B' if k == i else 'E' if k == j - 1 else 'I'}{length}"
            for k in range(i, j)
        ]
        yield i, shared, positions
        i = j


def _add_run_features(out: list[list[str]], lowered: Sequence[str], name: str, inside: list[bool]) -> None:
    for first, shared, positions in _run_attributes(lowered, name, inside):
        for k, position in enumerate(positions, first):
            out[k].append(position)
            out[k].extend(shared)


# --------------------------------------------------------------------------------------------- model


class CrfScorer:
    """A trained crfsuite model's weights run in numpy.

    Each word's contribution to the label scores -- its own attributes, and what it adds to the words up to two
    places before and after it -- is summed once and cached as five vectors, so scoring a sentence is a few array
    additions, a lookup of the attributes that depend on the sentence, and Viterbi (or forward-backward for
    marginals) over the few labels. Same scores as crfsuite's tagger, without converting every attribute string
    on every call.
    """

    def __init__(self, tagger, features: FeatureExtractor, path: Path | None = None):
        import numpy as np

        self.np = np
        self.features = features
        self.labels: list[str] = list(tagger.labels())
        size = len(self.labels)
        read = _read_crfsuite(path, self.labels) if path is not None else None
        if read is not None:  # the model file read directly: same weights as tagger.info(), ~7x faster
            self.attr_index, self.weights, self.transitions = read
        else:
            index = {label: i for i, label in enumerate(self.labels)}
            info = tagger.info()
            vectors: dict[str, list[float]] = {}
            for (attr, label), weight in info.state_features.items():
                vectors.setdefault(attr, [0.0] * size)[index[label]] = weight
            self.attr_index = {attr: i for i, attr in enumerate(vectors)}
            self.weights = np.array(list(vectors.values()) or [[0.0] * size]).reshape(-1, size)
            self.transitions = np.zeros((size, size))
            for (prev, label), weight in info.transitions.items():
                self.transitions[index[prev], index[label]] = weight
        self.exp_transitions = np.exp(self.transitions)
        self._zero = np.zeros(size)
        # Per distinct word an id: its five score vectors are ``_table[id]``, and the sentence-level features read
        # its lower case, name-word, name-core-word and may-start-a-gazetteer-phrase flags from the lists below
        # (so they never rebuild strings).
        self._words: dict[str, int] = {}
        self._table = np.zeros((0, 5, size))
        self._lower: list[str] = []
        self._name: list[bool] = []
        self._core: list[bool] = []
        self._gaz_start: list[bool] = []
        # Per word id the rows of its capitalised-run attributes ("run_prev=<word>", "run_prev2=", "run_next=",
        # "run_first=", "run_last=", then the same five for "core"; None: no weight), so that runs are scored
        # without building attribute strings; ``_run_edges``: the rows of the sentence-edge values of the first
        # three ("<s>", "<s>", "</s>") per kind; ``_run_positions``: (kind, letter, length) -> row of "run=B3" ...
        self._run_words: list[tuple] = []
        get = self.attr_index.get
        self._run_edges = {
            kind: (get(f"{kind}_prev=<s>"), get(f"{kind}_prev2=<s>"), get(f"{kind}_next=</s>"))
            for kind in ("run", "core")
        }
        self._run_positions = {
            (kind, letter, length): get(f"{kind}={letter}{length}")
            for kind in ("run", "core")
            for letter in "SBIE"
            for length in range(1, 6)
        }
        # Word-pair attributes by "a|b": (row of "-1w0=a|b" or -1, row of "w0+1=a|b" or -1).
        self._pairs: dict[str, tuple[int, int]] = {}
        for attr, row in self.attr_index.items():
            if attr.startswith(("-1w0=", "w0+1=")):
                prev, nxt = self._pairs.get(attr[5:], (-1, -1))
                self._pairs[attr[5:]] = (row, nxt) if attr[0] == "-" else (prev, row)
        # Rows of the attributes tied to sentence edges (None: the model has no weight for it).
        self._edge_rows = {
            attr: self.attr_index.get(attr)
            for attr in ("-2w=<pad>", "-1w=<pad>", "BOS", "1w=<pad>", "EOS", "2w=<pad>")
        }

    def _ids(self, words: Sequence[str]) -> list[int]:
        """Each word's id (see ``_words``); words not seen before are scored together in one step."""
        cache = self._words
        ids = list(map(cache.get, words, repeat(-1)))
        if -1 not in ids:
            return ids
        new = [w for w in dict.fromkeys(words) if w not in cache]
        used = len(cache)
        if used + len(new) > 200_000:  # bounded memory on long-running processes
            cache.clear()
            for column in (self._lower, self._name, self._core, self._gaz_start, self._run_words):
                column.clear()
            used = 0
            new = list(dict.fromkeys(words))
        np = self.np
        attr_index = self.attr_index
        features = self.features
        lowercase = features.lexicon.lowercase
        first_words = features.gazetteer.first_words
        groups, rows = [], []
        group = 0
        for word in new:
            info = features.new_word_info(word)
            for attrs in (info.own, info.left2, info.left1, info.right1, info.right2):
                for attr in attrs:
                    row = attr_index.get(attr)
                    if row is not None:
                        groups.append(group)
                        rows.append(row)
                group += 1
            lower = info.lower
            name = _is_name_word(word)
            self._lower.append(lower)
            self._name.append(name)
            self._core.append(name and lower not in lowercase)
            self._gaz_start.append(lower in first_words and word[:1].isupper())
            run_rows = tuple(
                attr_index.get(f"{kind}_{part}={lower}")
                for kind in ("run", "core")
                for part in ("prev", "prev2", "next", "first", "last")
            )
            self._run_words.append(run_rows if run_rows != _NO_RUN_ROWS else _NO_RUN_ROWS)
            cache[word] = used
            used += 1
        sums = np.zeros((group, len(self.labels)))
        if rows:
            np.add.at(sums, groups, self.weights[rows])
        table = self._table
        if used > len(table):
            grown = np.empty((max(2 * len(table), used, 1024), 5, len(self.labels)))
            grown[: used - len(new)] = table[: used - len(new)]
            table = self._table = grown
        table[used - len(new) : used] = sums.reshape(len(new), 5, -1)
        return [cache[w] for w in words]

    def word_vectors(self, words: Iterable[str]) -> list:
        """Per word a (5, labels) array: its own scores, then as the word two before, one before, one after and
        two after another (cached per word)."""
        table = self._table
        return [table[k] for k in self._ids(list(words))]

    def emissions(self, sentences: Sequence[Sequence[str]]):
        """(all tokens, labels) array of state scores for non-empty ``sentences``, one after the other.

        The same sums as crfsuite over :meth:`FeatureExtractor.sentence` attributes, added in the same order per
        token (so the same floating-point result): the word's own vector, its neighbours' vectors, then the
        sentence-level attributes of :meth:`FeatureExtractor.sentence_extras` -- capitalised runs, edges, word
        pairs, gazetteer matches -- looked up from the cached word entries instead of built as strings.
        """
        np = self.np
        tokens = [t for sentence in sentences for t in sentence]
        ids = self._ids(tokens)
        parts = self._table[ids]
        lowered = list(map(self._lower.__getitem__, ids))
        names = list(map(self._name.__getitem__, ids))
        cores = list(map(self._core.__getitem__, ids))
        starts_gaz = list(map(self._gaz_start.__getitem__, ids))
        lengths = [len(sentence) for sentence in sentences]
        sentence_of = np.repeat(np.arange(len(sentences)), lengths)
        same1 = (sentence_of[1:] == sentence_of[:-1])[:, None]  # neighbours in the same sentence
        same2 = (sentence_of[2:] == sentence_of[:-2])[:, None]
        scores = parts[:, 0].copy()
        scores[2:] += parts[:-2, 1] * same2
        scores[1:] += parts[:-1, 2] * same1
        scores[:-1] += parts[1:, 3] * same1
        scores[:-2] += parts[2:, 4] * same2
        positions, rows = self._extra_rows(sentences, lengths, lowered, names, cores, starts_gaz, ids)
        if len(rows):
            np.add.at(scores, positions, self.weights[rows])
        return scores

    def _extra_rows(self, sentences, lengths, lowered, names, cores, starts_gaz, ids):
        """(positions, weight rows) of the sentence-level attributes, in :meth:`FeatureExtractor.sentence_extras`'s
        order per token: run, core, -2w pad, -1w0 pair / -1gz or -1w pad / BOS, w0+1 pair / 1gz or 1w pad / EOS,
        2w pad, gz. ``np.add.at`` adds in list order, so each token gets its attributes in that order."""
        np = self.np
        get = self.attr_index.get
        run_pos: list[int] = []
        run_rows: list[int] = []
        core_pos: list[int] = []
        core_rows: list[int] = []
        gaz: list[tuple[int, str]] = []  # (position, "B-LOC") of gazetteer matches
        gazetteer = self.features.gazetteer
        run_words = self._run_words
        offset = 0
        for sentence, n in zip(sentences, lengths, strict=True):
            end = offset + n
            inside = names[offset:end]
            if True in inside:
                low = lowered[offset:end]
                words = [run_words[k] for k in ids[offset:end]]
                self._run_rows(run_pos, run_rows, offset, low, words, "run", inside)
                inside = cores[offset:end]
                if True in inside:
                    self._run_rows(core_pos, core_rows, offset, low, words, "core", inside)
            flags = starts_gaz[offset:end]
            if True in flags:  # Gazetteer.match, from the cached first-word test
                low = lowered[offset:end]
                i = 0
                while i < n:
                    try:
                        i = flags.index(True, i)  # the next word that may start a phrase
                    except ValueError:
                        break
                    span = gazetteer._longest_at(sentence, low, i)
                    if span:
                        length, kind = span
                        gaz.append((offset + i, "B-" + kind))
                        gaz.extend((offset + j, "I-" + kind) for j in range(i + 1, i + length))
                        i += length
                    else:
                        i += 1
            offset = end
        lengths_arr = np.asarray(lengths)
        firsts = np.concatenate(([0], np.cumsum(lengths_arr)[:-1]))
        lasts = firsts + lengths_arr - 1
        longer = lengths_arr > 1
        # word pairs: "-1w0=a|b" on b, "w0+1=a|b" on a, for neighbours in one sentence
        pairs = [a + "|" + b for a, b in zip(lowered, lowered[1:], strict=False)]
        across = set(lasts[:-1].tolist())  # pairs across a sentence boundary
        prev_pos, prev_rows, next_pos, next_rows = [], [], [], []
        found_at = list(map(self._pairs.get, pairs))  # non-empty tuples, or None: no weight for the pair
        for k in compress(range(len(found_at)), found_at):
            found = found_at[k]
            if k not in across:
                if found[0] >= 0:
                    prev_pos.append(k + 1)
                    prev_rows.append(found[0])
                if found[1] >= 0:
                    next_pos.append(k)
                    next_rows.append(found[1])
        sentence_last = set(lasts.tolist())
        sentence_first = set(firsts.tolist())
        gz_prev = [(p + 1, get("-1gz=" + label[2:])) for p, label in gaz if p not in sentence_last]
        gz_next = [(p - 1, get("1gz=" + label[2:])) for p, label in gaz if p not in sentence_first]
        gz_own = [(p, get("gz=" + label)) for p, label in gaz]
        edge = self._edge_rows
        chunks_pos = [np.asarray(run_pos, dtype=np.intp), np.asarray(core_pos, dtype=np.intp)]
        chunks_rows = [np.asarray(run_rows, dtype=np.intp), np.asarray(core_rows, dtype=np.intp)]

        def fixed(attr: str, where) -> None:
            row = edge[attr]
            if row is not None and len(where):
                chunks_pos.append(where)
                chunks_rows.append(np.full(len(where), row, dtype=np.intp))

        def listed(items: list[tuple[int, int | None]]) -> None:
            items = [(p, r) for p, r in items if r is not None]
            if items:
                chunks_pos.append(np.array([p for p, _ in items], dtype=np.intp))
                chunks_rows.append(np.array([r for _, r in items], dtype=np.intp))

        fixed("-2w=<pad>", np.concatenate([firsts, firsts[longer] + 1]))
        chunks_pos.append(np.asarray(prev_pos, dtype=np.intp))
        chunks_rows.append(np.asarray(prev_rows, dtype=np.intp))
        listed(gz_prev)
        fixed("-1w=<pad>", firsts)
        fixed("BOS", firsts)
        chunks_pos.append(np.asarray(next_pos, dtype=np.intp))
        chunks_rows.append(np.asarray(next_rows, dtype=np.intp))
        listed(gz_next)
        fixed("1w=<pad>", lasts)
        fixed("EOS", lasts)
        fixed("2w=<pad>", np.concatenate([lasts, lasts[longer] - 1]))
        listed(gz_own)
        return np.concatenate(chunks_pos), np.concatenate(chunks_rows)

    def _run_rows(
        self, pos: list[int], rows: list[int], offset: int, lowered, words, kind: str, inside
    ) -> None:
        """:func:`_add_run_features` as weight rows, read from the per-word rows (``words``: each token's
        ``_run_words`` entry) instead of built as strings: per token of each run, its position row, then the run's
        shared prev, prev2, next, first, last rows (the order crfsuite adds them in)."""
        base = 0 if kind == "run" else 5
        edge_prev, edge_prev2, edge_next = self._run_edges[kind]
        positions = self._run_positions
        n = len(lowered)
        i = 0
        while True:
            try:
                i = inside.index(True, i)  # the next run's first token
            except ValueError:
                break
            j = i + 1
            while j < n and (inside[j] or (lowered[j] in _NAME_CONNECTORS and j + 1 < n and inside[j + 1])):
                j += 1
            shared = [
                row
                for row in (
                    words[i - 1][base] if i > 0 else edge_prev,
                    words[i - 2][base + 1] if i > 1 else edge_prev2,
                    words[j][base + 2] if j < n else edge_next,
                    words[i][base + 3],
                    words[j - 1][base + 4],
                )
                if row is not None
            ]
            size = j - i
            length = min(size, 5)
            if size == 1:
                own = [positions[kind, "S", length]]
            else:
                middle = positions[kind, "I", length]
                own = [positions[kind, "B", length], *([middle] * (size - 2)), positions[kind, "E", length]]
            for k, row in enumerate(own, offset + i):
                token_rows = shared if row is None else [row, *shared]
                pos.extend([k] * len(token_rows))
                rows.extend(token_rows)
            i = j

    def _sorted_padded(self, scores, lengths: Sequence[int]):
        """Scores as a (sentences, longest, labels) array with the sentences longest first, their order (sorted
        position -> given position), and per step t how many sentences are still running (length > t)."""
        np = self.np
        lengths_arr = np.asarray(lengths)
        order = np.argsort(-lengths_arr, kind="stable")
        sorted_lengths = lengths_arr[order]
        starts = np.concatenate(([0], np.cumsum(lengths_arr)[:-1]))[order]
        longest = int(sorted_lengths[0])
        sentence_of = np.repeat(np.arange(len(lengths)), sorted_lengths)
        position = (
            np.arange(len(sentence_of)) - np.concatenate(([0], np.cumsum(sorted_lengths)[:-1]))[sentence_of]
        )
        padded = np.zeros((len(lengths), longest, scores.shape[1]))
        padded[sentence_of, position] = scores[starts[sentence_of] + position]
        running = np.searchsorted(-sorted_lengths, -np.arange(longest), side="left").tolist()
        return padded, order, sorted_lengths, running

    def viterbi(self, scores, lengths: Sequence[int], prepared=None) -> list[list[str]]:
        """Best label sequence per sentence; all sentences decoded together, step by step (longest first, so the
        sentences still running at a step are a prefix of the batch). ``prepared``: ``_sorted_padded``'s result
        for these scores, when the caller has it (it is only read)."""
        np = self.np
        padded, order, sorted_lengths, running = prepared or self._sorted_padded(scores, lengths)
        count, longest, size = padded.shape
        back = np.empty((longest, count, size), dtype=np.intp)
        best = padded[:, 0].copy()
        transitions = self.transitions[None]
        maximum = np.maximum.reduce  # = ndarray.max without its Python wrapper (called once per step)
        add = np.add
        for t in range(1, longest):
            k = running[t]
            candidates = best[:k, :, None] + transitions
            back[t, :k] = candidates.argmax(axis=1)
            add(maximum(candidates, axis=1), padded[:k, t], out=best[:k])
        path = np.empty((longest, count), dtype=np.intp)
        rows = np.arange(count)
        path[sorted_lengths - 1, rows] = best.argmax(axis=1)
        for t in range(longest - 1, 0, -1):
            k = running[t]
            path[t - 1, :k] = back[t, rows[:k], path[t, :k]]
        labels = self.labels
        out: list[list[str]] = [[] for _ in lengths]
        for b, k in enumerate(order.tolist()):
            out[k] = [labels[x] for x in path[: lengths[k], b].tolist()]
        return out

    def marginals(self, scores, lengths: Sequence[int], prepared=None) -> list:
        """Per sentence, a (tokens, labels) array of label probabilities (forward-backward, rescaled each step);
        ``prepared`` as for :meth:`viterbi`."""
        np = self.np
        padded, order, sorted_lengths, running = prepared or self._sorted_padded(scores, lengths)
        count, longest, size = padded.shape
        potentials = np.exp(padded - padded.max(axis=2, keepdims=True))
        trans = self.exp_transitions
        alpha = np.ones_like(potentials)  # padding stays 1: finite products, never read
        beta = np.ones_like(potentials)
        total, divide = np.add.reduce, np.divide  # = ndarray.sum without its Python wrapper
        a = potentials[:, 0] / potentials[:, 0].sum(axis=1, keepdims=True)
        alpha[:, 0] = a
        for t in range(1, longest):
            k = running[t]
            new = (a @ trans)[:k] * potentials[:k, t]
            alpha[:k, t] = divide(new, total(new, axis=1, keepdims=True), out=a[:k])
        b = np.ones((count, size))
        trans_t = trans.T
        for t in range(longest - 2, -1, -1):
            k = running[t + 1]
            new = ((potentials[:, t + 1] * b) @ trans_t)[:k]
            beta[:k, t] = divide(new, total(new, axis=1, keepdims=True), out=b[:k])
        joint = alpha * beta
        joint /= joint.sum(axis=2, keepdims=True)
        out: list = [None] * len(lengths)
        for b_, k in enumerate(order.tolist()):
            out[k] = joint[b_, : lengths[k]]
        return out


def _read_crfsuite(path: Path, labels: Sequence[str]):
    """(attribute -> row, (rows, labels) state weights, (labels, labels) transitions) read straight from a
    crfsuite model file (format of crfsuite's crf1dmodel.c: a header of offsets, a feature table, labels and
    attributes in CQDB string databases), or None when the file does not look as expected.

    The same numbers as ``Tagger.info()``, which has crfsuite print the model as text (weights with six decimals)
    and parses it with a regular expression per line: weights are rounded the same way (printf's ``%f`` and
    Python's ``f"{w:f}"`` both round correctly), and the rows come in the same order.
    """
    import struct

    import numpy as np

    try:
        data = path.read_bytes()
        magic, _, kind, _, _, _, _, off_features, off_labels, off_attrs = struct.unpack_from(
            "<4sI4sIIIIIII", data
        )
        chunk, _, count = struct.unpack_from("<4sII", data, off_features)
        if magic != b"lCRF" or kind != b"FOMC" or chunk != b"FEAT":
            return None
        table = np.frombuffer(
            data,
            dtype=np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("weight", "<f8")]),
            count=count,
            offset=off_features + 12,
        )

        def strings(offset: int) -> list[str]:
            chunk, _, _, _, size, backward = struct.unpack_from("<4sIIIII", data, offset)
            if chunk != b"CQDB":
                raise ValueError("not a CQDB chunk")
            out = []
            for k, at in enumerate(
                np.frombuffer(data, dtype="<u4", count=size, offset=offset + backward).tolist()
            ):
                key, length = struct.unpack_from("<iI", data, offset + at)
                if key != k:
                    raise ValueError("CQDB ids out of order")
                out.append(data[offset + at + 8 : offset + at + 7 + length].decode("utf-8"))
            return out

        if strings(off_labels) != list(labels):
            return None
        attrs = strings(off_attrs)
        weights = np.array([float(f"{w:f}") for w in table["weight"].tolist()])
        state = table["type"] == 0
        src, dst, values = (
            table["src"][state].astype(np.intp),
            table["dst"][state].astype(np.intp),
            weights[state],
        )
        used, first = np.unique(src, return_index=True)
        used = used[
            np.argsort(first, kind="stable")
        ]  # rows in order of first appearance, as info() gives them
        row = np.empty(len(attrs), dtype=np.intp)
        row[used] = np.arange(len(used))
        size = len(labels)
        matrix = np.zeros((max(len(used), 1), size))
        matrix[row[src], dst] = values
        moves = ~state
        transitions = np.zeros((size, size))
        transitions[table["src"][moves].astype(np.intp), table["dst"][moves].astype(np.intp)] = weights[moves]
        return {attrs[a]: r for r, a in enumerate(used.tolist())}, matrix, transitions
    except (OSError, ValueError, IndexError, struct.error, UnicodeDecodeError):
        return None


_NO_RUN_ROWS = (None,) * 10  # a word with no capitalised-run attribute weights (shared by all such words)


# Categories of the per-token flags the neural tagger reads next to the word and its characters.
NEURAL_GAZ = ("", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC")
NEURAL_HEAD = ("", "ORG", "LOC", "TITLE", "HONORIFIC")
NEURAL_MAX_CHARS = 20
NEURAL_RUN = ("", "S", "B", "I", "E")  # position in a capitalised run / its core (see _run_attributes)


def neural_run_ids(tokens: Sequence[str], lowercase: frozenset[str]) -> list[int]:
    """Per token: run position * 5 + core position (0 outside), the CRF's capitalised-run view as one id."""
    lowered = [t.lower() for t in tokens]
    names = [_is_name_word(t) for t in tokens]
    out = [0] * len(tokens)
    for scale, name, inside in (
        (5, "run", names),
        (1, "core", [a and w not in lowercase for a, w in zip(names, lowered, strict=True)]),
    ):
        cut = len(name) + 1
        for first, _shared, positions in _run_attributes(lowered, name, inside):
            for k, position in enumerate(positions, first):
                out[k] += scale * NEURAL_RUN.index(position[cut])
    return out


# words whose input projection (~3 KB each) the networks keep: ~150 MB at most on a long run (200,000 was ~600 MB)
NEURAL_CACHE_WORDS = 50_000


def neural_word_key(word: str) -> str:
    """The neural tagger's vocabulary key: lower case, every digit 0."""
    return re.sub(r"\d", "0", word.lower())


def neural_lex_flag(word: str, lowercase: frozenset[str]) -> int:
    """0: not capitalised; 1: capitalised and the training text writes it in lower case; 2: capitalised, never."""
    if not word[:1].isupper():
        return 0
    return 1 if word.lower() in lowercase else 2


def small_matmul(a, w):
    """``a @ w`` in row blocks small enough that OpenBLAS keeps each product on the calling thread.

    Above roughly a million multiply-adds OpenBLAS splits a product across threads; on a busy or single-core-pinned
    process that costs about a millisecond per call (measured: a 32x96 by 96x384 product 1.2 ms, a 24-row one 17 us),
    which a per-token recurrence cannot afford.
    """
    import numpy as np

    rows = max(1, 800_000 // max(1, w.shape[0] * w.shape[1]))
    if a.shape[0] <= rows:
        return a @ w
    out = np.empty((a.shape[0], w.shape[1]), dtype=np.result_type(a, w))
    for k in range(0, a.shape[0], rows):
        np.matmul(a[k : k + rows], w, out=out[k : k + rows])
    return out


# A BiLSTM time step's fixed cost (numpy calls) in padded token-steps of one network (measured: ~4 us a step, ~1 us
# a token-step, numpy BLAS on one thread).
NEURAL_STEP_COST = 4.0


def length_groups(lengths: Sequence[int], most: int, step_cost: float) -> list[tuple[int, int]]:
    """Cut ascending ``lengths`` into runs [first, last) of at most ``most`` that minimise the padded recurrence
    cost: per run, its longest length times (``step_cost`` + its size). Dynamic programming, O(n * most)."""
    n = len(lengths)
    best = [0.0] + [float("inf")] * n
    cut = [0] * (n + 1)
    for j in range(1, n + 1):
        longest = lengths[j - 1]
        for i in range(max(0, j - most), j):
            cost = best[i] + longest * (step_cost + j - i)
            if cost < best[j]:
                best[j], cut[j] = cost, i
    runs = []
    j = n
    while j > 0:
        runs.append((cut[j], j))
        j = cut[j]
    return runs[::-1]


def crf_log_marginals(emissions, position, sentence_of, lengths, longest, trans, start, end):
    """Per-token label log-marginals of a linear-chain CRF (forward-backward in log space) over the sentences
    whose tokens are the rows of ``emissions`` (token k is at ``position[k]`` of sentence ``sentence_of[k]``)."""
    import numpy as np

    count, labels = len(lengths), emissions.shape[1]
    e = np.zeros((longest, count, labels))
    e[position, sentence_of] = emissions
    alpha = np.empty_like(e)
    beta = np.empty_like(e)
    alpha[0] = start + e[0]
    for t in range(1, longest):
        prev = alpha[t - 1][:, :, None] + trans  # (sentences, from, to)
        top = prev.max(axis=1)
        alpha[t] = top + np.log(np.exp(prev - top[:, None, :]).sum(axis=1)) + e[t]
    last = lengths - 1
    beta[longest - 1] = end
    for t in range(longest - 2, -1, -1):
        nxt = (e[t + 1] + beta[t + 1])[:, None, :] + trans  # (sentences, from, to)
        top = nxt.max(axis=2)
        beta[t] = top + np.log(np.exp(nxt - top[:, :, None]).sum(axis=2))
        ends = last == t
        if ends.any():
            beta[t, ends] = end
    final = alpha[last, np.arange(count)] + end
    top = final.max(axis=1)
    log_z = top + np.log(np.exp(final - top[:, None]).sum(axis=1))
    return alpha[position, sentence_of] + beta[position, sentence_of] - log_z[sentence_of, None]


class NeuralTagger:
    """Character-CNN + word BiLSTM taggers (trained by ``scripts/train_ner_neural.py`` with PyTorch) run in numpy.

    Their per-token label log-probabilities, averaged over the networks, are added, times a weight, to the CRF's
    state scores before Viterbi (an ensemble: the CRF's transitions and features stay, the networks add what a
    recurrent view of the whole sentence sees). Several networks (same vocabulary and sizes, different seeds) run
    as one: their LSTM directions are stacked, so a time step costs one set of numpy calls for all of them.
    Everything that depends on one word -- word embedding, character CNN, shape, head word and lexicon flag -- is
    multiplied through the LSTM's input weights once per distinct word and cached, so a sentence costs the
    recurrence only.
    """

    def __init__(self, path: Path | Sequence[Path], features: FeatureExtractor):
        import numpy as np

        self.np = np
        self.features = features
        paths = [path] if isinstance(path, (str, Path)) else list(path)
        nets = [np.load(p, allow_pickle=False) for p in paths]
        data = nets[0]
        self.labels = [str(x) for x in data["labels"]]
        for other in nets[1:]:
            for key in ("labels", "words", "chars", "shapes"):
                if not np.array_equal(other[key], data[key]):
                    raise ValueError(f"networks of one NeuralTagger differ in their {key}")
        self.word_index = {str(w): i for i, w in enumerate(data["words"])}
        self.char_index = {str(c): i for i, c in enumerate(data["chars"])}
        self.shape_index = {str(s): i for i, s in enumerate(data["shapes"])}
        f32 = np.float32
        h = self.hidden = int(data["w_hh_f"].shape[1])
        self.count = len(nets)
        # Gate rows reordered from PyTorch's (i, f, g, o) to (i, f, o, g), and the sigmoid gates' rows halved, so
        # one tanh over all gates gives every activation: sigmoid(x) = (tanh(x / 2) + 1) / 2.
        order = np.r_[0 : 2 * h, 3 * h : 4 * h, 2 * h : 3 * h]
        scale = np.r_[np.full(3 * h, 0.5), np.ones(h)].astype(f32)
        self.static: list[dict] = []
        gaz_proj, bias, w_hh_f, w_hh_b, out_w, out_b, crf = [], [], [], [], [], [], []
        run_proj: list = []
        for net in nets:
            if int(net["w_hh_f"].shape[1]) != h:
                raise ValueError("networks of one NeuralTagger differ in their hidden size")

            def gates(name: str, net=net):
                return net[name][order].astype(f32) * (scale[:, None] if net[name].ndim == 2 else scale)

            # Input weights of both directions side by side: (input, 8 * hidden).
            w_ih = np.concatenate([gates("w_ih_f"), gates("w_ih_b")], axis=0).T
            gaz_emb = net["gaz_emb"].astype(f32)
            gaz_dim = gaz_emb.shape[1]
            if "run_emb" in net.files:  # capitalised-run ids, after the gazetteer's in the input
                run_emb = net["run_emb"].astype(f32)
                run_dim = run_emb.shape[1]
                run_proj.append(run_emb @ w_ih[-run_dim:])
                w_ih = w_ih[:-run_dim]
            self.static.append(
                {
                    "word_emb": net["word_emb"].astype(f32),
                    "char_emb": net["char_emb"].astype(f32),
                    "conv_w": net["conv_w"].astype(f32),  # (filters, char dim, width)
                    "conv_b": net["conv_b"].astype(f32),
                    "shape_emb": net["shape_emb"].astype(f32),
                    "head_emb": net["head_emb"].astype(f32),
                    "lex_emb": net["lex_emb"].astype(f32),
                    "w_static": np.ascontiguousarray(w_ih[:-gaz_dim]),
                }
            )
            gaz_proj.append(gaz_emb @ w_ih[-gaz_dim:])  # (gazetteer labels, 8 * hidden)
            bias.append(np.concatenate([gates("b_f"), gates("b_b")]))
            w_hh_f.append(gates("w_hh_f").T)
            w_hh_b.append(gates("w_hh_b").T)
            out_w.append(net["out_w"].T.astype(f32).copy())
            out_b.append(net["out_b"].astype(f32))
            # A network with a CRF output layer gives its label log-marginals (forward-backward) instead of a
            # softmax per token.
            crf.append(
                (net["crf_trans"].astype(np.float64), net["crf_start"], net["crf_end"])
                if "crf_trans" in net.files
                else None
            )
        # Stacked directions: the networks' forward LSTMs first, then their backward ones.
        self.gaz_proj = self._fuse(gaz_proj)
        if run_proj and len(run_proj) != len(nets):
            raise ValueError("networks of one NeuralTagger differ in their inputs (capitalised-run ids)")
        self.run_proj = self._fuse(run_proj) if run_proj else None
        self.bias = self._fuse(bias)
        self.w_hh = np.ascontiguousarray(np.stack(w_hh_f + w_hh_b))  # (2 * networks, hidden, 4 * hidden)
        self.out_w, self.out_b, self.crf = out_w, out_b, crf
        self._gaz_index = {label: i for i, label in enumerate(NEURAL_GAZ)}
        self._head_index = {kind: i for i, kind in enumerate(NEURAL_HEAD)}
        self._cache: dict[str, object] = {}

    def _fuse(self, parts: list):
        """Per-network (..., 8 * hidden) input rows -> (..., networks * 8 * hidden): forward parts, then backward."""
        half = 4 * self.hidden
        return self.np.concatenate([p[..., :half] for p in parts] + [p[..., half:] for p in parts], axis=-1)

    def char_ids(self, word: str) -> list[int]:
        chars = self.char_index
        inner = [chars.get(ch, 3) for ch in word[: NEURAL_MAX_CHARS - 2]]
        return [1, *inner, 2]

    def word_inputs(self, words: Sequence[str]) -> list:
        """Per word its (networks * 8 * hidden) contribution to the LSTM input gates (cached)."""
        cache = self._cache
        new = [w for w in dict.fromkeys(words) if w not in cache]
        if new:
            np = self.np
            ids = [self.char_ids(w) for w in new]
            longest = max(len(x) for x in ids)
            chars = np.zeros((len(new), longest), dtype=np.intp)
            for k, row in enumerate(ids):
                chars[k, : len(row)] = row
            lowercase = self.features.lexicon.lowercase
            heads = self.features.head_words
            word_ids = [self.word_index.get(neural_word_key(w), 1) for w in new]
            shape_ids = [self.shape_index.get(word_shape(w), 1) for w in new]
            head_ids = [self._head_index.get(heads.get(w.lower(), ""), 0) for w in new]
            lex_ids = [neural_lex_flag(w, lowercase) for w in new]
            parts = []
            for net in self.static:
                conv_w = net["conv_w"]
                emb = net["char_emb"][chars]  # (words, chars, dim)
                width = conv_w.shape[2]
                pad = width // 2
                padded = np.pad(emb, ((0, 0), (pad, pad), (0, 0)))
                conv = np.zeros((len(new), longest, conv_w.shape[0]), dtype=np.float32) + net["conv_b"]
                for k in range(width):
                    step = small_matmul(
                        padded[:, k : k + longest].reshape(-1, padded.shape[2]), conv_w[:, :, k].T
                    )
                    conv += step.reshape(conv.shape)
                conv = np.maximum(conv, 0.0)
                # After ReLU every value is >= 0, so masked positions never win the max.
                conv[chars == 0] = 0.0
                char_vec = conv.max(axis=1)
                static = np.concatenate(
                    [
                        net["word_emb"][word_ids],
                        char_vec,
                        net["shape_emb"][shape_ids],
                        net["head_emb"][head_ids],
                        net["lex_emb"][lex_ids],
                    ],
                    axis=1,
                )
                parts.append(small_matmul(static, net["w_static"]))
            projected = self._fuse(parts) + self.bias
            if len(cache) > NEURAL_CACHE_WORDS:
                cache.clear()
            for k, word in enumerate(new):
                cache[word] = projected[k]
        return [cache[w] for w in words]

    def log_probs(self, sentences: Sequence[Sequence[str]], labels: Sequence[str], group: int = 32):
        """(all tokens, labels) log-probabilities for non-empty ``sentences``, columns in the order of ``labels``.

        The recurrence takes as many steps as a group's longest sentence, so sentences run sorted by length in
        groups of at most ``group``, cut where padding would cost more than the extra steps of another group
        (:func:`length_groups`)."""
        np = self.np
        lengths = [len(s) for s in sentences]
        order = sorted(range(len(sentences)), key=lengths.__getitem__)
        groups = length_groups([lengths[j] for j in order], group, NEURAL_STEP_COST * self.count)
        if len(groups) == 1:
            return self._log_probs(sentences, labels)
        starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
        out = np.empty((sum(lengths), len(labels)))
        for first, last in groups:
            members = order[first:last]
            part = self._log_probs([sentences[j] for j in members], labels)
            offset = 0
            for j in members:
                out[starts[j] : starts[j] + lengths[j]] = part[offset : offset + lengths[j]]
                offset += lengths[j]
        return out

    def _log_probs(self, sentences: Sequence[Sequence[str]], labels: Sequence[str]):
        np = self.np
        lengths = [len(s) for s in sentences]
        count, longest, h, n = len(sentences), max(lengths), self.hidden, self.count
        gaz_ids = [
            self._gaz_index.get(g or "", 0) for s in sentences for g in self.features.gazetteer.match(s)
        ]
        inputs = np.stack(self.word_inputs([t for s in sentences for t in s])) + self.gaz_proj[gaz_ids]
        if self.run_proj is not None:
            lowercase = self.features.lexicon.lowercase
            inputs += self.run_proj[[r for s in sentences for r in neural_run_ids(s, lowercase)]]
        tokens = len(inputs)
        lengths_arr = np.asarray(lengths)
        starts = np.concatenate(([0], np.cumsum(lengths_arr)[:-1]))
        sentence_of = np.repeat(np.arange(count), lengths_arr)
        position = np.arange(tokens) - starts[sentence_of]
        # All directions step together: x[t, j] for a forward LSTM j < n is position t, for a backward one
        # position longest - 1 - t (read backwards).
        x = np.zeros((longest, 2 * n, count, 4 * h), dtype=np.float32)
        x[position, :n, sentence_of] = inputs[:, : 4 * h * n].reshape(tokens, n, 4 * h)
        x[longest - 1 - position, n:, sentence_of] = inputs[:, 4 * h * n :].reshape(tokens, n, 4 * h)
        # Backwards, a shorter sentence's padding comes first. Its inputs there are exactly zero (the bias is in the
        # word rows), and from a zero state a zero input leaves the state zero (tanh(0) = 0, so c and h stay 0): the
        # state is zero when its last token comes, with no mask. (Forward, the padding comes last and is not read.)
        out = np.empty((longest, 2 * n, count, h), dtype=np.float32)
        hs = np.zeros((2 * n, count, h), dtype=np.float32)
        cs = np.zeros((2 * n, count, h), dtype=np.float32)
        w_hh = self.w_hh
        rows = max(1, 800_000 // (h * 4 * h))
        gates = np.empty((2 * n, count, 4 * h), dtype=np.float32)
        product = np.empty((2 * n, count, h), dtype=np.float32)
        for t in range(longest):  # in-place steps: each numpy call costs more than its arithmetic here
            if count <= rows:  # one stacked product, each direction's small enough for one BLAS thread
                np.matmul(hs, w_hh, out=gates)
            else:  # 2-D products in row blocks, each on BLAS in one thread (see small_matmul)
                for d in range(2 * n):
                    for k in range(0, count, rows):
                        np.matmul(hs[d, k : k + rows], w_hh[d], out=gates[d, k : k + rows])
            gates += x[t]
            np.tanh(gates, out=gates)
            sig = gates[..., : 3 * h]
            sig *= 0.5
            sig += 0.5
            cs *= sig[..., h : 2 * h]
            np.multiply(sig[..., :h], gates[..., 3 * h :], out=product)
            cs += product
            hs = out[t]
            np.tanh(cs, out=hs)
            hs *= sig[..., 2 * h :]
        logp = None
        for j in range(n):  # the networks' label log-probabilities, averaged
            both = np.concatenate(
                [out[position, j, sentence_of], out[longest - 1 - position, n + j, sentence_of]], axis=1
            )
            logits = small_matmul(both, self.out_w[j]) + self.out_b[j]
            if self.crf[j] is not None:
                part = crf_log_marginals(logits, position, sentence_of, lengths_arr, longest, *self.crf[j])
            else:
                logits -= logits.max(axis=1, keepdims=True)
                part = logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))
            logp = part if logp is None else logp + part
        if n > 1:
            logp /= n
        order = [self.labels.index(label) for label in labels]
        return logp[:, order].astype(np.float64)


class NerModel:
    """A trained CRF tagger plus the resources its features need."""

    def __init__(
        self,
        crf_path: Path,
        lexicon_path: Path,
        gazetteer: Gazetteer | None = None,
        neural_path: Path | Sequence[Path] | None = None,
    ):
        import pycrfsuite  # imported lazily: only needed once a model is used (to read the weights)

        self.crf_path = crf_path
        tagger = pycrfsuite.Tagger()
        tagger.open(str(crf_path))
        self.features = FeatureExtractor(Lexicon.load(lexicon_path), gazetteer or _gazetteer())
        self.scorer = CrfScorer(tagger, self.features, crf_path)
        tagger.close()
        # Optional neural taggers whose averaged label log-probabilities join the CRF's state scores (see
        # NeuralTagger); the first network's file holds the ensemble weight.
        self.neural: NeuralTagger | None = None
        self.neural_weight = 0.0
        paths = [neural_path] if isinstance(neural_path, Path) else list(neural_path or [])
        paths = [p for p in paths if p.exists()]
        if paths:
            self.neural = NeuralTagger(paths, self.features)
            self.neural_weight = float(self.np_load_weight(paths[0]))

    @staticmethod
    def np_load_weight(path: Path) -> float:
        import numpy as np

        with np.load(path, allow_pickle=False) as data:
            return float(data["ensemble_weight"]) if "ensemble_weight" in data else 1.0

    @classmethod
    def for_lang(cls, model_lang: str, model_dir: Path = MODEL_DIR) -> NerModel:
        # Networks: ner-<lang>.nn.npz, then any ner-<lang>.nn2.npz, nn3 ... (other seeds, averaged with it).
        first = model_dir / f"ner-{model_lang}.nn.npz"
        more = sorted(model_dir.glob(f"ner-{model_lang}.nn[2-9].npz"))
        return cls(
            model_dir / f"ner-{model_lang}.crfsuite",
            model_dir / f"ner-{model_lang}.lex",
            neural_path=[first, *more] if first.exists() else [],
        )

    def tag(self, tokens: Sequence[str]) -> list[str]:
        return self.tag_with_marginals(tokens, marginals=False)[0]

    def truecase(self, tokens: Sequence[str]) -> Sequence[str]:
        """Undo headline casing ("Rusia Akan Tetap Memperdalam ...", "RUSIA AKAN ...") before tagging.

        In a line where nearly every word is capitalised, capitals carry no signal, so words the training text
        uses in lower case are lower-cased (unless the gazetteer knows them); other all-caps words become Title-case.
        """
        for t in tokens:  # the common sentence: a longer word in lower case, no headline (as the test below)
            if len(t) > 3 and not t[:1].isupper() and t.isalpha():
                return tokens
        words = [t for t in tokens if t.isalpha()]
        long_words = [w for w in words if len(w) > 3]
        # Headline style: every longer word capitalised (short ones like "di", "of" may stay lower-case).
        if len(words) < 4 or not long_words or not all(w[:1].isupper() for w in long_words):
            return tokens
        upper = sum(w.isupper() and len(w) > 1 for w in words)
        all_caps = upper >= 0.75 * len(words)
        lowercase = self.features.lexicon.lowercase
        known = self.features.gazetteer.word_kinds
        out = []
        for token in tokens:
            lower = token.lower()
            if token.isalpha() and lower in lowercase and lower not in known:
                out.append(lower)
            elif all_caps and token.isalpha() and len(token) > 3:
                out.append(token.capitalize())
            else:
                out.append(token)
        return out

    def tag_with_marginals(
        self, tokens: Sequence[str], marginals: bool = True
    ) -> tuple[list[str], list[float]]:
        return self.tag_many([tokens], marginals)[0]

    def tag_many(
        self, sentences: Sequence[Sequence[str]], marginals: bool = True
    ) -> list[tuple[list[str], list[float]]]:
        """Tags (and, with ``marginals``, each token's label probability) for many sentences in one batch."""
        results: list[tuple[list[str], list[float]]] = [([], []) for _ in sentences]
        todo = [k for k, tokens in enumerate(sentences) if tokens]
        if not todo:
            return results
        lengths = [len(sentences[k]) for k in todo]
        cased = [self.truecase(sentences[k]) for k in todo]
        scores = self.scorer.emissions(cased)
        if self.neural is not None and self.neural_weight:
            scores = scores + self.neural_weight * self.neural.log_probs(cased, self.scorer.labels)
        prepared = self.scorer._sorted_padded(scores, lengths)  # shared by both decoders
        paths = self.scorer.viterbi(scores, lengths, prepared)
        tables = self.scorer.marginals(scores, lengths, prepared) if marginals else None
        index = {label: k for k, label in enumerate(self.scorer.labels)}
        np = self.scorer.np
        for j, k in enumerate(todo):
            raw = paths[j]
            tags = self.repair(sentences[k], raw)
            probs = []
            if tables is not None:
                # A token keeps the CRF's confidence while its type is unchanged; a rule-made entity gets a fixed one.
                chosen = tables[j][np.arange(len(raw)), [index[r] for r in raw]].tolist()
                probs = [
                    p if r[2:] == t[2:] else RULE_CONFIDENCE
                    for p, r, t in zip(chosen, raw, tags, strict=True)
                ]
            results[k] = (tags, probs)
        return results

    def repair(self, tokens: Sequence[str], tags: list[str]) -> list[str]:
        """Convention fixes the CRF gets wrong now and then; each is a plain rule over the predicted spans.

        - a title word heading a PER span stays outside it ("Presiden Trump" -> PER "Trump");
        - a month name next to a number is a date, not an entity ("3 Mac 2021");
        - an I- tag that continues no entity starts one (valid IOB2 also when a network's scores join the CRF's);
        - no entity spans a colon or similar separator;
        - a country name written in lower case ("venezuela") that the training text never writes in lower case is
          LOC (the CRF leans on capitals and misses these).
        (Dropping sentence-initial one-word entities the training text also writes in lower case cost held-out F1
        on NERGrit and idner dev, so that case is left to the CRF's ``title_lc_seen`` and ``BOS`` features.)
        """
        tags = list(tags)
        if tags.count("O") == len(tags) and _countries().isdisjoint(tokens):
            return tags  # nothing to repair (the common sentence)
        for i, label in enumerate(tags):  # valid IOB2: an I- that continues nothing starts an entity
            if label.startswith("I-") and (i == 0 or tags[i - 1][2:] != label[2:]):
                tags[i] = "B-" + label[2:]
        if not _SPAN_BREAKERS.isdisjoint(tokens):
            for i, token in enumerate(tokens):
                if token in _SPAN_BREAKERS and tags[i] != "O":
                    tags[i] = "O"
                    if i + 1 < len(tags) and tags[i + 1].startswith("I-"):
                        tags[i + 1] = "B-" + tags[i + 1][2:]
        titles = self.features.head_words
        lowercase = self.features.lexicon.lowercase
        if not _countries().isdisjoint(tokens):
            for i, token in enumerate(tokens):
                if (
                    tags[i] == "O"
                    and token.islower()
                    and token in _countries()
                    and token not in lowercase
                    and (i + 1 == len(tags) or not tags[i + 1].startswith("I-"))
                ):
                    tags[i] = "B-LOC"
        for first, last, kind in list(iob_spans(tags)):
            lower = tokens[first].lower().rstrip(".")
            if kind == "PER" and last - first > 1 and titles.get(lower) == "TITLE":
                start = first
                while start < last - 1 and titles.get(tokens[start].lower().rstrip(".")) == "TITLE":
                    start += 1
                tags[first:start] = ["O"] * (start - first)
                tags[start] = "B-PER"
            elif last - first == 1 and lower in _MONTHS and _next_to_number(tokens, first):
                tags[first] = "O"
        return tags


_MODELS: dict[str, NerModel] = {}
_MODELS_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def _head_words() -> dict[str, str]:
    """Words that head or mark names of a type ("kementerian" ORG, "kabupaten" LOC, "presiden" title)."""
    out: dict[str, str] = {}
    if HEAD_WORDS_PATH.exists():
        for line in HEAD_WORDS_PATH.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                kind, _, words = line.partition("\t")
                for word in words.split():
                    out[word.lower()] = kind
    return out


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    if not COUNTRIES_PATH.exists():
        return frozenset()
    lines = COUNTRIES_PATH.read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


@lru_cache(maxsize=1)
def _gazetteer() -> Gazetteer:
    return Gazetteer.load()


def get_model(lang: str) -> NerModel | None:
    """The cached model for ``lang`` (loaded on first call), or None when the language has no model."""
    model_lang = MODEL_LANG.get((lang or "").lower().split("-")[0])
    if model_lang is None:
        return None
    model = _MODELS.get(model_lang)
    if model is None:
        with _MODELS_LOCK:
            model = _MODELS.get(model_lang)
            if model is None:
                model = NerModel.for_lang(model_lang)
                _MODELS[model_lang] = model
    return model


def loaded_models() -> list[str]:
    """Model languages loaded so far (for tests and diagnostics)."""
    return sorted(_MODELS)


# --------------------------------------------------------------------------------------------- public API


def is_equipment(token: str) -> bool:
    """True for model/equipment codes shaped letters-hyphen-digits (``Mi-17``, ``S-400``, ``AK-47``)."""
    if not _EQUIPMENT.fullmatch(token):
        return False
    return token.split("-", 1)[0].lower() not in _EQUIPMENT_NOT


def tag(tokens: list[str], lang: str) -> list[str]:
    """IOB2 tags (PER, ORG, LOC, MISC) for ``tokens``."""
    return _tag_scored(tokens, lang, marginals=False)[0]


def _tag_scored(tokens: Sequence[str], lang: str, marginals: bool) -> tuple[list[str], list[float]]:
    return _tag_scored_many([tokens], lang, marginals)[0]


def _tag_scored_many(
    sentences: Sequence[Sequence[str]], lang: str, marginals: bool
) -> list[tuple[list[str], list[float]]]:
    model = get_model(lang)
    if model is None:
        nouns_capitalised = lang.split("-")[0].lower() in NOUN_CAPITALISING_LANGS
        return [
            (tags, [FALLBACK_CONFIDENCE] * len(tags))
            for tags in (fallback_tags(tokens, nouns_capitalised) for tokens in sentences)
        ]
    return [
        (apply_equipment_rule(tokens, tags), probs)
        for tokens, (tags, probs) in zip(sentences, model.tag_many(sentences, marginals), strict=True)
    ]


def apply_equipment_rule(tokens: Sequence[str], tags: list[str]) -> list[str]:
    """Mark equipment codes as single-token MISC, repairing any entity the code was part of."""
    tags = list(tags)
    for i, token in enumerate(tokens):
        if "-" in token and is_equipment(token):
            tags[i] = "B-MISC"
            if i + 1 < len(tags) and tags[i + 1].startswith("I-"):
                tags[i + 1] = "B-" + tags[i + 1][2:]
    return tags


# languages that write every noun with a capital: one capitalised word there is no sign of a name
NOUN_CAPITALISING_LANGS = frozenset({"de", "lb"})


def fallback_tags(tokens: Sequence[str], nouns_capitalised: bool = False) -> list[str]:
    """Capitalised runs typed by the gazetteer, else MISC; a sentence-initial word needs a gazetteer hit, and so
    does a single capitalised word in a language that capitalises nouns (German "Impfungen")."""
    gaz = _gazetteer().match(tokens)
    tags = ["O"] * len(tokens)
    i = 0
    while i < len(tokens):
        if gaz[i] and gaz[i].startswith("B-"):
            kind = gaz[i][2:]
            tags[i] = "B-" + kind
            i += 1
            while i < len(tokens) and gaz[i] and gaz[i].startswith("I-"):
                tags[i] = "I-" + kind
                i += 1
            continue
        if _is_name_word(tokens[i]) and (i > 0 and not _sentence_boundary(tokens[i - 1])):
            j = i + 1
            while j < len(tokens) and _is_name_word(tokens[j]) and not gaz[j]:
                j += 1
            if nouns_capitalised and j - i < 2:
                i = j
                continue
            tags[i:j] = ["B-MISC"] + ["I-MISC"] * (j - i - 1)
            i = j
            continue
        i += 1
    return apply_equipment_rule(tokens, tags)


def _is_name_word(token: str) -> bool:
    return token[:1].isupper() and any(ch.isalpha() for ch in token)


def _next_to_number(tokens: Sequence[str], i: int) -> bool:
    return any(0 <= j < len(tokens) and tokens[j][:1].isdigit() for j in (i - 1, i + 1))


def _sentence_boundary(token: str) -> bool:
    return token in {".", "!", "?", ":", "…"} or token in _QUOTES


def iob_spans(tags: Sequence[str]) -> Iterator[tuple[int, int, str]]:
    """(first token, end token, type) for each entity in an IOB2 sequence; stray I- starts a new entity."""
    start, kind = None, None
    for i, t in enumerate(list(tags) + ["O"]):
        if t.startswith("I-") and kind == t[2:]:
            continue
        if kind is not None:
            yield start, i, kind
            start, kind = None, None
        if t != "O":
            start, kind = i, t[2:]


def find_entities(text: str, lang: str) -> list[dict]:
    """Entity mentions in ``text`` as dicts: start, end, text, type, confidence (+ kind for equipment)."""
    return [m.to_dict() for m in find_mentions(text, lang)]


def find_mentions(text: str, lang: str) -> list[Mention]:
    spans, words, _ = token_words(text)
    mentions: list[Mention] = []
    bounds = _sentence_bounds(text, spans, words)
    tagged = _tag_scored_many([words[i:j] for i, j in bounds], lang, marginals=True)
    for (i, j), (tags, probs) in zip(bounds, tagged, strict=True):
        sent = spans[i:j]
        for k in [k for k, t in enumerate(tags) if t[0] == "I" and k]:  # no entity runs across a line break
            if "\n" in text[sent[k - 1][1] : sent[k][0]]:
                tags[k] = "B-" + tags[k][2:]
        for first, last, kind in iob_spans(tags):
            start, end = sent[first][0], sent[last - 1][1]
            surface = text[start:end]
            equipment = kind == "MISC" and last - first == 1 and is_equipment(surface)
            confidence = 1.0 if equipment else min(probs[first:last])
            mentions.append(
                Mention(start, end, surface, kind, confidence, "equipment" if equipment else None)
            )
    return mentions


def _sentences(
    text: str, spans: list[tuple[int, int]], max_len: int = 150
) -> Iterator[list[tuple[int, int]]]:
    """Cut token spans into sentences: after . ! ? (and a closing quote right after), at blank lines."""
    words = [text[s:e] for s, e in spans]
    for i, j in _sentence_bounds(text, spans, words, max_len):
        yield spans[i:j]


_SENTENCE_MARKS = _CLOSERS | _ENDERS


def _sentence_bounds(
    text: str, spans: Sequence[tuple[int, int]], words: Sequence[str], max_len: int = 150
) -> list[tuple[int, int]]:
    """(first, end) token indices of each sentence (see :func:`_sentences`)."""
    bounds: list[tuple[int, int]] = []
    first = 0
    n = len(spans)
    gap_from = 0
    for k, (s, e) in enumerate(spans):
        if k > first and s - gap_from >= 2 and text.count("\n", gap_from, s) >= 2:  # a blank line ends it
            bounds.append((first, k))
            first = k
        gap_from = e
        token = words[k]
        if token in _SENTENCE_MARKS:
            closing = token in _CLOSERS and k > first and words[k - 1] in _ENDERS
            ending = token in _ENDERS and (k + 1 == n or words[k + 1] not in _CLOSERS)
            if closing or ending:
                bounds.append((first, k + 1))
                first = k + 1
                continue
        if k + 1 - first >= max_len:
            bounds.append((first, k + 1))
            first = k + 1
    if first < n:
        bounds.append((first, n))
    return bounds


def read_conll(lines: Iterable[str]) -> Iterator[list[list[str]]]:
    """Sentences from CoNLL-style lines: each token line split on tabs/whitespace; blank line between sentences."""
    sentence: list[list[str]] = []
    for raw in lines:
        line = raw.rstrip("\r\n")
        if not line.strip():
            if sentence:
                yield sentence
                sentence = []
            continue
        fields = line.split("\t") if "\t" in line else line.split()
        sentence.append(fields)
    if sentence:
        yield sentence


def tag_conll(lines_in: Iterable[str], out: TextIO, lang: str) -> int:
    """Tag a one-token-per-line file (extra columns ignored), writing ``TOKEN<TAB>TAG``; returns sentence count."""
    count = 0
    batch: list[list[str]] = []

    def flush() -> None:
        nonlocal count
        for words, (labels, _) in zip(batch, _tag_scored_many(batch, lang, marginals=False), strict=True):
            if count:
                out.write("\n")
            out.writelines(f"{word}\t{label}\n" for word, label in zip(words, labels, strict=True))
            count += 1
        batch.clear()

    for sentence in read_conll(lines_in):
        batch.append([fields[0] for fields in sentence])
        if len(batch) >= BATCH_SENTENCES:
            flush()
    flush()
    return count


def score_entities(
    gold: Iterable[Sequence[str]], pred: Iterable[Sequence[str]]
) -> dict[str, dict[str, float]]:
    """Entity-level exact-match precision/recall/F1 per type and overall ("ALL") over tag sequences."""
    counts: dict[str, list[int]] = {}  # type -> [true positives, predicted, gold]
    for gold_tags, pred_tags in zip(gold, pred, strict=True):
        gold_set = set(iob_spans(gold_tags))
        pred_set = set(iob_spans(pred_tags))
        for kind in ("ALL", *TYPES):
            g = gold_set if kind == "ALL" else {x for x in gold_set if x[2] == kind}
            p = pred_set if kind == "ALL" else {x for x in pred_set if x[2] == kind}
            row = counts.setdefault(kind, [0, 0, 0])
            row[0] += len(g & p)
            row[1] += len(p)
            row[2] += len(g)
    scores = {}
    for kind, (tp, npred, ngold) in counts.items():
        if kind != "ALL" and npred == 0 and ngold == 0:
            continue
        precision = tp / npred if npred else 0.0
        recall = tp / ngold if ngold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        scores[kind] = {"p": precision, "r": recall, "f1": f1, "gold": ngold, "pred": npred}
    return scores
