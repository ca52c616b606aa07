"""Settings as one declared table: name, default, environment variable, help."""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: str
    env: str
    help: str


SETTINGS = (
    Setting("db", "crisisledger.db", "CRISISLEDGER_DB", "the ledger: a SQLite file path or a database URL"),
    Setting("gazetteer", "", "CRISISLEDGER_GAZETTEER", "gazetteer index file (default: built in the user cache)"),
    Setting("author", "", "CRISISLEDGER_AUTHOR", "name recorded on revisions (default: the login name)"),
)
_BY_NAME = {s.name: s for s in SETTINGS}


def get(name: str, flag: str | None = None) -> str:
    """Flag, then environment, then the declared default."""
    if flag:
        return flag
    setting = _BY_NAME[name]
    return os.environ.get(setting.env) or setting.default
