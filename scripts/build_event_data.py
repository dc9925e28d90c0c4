"""Build warta's CAMEO → PLOVER table from the PLOVER project's conversion table.

    python scripts/build_event_data.py [--shared ../shared]

Reads ../shared/data/events/plover/CAMEO2PLOVER-2021.txt (PLOVER manual draft 0.8, CC BY-SA 4.0,
openeventdata/PLOVER) and writes src/warta/resources/events/cameo_plover.tsv: cameo<TAB>plover type<TAB>
plover mode<TAB>context. The output is an adaptation and is shared under CC BY-SA 4.0 with that attribution.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src/warta/resources/events/cameo_plover.tsv"
LINE = re.compile(r"^(\d{2,4}):\s*([A-Z]+)\s*(?:,([^,#]*))?(?:,([^#]*))?(?:#\s*(.*))?$")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    args = parser.parse_args()
    source = Path(args.shared) / "data/events/plover/CAMEO2PLOVER-2021.txt"
    rows = []
    for line in source.read_text(encoding="utf-8").splitlines():
        match = LINE.match(line.strip())
        if not match:
            continue
        code, plover, mode, context, what = match.groups()
        context = (context or "").split(";")[0].strip()
        rows.append((code, plover, (mode or "").strip(), context, (what or "").strip()))
    header = ("# CAMEO code → PLOVER type, PLOVER mode, context. Derived by scripts/build_event_data.py from\n"
              "# CAMEO2PLOVER-2021.txt (PLOVER manual draft 0.8, openeventdata/PLOVER, CC BY-SA 4.0).\n"
              "# This file is shared under CC BY-SA 4.0.\n")
    OUT.write_text(header + "".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
    print(f"{len(rows)} codes → {OUT}")


if __name__ == "__main__":
    main()
