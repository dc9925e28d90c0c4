"""Exact and near-duplicate articles: a cluster id per record.

- **Exact**: the same text after normalisation (case, accents, punctuation, spacing) has the same
  ``text_hash``; a syndicated copy with different markup or boilerplate lands in the same cluster.
- **Near**: MinHash (datasketch) over word 3-shingles, banded for LSH: ``BANDS`` bands of ``ROWS`` values each,
  tuned so a pair at Jaccard ``THRESHOLD`` is a candidate half the time and a pair at 0.8 almost always.
  Candidates are confirmed by their estimated Jaccard. The band keys live in the store (one indexed table),
  not in memory, so the index grows on disk with the store and survives across runs.

A record joins the cluster of its exact twin, else of its most similar confirmed candidate, else starts its
own cluster (cluster id = its own id). Clusters are assigned in arrival order and never merged afterwards.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import numpy as np

NUM_PERM = 128
# estimated Jaccard of word 3-shingles; changing 1 word in 10 leaves ~0.57, distinct articles are < 0.1
THRESHOLD = 0.4
SHINGLE = 3
BANDS, ROWS = 32, 4  # datasketch.lsh._optimal_param(0.4, 128, 0.5, 0.5)
_WORD = re.compile(r"\w+")


@dataclass(slots=True)
class Fingerprint:
    text_hash: str
    signature: np.ndarray  # NUM_PERM uint32 MinHash values
    band_keys: list[int]  # one signed 64-bit key per band (band number mixed in)

    def signature_bytes(self) -> bytes:
        return self.signature.astype("<u4").tobytes()


def normalise(text: str) -> list[str]:
    """Words of ``text`` without case, accents or punctuation."""
    folded = text.casefold()
    if not folded.isascii():  # the per-character pass is the slow part: only when there can be accents
        folded = "".join(ch for ch in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(ch))
    return _WORD.findall(folded)


def shingles(words: list[str]) -> set[bytes]:
    if len(words) <= SHINGLE:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i:i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)}


@cache
def _permutations():
    from datasketch import MinHash

    seed = MinHash(NUM_PERM, seed=1)
    return seed.permutations, seed.scheme


def fingerprint(text: str) -> Fingerprint:
    from datasketch import MinHash

    words = normalise(text)
    text_hash = hashlib.sha1(" ".join(words).encode()).hexdigest()[:20]
    permutations, scheme = _permutations()
    # crc32 as the base hash: 6× faster than datasketch's sha1 and as good for shingles (the permutations mix it)
    minhash = MinHash(NUM_PERM, seed=1, hashfunc=zlib.crc32, permutations=permutations, scheme=scheme)
    minhash.update_batch(list(shingles(words)))
    signature = np.asarray(minhash.hashvalues, dtype=np.uint32)
    return Fingerprint(text_hash, signature, band_keys(signature))


# Fingerprints computed in ingest worker processes, waiting for the main process to store their record (the
# store pops them; see warta.parallel). Bounded by the records in flight between a worker and the store.
_PRECOMPUTED: dict[str, Fingerprint] = {}


def remember(record_id: str, fp: Fingerprint) -> None:
    _PRECOMPUTED[record_id] = fp


def fingerprint_of(record_id: str, text: str) -> Fingerprint:
    """The fingerprint a worker computed for this record, else computed now."""
    return _PRECOMPUTED.pop(record_id, None) or fingerprint(text)


def forget(record_id: str) -> None:
    _PRECOMPUTED.pop(record_id, None)


def band_keys(signature: np.ndarray) -> list[int]:
    keys = []
    for band in range(BANDS):
        chunk = signature[band * ROWS:(band + 1) * ROWS].astype("<u4").tobytes()
        digest = hashlib.blake2b(bytes([band]) + chunk, digest_size=8).digest()
        keys.append(int.from_bytes(digest, "little", signed=True))
    return keys


def signature_from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype="<u4")


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of the two texts' shingle sets."""
    return float(np.count_nonzero(a == b)) / len(a)


def choose_cluster(record_id: str, fp: Fingerprint, exact_cluster: str | None,
                   candidates: Iterable[tuple[str, str, bytes]]) -> str:
    """The cluster for a new record: its exact twin's, else the most similar candidate's (``(id, cluster,
    signature)`` rows sharing a band), else its own id."""
    if exact_cluster:
        return exact_cluster
    best, best_score = record_id, THRESHOLD
    for other_id, cluster, blob in candidates:
        if other_id == record_id:
            continue
        score = similarity(fp.signature, signature_from_bytes(blob))
        if score >= best_score:
            best, best_score = cluster, score
    return best
