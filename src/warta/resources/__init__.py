"""Per-language data files. A new language is data, not code: add ``<category>/<lang>.<ext>``."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

ROOT = Path(str(resources.files("warta.resources")))


@cache
def read_lines(relpath: str) -> tuple[str, ...]:
    """Non-empty lines of a data file without ``#`` comments; missing file → empty tuple."""
    path = ROOT / relpath
    if not path.is_file():
        return ()
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            out.append(line.rstrip("\n"))
    return tuple(out)


@cache
def languages(category: str) -> tuple[str, ...]:
    folder = ROOT / category
    if not folder.is_dir():
        return ()
    return tuple(sorted(p.name.split(".")[0] for p in folder.iterdir() if p.is_file()))
