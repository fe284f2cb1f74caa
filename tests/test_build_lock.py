"""One build at a time: a second build started while the first holds the lock stops with a clear
message and touches nothing; a lock left by a killed build is free again."""
from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipelines.build import build_package
from pipelines.cli import cli
from pipelines.errors import TsrError
from pipelines.paths import REPO_ROOT, Layout
from pipelines.publish import files as publish
from pipelines.publish import journal
from pipelines.publish.lock import LOCK_FILE, build_lock
from pipelines.publish.package_check import problems_of

CODING = "data/coding/003_6dc9c966a4e88e09.yaml"


@pytest.fixture()
def published(built_root, tmp_path) -> Path:
    root = tmp_path / "pkg"
    shutil.copytree(built_root, root)
    return root


def digests(root: Path) -> dict[str, str]:
    return {rel: hashlib.sha256((root / rel).read_bytes()).hexdigest() for rel in publish.published_paths(root)}


def wait_for(path: Path, process: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not path.exists():
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, f"{path} never appeared"
        time.sleep(0.05)


def test_a_build_while_another_holds_the_lock_is_refused(published):
    before = digests(published)
    with build_lock(published):
        with pytest.raises(TsrError) as info:
            build_package(Layout(published), force=True)
        result = CliRunner().invoke(cli, ["build", "--force", "--root", str(published)])
    [problem] = info.value.problems
    assert (problem.code, problem.file) == ("build-running", LOCK_FILE)
    assert f"another build is running (pid {os.getpid()})" in problem.message
    assert result.exit_code == 1 and f"[build-running] {LOCK_FILE}: another build is running (pid {os.getpid()})" in result.stderr
    assert digests(published) == before
    assert "up to date" in build_package(Layout(published))  # released: the next build runs


# The first build stops once its package is staged and validated, just before its swap (the moment at
# which, without a lock, a second build deleted its staging folder), and waits for the test's go.
FIRST_BUILD = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from pipelines import build
    from pipelines.paths import Layout
    from pipelines.publish import journal

    root = Path(sys.argv[1])
    real_swap_in = journal.swap_in

    def swap_in(staging, root):
        (root / "first-staged").write_text(staging.name)
        while not (root / "go").exists():
            time.sleep(0.05)
        return real_swap_in(staging, root)

    journal.swap_in = swap_in
    print(build.build_package(Layout(root), force=True))
""")


@pytest.mark.slow
def test_two_concurrent_builds(published):
    """Two real builds of one root: the second, started while the first holds the lock, exits 1 with
    "another build is running (pid N)" and no traceback; the first then publishes a valid package."""
    path = published / CODING
    path.write_text(path.read_text(encoding="utf-8").replace("Lifts the ban on imports from Syria",
                                                             "Lifts the ban on imports from Syria (first)", 1), encoding="utf-8")
    first = subprocess.Popen([sys.executable, "-c", FIRST_BUILD, str(published)], cwd=REPO_ROOT,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        wait_for(published / "first-staged", first)
        staging = published / (published / "first-staged").read_text()
        second = subprocess.run([sys.executable, "-m", "pipelines", "build", "--force", "--root", str(published)],
                                cwd=REPO_ROOT, capture_output=True, text=True, timeout=300)
        assert second.returncode == 1, second.stdout + second.stderr
        assert f"[build-running] {LOCK_FILE}: another build is running (pid {first.pid})" in second.stderr
        assert "Traceback" not in second.stderr
        assert staging.is_dir() and (staging / "datapackage.json").exists()  # the second left the first's staging alone
        (published / "go").touch()
        out, err = first.communicate(timeout=300)
    finally:
        if first.poll() is None:
            first.kill()
            first.wait()
    assert first.returncode == 0, err
    assert "built and published" in out
    assert "Lifts the ban on imports from Syria (first)" in (published / "data/trade_measures.csv").read_text(encoding="utf-8")
    assert problems_of(published / "datapackage.json") == []
    assert not list(published.glob(".staging-*")) and not (published / journal.JOURNAL).exists()
    (published / "first-staged").unlink()
    (published / "go").unlink()
    assert "up to date" in build_package(Layout(published))  # the lock was released


HOLD_AND_DIE = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    from pipelines.publish.lock import build_lock

    with build_lock(Path(sys.argv[1])):
        os.kill(os.getpid(), signal.SIGKILL)
""")


def test_lock_of_a_killed_build_is_recovered(published):
    """A build killed (-9) while holding the lock leaves its pid in the lock file; the next build runs
    and says the lock was stale."""
    holder = subprocess.Popen([sys.executable, "-c", HOLD_AND_DIE, str(published)], cwd=REPO_ROOT)
    assert holder.wait(timeout=60) == -signal.SIGKILL
    assert (published / LOCK_FILE).read_text().strip() == str(holder.pid)
    with pytest.raises(ProcessLookupError):
        os.kill(holder.pid, 0)  # dead (and reaped), as after a crash
    report = build_package(Layout(published))
    assert f"the previous build (pid {holder.pid}) ended without releasing the build lock" in report
    assert report.splitlines()[-1].startswith("up to date")
    assert (published / LOCK_FILE).read_text() == ""  # released cleanly this time
    assert "ended without releasing" not in build_package(Layout(published))


def test_a_reader_never_repairs_under_a_running_build(published):
    """A journal while a build holds the lock is that build's swap in progress: a command waits for
    it, and gives up with the build's pid rather than touch the files."""
    (published / journal.JOURNAL).write_text("{}")  # unreadable on purpose: repairing would fail loudly
    with build_lock(published):
        started = time.monotonic()
        with pytest.raises(TsrError) as info:
            journal.repair(published, wait=0.5)
        assert time.monotonic() - started >= 0.5
    [problem] = info.value.problems
    assert problem.code == "build-running" and f"another build is running (pid {os.getpid()})" in problem.message
    assert (published / journal.JOURNAL).read_text() == "{}"
