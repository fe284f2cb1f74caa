"""Validate the tables: each against its pandera model, then the rules that span tables.

Validation is lazy: every failure of every table is collected and reported at once.
"""
from __future__ import annotations

import datetime as dt

import pandas as pd
import pandera.errors

from pipelines.coding.catalogue import PROSPECTIVE
from pipelines.errors import Problem, TsrError
from schemas import TABLES
from schemas.table_schema import table_meta


def _key(frame: pd.DataFrame, table: str, index) -> str:
    pk = table_meta(TABLES[table])["primaryKey"]
    try:
        row = frame.loc[index]
        return ", ".join(f"{c}={row[c]}" for c in pk)
    except (KeyError, TypeError):
        return f"row {index}"


def schema_problems(table: str, frame: pd.DataFrame, exc: pandera.errors.SchemaErrors) -> list[Problem]:
    problems, seen = [], set()
    for case in exc.failure_cases.itertuples(index=False):
        index = case.index
        key = _key(frame, table, index) if index is not None and not pd.isna(index) else "table"
        # A dataframe-level check lists every column of a failing row: report the row once.
        dedupe = (case.check, key) if case.schema_context == "DataFrameSchema" else (case.check, key, case.column)
        if dedupe in seen:
            continue
        seen.add(dedupe)
        if case.schema_context == "DataFrameSchema":
            message = f"{case.check}" if case.check not in ("column_in_schema", "column_in_dataframe") else f"{case.check}: {case.failure_case}"
        else:
            message = f"column {case.column!r}: {case.check} failed for {case.failure_case!r}"
        problems.append(Problem("schema-check", f"table {table}", key, message))
    return problems


def check_schemas(tables: dict[str, pd.DataFrame]) -> tuple[dict[str, pd.DataFrame], list[Problem]]:
    validated, problems = {}, []
    for name, frame in tables.items():
        try:
            validated[name] = TABLES[name].validate(frame, lazy=True)
        except pandera.errors.SchemaErrors as exc:
            problems.extend(schema_problems(name, frame, exc))
            validated[name] = frame
    return validated, problems


def _ids(cell) -> list[str]:
    """The ids of a semicolon list cell; none for an empty cell."""
    return [] if pd.isna(cell) else str(cell).split(";")


# The code of a foreign key that points nowhere, by referenced table.
DANGLING = {"actors": "dangling-actor", "facts": "dangling-fact", "sources": "dangling-source",
            "indicators": "dangling-indicator", "statistical_series": "dangling-series"}


def foreign_key_problems(tables: dict[str, pd.DataFrame]) -> list[Problem]:
    problems = []
    for name, model in TABLES.items():
        if name not in tables:  # the views, computed after the tables are valid
            continue
        for fk in table_meta(model).get("foreignKeys", []):
            (column,), ref = fk["fields"], fk["reference"]
            known = set(tables[ref["resource"]][ref["fields"][0]])
            frame = tables[name]
            values = frame[column]
            # Vectorised test first: a Python loop over every cell costs seconds at a thousand sources.
            for index, value in values[values.notna() & ~values.isin(list(known))].items():
                code = DANGLING.get(ref["resource"], f"dangling-{ref['resource']}")
                problems.append(Problem(code, f"table {name}", _key(frame, name, index),
                                        f"{column} {value!r} is not a {ref['resource']}.{ref['fields'][0]}"))
    # Semicolon lists cannot be declared as Table Schema foreign keys; check them here.
    actor_ids, fact_ids = set(tables["actors"]["actor_id"]), set(tables["facts"]["fact_id"])
    for table, column, known, code in (("events", "actors", actor_ids, "dangling-actor"),
                                       ("facts", "derived_from", fact_ids, "dangling-fact")):
        frame = tables[table]
        for index, cell in frame[column].items():
            for value in _ids(cell):
                if value not in known:
                    problems.append(Problem(code, f"table {table}", _key(frame, table, index), f"{column} names unknown id {value!r}"))
    return problems


def _same(a, b) -> bool:
    """Equal, counting two missing values (an open period end) as equal."""
    return (pd.isna(a) and pd.isna(b)) or a == b


def part_whole_problems(facts: pd.DataFrame) -> list[Problem]:
    """A part never exceeds its whole, and both come from the same source and period."""
    problems = []
    by_id = facts.set_index("fact_id")
    for part in facts[facts["part_of"].notna()].itertuples(index=False):
        if part.part_of not in by_id.index:
            continue  # reported as a dangling foreign key
        whole = by_id.loc[part.part_of]
        key = f"fact_id={part.fact_id}"
        same_period = all(_same(whole[c], getattr(part, c)) for c in ("source_id", "period_start", "period_end"))
        if not same_period:
            problems.append(Problem("part-whole-mismatch", "table facts", key,
                                    f"part_of {part.part_of} must share its source and period"))
            continue
        # An approximate whole is compared at its upper bound when it has one: never fail on rounding the source did.
        whole_max = whole["upper"] if pd.notna(whole["upper"]) else whole["value"]
        part_min = part.lower if pd.notna(part.lower) else part.value
        if part_min > whole_max:
            problems.append(Problem("part-exceeds-whole", "table facts", key,
                                    f"value {part.value:g} exceeds its whole {part.part_of} ({whole['value']:g})"))
    return problems


def indicator_problems(tables: dict[str, pd.DataFrame]) -> list[Problem]:
    """Each fact agrees with its indicator: unit, category, a cumulative count's start, the sign."""
    indicators = tables["indicators"].set_index("indicator_id")
    problems = []
    for fact in tables["facts"].itertuples(index=False):
        if fact.indicator not in indicators.index:
            continue  # reported as a dangling foreign key
        indicator, key = indicators.loc[fact.indicator], f"fact_id={fact.fact_id}"
        for column, code in (("unit", "unit-mismatch"), ("category", "category-mismatch")):
            if getattr(fact, column) != indicator[column]:
                problems.append(Problem(code, "table facts", key, f"{column} {getattr(fact, column)!r} is not indicator "
                                                                  f"{fact.indicator}'s {indicator[column]!r}"))
        if indicator["measure_type"] == "cumulative" and fact.period_start != indicator["since"]:
            problems.append(Problem("since-mismatch", "table facts", key, f"period_start {fact.period_start} of a cumulative "
                                                                          f"count is not {fact.indicator}'s since day {indicator['since']}"))
        if not indicator["may_be_negative"] and pd.notna(fact.value) and fact.value < 0:
            problems.append(Problem("negative-value", "table facts", key, f"value {fact.value:g} of {fact.indicator} "
                                                                          f"({indicator['unit']}) cannot be negative"))
    return problems


def _day(value) -> str | None:
    return None if value is None or pd.isna(value) else str(value)


def publication_problems(tables: dict[str, pd.DataFrame], today: str | None = None) -> list[Problem]:
    """Nothing stated as done can postdate its source: not its latest possible publication date
    (after-publication), not the day it was retrieved (after-retrieval), not the day of the build
    (in-the-future). Targets, forecasts and cost estimates may refer to later dates (their measure
    type says so); planned events may too."""
    today = today or dt.date.today().isoformat()
    sources = tables["sources"].set_index("source_id")
    latest = sources["published_latest"].dropna().to_dict()
    retrieved = sources["retrieved_on"].dropna().to_dict() if "retrieved_on" in sources.columns else {}
    measure = tables["indicators"].set_index("indicator_id")["measure_type"].to_dict()

    def check(table: str, key: str, source_id: str, day: str, what: str, hint: str = "") -> list[Problem]:
        found = []
        for code, bound, name in (("after-publication", latest.get(source_id), "the source's latest publication date"),
                                  ("after-retrieval", _day(retrieved.get(source_id)), "the day the source was retrieved"),
                                  ("in-the-future", today, "the day of this build")):
            if bound and day > bound:
                found.append(Problem(code, f"table {table}", key, f"{what} {day} is after {name} {bound}{hint.format(bound=bound)}"))
                break  # the tightest bound says it; the others would repeat it
        return found

    problems = []
    for fact in tables["facts"].itertuples(index=False):
        if measure.get(fact.indicator) in PROSPECTIVE:
            continue
        day = _day(fact.period_end) or _day(fact.period_start)
        if day:
            problems += check("facts", f"fact_id={fact.fact_id}", fact.source_id, day,
                              f"a {measure.get(fact.indicator, 'stated')} figure's period ending",
                              "; a figure stated as done cannot refer to a later day (a period known only to the month "
                              "ends on {bound} at the latest); an aimed-at or expected value needs an indicator of "
                              "measure type target, forecast or cost_estimate")
    for event in tables["events"].itertuples(index=False):
        if event.status in ("completed", "reported") and _day(event.date_start):
            problems += check("events", f"event_id={event.event_id}", event.source_id, event.date_start,
                              f"{event.status} event dated")
    return problems


def validate_tables(tables: dict[str, pd.DataFrame], today: str | None = None) -> dict[str, pd.DataFrame]:
    """The validated (coerced) tables; raises TsrError with every problem found."""
    validated, problems = check_schemas(tables)
    problems += foreign_key_problems(validated)
    problems += indicator_problems(validated)
    problems += part_whole_problems(validated["facts"])
    problems += publication_problems(validated, today)
    if problems:
        raise TsrError(problems)
    return validated
