"""Record stores. ``open_store(url)`` picks the backend from the ``--db`` value (a path → SQLite)."""

from __future__ import annotations

import os

DEFAULT_DB = "warta.db"


def default_db() -> str:
    """``--db`` default: ``$WARTA_DB`` if set, else ``warta.db`` in the current folder."""
    return os.environ.get("WARTA_DB") or DEFAULT_DB


def open_store(db: str | None = None):
    """``postgresql://...`` (or ``postgres://``) → PostgresStore; anything else is a SQLite file."""
    db = db or default_db()
    if db.startswith(("postgresql://", "postgres://")):
        from warta.store.postgres import PostgresStore

        return PostgresStore(db)
    from warta.store.sqlite import SQLiteStore

    return SQLiteStore(db)
