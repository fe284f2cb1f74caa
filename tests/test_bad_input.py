"""Bad input, on purpose: each case must fail with a clear error naming the file, the key and the
problem, exit non-zero, and leave the previously published package untouched."""
from __future__ import annotations

import hashlib
import os
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipelines.publish import files as publish
from pipelines.publish import journal
from pipelines.build import build_package
from pipelines.cli import cli
from pipelines.errors import Problem, TsrError
from pipelines.paths import Layout

SEED = "003_6dc9c966a4e88e09"
SEED_000 = "000_2c69b4d6582214f2"
CODING = f"data/coding/{SEED}.yaml"


@pytest.fixture()
def published(built_root, tmp_path) -> Path:
    """A copy of a complete, published package root (inputs and outputs) to break."""
    root = tmp_path / "pkg"
    shutil.copytree(built_root, root)
    return root


def snapshot(root: Path) -> dict[str, str]:
    return {rel: hashlib.sha256((root / rel).read_bytes()).hexdigest() for rel in publish.published_paths(root)}


def edit(root: Path, rel: str, old: str, new: str, count: int = 1) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {rel}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def fails(root: Path, code: str, file: str, key_pattern: str = "") -> TsrError:
    before = snapshot(root)
    with pytest.raises(TsrError) as info:
        build_package(Layout(root), force=True)
    problems = [p for p in info.value.problems if p.code == code]
    assert problems, f"expected {code}, got {[str(p) for p in info.value.problems]}"
    assert any(p.file == file and re.search(key_pattern, p.key + " " + p.message) for p in problems), [str(p) for p in problems]
    assert snapshot(root) == before, "a failed build changed published files"
    assert not list(root.glob(".staging-*")), "staging folder left behind"
    assert not list(root.glob(".backup-*")) and not (root / journal.JOURNAL).exists(), "swap left behind"
    return info.value


def test_quote_not_found(published):
    edit(published, CODING, "quote: 27,941 people have made permanent returns", "quote: 27,914 people have made permanent returns")
    fails(published, "quote-not-found", CODING, r"returns_permanent_via_hatay_since_2024_12_08")


def test_source_text_changed_after_coding(published):
    path = published / f"data/sources/{SEED}.txt"
    path.write_bytes(path.read_bytes().replace(b"27,941", b"27,942"))
    fails(published, "sha256-mismatch", f"data/sources/{SEED}.meta.yaml", "sha256")


def test_coded_value_not_in_quote(published):
    edit(published, CODING, "value: 27941", "value: 27914")
    fails(published, "value-not-in-quote", CODING, r"returns_permanent_via_hatay_since_2024_12_08 \(line \d+\)")


def test_unknown_category(published):
    edit(published, CODING, "category: trade", "category: tourism")
    fails(published, "unknown-category", CODING, "tourism")


def test_unknown_claim_status(published):
    edit(published, CODING, "claim_status: official", "claim_status: rumoured")
    fails(published, "unknown-claim-status", CODING, "rumoured")


def test_dangling_actor(published):
    edit(published, CODING, "attributed_to: omer_bolat", "attributed_to: omer_bollat")
    fails(published, "dangling-actor", CODING, "omer_bollat")


def test_coding_for_unknown_source(published):
    shutil.copy(published / CODING, published / "data/coding/999_0123456789abcdef.yaml")
    fails(published, "unknown-source", "data/coding/999_0123456789abcdef.yaml", "999_0123456789abcdef")


def test_duplicate_fact_id(published):
    edit(published, CODING, "- id: customs_gates_hatay_used_for_returns", "- id: returns_permanent_via_hatay_since_2024_12_08")
    fails(published, "duplicate-id", CODING, "returns_permanent_via_hatay_since_2024_12_08")


def test_part_greater_than_whole(published):
    # Point the Hatay figure's whole at a smaller figure of the same source and period.
    edit(published, CODING, "part_of: returns_total_since_2024_12_08_bolat\n    quote: 27,941",
         "part_of: returns_via_other_crossings_since_2024_12_08\n    quote: 27,941")
    fails(published, "part-exceeds-whole", "table facts", "returns_permanent_via_hatay_since_2024_12_08")


def test_end_date_before_start(published):
    edit(published, CODING, 'start: "2025-01-01", end: "2025-01-31"', 'start: "2025-01-31", end: "2025-01-01"')
    fails(published, "end-before-start", CODING, "msb_delegation_visit_syria_2025_01")


def test_malformed_yaml_names_line(published):
    path = published / CODING
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    bad_line = next(i for i, line in enumerate(lines) if "indicator: returns_permanent_via_hatay" in line)
    lines[bad_line] = "    indicator: [unclosed\n"
    path.write_text("".join(lines), encoding="utf-8")
    error = fails(published, "malformed-yaml", CODING, r"line \d+")
    line = int(re.search(r"line (\d+)", error.problems[0].key).group(1))
    assert abs(line - (bad_line + 1)) <= 1


def test_source_not_utf8(published):
    (published / f"data/sources/{SEED_000}.txt").write_bytes("Türkiye".encode("latin-1"))
    fails(published, "not-utf8", f"data/sources/{SEED_000}.txt", "byte 1")


def test_empty_source(published):
    (published / f"data/sources/{SEED_000}.txt").write_bytes(b"  \n")
    fails(published, "empty-source", f"data/sources/{SEED_000}.txt")


def test_unaccounted_mention(published):
    text = (published / CODING).read_text(encoding="utf-8")
    (published / CODING).write_text(text[: text.index("  - mention: M5\n")], encoding="utf-8")  # drop the last dismissal
    fails(published, "unaccounted-mention", CODING, "'M5'")


def test_late_failure_publishes_nothing(published, monkeypatch):
    """A failure after the files are staged (here: the Frictionless validation) still publishes nothing."""
    from pipelines.publish import package_check

    real_finish = package_check.finish
    monkeypatch.setattr(package_check, "finish", lambda process: real_finish(process) + [
        Problem("frictionless-test", "datapackage.json", "", "forced failure")])
    edit(published, CODING, "Lifts the ban on imports from Syria", "Lifts the ban on imports from Syria (edited)")
    fails(published, "frictionless-test", "datapackage.json")


def test_unwritable_published_folder_publishes_nothing(published, monkeypatch):
    """The audit's `chattr +i data/parquet` (tests/test_publish_swap.py does it for real when it can):
    the swap fails half-way, after the CSVs were replaced, and must restore the whole old package."""
    real_replace = os.replace

    def replace(src, dst, **kwargs):
        if Path(dst).parent == published / "data" / "parquet":
            raise PermissionError(1, "Operation not permitted", str(src), None, str(dst))
        return real_replace(src, dst, **kwargs)

    monkeypatch.setattr(journal.os, "replace", replace)
    edit(published, CODING, "Lifts the ban on imports from Syria", "Lifts the ban on imports from Syria (edited)")
    error = fails(published, "publish-failed", "data/parquet/actors.parquet", "Operation not permitted")
    assert "the previously published package was restored" in error.problems[0].message
    result = CliRunner().invoke(cli, ["build", "--force", "--root", str(published)])
    assert result.exit_code == 1 and "nothing was published" in result.stderr
    assert "[publish-failed] data/parquet/actors.parquet: Operation not permitted" in result.stderr
    assert not isinstance(result.exception, OSError)


def test_full_disk_while_staging_publishes_nothing(published, monkeypatch):
    """An OSError while the new package is written (here: the disk fills up at the Parquet export) is a
    clear error naming the file, not a traceback."""
    from pipelines.publish import database

    def no_space(db, folder):
        raise OSError(28, "No space left on device", str(folder / "facts.parquet"))
    monkeypatch.setattr(database, "export_parquet", no_space)
    error = fails(published, "staging-failed", f".staging-{os.getpid()}/data/parquet/facts.parquet")
    assert error.problems[0].message == "No space left on device while writing the new package"


def test_full_disk_before_the_swap_publishes_nothing(published, monkeypatch):
    """The journal cannot be written: nothing published was touched yet, and the error says so."""
    def no_space(root, entry):
        raise OSError(28, "No space left on device", str(root / (journal.JOURNAL + ".tmp")))
    monkeypatch.setattr(journal, "_write_journal", no_space)
    edit(published, CODING, "Lifts the ban on imports from Syria", "Lifts the ban on imports from Syria (edited)")
    error = fails(published, "publish-failed", journal.JOURNAL + ".tmp", "No space left on device while preparing to publish")
    assert error.problems[0].message.endswith("nothing was changed")


def test_cli_exits_nonzero_and_names_the_file(published):
    edit(published, CODING, "value: 27941", "value: 27914")
    result = CliRunner().invoke(cli, ["build", "--root", str(published)])
    assert result.exit_code == 1
    assert "nothing was published" in result.output
    assert f"[value-not-in-quote] {CODING}: returns_permanent_via_hatay_since_2024_12_08" in result.output


def test_completed_event_after_latest_publication(published):
    # If the source were known to be published by 2025-02-28, a completed event of 9 March cannot be in it.
    edit(published, f"data/sources/{SEED_000}.meta.yaml", "  earliest: 2025-03-13\n  latest: null",
         "  earliest: 2025-02-01\n  latest: 2025-02-28")
    fails(published, "after-publication", "table events", "amman_ministerial_meeting_2025_03_09")


def test_part_and_whole_from_different_periods(published):
    # Both counts start on their indicator's since day; give the part an as-of day the whole lacks.
    text = (published / CODING).read_text(encoding="utf-8")
    hatay = text.index("  - id: returns_permanent_via_hatay_since_2024_12_08")
    end = text.index("end: null", hatay)
    (published / CODING).write_text(text[:end] + 'end: "2025-01-31"' + text[end + len("end: null"):], encoding="utf-8")
    fails(published, "part-whole-mismatch", "table facts", "returns_permanent_via_hatay_since_2024_12_08")
