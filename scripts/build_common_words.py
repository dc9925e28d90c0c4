#!/usr/bin/env python3
"""Build ``src/warta/resources/actors/common_words.en.txt`` (English words a dictionary writes only in lower case)
and ``name_words.en.txt`` (words it writes both ways: "bush"/"Bush", "baker"/"Baker").

A single capitalised word that starts a sentence or stands alone as a heading ("Moreover, ...", "Salads") is a name
only if the language ever writes it capitalised; SCOWL (via Debian's ``wamerican`` package, build time only) lists
names capitalised ("Bush", "Rice", "Brown"), so a word it has only in lower case is taken for an ordinary word there, and one it has both ways may be a name
even where the NER training text used it in lower case ("Bush said ...").

Source: SCOWL, Copyright 2000-2011 by Kevin Atkinson; permission to use, copy, modify, distribute and sell the word
lists and their output for any purpose is granted without fee, with this notice (see the written file's header).

Usage: apt-get install wamerican && python scripts/build_common_words.py
"""

from __future__ import annotations

import argparse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ACTORS = ROOT / "src" / "warta" / "resources" / "actors"
HEADER = (
    "# English words (SCOWL via Debian wamerican; built by scripts/build_common_words.py, see its docstring).\n"
    "# SCOWL: Copyright 2000-2011 by Kevin Atkinson. Permission to use, copy, modify, distribute and sell these word\n"
    "# lists, the associated scripts, the output created from the scripts, and its documentation for any purpose is\n"
    "# hereby granted without fee, provided that the above copyright notice appears in all copies and that both that\n"
    "# copyright notice and this permission notice appear in supporting documentation. Kevin Atkinson makes no\n"
    '# representations about the suitability of this array for any purpose. It is provided "as is" without express\n'
    "# or implied warranty.\n"
)


def lowercase_only(lines: list[str]) -> list[str]:
    """Alphabetic words of 3+ letters that the list never writes capitalised."""
    capitalised = {w.lower() for w in lines if w[:1].isupper()}
    return sorted(
        {w for w in lines if w[:1].islower() and w.isalpha() and w.isascii() and len(w) >= 3} - capitalised
    )


def both_ways(lines: list[str]) -> list[str]:
    """Alphabetic words of 3+ letters that the list writes both in lower case and capitalised."""
    capitalised = {w.lower() for w in lines if w[:1].isupper()}
    return sorted(
        {w for w in lines if w[:1].islower() and w.isalpha() and w.isascii() and len(w) >= 3} & capitalised
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--words", type=Path, default=Path("/usr/share/dict/american-english"))
    args = parser.parse_args()
    lines = args.words.read_text(encoding="utf-8", errors="replace").split()
    for name, words in (
        ("common_words.en.txt", lowercase_only(lines)),
        ("name_words.en.txt", both_ways(lines)),
    ):
        (ACTORS / name).write_text(HEADER + "\n".join(words) + "\n", encoding="utf-8")
        print(f"{len(words)} words -> {ACTORS / name}")


if __name__ == "__main__":
    main()
