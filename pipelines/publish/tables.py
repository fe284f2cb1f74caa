"""Assemble the published tables as DataFrames from checked sources, actors and applied coding."""
from __future__ import annotations

import pandas as pd

from pipelines.coding.apply import CodedSource
from pipelines.coding.catalogue import Catalogue, read_catalogue
from pipelines.sources.registry import Source, source_row
from schemas import TABLES
from schemas.table_schema import columns, sort_frame


def _frame(table: str, rows: list[dict]) -> pd.DataFrame:
    """A frame with the schema's columns in order, sorted by the schema's order_by: deterministic output."""
    names = [c.name for c in columns(TABLES[table])]
    return sort_frame(pd.DataFrame(rows, columns=names), TABLES[table])


def returns_rows(facts: list[dict], attributes: list[dict]) -> list[dict]:
    by_id = {f["fact_id"]: f for f in facts}
    rows = []
    for attrs in attributes:
        fact = by_id[attrs["fact_id"]]
        rows.append({**{k: fact[k] for k in ("fact_id", "source_id", "indicator", "series", "value", "approx", "qualifier", "lower",
                                              "upper", "period_start", "period_end", "period_basis", "claim_status",
                                              "attributed_to", "derived", "derivation", "quote")},
                     **attrs})
    return rows


def event_topic_rows(events: list[dict], attributes: list[dict], keep: tuple[str, ...]) -> list[dict]:
    by_id = {e["event_id"]: e for e in events}
    return [{**{k: by_id[a["event_id"]][k] for k in keep}, **a} for a in attributes]


def build_tables(sources: list[Source], actors: list[dict], coded: list[CodedSource],
                 catalogue: Catalogue | None = None,
                 datasets: tuple[list[dict], list[dict]] = ([], [])) -> dict[str, pd.DataFrame]:
    """Every published table; `datasets` holds the dataset sources' rows and their copied cells."""
    catalogue = catalogue or read_catalogue()
    facts = [f for c in coded for f in c.facts]
    events = [e for c in coded for e in c.events]
    trade_keep = ("source_id", "date_start", "date_end", "date_precision", "status", "claim_status", "quote")
    recon_keep = ("source_id", "status", "claim_status", "quote")
    return {
        "sources": _frame("sources", [source_row(s) for s in sources] + datasets[0]),
        "actors": _frame("actors", actors),
        "indicators": _frame("indicators", catalogue.indicator_rows()),
        "statistical_series": _frame("statistical_series", catalogue.series_rows()),
        "facts": _frame("facts", facts),
        "events": _frame("events", events),
        "mentions": _frame("mentions", [m for c in coded for m in c.mentions]),
        "returns": _frame("returns", returns_rows(facts, [r for c in coded for r in c.returns])),
        "trade_measures": _frame("trade_measures", event_topic_rows(events, [t for c in coded for t in c.trade_measures], trade_keep)),
        "reconstruction": _frame("reconstruction", event_topic_rows(events, [r for c in coded for r in c.reconstruction], recon_keep)),
        "extractor_issues": _frame("extractor_issues", [o for c in coded for o in c.overrides]),
        "dataset_values": _frame("dataset_values", datasets[1]),
    }
