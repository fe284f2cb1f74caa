"""The README documents every command, the two set-up commands and every table."""
from __future__ import annotations

from pipelines.cli import cli
from pipelines.paths import REPO_ROOT
from schemas import TABLES

README = (REPO_ROOT / "README.md").read_text(encoding="utf-8")


def test_every_command_is_in_the_readme():
    for name in cli.commands:
        assert f"tsr {name}" in README or f"pipelines {name}" in README, name


def test_quick_start_is_two_commands():
    assert "make build" in README and "make test" in README


def test_every_table_is_described():
    for table in TABLES:
        assert f"`{table}`" in README, table
