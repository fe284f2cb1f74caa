"""Publishing is all or nothing, across crashes: the swap is killed or broken at each of its steps,
and the next command must find the whole old package or the whole new one, and say it repaired it.

The "old" package is a real build of the seed sources plus a chart an older build made
(`retired_chart.svg`, removed by the swap); the "new" one is a real build after a label edit plus a
chart only it makes (`new_chart.svg`), so that every kind of step (back up, move, remove) is crossed.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipelines.build import build_package
from pipelines.cli import cli
from pipelines.errors import TsrError
from pipelines.paths import REPO_ROOT, Layout
from pipelines.publish import files as publish
from pipelines.publish import journal
from pipelines.publish.package_check import problems_of

CODING = "data/coding/003_6dc9c966a4e88e09.yaml"
LABEL, EDITED = "Lifts the ban on imports from Syria", "Lifts the ban on imports from Syria (edited)"
RETIRED, ADDED = "data/charts/retired_chart.svg", "data/charts/new_chart.svg"
STAGING = ".staging-4242"
LABEL_SQL = "SELECT measure FROM trade_measures WHERE event_id = 'import_ban_lifted_circular_2025_02_11'"


class Crash(BaseException):
    """Stands for kill -9: nothing in the swap catches it, so no cleanup code runs."""


def digests(root: Path) -> dict[str, str]:
    return {rel: hashlib.sha256((root / rel).read_bytes()).hexdigest() for rel in publish.published_paths(root)}


def edit_label(root: Path) -> None:
    path = root / CODING
    path.write_text(path.read_text(encoding="utf-8").replace(LABEL, EDITED, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def old_root(built_root, tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("old") / "pkg"
    shutil.copytree(built_root, root)
    shutil.copy(root / "data/charts/returns_since_2024_12_08.svg", root / RETIRED)
    return root


@pytest.fixture(scope="module")
def new_root(built_root, tmp_path_factory) -> Path:
    """The next build's published files: a real build of the edited inputs, plus one added chart."""
    root = tmp_path_factory.mktemp("new") / "pkg"
    shutil.copytree(built_root, root)
    edit_label(root)
    build_package(Layout(root), force=True)
    shutil.copy(root / "data/charts/returns_since_2024_12_08.svg", root / ADDED)
    return root


@pytest.fixture(scope="module")
def sides(old_root, new_root) -> dict[str, dict[str, str]]:
    old, new = digests(old_root), digests(new_root)
    assert old["data/trade_measures.csv"] != new["data/trade_measures.csv"] and RETIRED in set(old) - set(new) and ADDED in set(new) - set(old)
    for root in (old_root, new_root):  # each side is a valid package on its own
        assert problems_of(root / "datapackage.json") == []
    return {"old": old, "new": new}


def staged(old_root: Path, new_root: Path, dest: Path) -> Path:
    """A copy of the old package with the new one staged beside it, as the build leaves them before the swap."""
    shutil.copytree(old_root, dest)
    for rel in publish.published_paths(new_root):
        (dest / STAGING / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(new_root / rel, dest / STAGING / rel)
    return dest


def swap_steps(old_root, new_root, tmp_path) -> list[tuple[str, str]]:
    """Every step of a swap that runs to the end, in order."""
    seen: list[tuple[str, str]] = []
    root = staged(old_root, new_root, tmp_path / "dry")
    original = journal.step
    journal.step = lambda name, rel="": seen.append((name, rel))
    try:
        journal.swap_in(root / STAGING, root)
    finally:
        journal.step = original
    return seen


def crash_at(monkeypatch, n: int, exc: BaseException, only: str | None = None) -> None:
    """Make the n-th step of the swap (or the n-th step named `only`) raise `exc`."""
    count = {"n": 0}

    def step(name, rel=""):
        if only is None or name == only:
            count["n"] += 1
            if count["n"] == n:
                raise exc
    monkeypatch.setattr(journal, "step", step)


def assert_whole(root: Path, side: dict[str, str]) -> None:
    """Every published file is the one of that side's build, none is missing or extra, nothing is left over."""
    assert digests(root) == side
    leftovers = [p.name for p in root.iterdir() if p.name.startswith((".staging-", ".backup-", ".publish-journal"))]
    assert leftovers == []


def next_command(root: Path):
    """What a user runs next: a query, which must first repair the package and say so."""
    return CliRunner().invoke(cli, ["sql", "--root", str(root), "--format", "csv", LABEL_SQL])


@pytest.fixture(scope="module")
def steps(old_root, new_root, sides, tmp_path_factory):
    found = swap_steps(old_root, new_root, tmp_path_factory.mktemp("dry"))
    names = [name for name, _ in found]
    assert names[0] == "journal" and names[-1] == "commit"
    assert {"backup", "move", "remove"} <= set(names) and ("remove", RETIRED) in found
    return found


def test_the_swap_publishes_the_whole_new_package(old_root, new_root, sides, tmp_path):
    root = staged(old_root, new_root, tmp_path / "pkg")
    journal.swap_in(root / STAGING, root)
    assert_whole(root, sides["new"])


def test_killed_at_every_step_the_next_command_repairs(old_root, new_root, sides, steps, tmp_path, monkeypatch):
    """A crash after each step of the swap: the next `tsr sql` rolls forward to the new package and
    says so (after the commit there is nothing left to repair), and its answer is the new label."""
    validated = set()
    for n, (name, rel) in enumerate(steps, start=1):
        root = staged(old_root, new_root, tmp_path / f"crash-{n}")
        crash_at(monkeypatch, n, Crash(f"{name} {rel}"))
        with pytest.raises(Crash):
            journal.swap_in(root / STAGING, root)
        monkeypatch.setattr(journal, "step", lambda *a: None)
        assert (root / journal.JOURNAL).exists() == (name != "commit"), (name, rel)
        result = next_command(root)
        assert result.exit_code == 0, (name, rel, result.output)
        if name != "commit":
            assert "repaired: the publish of build pid" in result.stderr and "rolled forward" in result.stderr, (name, rel)
        assert result.stdout.splitlines()[1] == EDITED, (name, rel)
        shutil.rmtree(root / STAGING, ignore_errors=True)  # after a commit crash only: the next build removes it
        shutil.rmtree(root / f".backup-{os.getpid()}", ignore_errors=True)
        assert_whole(root, sides["new"])
        if name not in validated:  # the repaired files are the new build's; Frictionless agrees, once per kind of step
            assert problems_of(root / "datapackage.json") == [], (name, rel)
            validated.add(name)


@pytest.mark.parametrize("kind", ["backup", "move", "remove"])
def test_a_failure_at_every_step_restores_the_old_package(old_root, new_root, sides, steps, tmp_path, monkeypatch, kind):
    """An OSError at any step of the live swap (a permission error, a full disk) rolls back: the build
    fails with `publish-failed` naming the file, and the whole old package is published."""
    rels = [rel for name, rel in steps if name == kind]
    for n, rel in enumerate(rels, start=1):
        root = staged(old_root, new_root, tmp_path / f"{kind}-{n}")
        crash_at(monkeypatch, n, PermissionError(13, "Permission denied", str(root / rel)), only=kind)
        with pytest.raises(TsrError) as info:
            journal.swap_in(root / STAGING, root)
        [problem] = info.value.problems
        assert (problem.code, problem.file) == ("publish-failed", rel)
        assert "Permission denied" in problem.message and "previously published package was restored" in problem.message
        assert_whole(root, sides["old"])


def test_crash_while_rolling_back_keeps_rolling_back(old_root, new_root, sides, steps, tmp_path, monkeypatch):
    """A permission error half-way through the moves, then a kill in the middle of the roll-back: the
    next command finishes the roll-back (never forward again with half the new files restored away)."""
    moves = [rel for name, rel in steps if name == "move"]
    root = staged(old_root, new_root, tmp_path / "pkg")
    calls = {"move": 0, "restore": 0}

    def step(name, rel=""):
        if name in calls:
            calls[name] += 1
            if name == "move" and calls["move"] == len(moves) // 2:
                raise PermissionError(1, "Operation not permitted", str(root / rel))
            if name == "restore" and calls["restore"] == 2:
                raise Crash("kill -9 during the roll-back")
    monkeypatch.setattr(journal, "step", step)
    with pytest.raises(Crash):
        journal.swap_in(root / STAGING, root)
    monkeypatch.setattr(journal, "step", lambda *a: None)
    assert json.loads((root / journal.JOURNAL).read_text())["rolling_back"] is True
    result = next_command(root)
    assert result.exit_code == 0, result.output
    assert "rolled back to the previously published package" in result.stderr
    assert result.stdout.splitlines()[1] == LABEL
    assert_whole(root, sides["old"])


def test_roll_forward_impossible_rolls_back(old_root, new_root, sides, steps, tmp_path, monkeypatch):
    """Killed mid-swap, and the cause is still there when the next command repairs (a directory made
    immutable): rolling forward fails, so the repair rolls back, and says why."""
    moves = [rel for name, rel in steps if name == "move"]
    blocked = next(rel for rel in moves[len(moves) // 2:] if rel.startswith("data/parquet/"))
    root = staged(old_root, new_root, tmp_path / "pkg")
    crash_at(monkeypatch, 3, Crash("kill -9"), only="move")
    with pytest.raises(Crash):
        journal.swap_in(root / STAGING, root)
    monkeypatch.setattr(journal, "step", lambda *a: None)
    real_replace = os.replace

    def replace(src, dst, **kw):
        if Path(dst) == root / blocked:
            raise PermissionError(1, "Operation not permitted", str(src), None, str(dst))
        return real_replace(src, dst, **kw)
    monkeypatch.setattr(journal.os, "replace", replace)
    result = next_command(root)
    assert result.exit_code == 0, result.output
    assert f"rolling forward failed ({blocked}: Operation not permitted)" in result.stderr
    assert "rolled back to the previously published package" in result.stderr
    assert_whole(root, sides["old"])


def test_unrepairable_package_is_refused_with_a_clear_error(old_root, new_root, steps, tmp_path, monkeypatch):
    """When neither side can be restored, commands refuse to read the half-swapped package."""
    root = staged(old_root, new_root, tmp_path / "pkg")
    crash_at(monkeypatch, 3, Crash("kill -9"), only="move")
    with pytest.raises(Crash):
        journal.swap_in(root / STAGING, root)
    monkeypatch.setattr(journal, "step", lambda *a: None)

    def replace(src, dst, **kw):
        raise PermissionError(1, "Operation not permitted", str(src), None, str(dst))
    monkeypatch.setattr(journal.os, "replace", replace)
    result = next_command(root)
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.exception
    assert "[publish-half-swapped] .publish-journal.json: the package is half-swapped" in result.stderr
    assert "run any tsr command to repair it" in result.stderr and "Traceback" not in result.output
    assert (root / journal.JOURNAL).exists() and (root / STAGING).is_dir()


# -- a real kill -9 of a real build ----------------------------------------------------------------

KILLER = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    from pipelines.build import build_package
    from pipelines.paths import Layout
    from pipelines.publish import journal

    kind, nth, seen = sys.argv[2], int(sys.argv[3]), []

    def step(name, rel=""):
        seen.append(name)
        if seen.count(kind) == nth:
            os.kill(os.getpid(), signal.SIGKILL)

    journal.step = step
    build_package(Layout(Path(sys.argv[1])), force=True)
""")


@pytest.mark.slow
@pytest.mark.parametrize("kind,nth", [("backup", 4), ("move", 12), ("remove", 1)])
def test_kill_9_of_a_build_during_the_swap(old_root, tmp_path, kind, nth):
    """`kill -9` of a real `tsr build` subprocess at a step of its swap; then `tsr sql` (another
    process) says it repaired the package, which is then wholly the killed build's, and valid."""
    root = tmp_path / "pkg"
    shutil.copytree(old_root, root)
    edit_label(root)
    killed = subprocess.Popen([sys.executable, "-c", KILLER, str(root), kind, str(nth)], cwd=REPO_ROOT,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _, err = killed.communicate(timeout=300)
    assert killed.returncode == -signal.SIGKILL, err
    left = json.loads((root / journal.JOURNAL).read_text())
    assert left["pid"] == killed.pid  # the journal names the killed build
    after = subprocess.run([sys.executable, "-m", "pipelines", "sql", "--root", str(root), "--format", "csv", LABEL_SQL],
                           cwd=REPO_ROOT, capture_output=True, text=True, timeout=120)
    assert after.returncode == 0, after.stderr
    assert f"repaired: the publish of build pid {left['pid']} was interrupted" in after.stderr
    assert after.stdout.splitlines()[1] == EDITED
    assert_whole(root, left["new"])
    assert problems_of(root / "datapackage.json") == []


# -- the audit's case: a published folder that cannot be written ---------------------------------

def _can_chattr(path: Path) -> bool:
    if shutil.which("chattr") is None:
        return False
    return subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode == 0


@pytest.mark.slow
def test_immutable_parquet_folder_keeps_the_old_package(old_root, sides, tmp_path):
    """`chattr +i data/parquet` (as the audit did; needs root) and `tsr build --force` after an edit:
    a clear error, no traceback, the whole old package still published, nothing left over."""
    root = tmp_path / "pkg"
    shutil.copytree(old_root, root)
    edit_label(root)
    if not _can_chattr(root / "data/parquet"):
        pytest.skip("chattr +i needs root on a filesystem that supports it (the monkeypatched failures cover the rest)")
    try:
        result = subprocess.run([sys.executable, "-m", "pipelines", "build", "--force", "--root", str(root)],
                                cwd=REPO_ROOT, capture_output=True, text=True, timeout=300)
    finally:
        subprocess.run(["chattr", "-i", str(root / "data/parquet")], check=True)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert "build failed: 1 problem(s); nothing was published" in result.stderr
    assert "[publish-failed] data/parquet/" in result.stderr and "the previously published package was restored" in result.stderr
    assert digests(root) == sides["old"]
    assert not [p for p in root.iterdir() if p.name.startswith((".staging-", ".backup-", ".publish-journal"))]
