"""Charts: byte-determinism, print resolution, alt text, and values read from the tables (not hard-coded)."""
from __future__ import annotations

import struct
import subprocess
import sys
import textwrap
from pathlib import Path

import pandas as pd
import pytest

from pipelines.charts import draw_charts
from pipelines.coding.catalogue import read_catalogue

REPO_ROOT = Path(__file__).resolve().parent.parent
S3 = "003_6dc9c966a4e88e09"
S0 = "000_2c69b4d6582214f2"
QUOTE = "approximately 40,000 people have returned to Syria since December 8, 2024"


# -- fixture tables ------------------------------------------------------------------------------
# A small package shaped like the seed coding; the site tests import it too.

def _fact(fact_id, indicator, value, *, approx=False, qualifier=None, upper=None, derived=False, derived_from=None,
          derivation=None, part_of=None, claim_status="official", quote=QUOTE, category="returns", unit="people"):
    return {"fact_id": fact_id, "source_id": S3, "category": category, "indicator": indicator, "series": "stated_figure",
            "label": indicator.replace("_", " ").capitalize(), "value": float(value),
            "unit": unit, "approx": approx, "qualifier": qualifier, "lower": None, "upper": upper,
            "period_start": "2024-12-08", "period_end": None, "period_precision": "day",
            "period_basis": "Counted 'since December 8, 2024'; the text gives no end, so the end is the date of the statement.",
            "geography": "SY;TR", "attributed_to": "omer_bolat", "claim_status": claim_status, "flags": None,
            "derived": derived, "derived_from": derived_from, "derivation": derivation, "part_of": part_of, "quote": quote,
            "quote_start": 100, "quote_end": 100 + len(quote), "notes": None}


def _event(event_id, category, event_type, start, end, precision, title, status="completed", claim="official",
           inferred=False, basis=None, source=S3):
    return {"event_id": event_id, "source_id": source, "category": category, "event_type": event_type,
            "date_start": start, "date_end": end, "date_precision": precision, "date_inferred": inferred,
            "date_basis": basis, "title": title, "status": status, "claim_status": claim, "actors": None,
            "geography": "SY;TR", "quote": f"Quote for {title}", "quote_start": 10, "quote_end": 20, "subject": None,
            "notes": None}


# The columns of a seed source that the charts do not read.
SOURCE_EXTRA = {"kind": "text", "text_scope": "full_text", "retrieved_on": None, "published_inferred": True,
                "published_as_given": None, "topic": None, "flags": None, "notes": None, "licence": None,
                "release": None, "origin": None, "slug": None}


def sample_tables(hatay: float = 27941) -> dict[str, pd.DataFrame]:
    sources = pd.DataFrame([
        {"source_id": S0, "title": "Turkey confirms coordination with Syria on support for the new Syrian army",
         "publisher": None, "language": "en", "url": None, "path": f"data/sources/{S0}.txt", "sha256": "a" * 64,
         "bytes": 5000, "characters": 4990, "published_earliest": "2025-03-13", "published_latest": None,
         "published_precision": "range", "published_basis": "Inferred from the text.", **SOURCE_EXTRA},
        {"source_id": S3, "title": "Exclusive: Turkey Reportedly Planning Military Bases in Syria Amid Deepening Ties",
         "publisher": None, "language": "en", "url": None, "path": f"data/sources/{S3}.txt", "sha256": "b" * 64,
         "bytes": 7000, "characters": 6990, "published_earliest": "2025-02-11", "published_latest": None,
         "published_precision": "range", "published_basis": "Inferred from the text.", **SOURCE_EXTRA},
    ])
    actors = pd.DataFrame([
        {"actor_id": "omer_bolat", "name": "Ömer Bolat", "actor_type": "person", "role": "Trade Minister of Türkiye",
         "country": "TR", "parent_id": None, "also_called": None},
        {"actor_id": "tr_ministry_of_trade", "name": "Ministry of Trade", "actor_type": "ministry", "role": None,
         "country": "TR", "parent_id": None, "also_called": None},
    ])
    facts = pd.DataFrame([
        _fact("returns_total_since_fall", "returns_total", 40000, approx=True, qualifier="approximately"),
        _fact("returns_hatay_permanent", "returns_permanent_via_hatay", hatay, part_of="returns_total_since_fall",
              quote="27,941 people have made permanent returns through Hatay's three customs gates"),
        _fact("returns_total_nearly", "returns_total", 40000, approx=True, qualifier="nearly", upper=40000,
              quote="reaching nearly 40,000, including other crossing points"),
        _fact("returns_other_crossings", "returns_via_other_crossings", 40000 - hatay, approx=True, derived=True,
              derived_from="returns_hatay_permanent;returns_total_since_fall",
              derivation="returns_total_since_fall - returns_hatay_permanent", part_of="returns_total_since_fall"),
        _fact("customs_gates_hatay", "customs_gates_hatay", 3, category="returns", unit="customs gates",
              quote="through Hatay's three customs gates"),
    ])
    returns_rows = []
    attrs = {"returns_total_since_fall": ("all", "all crossing points"),
             "returns_total_nearly": ("all", "all crossing points"),
             "returns_hatay_permanent": ("permanent", "Hatay's three customs gates"),
             "returns_other_crossings": ("all", "other crossing points")}
    for f in facts.to_dict("records"):
        if f["fact_id"] not in attrs:
            continue
        return_type, route = attrs[f["fact_id"]]
        returns_rows.append({k: f[k] for k in ("fact_id", "source_id", "indicator", "series", "value", "approx", "qualifier",
                                               "lower", "upper", "period_start", "period_end", "period_basis",
                                               "claim_status", "attributed_to", "derived", "derivation", "quote")}
                            | {"return_type": return_type, "route": route, "origin": "TR", "destination": "SY"})
    events = pd.DataFrame([
        _event("health_minister_sanliurfa", "health", "statement", "2024-12-01", "2024-12-31", "month",
               "Health minister pledges continued health care support (Şanlıurfa)"),
        _event("msb_delegation_visit", "security", "visit", "2025-01-01", "2025-01-31", "month",
               "Defence ministry delegation visits Syria", claim="reported"),
        _event("import_ban_lifted", "trade", "policy_change", "2025-02-11", "2025-02-11", "day",
               "Ministry of Trade circular lifts the import ban"),
        _event("fta_reactivated", "trade", "agreement", None, None, "unknown",
               "Free Trade Agreement (suspended since 2011) reactivated", status="reported", claim="reported",
               basis="The text gives no date."),
        _event("customs_restrictions_removed", "trade", "policy_change", None, None, "unknown",
               "Customs restrictions on exports and transit removed", basis="The text gives no date."),
        _event("amman_meeting", "diplomacy", "meeting", "2025-03-09", "2025-03-09", "day",
               "Ministerial meeting in Amman (Türkiye, Syria, Iraq, Lebanon, Jordan)", inferred=True,
               basis="Year inferred from the publication date.", source=S0),
        _event("training_base", "security", "plan", None, None, "unknown", "Military training base evaluated",
               status="under_consideration", basis="The text gives no date.", source=S0),
        _event("airport_inspections", "infrastructure", "inspection", None, None, "unknown",
               "Damascus and Aleppo airports inspected", basis="The text gives no date."),
        _event("maritime_agreement", "infrastructure", "plan", "2025-02-01", "2025-02-28", "month",
               "Maritime Jurisdiction Agreement planned <b>", status="planned", claim="reported",
               inferred=True, basis="Month of the source, assumed."),
    ])
    trade_measures = pd.DataFrame([
        {"event_id": "import_ban_lifted", "direction": "imports", "source_id": S3, "date_start": "2025-02-11",
         "date_end": "2025-02-11", "date_precision": "day", "instrument": "circular", "issuing_body": "tr_ministry_of_trade",
         "measure": "Lifts the import ban on goods from Syria", "state_before": "Imports from Syria banned",
         "state_after": "Same foreign trade rules as imports from other countries", "status": "completed",
         "claim_status": "official", "quote": "issued a new circular lifting the import ban"},
        {"event_id": "fta_reactivated", "direction": "bilateral", "source_id": S3, "date_start": None, "date_end": None,
         "date_precision": "unknown", "instrument": "free trade agreement", "issuing_body": None,
         "measure": "Türkiye–Syria Free Trade Agreement reactivated", "state_before": "Suspended since 2011",
         "state_after": "In force again", "status": "reported", "claim_status": "reported",
         "quote": "has reportedly been reactivated"},
        {"event_id": "customs_restrictions_removed", "direction": "exports", "source_id": S3, "date_start": None,
         "date_end": None, "date_precision": "unknown", "instrument": "customs regulation", "issuing_body": None,
         "measure": "Customs restrictions on exports to Syria removed", "state_before": "Restricted",
         "state_after": "Same conditions as other countries", "status": "completed", "claim_status": "official",
         "quote": "Customs restrictions on exports and transit operations to Syria"},
        {"event_id": "customs_restrictions_removed", "direction": "transit", "source_id": S3, "date_start": None,
         "date_end": None, "date_precision": "unknown", "instrument": "customs regulation", "issuing_body": None,
         "measure": "Customs restrictions on transit to Syria removed", "state_before": "Restricted",
         "state_after": "Same conditions as other countries", "status": "completed", "claim_status": "official",
         "quote": "Customs restrictions on exports and transit operations to Syria"},
    ])
    reconstruction = pd.DataFrame([
        {"event_id": "airport_inspections", "asset": "Damascus airport", "source_id": S3, "asset_type": "airport",
         "location": "Damascus", "activity": "inspection", "responsible_body": None, "status": "completed",
         "claim_status": "official", "quote": "inspections at Damascus and Aleppo airports"},
    ])
    mentions = pd.DataFrame([
        {"mention_id": f"{S3}:100-106", "source_id": S3, "start": 100, "end": 106, "text": "27,941", "kind": "number",
         "value": 27941.0, "unit": "people", "date": None, "date_end": None, "date_precision": None, "date_inferred": False,
         "qualifier": None, "approx": False, "lower": None, "upper": None, "coded_as": "fact",
         "fact_id": "returns_hatay_permanent", "event_id": None, "dismissed_reason": None},
    ])
    catalogue = read_catalogue()
    return {"sources": sources, "actors": actors, "indicators": pd.DataFrame(catalogue.indicator_rows()),
            "statistical_series": pd.DataFrame(catalogue.series_rows()), "facts": facts, "events": events, "mentions": mentions,
            "returns": pd.DataFrame(returns_rows), "trade_measures": trade_measures, "reconstruction": reconstruction,
            "extractor_issues": _empty("extractor_issues"), "dataset_values": _empty("dataset_values")}


def _empty(table: str) -> pd.DataFrame:
    from schemas import TABLES
    from schemas.table_schema import columns

    return pd.DataFrame(columns=[c.name for c in columns(TABLES[table])])


def validated(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    from pipelines.publish.views import derived_names, view_frames
    from schemas import TABLES

    base = {name: TABLES[name].validate(tables[name]) for name in TABLES if name not in derived_names()}
    return base | {name: TABLES[name].validate(frame) for name, frame in view_frames(base).items()}


# -- tests -----------------------------------------------------------------------------------------

def _png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", header[16:24])


def _svg_text(out: Path) -> str:
    return (out / "returns_since_2024_12_08.svg").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def drawn(tmp_path_factory) -> tuple[Path, list[dict]]:
    out = tmp_path_factory.mktemp("charts")
    return out, draw_charts(validated(sample_tables()), out)


def _images(resources: list[dict]) -> list[dict]:
    return [r for r in resources if r["format"] in ("png", "svg")]


def _data(resources: list[dict]) -> list[dict]:
    return [r for r in resources if r["format"] == "csv"]


def test_every_descriptor_names_an_existing_file_with_alt_text(drawn):
    out, resources = drawn
    assert len(resources) == 9  # three charts: PNG, SVG and the data CSV each
    assert len({r["name"] for r in resources}) == len(resources)
    for r in _images(resources):
        assert r["path"].startswith("data/charts/")
        assert (out / Path(r["path"]).name).stat().st_size > 1000
        assert r["mediatype"] == {"png": "image/png", "svg": "image/svg+xml"}[r["format"]]
        assert r["title"] and len(r["alt_text"]) > 80 and r["description"] == r["alt_text"]
    names = {r["name"] for r in resources}
    assert {"returns-since-2024-12-08-png", "cooperation-timeline-svg", "trade-rule-changes-png"} <= names


def test_png_is_print_resolution(drawn):
    out, resources = drawn
    for r in resources:
        if r["format"] == "png":
            width, height = _png_size(out / Path(r["path"]).name)
            # Twice the page's 800-px column.
            assert width >= 1600 and height > 600, (r["path"], width, height)


def test_bytes_identical_across_processes(drawn, tmp_path):
    out, resources = drawn
    # A second interpreter with another hash seed: set and dict order must not leak into the files.
    script = textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {str(Path(__file__).parent)!r})
        from pathlib import Path
        from test_charts import sample_tables, validated
        from pipelines.charts import draw_charts
        draw_charts(validated(sample_tables()), Path({str(tmp_path)!r}))
    """)
    subprocess.run([sys.executable, "-c", script], check=True, cwd=REPO_ROOT, env={"PYTHONHASHSEED": "12345",
                   "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    for r in resources:
        name = Path(r["path"]).name
        assert (out / name).read_bytes() == (tmp_path / name).read_bytes(), name


def test_no_timestamp_or_version_stamp(drawn):
    out, _ = drawn
    svg = _svg_text(out)
    assert "<dc:date>" not in svg and "Matplotlib v" not in svg
    assert b"Matplotlib" not in (out / "returns_since_2024_12_08.png").read_bytes()


def test_returns_values_come_from_the_table(drawn, tmp_path):
    out, _ = drawn
    svg = _svg_text(out)
    assert "27,941" in svg and "≈40,000" in svg and "≈12,000 (derived)" in svg
    assert "12,059" not in svg, "a derived remainder of an approximate total must not be shown exactly"
    assert "date of statement" in svg  # the open end is stated, not invented
    draw_charts(validated(sample_tables(hatay=25000)), tmp_path)
    changed = _svg_text(tmp_path)
    assert "25,000" in changed and "27,941" not in changed and "≈15,000 (derived)" in changed


def test_timeline_lists_undated_events_and_marks_inferred_dates(drawn):
    out, resources = drawn
    svg = (out / "cooperation_timeline.svg").read_text(encoding="utf-8")
    assert "Not placed" in svg and "Damascus and Aleppo airports inspected" in svg
    assert "9 Mar 2025*" in svg
    alt = next(r["alt_text"] for r in resources if r["name"] == "cooperation-timeline-png")
    assert "Ministry of Trade circular lifts the import ban" in alt


def test_trade_chart_flags_reported_claims(drawn):
    out, _ = drawn
    svg = (out / "trade_rule_changes.svg").read_text(encoding="utf-8")
    assert "REPORTED" in svg and "date not given" in svg and "11 Feb 2025" in svg


def test_missing_part_of_whole_is_a_clear_error(tmp_path):
    tables = sample_tables()
    tables["facts"]["part_of"] = None
    with pytest.raises(ValueError, match="part of a whole"):
        draw_charts(validated(tables), tmp_path)


def test_built_package_charts(built_root):
    """The charts the real build publishes: described in datapackage.json, derived remainder not sharpened."""
    import json

    package = json.loads((built_root / "datapackage.json").read_text(encoding="utf-8"))
    charts = [r for r in package["resources"] if r["path"].startswith("data/charts/")]
    assert all(r["alt_text"] for r in _images(charts))
    for r in charts:
        assert (built_root / r["path"]).is_file()
    # Every chart has its data, as a tabular resource beside its images.
    stems = {r["path"].rsplit(".", 1)[0] for r in charts}
    assert {r["path"].rsplit(".", 1)[0] for r in _data(charts)} == stems and len(_images(charts)) == 2 * len(stems)
    assert {f"data/charts/{s}" for s in ("returns_since_2024_12_08", "cooperation_timeline", "trade_rule_changes",
                                         "returns_since_2024_12_08_over_time",
                                         "syrians_under_temporary_protection_over_time")} <= stems
    over_time = _csv(built_root / "data/charts", "returns_since_2024_12_08_over_time.csv").set_index("fact_id")
    assert (over_time.loc["returns_since_2024_12_08_yerlikaya_2025_05_29", ["reference_date", "value", "series"]].tolist()
            == ["2025-05-29", "250064", "dgmm"])
    # 2024 exports: one bar per series side by side (TÜİK, TİM and the trade ministry's country profile)
    trade = _csv(built_root / "data/charts", "trade_tr_sy_by_year.csv").set_index("fact_id")
    assert {f: (trade.loc[f, "year"], trade.loc[f, "series"], trade.loc[f, "value"]) for f in (
        "exports_tr_to_sy_2024_tuik_yenicag", "exports_tr_to_sy_2024_tim_kuna", "exports_tr_to_sy_2024_country_profile_bolat")} == {
        "exports_tr_to_sy_2024_tuik_yenicag": ("2024", "tuik_general_trade", "1507952000"),
        "exports_tr_to_sy_2024_tim_kuna": ("2024", "tim_exporters", "1514101000"),
        "exports_tr_to_sy_2024_country_profile_bolat": ("2024", "trade_ministry_country_profile", "2200000000"),
    }
    returns = _csv(built_root / "data/charts", "returns_since_2024_12_08.csv")
    hatay = returns[returns["fact_id"] == "returns_permanent_via_hatay_since_2024_12_08"].iloc[0]
    assert (hatay["value"], hatay["approx"], hatay["value_label"]) == ("27941", "false", "27,941 (exact, official)")
    svg = (built_root / "data/charts/returns_since_2024_12_08.svg").read_text(encoding="utf-8")
    assert "27,941" in svg and "≈40,000" in svg and "≈12,000 (derived)" in svg and "12,059" not in svg


# -- the data behind each chart ---------------------------------------------------------------------

def test_every_chart_has_a_described_data_csv(drawn):
    out, resources = drawn
    images = {r["path"].rsplit(".", 1)[0] for r in _images(resources)}
    data = _data(resources)
    assert {r["path"].rsplit(".", 1)[0] for r in data} == images
    for r in data:
        assert r["type"] == "table" and r["mediatype"] == "text/csv" and r["title"].startswith("Data behind the chart: ")
        header = (out / Path(r["path"]).name).read_text(encoding="utf-8").splitlines()[0].split(",")
        fields = r["schema"]["fields"]
        assert [f["name"] for f in fields] == header
        assert all(f["description"].strip() and f["type"] in {"string", "number", "integer", "boolean", "date"}
                   for f in fields), r["path"]


def _csv(out: Path, name: str) -> pd.DataFrame:
    return pd.read_csv(out / name, dtype=str, keep_default_na=False)


def test_returns_data_is_what_the_bars_draw(drawn):
    out, _ = drawn
    data = _csv(out, "returns_since_2024_12_08.csv")
    rows = {r["fact_id"]: r for r in data.to_dict("records")}
    assert list(data["fact_id"]) == ["returns_total_since_fall", "returns_hatay_permanent", "returns_other_crossings"]
    assert (rows["returns_total_since_fall"]["value"], rows["returns_total_since_fall"]["approx"],
            rows["returns_total_since_fall"]["qualifier"]) == ("40000", "true", "approximately")
    assert rows["returns_hatay_permanent"]["value"] == "27941" and rows["returns_hatay_permanent"]["approx"] == "false"
    derived = rows["returns_other_crossings"]
    assert (derived["value"], derived["derived"], derived["value_label"]) == ("12059", "true", "≈12,000 (derived)")
    svg = _svg_text(out)
    for label in data["value_label"]:  # the printed labels come from the same frame
        assert label in svg, label


def test_timeline_and_trade_data_list_what_is_shown(drawn):
    out, _ = drawn
    timeline = _csv(out, "cooperation_timeline.csv")
    dated = timeline[timeline["number"] != ""]
    assert list(dated["event_id"]) == ["health_minister_sanliurfa", "msb_delegation_visit", "maritime_agreement",
                                       "import_ban_lifted", "amman_meeting"]
    assert list(dated["number"]) == ["1", "2", "3", "4", "5"]
    assert set(timeline.loc[timeline["number"] == "", "shown_as"]) == {"listed below the plot"}
    assert timeline.set_index("event_id").loc["maritime_agreement", "tentative"] == "true"
    assert len(timeline) == 9  # every event of the fixture: drawn or listed
    trade = _csv(out, "trade_rule_changes.csv")
    assert list(trade["date_label"]) == ["11 Feb 2025", "date not given", "date not given", "date not given"]
    svg = (out / "trade_rule_changes.svg").read_text(encoding="utf-8")
    assert all(label in svg for label in trade["date_label"])


def test_data_column_without_a_description_is_a_clear_error():
    from pipelines.charts.data import data_fields

    frame = pd.DataFrame({"value": [1.0], "mystery": ["x"]})
    with pytest.raises(ValueError, match=r"chart returns_since: the column 'mystery' of its data has no description"):
        data_fields(frame, "returns_since", {}, "returns")
    fields = data_fields(frame, "returns_since", {"mystery": "A described column."}, "returns")
    assert fields[0]["unit"] == "people" and fields[1] == {"name": "mystery", "type": "string",
                                                           "description": "A described column."}


# -- charts that scale -------------------------------------------------------------------------------

def _many_events(n: int) -> dict[str, pd.DataFrame]:
    """The fixture with n synthetic events over two years in every topic, a third undated, and n/2 trade measures."""
    import datetime as dt

    tables = sample_tables()
    cats = ["returns", "trade", "infrastructure", "security", "health", "diplomacy", "energy", "reconstruction"]
    events, measures = [], []
    for i in range(n):
        day = dt.date(2024, 1, 1) + dt.timedelta(days=(i * 37) % 730)
        if i % 3 == 0:
            e = _event(f"synthetic_{i:04d}", cats[i % len(cats)], "statement", None, None, "unknown",
                       f"Synthetic undated event {i}", basis="none")
        elif i % 3 == 1:
            e = _event(f"synthetic_{i:04d}", cats[i % len(cats)], "statement", day.isoformat(), day.isoformat(), "day",
                       f"Synthetic event {i}", status="planned" if i % 7 == 0 else "completed")
        else:
            first = day.replace(day=1)
            last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
            e = _event(f"synthetic_{i:04d}", cats[i % len(cats)], "statement", first.isoformat(), last.isoformat(), "month",
                       f"Synthetic monthly event {i}")
        events.append(e)
        if i % 2 == 0:
            measures.append({"event_id": e["event_id"], "direction": "imports", "source_id": S3, "date_start": e["date_start"],
                             "date_end": e["date_end"], "date_precision": e["date_precision"], "instrument": "circular",
                             "issuing_body": None, "measure": f"Synthetic measure {i}", "state_before": "before",
                             "state_after": "after", "status": "completed", "claim_status": "official", "quote": "q"})
    tables["events"] = pd.concat([tables["events"], pd.DataFrame(events)], ignore_index=True)
    tables["trade_measures"] = pd.concat([tables["trade_measures"], pd.DataFrame(measures)], ignore_index=True)
    return validated(tables)


def test_charts_keep_a_fixed_size_with_200_events(tmp_path, drawn):
    out, _ = drawn
    small = {name: _png_size(out / f"{name}.png") for name in ("cooperation_timeline", "trade_rule_changes")}
    resources = draw_charts(_many_events(200), tmp_path)
    for name in ("cooperation_timeline", "trade_rule_changes"):
        width, height = _png_size(tmp_path / f"{name}.png")
        assert width == 1600 and height <= 2200, (name, height)  # at most 11 in tall at 200 dpi, whatever n
    # 200 events do not make the figures taller than a dozen do (within a few notes' lines)
    assert _png_size(tmp_path / "cooperation_timeline.png")[1] <= small["cooperation_timeline"][1] + 200
    timeline = _csv(tmp_path, "cooperation_timeline.csv")
    assert len(timeline) == 209  # every event is still in the chart's data
    svg = (tmp_path / "cooperation_timeline.svg").read_text(encoding="utf-8")
    assert "too many to number legibly" in svg and "Synthetic event 1<" not in svg
    trade = _csv(tmp_path, "trade_rule_changes.csv")
    assert len(trade) == 10
    assert "earlier or undated measures are in the trade_measures table" in (tmp_path / "trade_rule_changes.svg").read_text(encoding="utf-8")
    alt = next(r["alt_text"] for r in resources if r["name"] == "cooperation-timeline-png")
    assert len(alt) < 1500
