"""The README's validation command works as written: in a fresh virtual environment holding only what
the README tells a user to install, `frictionless validate datapackage.json` finds every resource of
the published package valid (the CSV and Parquet tables, the chart data, the files).

A fresh venv (~25 s, packages from pip's cache or PyPI), not the project's: the project venv has
pandas for its own reasons, and it hid that `frictionless[parquet]` alone cannot read Parquet
(frictionless reads it through pandas: "No module named 'pandas'"). The lock is passed as pip's
constraints, so the user's command installs the versions this package is tested with.
"""
from __future__ import annotations

import os
import shlex
import subprocess
import sys

import pytest

from pipelines.paths import REPO_ROOT

INSTALL = 'pip install "frictionless[parquet,pandas]"'
VALIDATE = "frictionless validate datapackage.json"
README = (REPO_ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_names_the_commands():
    assert INSTALL in README and VALIDATE in README


@pytest.mark.slow
def test_readme_validation_command_in_a_fresh_venv(built_root, tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    env = {**os.environ, "PIP_CONSTRAINT": str(REPO_ROOT / "requirements.lock"), "PIP_DISABLE_PIP_VERSION_CHECK": "1",
           "COLUMNS": "200"}  # a wide report: resource names are not cut
    env.pop("VIRTUAL_ENV", None)

    def run(command: str) -> subprocess.CompletedProcess:
        program, *args = shlex.split(command)
        return subprocess.run([str(venv / "bin" / program), *args], cwd=built_root, env=env, capture_output=True,
                              text=True, timeout=600)

    installed = run(INSTALL)
    assert installed.returncode == 0, installed.stderr[-2000:]
    result = run(VALIDATE)
    assert result.returncode == 0, result.stdout[-4000:]
    assert "INVALID" not in result.stdout
    # Every resource was checked, the Parquet tables and the chart data included.
    resources = {line.split("│")[1].strip() for line in result.stdout.splitlines() if line.count("│") > 4}
    assert "facts-parquet" in resources and any(name.endswith("-data") for name in resources), resources
