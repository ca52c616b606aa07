"""Docs that cannot drift: every token a user sees is defined in the codebook, and the README's
commands exist."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from crisisledger import model
from crisisledger.cli import main

ROOT = Path(__file__).resolve().parents[1]
CODEBOOK = (ROOT / "docs" / "codebook.md").read_text("utf-8")
LEXICON = ROOT / "src" / "crisisledger" / "lexicon"
ENUMS = [
    model.Role,
    model.EventType,
    model.Certainty,
    model.Stance,
    model.FigureKind,
    model.Qualifier,
    model.ActorKind,
    model.DatePrecision,
    model.PlacePrecision,
]


@pytest.mark.parametrize("enum", ENUMS, ids=lambda e: e.__name__)
def test_every_vocabulary_token_is_in_the_codebook(enum: type) -> None:
    missing = [m.value for m in enum if f"`{m.value}`" not in CODEBOOK]
    assert not missing, f"define these in docs/codebook.md: {missing}"


def _modes() -> set[str]:
    modes = yaml.safe_load((LEXICON / "modes.yaml").read_text("utf-8"))["modes"]
    found = {rule["mode"] for rules in modes.values() for rule in rules}
    triggers = (LEXICON / "triggers.yaml").read_text("utf-8")
    return found | set(re.findall(r"^\s+mode: ([a-z][a-z -]*)$", triggers, re.M))


def test_every_mode_is_in_the_codebook() -> None:
    missing = sorted(m for m in _modes() if m not in CODEBOOK)
    assert not missing, f"define these modes in docs/codebook.md: {missing}"


def test_readme_commands_exist() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    blocks = "\n".join(re.findall(r"```(?:bash)?\n(.*?)```", readme, re.S))
    commands = set(re.findall(r"(?:^|&& )crisisledger ([a-z]+)", blocks, re.M))
    assert commands, "the README shows no command"
    runner = CliRunner()
    for command in sorted(commands):
        assert runner.invoke(main, [command, "--help"]).exit_code == 0, command


def test_codebook_modes_table_is_current(tmp_path: Path) -> None:
    from crisisledger.lexicon.codebook import rewrite

    copy = tmp_path / "codebook.md"
    copy.write_text(CODEBOOK, "utf-8")
    assert not rewrite(copy), "run: python -m crisisledger.lexicon.codebook docs/codebook.md"
