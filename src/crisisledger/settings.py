"""Settings as one declared table: name, default, environment variable, help.

Order of precedence (cli.md): command-line flag, environment, settings file (`--config FILE` or
`CRISISLEDGER_CONFIG`, a TOML file with a `[crisisledger]` table), then the declared default.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from crisisledger.errors import CrisisLedgerError


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
    Setting(
        "dictionary",
        "",
        "CRISISLEDGER_DICTIONARY",
        "folder of a PETRARCH-format coding dictionary, read before the built-in lexicon (default: none)",
    ),
)
_BY_NAME = {s.name: s for s in SETTINGS}
CONFIG_ENV = "CRISISLEDGER_CONFIG"


class SettingsError(CrisisLedgerError):
    code = "SETTINGS"


@lru_cache(maxsize=8)
def _read_file(path: str) -> dict[str, str]:
    try:
        data = tomllib.loads(Path(path).read_text("utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise SettingsError(f"settings file {path}: {exc}") from exc
    table = data.get("crisisledger", data)
    unknown = set(table) - set(_BY_NAME)
    if unknown:
        raise SettingsError(f"settings file {path}: unknown settings {', '.join(sorted(unknown))}")
    return {k: str(v) for k, v in table.items()}


def get(name: str, flag: str | None = None, config: str | None = None) -> str:
    """Flag, then environment, then settings file, then the declared default."""
    if flag:
        return flag
    setting = _BY_NAME[name]
    if os.environ.get(setting.env):
        return os.environ[setting.env]
    config = config or os.environ.get(CONFIG_ENV)
    if config and name in _read_file(config):
        return _read_file(config)[name]
    return setting.default
