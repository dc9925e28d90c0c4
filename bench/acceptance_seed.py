"""Acceptance check on the seed page: run the real CLI (`warta process SEED --format jsonl`) and compare the
record with ../shared/seed/expected.json. Prints one line per check; exits 1 if a required part fails.

    python bench/acceptance_seed.py [--shared ../shared] [--require article]

Parts: article (issue 2). Entities, quotes and events are reported when the record has them and are
required only when named in --require.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTICLE_FIELDS = ("title", "site", "dateline", "published", "language", "credit", "images", "paragraphs")


def run_warta(seed: Path) -> dict:
    out = subprocess.run([sys.executable, "-m", "warta", "process", str(seed), "--format", "jsonl"],
                         capture_output=True, text=True, check=True, cwd=ROOT)
    records = [json.loads(line) for line in out.stdout.splitlines() if line.strip()]
    if len(records) != 1:
        raise SystemExit(f"expected one record, got {len(records)}; stderr: {out.stderr[-2000:]}")
    return records[0]


def check_article(record: dict, expected: dict) -> list[tuple[str, bool, str]]:
    article = expected["article"]
    results = []
    for key in ARTICLE_FIELDS:
        ok = record.get(key) == article[key]
        results.append((f"article.{key}", ok, "" if ok else f"got {json.dumps(record.get(key), ensure_ascii=False)[:300]}"))
    leaked = [s for s in article["not_in_text"] if s in record["text"]]
    results.append(("article.not_in_text", not leaked, f"leaked: {leaked}" if leaked else ""))
    try:
        import jsonschema

        schema = json.loads((ROOT / "src/warta/schema/record.schema.json").read_text(encoding="utf-8"))
        jsonschema.validate(record, schema)
        results.append(("schema", True, ""))
    except ImportError:
        results.append(("schema", True, "jsonschema not installed: skipped"))
    except jsonschema.ValidationError as err:
        results.append(("schema", False, err.message[:300]))
    return results


def _names(entity: dict) -> set[str]:
    return {entity["name"].lower(), *(a.lower() for a in entity.get("aliases_any", []))}


def check_entities(record: dict, expected: dict) -> list[tuple[str, bool, str]]:
    text = record["text"]
    found = record.get("entities") or []
    results = []
    for want in expected.get("entities", []):
        names = _names(want)
        match = next((e for e in found if e["name"].lower() in names
                      or any(text[m["start"]:m["end"]].lower() in names for m in e["mentions"])), None)
        countries = want.get("country_any", [want.get("country")])
        ok = bool(match) and match["type"] == want["type"] and match.get("country") in countries
        results.append((f"entity {want['name']}", ok, "" if ok else f"got {match and {k: match.get(k) for k in ('name', 'type', 'country')}}"))
    bad = [e["name"] for e in found if e["name"] in expected.get("entities_not", [])]
    results.append(("entities_not", not bad, f"found {bad}" if bad else ""))
    return results


def check_quotes(record: dict, expected: dict) -> list[tuple[str, bool, str]]:
    results = []
    for want in expected.get("quotes", []):
        speakers = {s.lower() for s in want["speaker_any"]}
        kinds = set(want.get("kind_any", [want.get("kind")]))

        def matches(q: dict, want: dict = want) -> bool:
            text = q["text"]
            return (text.startswith(want.get("starts_with", "")) and want.get("contains", "") in text
                    and text.rstrip(" ,.”\"").endswith(want.get("ends_with", "")))

        got = [q for q in record.get("quotes") or [] if matches(q)]
        ok = any((q.get("speaker_name") or "").lower() in speakers and q["kind"] in kinds for q in got)
        label = want.get("starts_with") or want.get("contains")
        results.append((f"quote {label[:40]!r}", ok, "" if ok else f"got {[(q.get('speaker_name'), q['kind']) for q in got]}"))
    return results


def check_events(record: dict, expected: dict) -> list[tuple[str, bool, str]]:
    results = []
    for want in expected.get("events", []):
        def side(party: dict | None) -> set[str]:
            return {str(party.get(k)).lower() for k in ("name", "country") if party and party.get(k)}

        ok = False
        for ev in record.get("events") or []:
            if ev["type"] not in want["type_any"]:
                continue
            if not side(ev["actor"]) & {a.lower() for a in want["actor_any"]}:
                continue
            if not side(ev.get("recipient")) & {a.lower() for a in want["recipient_any"]}:
                continue
            if "date" in want and ev.get("date") != want["date"]:
                continue
            ok = True
        results.append((f"event {want['what'][:50]!r}", ok, ""))
    return results


CHECKS = {"article": check_article, "entities": check_entities, "quotes": check_quotes, "events": check_events}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--require", default="article", help="comma-separated parts that must pass")
    args = parser.parse_args()
    seed_dir = Path(args.shared) / "seed"
    if not seed_dir.is_dir():
        print(f"no seed folder at {seed_dir}: skipped")
        return 0
    shared_schema = Path(args.shared) / "schema/record.schema.json"
    shipped_schema = ROOT / "src/warta/schema/record.schema.json"
    if shared_schema.is_file():
        same = json.loads(shared_schema.read_text(encoding="utf-8")) == json.loads(
            shipped_schema.read_text(encoding="utf-8"))
        print(f"== schema: the shipped record schema {'equals' if same else 'DIFFERS FROM'} {shared_schema}")
        if not same:
            return 1
    expected = json.loads((seed_dir / "expected.json").read_text(encoding="utf-8"))
    record = run_warta(seed_dir / "000_ca95efe6f588ed3e.txt")
    required = set(args.require.split(",")) if args.require else set()
    failed_required = 0
    for part, check in CHECKS.items():
        results = check(record, expected)
        passed = sum(ok for _, ok, _ in results)
        print(f"== {part}: {passed}/{len(results)} {'(required)' if part in required else '(reported)'}")
        for name, ok, detail in results:
            print(f"  {'PASS' if ok else 'FAIL'} {name} {detail}")
        if part in required and passed < len(results):
            failed_required += 1
    return 1 if failed_required else 0


if __name__ == "__main__":
    sys.exit(main())
