"""The rule that an event's coded date must agree with the date written in its quote, to the precision
the text gives (issue 12, T1): a coded date that contradicts its quote stops the build."""
from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from pipelines.build import build_package
from pipelines.errors import TsrError
from pipelines.paths import Layout
from pipelines.publish import files as publish

CODING = "data/coding/003_6dc9c966a4e88e09.yaml"


@pytest.fixture()
def published(built_root, tmp_path) -> Path:
    root = tmp_path / "pkg"
    shutil.copytree(built_root, root)
    return root


def snapshot(root: Path) -> dict[str, str]:
    return {rel: hashlib.sha256((root / rel).read_bytes()).hexdigest() for rel in publish.published_paths(root)}


@pytest.mark.parametrize("event_id, coded, recoded, mention", [
    # a day written in the quote ("On February 11, 2025"), coded as the next day
    ("import_ban_lifted_circular_2025_02_11", 'date: {start: "2025-02-11", end: "2025-02-11"',
     'date: {start: "2025-02-12", end: "2025-02-12"', "'February 11, 2025' (2025-02-11)"),
    # a month ("In January 2025"), coded as February
    ("msb_delegation_visit_syria_2025_01", 'date: {start: "2025-01-01", end: "2025-01-31"',
     'date: {start: "2025-02-01", end: "2025-02-28"', "'January 2025' (2025-01)"),
    # a year ("suspended since 2011"), coded as 2012
    ("free_trade_agreement_suspended_2011", 'start: "2011-01-01"\n      end: "2011-12-31"',
     'start: "2012-01-01"\n      end: "2012-12-31"', "'2011' (2011)"),
], ids=["day", "month", "year"])
def test_event_date_contradicting_its_quote_stops_the_build(published, event_id, coded, recoded, mention):
    path = published / CODING
    text = path.read_text(encoding="utf-8")
    assert text.count(coded) == 1, f"test setup: {coded!r}"
    path.write_text(text.replace(coded, recoded), encoding="utf-8")
    before = snapshot(published)
    with pytest.raises(TsrError) as caught:
        build_package(Layout(published), force=True)
    problems = [str(p) for p in caught.value.problems if p.code == "date-mismatch"]
    assert len(problems) == 1, [str(p) for p in caught.value.problems]
    assert problems[0].startswith(f"[date-mismatch] {CODING}: {event_id} (line ")
    assert problems[0].endswith(f"does not match the mention {mention}")
    assert snapshot(published) == before


def test_a_coarser_quote_date_accepts_a_date_inside_it(published):
    """"In January 2025" fits a visit coded as the whole month; the published row keeps that month."""
    build_package(Layout(published), force=True)
    rows = (published / "data" / "events.csv").read_text(encoding="utf-8")
    assert '"msb_delegation_visit_syria_2025_01","003_6dc9c966a4e88e09","security","visit",2025-01-01,2025-01-31,"month"' in rows
