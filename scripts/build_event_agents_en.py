"""Build ``resources/events/agents.en.phoenix.tsv`` from PETRARCH-2's Phoenix agents dictionary (MIT).

    python3 scripts/build_event_agents_en.py [--shared ../shared] [--out PATH]

Each agent noun (``FARMER [~AGR]``, ``CHIEF_OF_STAFF [~GOV]``) becomes a row ``phrase<TAB>role<TAB>recipient``:
- the role is the first three letters of the agent code (``GOVMIL`` → GOV);
- the ``!PERSON!``/``!MINIST!`` macros are expanded; ``{...}`` lists irregular plurals; otherwise the regular plural
  of the last word is added, as PETRARCH does;
- ``recipient`` is ``yes`` for state and armed bodies (government, military, police, courts, legislators, rebels,
  opposition, parties, intelligence, international bodies), which may be coded as the one acted on, and ``no`` for
  civilian groups (farmers, students, business), which are coded as actors only;
- military equipment and vehicles (``warships``, ``fighter jets``, ``drones``: the last word in ``EQUIPMENT``) may act
  ("Russian warplanes bombed ...") but are never coded as the one acted on ("the navy deployed two warships"):
  ``no``;
- generic person words (``PPL``: man, people) and entries with non-ASCII or leftover macro text are skipped.
``agents.en.tsv`` (hand-written) is read first and wins over these rows.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = "data/events/petrarch2/Phoenix.agents.txt"
OUT = ROOT / "src" / "warta" / "resources" / "events" / "agents.en.phoenix.tsv"
STATE_ROLES = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "REB", "OPP", "PTY", "SPY", "IGO", "UAF", "INS"})
SKIP_ROLES = frozenset({"PPL"})
# Single words that name a group in Phoenix but are mostly something else in news text ("the state", "a party"),
# or in sports, business and technology text ("England captain", "the carrier", "chief executive", "Raiders",
# "artificial intelligence": on 709 unlabelled English WCXB main texts "intelligence" as a spy agency gave 4 false
# events, 139 -> 135; news dev/retired, ScrapingHub pages and PLOVER GSR unchanged).
SKIP_WORDS = frozenset(
    """state states party parties union unions house houses court courts bank banks company companies
business businesses boss bosses press force forces regime regimes
intelligence captain captains carrier carriers raider raiders""".split()
) | frozenset({"chief executive", "chief executives"})


# Last words of military equipment and vehicles (role MIL only: "suicide bomber" is a person): they may act, but a
# weapon deployed, bought or fired is no party acted on ("the navy deployed two warships" gave navy -> warships).
EQUIPMENT = frozenset(
    """aircraft aircrafts craft crafts carrier carriers missile missiles helicopter helicopters gunship gunships
tank tanks battleship battleships bomber bombers ship ships destroyer destroyers frigate frigates cruiser cruisers
jet jets jetfighter jetfighters plane planes warplane warplanes warship warships drone drones vehicle vehicles
boat boats vessel vessels""".split()
) | frozenset({"jet fighter", "jet fighters"})


def recipient(phrase: str, role: str) -> bool:
    """A state or armed body may be coded as the one acted on; its equipment may not."""
    if role not in STATE_ROLES:
        return False
    words = phrase.split()
    return not (role == "MIL" and (words[-1] in EQUIPMENT or " ".join(words[-2:]) in EQUIPMENT))


_PHRASE_WORDS = frozenset(
    {"of", "for", "and", "the", "in", "without", "on"}
)  # "minister of trade": no plural


def plural(noun: str) -> str:
    if noun.endswith("y") and len(noun) > 2 and noun[-2] not in "aeiou":
        return noun[:-1] + "ies"
    if noun.endswith(("man",)):
        return noun[:-3] + "men"
    return noun + ("es" if noun.endswith(("s", "x", "z", "ch", "sh")) else "s")


def read(path: Path) -> dict[str, str]:
    macros: dict[str, list[str]] = {}
    out: dict[str, str] = {}
    for raw in path.read_text(encoding="latin-1").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        macro = re.fullmatch(r"(![A-Z]+!)\s*=\s*(.+)", line)
        if macro:
            macros[macro.group(1)] = [w.strip() for w in macro.group(2).split(",")]
            continue
        code = re.search(r"\[~?([A-Z]+)~?\]", line)
        if not code:
            continue
        role = code.group(1)[:3]
        if role in SKIP_ROLES:
            continue
        irregular = re.search(r"\{([^}]*)\}", line)
        line = line.replace("AD!MINIST!RATI", "ADMINISTRATI")  # a find-and-replace slip in the source
        head = re.sub(r"\{[^}]*\}|\[[^\]]*\]", " ", line).strip()
        forms = [head] + (irregular.group(1).split() if irregular else [])
        for form in forms:
            for text in _expand(form, macros):
                phrase = " ".join(text.replace("_", " ").lower().split()).strip(" ,")
                if not phrase or not re.fullmatch(r"[a-z][a-z' -]*", phrase) or "!" in phrase:
                    continue
                variants = [phrase]
                words = phrase.split()
                if not irregular and not phrase.endswith("s") and not _PHRASE_WORDS & set(words):
                    variants.append(" ".join(words[:-1] + [plural(words[-1])]))
                for variant in variants:
                    if variant not in SKIP_WORDS and len(variant) > 2:
                        out.setdefault(variant, role)
    return out


def _expand(form: str, macros: dict[str, list[str]]) -> list[str]:
    match = re.search(r"![A-Z]+!", form)
    if not match:
        return [form]
    out = []
    for word in macros.get(match.group(0), []):
        out.extend(_expand(form[: match.start()] + word + form[match.end() :], macros))
    return out


HEADER = """# English generic actors converted from PETRARCH-2's Phoenix.agents.txt by scripts/build_event_agents_en.py
# (do not edit: edit agents.en.tsv, which wins over this file, or the script). phrase<TAB>role<TAB>recipient
#
# Source: https://github.com/openeventdata/petrarch2 data/dictionaries/Phoenix.agents.txt, under this licence:
#
# The MIT License (MIT)
#
# Copyright (c) 2014 Open Event Data Alliance
#
# Permission is hereby granted, free of charge, to any person obtaining a copy of
# this software and associated documentation files (the "Software"), to deal in
# the Software without restriction, including without limitation the rights to
# use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of
# the Software, and to permit persons to whom the Software is furnished to do so,
# subject to the following conditions:
#
# The above copyright notice and this permission notice shall be included in all
# copies or substantial portions of the Software.
#
# THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
# IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS
# FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR
# COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER
# IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN
# CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    source = args.shared / SOURCE
    if not source.is_file():
        print(f"{source} not found: nothing to build", file=sys.stderr)
        return 1
    agents = read(source)
    rows = [f"{p}\t{r}\t{'yes' if recipient(p, r) else 'no'}" for p, r in sorted(agents.items())]
    args.out.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} agent phrases → {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
