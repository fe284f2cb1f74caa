"""contested_events: claims about one subject that differ between sources, side by side
(schemas/views/contested_events.sql). Synthetic events pin the rule; the real events pin the grouping."""
from __future__ import annotations

import csv

import pandas as pd

from pipelines.publish.views import view_frames
from tests.test_charts import S0, S3, _event, sample_tables, validated


def test_claims_that_differ_are_side_by_side_and_agreeing_ones_are_not():
    tables = sample_tables()
    events = tables["events"].copy()
    events.loc[events["event_id"] == "fta_reactivated", "subject"] = "tr_sy_free_trade_agreement"
    events.loc[events["event_id"] == "airport_inspections", "subject"] = "damascus_airport_inspection"
    renewal = _event("fta_renewal_talks", "trade", "agreement", "2025-03-09", "2025-03-09", "day",
                     "Ministers agree to negotiate the renewal of the Free Trade Agreement", status="planned", source=S0)
    # another source agreeing in status and claim status: grouped, but not contested
    airport = _event("airport_again", "infrastructure", "inspection", None, None, "unknown", "Airports inspected",
                     basis="none", source=S0)
    events = pd.concat([events, pd.DataFrame([renewal | {"subject": "tr_sy_free_trade_agreement"},
                                              airport | {"subject": "damascus_airport_inspection"}])], ignore_index=True)
    tables["events"] = events
    contested = view_frames(validated(tables))["contested_events"]
    assert contested[["subject", "event_id", "source_id", "status", "claim_status", "n_sources"]].values.tolist() == [
        ["tr_sy_free_trade_agreement", "fta_reactivated", S3, "reported", "reported", 2],
        ["tr_sy_free_trade_agreement", "fta_renewal_talks", S0, "planned", "official", 2],
    ]


def test_one_source_alone_is_never_contested():
    tables = sample_tables()
    events = tables["events"].copy()
    # two claims of one source that differ: the source's own account, not a contest between sources
    events.loc[events["event_id"].isin(["fta_reactivated", "import_ban_lifted"]), "subject"] = "one_source"
    tables["events"] = events
    assert view_frames(validated(tables))["contested_events"].empty


def test_real_subjects_are_published(built_root):
    with (built_root / "data" / "events.csv").open(encoding="utf-8", newline="") as fh:
        subjects = {r["event_id"]: r["subject"] for r in csv.DictReader(fh)}
    # the 2011 suspension as the seed report and Elaph give it: one subject, two sources that agree
    assert subjects["free_trade_agreement_suspended_2011"] == subjects["sy_suspends_fta_with_tr_2011_elaph"] == \
        "tr_sy_fta_suspension_2011"
    assert subjects["free_trade_agreement_reactivated"] == "tr_sy_fta_current_status"
    with (built_root / "data" / "events.csv").open(encoding="utf-8", newline="") as fh:
        claims = {r["event_id"]: (r["status"], r["claim_status"]) for r in csv.DictReader(fh)}
    # those two agree (completed, reported); the subject is contested only through other sources' claims
    assert claims["free_trade_agreement_suspended_2011"] == claims["sy_suspends_fta_with_tr_2011_elaph"] == ("completed", "reported")
