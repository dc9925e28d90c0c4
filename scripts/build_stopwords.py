"""Build the per-language stopword lists in src/warta/resources/stopwords/ from jusText's stoplists.

Source: jusText 3.x (https://github.com/miso-belica/jusText), stoplists derived from Wikipedia word
frequencies, BSD 2-Clause licence (c) Jan Pomikalek, Michal Belica. Each written file carries that note.

Only purely alphabetic lowercase tokens are kept (jusText lists contain a few entries such as "barat,").
`generic.txt` holds the words shared by at least 3 of the shipped lists (mostly function words common to
European languages); it is used when a page's language has no list and cannot be guessed from the page.

Usage: python scripts/build_stopwords.py
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import justext

OUT_DIR = Path(__file__).resolve().parents[1] / "src" / "warta" / "resources" / "stopwords"

# ISO 639-1 code -> jusText stoplist name.
LANGUAGES = {
    "en": "English", "id": "Indonesian", "ms": "Malay", "jv": "Javanese", "su": "Sundanese",
    "tl": "Tagalog", "vi": "Vietnamese", "de": "German", "fr": "French", "es": "Spanish",
    "pt": "Portuguese", "it": "Italian", "nl": "Dutch", "ru": "Russian", "pl": "Polish",
    "tr": "Turkish", "sv": "Swedish", "da": "Danish", "nb": "Norwegian_Bokmal", "fi": "Finnish",
    "cs": "Czech", "ro": "Romanian", "hu": "Hungarian", "uk": "Ukrainian", "ar": "Arabic",
}
HEADER = (
    "# Stopwords for language '{code}' ({name}), one per line.\n"
    "# Source: jusText stoplist '{name}' (BSD 2-Clause, (c) Jan Pomikalek, Michal Belica),\n"
    "# filtered to alphabetic tokens by scripts/build_stopwords.py.\n"
)
GENERIC_MIN_LISTS = 3
WORD = re.compile(r"^[^\W\d_]+$")


def clean(words: set[str]) -> list[str]:
    return sorted({w.lower() for w in words if WORD.match(w)})


def main() -> None:
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    counts: Counter[str] = Counter()
    for code, name in LANGUAGES.items():
        words = clean(justext.get_stoplist(name))
        counts.update(words)
        text = HEADER.format(code=code, name=name) + "\n".join(words) + "\n"
        (OUT_DIR / f"{code}.txt").write_text(text, encoding="utf-8")
    shared = sorted(w for w, n in counts.items() if n >= GENERIC_MIN_LISTS)
    text = HEADER.format(code="generic", name=f"words in >= {GENERIC_MIN_LISTS} lists above") + "\n".join(shared) + "\n"
    (OUT_DIR / "generic.txt").write_text(text, encoding="utf-8")
    print(f"wrote {len(LANGUAGES) + 1} lists to {OUT_DIR}")


if __name__ == "__main__":
    main()
