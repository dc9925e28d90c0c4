"""robots.txt as RFC 9309 reads it: groups per user agent, ``*`` and ``$`` in paths, the longest matching rule
wins and ``allow`` wins a tie. (The standard library's parser knows neither wildcards nor longest match, and
news sites use both.) Matching is linear in practice and never uses regular expressions, so a hostile
pattern cannot make it backtrack for long.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

MAX_RULES = 10_000  # a robots.txt is capped at 512 KiB anyway; this bounds the per-URL work


@dataclass(slots=True)
class RobotsRules:
    rules: list[tuple[str, bool]] = field(default_factory=list)  # (path pattern, allow)
    crawl_delay: float | None = None
    sitemaps: list[str] = field(default_factory=list)

    def allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        if parts.path == "/robots.txt":
            return True
        target = unquote(parts.path or "/") + (f"?{unquote(parts.query)}" if parts.query else "")
        best: tuple[int, bool] | None = None
        for pattern, allow in self.rules:
            if _matches(pattern, target):
                candidate = (len(pattern), allow)  # longer wins; at equal length True (allow) > False
                if best is None or candidate > best:
                    best = candidate
        return best is None or best[1]


def allow_all() -> RobotsRules:
    return RobotsRules()


def parse_robots(text: str, agent: str) -> RobotsRules:
    """The rules for product token ``agent`` (e.g. ``warta``): its own groups, else the ``*`` groups."""
    token = agent.split("/")[0].strip().lower()
    mine, anyone = RobotsRules(), RobotsRules()
    sitemaps: list[str] = []
    agents: list[str] = []
    named: set[str] = set()  # every agent the file has a group for
    in_rules = False  # a user-agent line after rules starts a new group
    for raw_line in text.splitlines():
        key, _, value = raw_line.split("#", 1)[0].partition(":")
        key, value = key.strip().lower(), value.strip()
        if key == "user-agent":
            if in_rules:
                agents, in_rules = [], False
            agents.append(value.split("/")[0].strip().lower())
            named.add(agents[-1])
        elif key in ("allow", "disallow", "crawl-delay"):
            in_rules = True
            for target in _targets(agents, token, mine, anyone):
                _add(target, key, value)
        elif key == "sitemap" and value:
            sitemaps.append(value)
    chosen = mine if token in named else anyone
    chosen.sitemaps = sitemaps
    return chosen


def _targets(agents: list[str], token: str, mine: RobotsRules, anyone: RobotsRules) -> list[RobotsRules]:
    targets = []
    if token in agents:
        targets.append(mine)
    if "*" in agents:
        targets.append(anyone)
    return targets


def _add(rules: RobotsRules, key: str, value: str) -> None:
    if key == "crawl-delay":
        try:
            rules.crawl_delay = max(0.0, float(value))
        except ValueError:
            pass
        return
    if not value or len(rules.rules) >= MAX_RULES:
        return  # an empty "Disallow:" allows everything, which is the default already
    pattern = unquote(value if value.startswith(("/", "*")) else "/" + value)
    rules.rules.append((pattern, key == "allow"))


def _matches(pattern: str, target: str) -> bool:
    """Does ``pattern`` (``*`` = any run, trailing ``$`` = end) match a prefix of ``target``?"""
    if pattern.endswith("$"):
        return _glob(pattern[:-1], target)
    return _glob(pattern + "*", target)


def _glob(pattern: str, text: str) -> bool:
    """Whole-string match with ``*`` wildcards: two pointers, back to the last star on a mismatch."""
    p = t = 0
    star, mark = -1, 0
    while t < len(text):
        if p < len(pattern) and pattern[p] == "*":
            star, mark = p, t
            p += 1
        elif p < len(pattern) and pattern[p] == text[t]:
            p += 1
            t += 1
        elif star >= 0:
            p, mark = star + 1, mark + 1
            t = mark
        else:
            return False
    while p < len(pattern) and pattern[p] == "*":
        p += 1
    return p == len(pattern)
