"""``warta serve``: the web app on uvicorn."""

from __future__ import annotations

import re
import sys

LOOPBACK = ("127.0.0.1", "localhost", "::1")


def run(db: str | None, host: str, port: int, token: str | None) -> None:
    import uvicorn

    from warta.store import default_db
    from warta.web.app import create_app

    path = db or default_db()
    # a loopback server only answers to loopback names, so a web page cannot reach it by DNS rebinding
    hosts = [*LOOPBACK, "[::1]"] if host in LOOPBACK else None
    app = create_app(path, token=token, allowed_hosts=hosts)
    writes = "write endpoints enabled (bearer token)" if token else "read-only (no --token)"
    shown = re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", path)  # never print a database password
    print(f"warta: serving {shown} on http://{'[::1]' if host == '::1' else host}:{port}/  ({writes})",
          file=sys.stderr)
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
