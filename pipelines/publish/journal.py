"""Swap a staged package in, all of it or none of it, even across a crash.

The published files are tracked by git at fixed paths, so the old package cannot be replaced by one
rename. Instead the swap is a small transaction with a write-ahead journal, `.publish-journal.json`:

1. every staged file is synced to disk and hashed; the journal (staging folder, backup folder, the
   sha256 of every new file and of every old one) is written atomically. Until it exists the
   published files are untouched;
2. **backup**: every published file is hard-linked (copied if linking fails) into `.backup-<pid>/`;
3. **move**: every staged file is renamed over its published path (`os.replace`);
4. **remove**: published files the new build no longer makes are deleted;
5. **commit**: the journal is deleted; then the staging and backup folders are.

A journal on disk therefore always means "a swap started and did not finish". `recover` (run by every
`tsr` command before it reads anything) finishes it: it rolls forward to the new package while the
staged files are there, and rolls back from the backup when rolling forward fails (a permission
error, a full disk). Each step is idempotent, so a crash during recovery is recovered the same way.
Afterwards every published file must have the sha256 the journal gives for that side: the package
is wholly the new build's or wholly the old one's.

A failure (OSError) during a live swap rolls back at once: the build fails and publishes nothing.
Only OSError is handled here: any other exception, like a kill, leaves the journal for `recover`.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
from dataclasses import asdict, dataclass
from pathlib import Path

from pipelines.errors import Problem, TsrError

JOURNAL = ".publish-journal.json"


def step(name: str, rel: str = "") -> None:
    """Called after each step of the swap. A no-op; tests replace it to crash the swap at every step."""


@dataclass(frozen=True)
class Journal:
    pid: int
    staging: str  # folder names under the package root
    backup: str
    new: dict[str, str]  # published path -> sha256, for the staged build and for the replaced one
    old: dict[str, str]
    rolling_back: bool = False


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_journal(root: Path, journal: Journal) -> None:
    tmp = root / (JOURNAL + ".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        json.dump(asdict(journal), fh, indent=1, sort_keys=True)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, root / JOURNAL)
    _fsync(root)


def read_journal(root: Path) -> Journal | None:
    path = root / JOURNAL
    if not path.exists():
        return None
    try:
        return Journal(**json.loads(path.read_text(encoding="utf-8")))
    except (ValueError, TypeError) as exc:
        raise TsrError(Problem("publish-journal-unreadable", JOURNAL, "", f"{exc}; the journal is written atomically, "
                               "so it was edited by hand: restore the published files with git and delete it")) from None


def _matches(path: Path, sha: str) -> bool:
    return path.is_file() and _sha256(path) == sha


def _backup(root: Path, journal: Journal, *, check: bool) -> None:
    backup = root / journal.backup
    for rel in sorted(journal.old):
        saved = backup / rel
        if saved.exists():
            continue
        # During recovery, a file without a backup must still be the old one (moves start only after
        # every backup is made); never save a file that is not.
        if check and not _matches(root / rel, journal.old[rel]):
            continue
        saved.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(root / rel, saved)
        except OSError:  # no hard links here (or an immutable file): copy, atomically
            shutil.copy2(root / rel, saved.with_name(saved.name + ".tmp"))
            os.replace(saved.with_name(saved.name + ".tmp"), saved)
        step("backup", rel)
    _sync_dirs(backup, journal.old)  # the backup must be on disk before any published file is replaced
    _fsync(root)


def _move(root: Path, journal: Journal) -> None:
    staging = root / journal.staging
    for rel in sorted(journal.new):
        if not (staging / rel).exists():
            continue  # moved before a crash
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        try:
            os.replace(staging / rel, root / rel)
        except OSError as exc:  # name the published path, not the staged one
            raise OSError(exc.errno, exc.strerror, str(root / rel)) from exc
        step("move", rel)


def _remove(root: Path, journal: Journal) -> None:
    for rel in sorted(set(journal.old) - set(journal.new)):
        if (root / rel).exists():
            (root / rel).unlink()
            step("remove", rel)


def _sync_dirs(root: Path, rels) -> None:
    for folder in sorted({(root / rel).parent for rel in rels} | {root}):
        if folder.is_dir():
            _fsync(folder)


def _finish(root: Path, journal: Journal) -> None:
    (root / JOURNAL).unlink()
    _fsync(root)
    step("commit")
    shutil.rmtree(root / journal.staging, ignore_errors=True)
    shutil.rmtree(root / journal.backup, ignore_errors=True)


def _roll_forward(root: Path, journal: Journal, *, recovering: bool) -> None:
    _backup(root, journal, check=recovering)
    _move(root, journal)
    _remove(root, journal)
    _sync_dirs(root, list(journal.new) + list(journal.old))
    if recovering:
        _verify(root, journal.new, journal.old, "new")
    _finish(root, journal)


def _roll_back(root: Path, journal: Journal) -> None:
    if not journal.rolling_back:  # so that a crash while rolling back keeps rolling back
        journal = Journal(**(asdict(journal) | {"rolling_back": True}))
        _write_journal(root, journal)
    backup = root / journal.backup
    for rel in sorted(set(journal.new) - set(journal.old)):
        if _matches(root / rel, journal.new[rel]):
            (root / rel).unlink()
            step("unpublish", rel)
    for rel in sorted(journal.old):
        # A file never replaced needs no restoring (and its folder may be the one that cannot be written).
        if (backup / rel).exists() and not _matches(root / rel, journal.old[rel]):
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            os.replace(backup / rel, root / rel)
            step("restore", rel)
    _sync_dirs(root, list(journal.new) + list(journal.old))
    _verify(root, journal.old, journal.new, "old")
    _finish(root, journal)


def _verify(root: Path, expected: dict[str, str], other: dict[str, str], side: str) -> None:
    wrong = [rel for rel, sha in sorted(expected.items()) if not _matches(root / rel, sha)]
    wrong += [rel for rel in sorted(set(other) - set(expected)) if (root / rel).exists()]
    if wrong:
        raise OSError(f"after restoring the {side} package, {len(wrong)} file(s) do not match the journal: "
                      + ", ".join(wrong[:5]))


def swap_in(staging: Path, root: Path) -> list[str]:
    """Publish the complete package in `staging` over the one in `root`; returns the published paths.

    On an OSError the old package is restored and TsrError `publish-failed` is raised; if restoring
    fails too, TsrError `publish-half-swapped` (the journal is kept for the next command to repair).
    """
    from pipelines.publish.files import published_paths  # pandas: not needed by `recover`, which every command runs

    try:
        new = {}
        for rel in sorted(published_paths(staging)):
            _fsync(staging / rel)
            new[rel] = _sha256(staging / rel)
        _sync_dirs(staging, new)
        old = {rel: _sha256(root / rel) for rel in sorted(published_paths(root))}
        journal = Journal(pid=os.getpid(), staging=staging.name, backup=f".backup-{os.getpid()}", new=new, old=old)
        _write_journal(root, journal)
    except OSError as exc:  # before the journal exists, nothing published has been touched
        where, why = describe(exc, root)
        shutil.rmtree(staging, ignore_errors=True)
        with contextlib.suppress(OSError):
            (root / (JOURNAL + ".tmp")).unlink(missing_ok=True)
        raise TsrError(Problem("publish-failed", where, "", f"{why} while preparing to publish; nothing was changed")) from None
    step("journal")
    try:
        _roll_forward(root, journal, recovering=False)
    except OSError as exc:
        where, why = describe(exc, root)
        try:
            _roll_back(root, journal)
        except OSError as again:
            raise TsrError(_half_swapped(journal, f"{where}: {why}; restoring the old package failed too: "
                                                  + ": ".join(describe(again, root)))) from None
        raise TsrError(Problem("publish-failed", where, "",
                               f"{why} while publishing; the previously published package was restored")) from None
    return sorted(new)


def describe(exc: OSError, root: Path) -> tuple[str, str]:
    """(the path relative to the root, the reason) of an OSError, for a one-line error."""
    if exc.filename is None or exc.strerror is None:
        return JOURNAL, str(exc)
    where = Path(exc.filename)
    try:
        where = where.relative_to(root)
    except ValueError:
        pass
    return where.as_posix(), exc.strerror


def _half_swapped(journal: Journal, why: str) -> Problem:
    return Problem("publish-half-swapped", JOURNAL, "",
                   f"the package is half-swapped (build pid {journal.pid}): {why}. The journal, {journal.staging}/ and "
                   f"{journal.backup}/ are kept; fix the cause, then run any tsr command to repair it")


def remove_leftovers(root: Path) -> list[str]:
    """Staging and backup folders of builds killed before their swap began (or after it committed).

    Call it holding the build lock, after `recover`: with no journal, none of them is needed.
    """
    found = sorted(p for pattern in (".staging-*", ".backup-*", JOURNAL + ".tmp") for p in root.glob(pattern))
    for path in found:
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
    return [p.name for p in found]


def repair(root: Path, *, wait: float = 60.0) -> str | None:
    """What every `tsr` command runs first: finish a publish that a crash interrupted, if any.

    Costs one `stat` when there is nothing to repair. A journal found while a build holds the lock
    is that build's swap in progress: wait for it (milliseconds) rather than repair under its feet.
    """
    if not (root / JOURNAL).exists():
        return None
    from pipelines.publish.lock import build_lock

    with build_lock(root, wait=wait):
        return recover(root)


def recover(root: Path) -> str | None:
    """Finish a swap that a crash interrupted, if any. Call it holding the build lock.

    Returns what it did, for the user, or None when there was nothing to repair. Raises TsrError
    `publish-half-swapped` when the package can be moved to neither side.
    """
    journal = read_journal(root)
    if journal is None:
        return None
    staged = sum((root / journal.staging / rel).exists() for rel in journal.new)
    can_go_forward = not journal.rolling_back and all(
        (root / journal.staging / rel).exists() or _matches(root / rel, sha) for rel, sha in journal.new.items())
    try:
        if can_go_forward:
            try:
                _roll_forward(root, journal, recovering=True)
                return (f"repaired: the publish of build pid {journal.pid} was interrupted ({staged} of "
                        f"{len(journal.new)} files not yet moved); rolled forward to that build's package "
                        f"({len(journal.new)} files checked)")
            except OSError as exc:
                failure = "rolling forward failed ({}: {}); ".format(*describe(exc, root))
        else:
            failure = ""
        journal = read_journal(root) or journal
        _roll_back(root, journal)
        return (f"repaired: the publish of build pid {journal.pid} was interrupted; {failure}rolled back to the "
                f"previously published package ({len(journal.old)} files checked)")
    except OSError as exc:
        raise TsrError(_half_swapped(journal, ": ".join(describe(exc, root)))) from None
