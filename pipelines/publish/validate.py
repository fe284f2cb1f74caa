"""Validate the tables: each against its pandera model, then the rules that span tables.

Validation is lazy: every failure of every table is collected and reported at once.
"""
from __future__ import annotations

import pandas as pd
import pandera.errors

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


def foreign_key_problems(tables: dict[str, pd.DataFrame]) -> list[Problem]:
    problems = []
    for name, model in TABLES.items():
        for fk in table_meta(model).get("foreignKeys", []):
            (column,), ref = fk["fields"], fk["reference"]
            known = set(tables[ref["resource"]][ref["fields"][0]])
            frame = tables[name]
            values = frame[column]
            # Vectorised test first: a Python loop over every cell costs seconds at a thousand sources.
            for index, value in values[values.notna() & ~values.isin(list(known))].items():
                code = "dangling-actor" if ref["resource"] == "actors" else f"dangling-{ref['resource'].rstrip('s')}"
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


def publication_problems(tables: dict[str, pd.DataFrame]) -> list[Problem]:
    """Nothing completed or measured can postdate the latest possible publication date of its source."""
    latest = tables["sources"].set_index("source_id")["published_latest"].dropna().to_dict()
    problems = []
    for fact in tables["facts"].itertuples(index=False):
        bound = latest.get(fact.source_id)
        if bound and pd.notna(fact.period_end) and fact.period_end > bound:
            problems.append(Problem("after-publication", "table facts", f"fact_id={fact.fact_id}",
                                    f"period_end {fact.period_end} is after the source's latest publication date {bound}"))
    for event in tables["events"].itertuples(index=False):
        bound = latest.get(event.source_id)
        if bound and event.status == "completed" and pd.notna(event.date_start) and event.date_start > bound:
            problems.append(Problem("after-publication", "table events", f"event_id={event.event_id}",
                                    f"completed event dated {event.date_start}, after the source's latest publication date {bound}"))
    return problems


def validate_tables(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The validated (coerced) tables; raises TsrError with every problem found."""
    validated, problems = check_schemas(tables)
    problems += foreign_key_problems(validated)
    problems += part_whole_problems(validated["facts"])
    problems += publication_problems(validated)
    if problems:
        raise TsrError(problems)
    return validated
