"""What can be measured: the indicators (schemas/indicators.yaml) and the statistical series that
compile them (schemas/series.yaml), read once and checked like a coding file.

A coding file may use only the indicators and series listed here; adding one is an edit of these files
that the build validates (shape, vocabulary terms, a cumulative indicator's `since` day).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pipelines.coding.coding_schema import Indicator, StatisticalSeries, SNAKE, shape_problems
from pipelines.errors import Problem, TsrError
from pipelines.paths import REPO_ROOT
from pipelines.yamlfile import LINE_KEY, line_of, read_yaml
from schemas.vocabularies import terms

INDICATORS_FILE = REPO_ROOT / "schemas" / "indicators.yaml"
SERIES_FILE = REPO_ROOT / "schemas" / "series.yaml"

# Measure types whose figures may refer to a date after the source was published: what is aimed at,
# expected or estimated, never what is stated as done (docs/data-model.md, "Dates after publication").
PROSPECTIVE = frozenset({"target", "forecast", "cost_estimate"})
# Measure types whose period brackets one reference day (the as-of day).
POINT_IN_TIME = frozenset({"stock", "count", "capacity", "size"})


@dataclass(frozen=True)
class Catalogue:
    indicators: dict[str, Indicator]
    series: dict[str, StatisticalSeries]

    def indicator_rows(self) -> list[dict]:
        return [{"indicator_id": key, "label": " ".join(i.label.split()), "category": i.category, "unit": i.unit,
                 "measure_type": i.measure_type, "since": i.since, "may_be_negative": i.may_be_negative,
                 "part_of_year": i.part_of_year, "definition": " ".join(i.definition.split())}
                for key, i in self.indicators.items()]

    def whole_year_of(self, indicator_id: str) -> str | None:
        """The calendar-year indicator whose part-of-year twin is `indicator_id`, if any."""
        return next((key for key, i in self.indicators.items() if i.part_of_year == indicator_id), None)

    def series_rows(self) -> list[dict]:
        return [{"series_id": key, "label": " ".join(s.label.split()), "compiler": s.compiler,
                 "definition": " ".join(s.definition.split())}
                for key, s in self.series.items()]


def is_whole_calendar_year(start, end, precision: str | None) -> bool:
    """Whether a period is one whole calendar year: precision year, or 1 January..31 December of one year."""
    start, end = str(start), str(end)
    return precision == "year" or (start[5:] == "01-01" and end[5:] == "12-31" and start[:4] == end[:4])


def _entries(document, model, file: str, what: str) -> tuple[dict, list[Problem]]:
    """{id: validated entry} of a vocabulary file (a mapping of id to entry) and its problems."""
    if not isinstance(document, dict):
        return {}, [Problem("bad-coding", file, "", f"expected a mapping of {what} id to its definition")]
    entries, problems = {}, []
    for key, raw in document.items():
        if key == LINE_KEY:
            continue
        where = f"{key} ({line_of(raw)})" if isinstance(raw, dict) else f"{key} (line {document.get(LINE_KEY, '?')})"
        if not isinstance(key, str) or not SNAKE.match(key):
            problems.append(Problem("bad-id", file, where, f"{what} id {key!r} is not snake_case (a-z, 0-9, _)"))
            continue
        if not isinstance(raw, dict):
            problems.append(Problem("bad-type", file, where, f"a {what} is a mapping of its keys, got {raw!r}"))
            continue
        entry, failures = shape_problems(model, raw, file)
        for _, problem in failures:
            problems.append(Problem(problem.code, file, where, problem.message))
        if entry is not None:
            entries[key] = entry
    return entries, problems


def check_indicators(document, file: str) -> tuple[dict[str, Indicator], list[Problem]]:
    indicators, problems = _entries(document, Indicator, file, "indicator")
    for key, indicator in indicators.items():
        where = f"{key} ({line_of(document[key])})"
        if indicator.category not in terms("category"):
            problems.append(Problem("unknown-category", file, where, f"category {indicator.category!r} is not one of {terms('category')}"))
        if indicator.measure_type not in terms("measure_type"):
            problems.append(Problem("unknown-term", file, where, f"measure_type {indicator.measure_type!r} is not one of {terms('measure_type')}"))
        elif (indicator.measure_type == "cumulative") != (indicator.since is not None):
            problems.append(Problem("bad-since", file, where, "a cumulative indicator needs since: the day its count starts"
                                    if indicator.since is None else "only a cumulative indicator has a since day"))
    for key, indicator in indicators.items():
        if indicator.part_of_year is None:
            continue
        twin = indicators.get(indicator.part_of_year)
        where = f"{key} ({line_of(document[key])})"
        if twin is None or indicator.part_of_year == key:
            problems.append(Problem("bad-part-of-year", file, where, f"part_of_year {indicator.part_of_year!r} is not another indicator id"))
        elif not (indicator.measure_type == twin.measure_type == "flow" and (indicator.unit, indicator.category) == (twin.unit, twin.category)):
            problems.append(Problem("bad-part-of-year", file, where, f"part_of_year {indicator.part_of_year!r} must be the same flow "
                                    f"(measure_type flow, unit {indicator.unit!r}, category {indicator.category!r}) over part of a year"))
    return indicators, problems


def check_series(document, file: str, actor_ids: set[str] | None) -> tuple[dict[str, StatisticalSeries], list[Problem]]:
    series, problems = _entries(document, StatisticalSeries, file, "series")
    for key, entry in series.items():
        if actor_ids is not None and entry.compiler is not None and entry.compiler not in actor_ids:
            problems.append(Problem("dangling-actor", file, f"{key} ({line_of(document[key])})",
                                    f"compiler {entry.compiler!r} is not an actor_id in data/coding/actors.yaml"))
    return series, problems


def _rel(path: Path) -> str:
    path = Path(path).resolve()
    return path.relative_to(REPO_ROOT).as_posix() if path.is_relative_to(REPO_ROOT) else str(path)


def read_catalogue(indicators_path: Path = INDICATORS_FILE, series_path: Path = SERIES_FILE,
                   actor_ids: set[str] | None = None) -> Catalogue:
    """The checked catalogue; raises TsrError listing every problem of both files."""
    problems: list[Problem] = []
    documents = []
    for path in (indicators_path, series_path):
        try:
            documents.append(read_yaml(Path(path), _rel(path)))
        except TsrError as exc:
            problems.extend(exc.problems)
            documents.append(None)
    indicators, found = check_indicators(documents[0], _rel(indicators_path)) if documents[0] is not None else ({}, [])
    problems += found
    series, found = check_series(documents[1], _rel(series_path), actor_ids) if documents[1] is not None else ({}, [])
    problems += found
    if problems:
        raise TsrError(problems)
    return Catalogue(indicators, series)
