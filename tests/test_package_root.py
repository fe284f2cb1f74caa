"""`tsr` works on the package you stand in (found from the current directory upward, as git finds its
repository), not on the folder it was installed from; outside a package it says so."""
from __future__ import annotations

import shutil

from click.testing import CliRunner

from pipelines.cli import cli
from pipelines.paths import REPO_ROOT, Layout, find_root
from pipelines.sources.add import add_source

REPORT = REPO_ROOT / "tests" / "fixtures" / "new_sources" / "report_en.txt"


def test_commands_use_the_package_around_the_current_directory(inputs_root, monkeypatch):
    """A source registered only in a copy is found when standing anywhere inside the copy."""
    source_id = add_source(Layout(inputs_root), REPORT, title="Returns gather pace", published="2025-02-03")
    assert not (REPO_ROOT / "data" / "sources" / f"{source_id}.txt").exists()
    monkeypatch.chdir(inputs_root / "data" / "coding")
    result = CliRunner().invoke(cli, ["stub", source_id])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == f"data/coding/{source_id}.yaml"
    assert (inputs_root / "data" / "coding" / f"{source_id}.yaml").exists()
    assert not (REPO_ROOT / "data" / "coding" / f"{source_id}.yaml").exists()


def test_outside_a_package_the_command_fails_clearly(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["coverage"])
    assert result.exit_code == 2
    assert f"not inside a package: no folder from {tmp_path.resolve()} upward holds data/sources/ and data/coding/" in result.output
    assert "pass --root" in result.output


def test_root_option_still_overrides(inputs_root, tmp_path, monkeypatch):
    other = tmp_path / "other"
    shutil.copytree(inputs_root, other)
    source_id = add_source(Layout(other), REPORT, title="Returns gather pace", published="2025-02-03")
    monkeypatch.chdir(inputs_root)
    result = CliRunner().invoke(cli, ["stub", source_id, "--root", str(other)])
    assert result.exit_code == 0, result.output
    assert (other / "data" / "coding" / f"{source_id}.yaml").exists()


def test_find_root_needs_both_input_folders(tmp_path):
    (tmp_path / "pkg" / "data" / "sources").mkdir(parents=True)
    assert find_root(tmp_path / "pkg") is None
    (tmp_path / "pkg" / "data" / "coding").mkdir()
    assert find_root(tmp_path / "pkg" / "data" / "sources") == (tmp_path / "pkg").resolve()
