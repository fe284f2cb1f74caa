"""One build at a time per package root: an exclusive `fcntl.flock` on `.build.lock`.

Why flock: the kernel drops the lock when the holder's last file descriptor closes, which includes
the process dying by `kill -9`, so a lock can never outlive its build and no pid has to be guessed
alive or dead (pids are reused). The file itself stays: it only carries the holder's pid for the
"another build is running" message. A pid still written in it when the lock is free means the last
holder died without releasing it; the next build says so and carries on.

The file is never deleted: deleting a flock'ed file lets two processes hold locks on two different
inodes under the same name.
"""
from __future__ import annotations

import contextlib
import fcntl
import os
import time
from collections.abc import Iterator
from pathlib import Path

from pipelines.errors import Problem, TsrError

LOCK_FILE = ".build.lock"


def _holder(fd: int) -> str:
    os.lseek(fd, 0, os.SEEK_SET)
    text = os.read(fd, 64).decode("ascii", "replace").strip()
    return text if text.isdigit() else ""


def _open(root: Path) -> int:
    try:
        return os.open(root / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise TsrError(Problem("build-lock-failed", LOCK_FILE, "", f"cannot open the build lock: {exc.strerror}")) from None


@contextlib.contextmanager
def build_lock(root: Path, notes: list[str] | None = None, *, wait: float = 0.0) -> Iterator[None]:
    """Hold the package's build lock for the duration of the block.

    Raises TsrError `build-running` naming the holder's pid if another process holds it (after
    waiting up to `wait` seconds). Appends a note to `notes` when a dead build's pid is found.
    """
    fd = _open(root)
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    pid = _holder(fd) or "unknown"
                    raise TsrError(Problem(
                        "build-running", LOCK_FILE, "",
                        f"another build is running (pid {pid}); wait for it to finish, then run the command again")) from None
                time.sleep(0.05)
        stale = _holder(fd)
        if stale and notes is not None:
            notes.append(f"note: the previous build (pid {stale}) ended without releasing the build lock "
                         "(killed?); the lock is free again")
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        try:
            yield
        finally:
            os.ftruncate(fd, 0)  # a clean release leaves no pid behind
    finally:
        os.close(fd)  # releases the flock
