"""The SQL of the views series, discrepancies and anomalies, created in the database by
`database_statements` (so the load script creates them too) and read back to publish them.

The relations between indicators that the anomaly rules need (parts and wholes, a stock and the count that
explains its fall) are declared in schemas/view_rules.yaml and written into the SQL as VALUES lists, so the
load script needs no other file."""
from __future__ import annotations

from functools import cache
from pathlib import Path

from pipelines.yamlfile import read_yaml, strip_lines

RULES_FILE = Path(__file__).resolve().parent.parent.parent / "schemas" / "view_rules.yaml"

# A figure's interval: its stated bounds; "more than X" has no upper bound, "up to X" none below; an exact
# or approximate figure without bounds is its value.
LOW = "CASE WHEN {t}.lower IS NOT NULL THEN {t}.lower WHEN {t}.upper IS NOT NULL THEN '-inf'::DOUBLE ELSE {t}.value END"
HIGH = "CASE WHEN {t}.upper IS NOT NULL THEN {t}.upper WHEN {t}.lower IS NOT NULL THEN 'inf'::DOUBLE ELSE {t}.value END"
AS_OF_TYPES = "('stock', 'cumulative', 'count', 'capacity', 'size')"


@cache
def rules() -> dict:
    return strip_lines(read_yaml(RULES_FILE, "schemas/view_rules.yaml"))


def _values(pairs: dict, a: str, b: str) -> str:
    if not pairs:
        return f"(SELECT NULL::VARCHAR AS {a}, NULL::VARCHAR AS {b} WHERE false)"
    rows = ", ".join(f"('{k}', '{v}')" for k, v in sorted(pairs.items()))
    return f"(VALUES {rows}) AS r({a}, {b})"


def _num(expr: str) -> str:
    return f"format('{{:,.15g}}', {expr})"


SERIES = f"""
SELECT f.fact_id, f.indicator, i.label AS indicator_label, i.measure_type, f.series, f.geography,
       COALESCE(f.period_end, f.period_start) AS ref_date, f.period_start, f.period_end, f.period_precision,
       f.value, f.approx, f.qualifier, f.lower, f.upper, f.unit, f.claim_status, f.derived, f.flags,
       f.source_id, s.publisher, s.published_earliest, s.published_latest, f.attributed_to
FROM facts AS f JOIN indicators AS i ON i.indicator_id = f.indicator JOIN sources AS s ON s.source_id = f.source_id
ORDER BY f.indicator, ref_date NULLS LAST, f.period_start NULLS LAST, f.series,
         TRY_CAST(split_part(f.source_id, '_', 1) AS BIGINT), f.source_id, f.fact_id
"""

OBSERVATIONS = f"SELECT o.*, {LOW.format(t='o')} AS lo, {HIGH.format(t='o')} AS hi FROM series AS o"

DISCREPANCIES = f"""
WITH obs AS ({OBSERVATIONS} WHERE o.period_end IS NOT NULL),
grouped AS (
  SELECT indicator, geography, period_start, period_end,
         string_agg(DISTINCT period_precision, ';' ORDER BY period_precision) AS period_precision,
         count(*) AS n_observations, count(DISTINCT value) AS n_values, count(DISTINCT source_id) AS n_sources, min(value) AS min_value, max(value) AS max_value,
         max(lo) AS max_lo, min(hi) AS min_hi,
         string_agg(DISTINCT series, ';' ORDER BY series) AS series_list,
         string_agg(series || ': ' || {_num('value')} || ' (' || fact_id || ', ' || source_id || ')', '; '
                    ORDER BY value, fact_id) AS observations,
         string_agg(fact_id, ';' ORDER BY value, fact_id) AS fact_ids
  FROM obs GROUP BY indicator, geography, period_start, period_end)
SELECT indicator || '@' || COALESCE(geography, '') || '@' || COALESCE(CAST(period_start AS VARCHAR), '') || '..'
         || CAST(period_end AS VARCHAR) AS discrepancy_id,
       indicator, geography, period_start, period_end, period_precision, n_observations, n_values, min_value, max_value,
       CASE WHEN min_value = 0 THEN NULL ELSE round((max_value - min_value) / min_value * 100, 2) END AS spread_pct,
       series_list, observations, fact_ids
FROM grouped WHERE n_values > 1 AND n_sources > 1 AND max_lo > min_hi
ORDER BY indicator, period_end, discrepancy_id
"""


def anomalies_sql() -> str:
    r = rules()
    parts = _values(r.get("parts") or {}, "part", "whole")
    stocks = _values(r.get("stocks") or {}, "stock", "flow")
    columns = ("rule, a.indicator, a.fact_id, a.source_id, a.value, a.ref_date, b.fact_id AS other_fact_id, "
               "b.source_id AS other_source_id, b.indicator AS other_indicator, b.value AS other_value, "
               "b.ref_date AS other_ref_date")
    return f"""
WITH obs AS ({OBSERVATIONS}),
cumulative_decrease AS (
  -- the earlier count it contradicts most: the highest lower bound, then the latest
  SELECT 'cumulative_decrease' AS rule, a.*, b.fact_id AS b_fact,
         a.fact_id || ' (' || {_num('a.value')} || ', as of ' || a.ref_date || ') is lower than the earlier count '
           || b.fact_id || ' (' || {_num('b.value')} || ', as of ' || b.ref_date || ') of the same series ' || a.series AS detail
  FROM obs AS a JOIN obs AS b ON a.indicator = b.indicator AND a.series = b.series
       AND a.geography IS NOT DISTINCT FROM b.geography AND b.period_end < a.period_end AND a.hi < b.lo
  WHERE a.measure_type = 'cumulative'
  QUALIFY row_number() OVER (PARTITION BY a.fact_id ORDER BY b.lo DESC, b.period_end DESC, b.fact_id) = 1),
pace AS (
  SELECT indicator, series, geography, fact_id, value, period_end,
         (value - lag(value) OVER w) / datediff('day', lag(period_end) OVER w, period_end) AS per_day
  FROM obs WHERE measure_type = 'cumulative' AND period_end IS NOT NULL
  WINDOW w AS (PARTITION BY indicator, series, geography ORDER BY period_end, fact_id)),
fastest AS (
  SELECT indicator, max(per_day) AS per_day, arg_max(fact_id, per_day) AS fact_id
  FROM pace WHERE per_day IS NOT NULL AND isfinite(per_day) GROUP BY indicator),
stock_steps AS (
  SELECT o.*, lag(o.fact_id) OVER w AS prev_fact, lag(o.value) OVER w AS prev_value, lag(o.lo) OVER w AS prev_lo,
         -- the longest span the dates allow: from the previous one's earliest as-of day to this one's latest
         datediff('day', lag(COALESCE(o.period_start, o.period_end)) OVER w, o.period_end) AS days
  FROM obs AS o JOIN {stocks} ON r.stock = o.indicator
  JOIN indicators AS fi ON fi.indicator_id = r.flow
  WHERE o.period_end IS NOT NULL AND COALESCE(o.period_start, o.period_end) >= fi.since
  WINDOW w AS (PARTITION BY o.indicator, o.series, o.geography ORDER BY o.period_end, o.fact_id)),
stock_outpaces_flows AS (
  SELECT 'stock_outpaces_flows' AS rule, a.*, a.prev_fact AS b_fact,
         a.fact_id || ' (' || {_num('a.value')} || ', ' || a.ref_date || ') is ' || {_num('a.prev_value - a.value')}
           || ' below ' || a.prev_fact || ' over ' || a.days || ' days: ' || {_num('round((a.prev_lo - a.hi) / a.days)')}
           || ' a day, faster than the fastest pace of ' || r.flow || ', ' || {_num('round(f.per_day)')}
           || ' a day (to ' || f.fact_id || ')' AS detail
  FROM stock_steps AS a JOIN {stocks} ON r.stock = a.indicator JOIN fastest AS f ON f.indicator = r.flow
  WHERE a.days > 0 AND (a.prev_lo - a.hi) / a.days > f.per_day),
part_above_whole AS (
  SELECT 'part_above_whole' AS rule, a.*, b.fact_id AS b_fact,
         a.fact_id || ' (' || {_num('a.value')} || ', ' || a.indicator || ') exceeds ' || b.fact_id || ' ('
           || {_num('b.value')} || ', ' || b.indicator || '), its whole' AS detail
  FROM obs AS a JOIN {parts} ON r.part = a.indicator JOIN obs AS b ON b.indicator = r.whole
       AND a.source_id <> b.source_id AND a.geography IS NOT DISTINCT FROM b.geography AND a.lo > b.hi
       AND CASE WHEN b.measure_type = 'cumulative' THEN a.period_end <= b.period_end
                ELSE a.period_end = b.period_end AND a.period_start IS NOT DISTINCT FROM b.period_start END
  QUALIFY row_number() OVER (PARTITION BY a.fact_id ORDER BY b.hi, b.period_end, b.fact_id) = 1),
final_before_period_end AS (
  SELECT 'final_before_period_end' AS rule, a.*, NULL AS b_fact,
         a.fact_id || ': a flow over ' || a.period_start || '..' || a.period_end || ' stated as its outcome in a source '
           || 'published from ' || a.published_earliest || ', before the period ended' AS detail
  FROM obs AS a WHERE a.measure_type = 'flow' AND a.period_end IS NOT NULL AND a.published_earliest < a.period_end),
found AS (
  SELECT rule, fact_id, b_fact, detail FROM cumulative_decrease
  UNION ALL SELECT rule, fact_id, b_fact, detail FROM stock_outpaces_flows
  UNION ALL SELECT rule, fact_id, b_fact, detail FROM part_above_whole
  UNION ALL SELECT rule, fact_id, b_fact, detail FROM final_before_period_end)
SELECT found.rule || ':' || a.fact_id || ':' || COALESCE(b.fact_id, '') AS anomaly_id, {columns}, found.detail
FROM found JOIN obs AS a ON a.fact_id = found.fact_id LEFT JOIN obs AS b ON b.fact_id = found.b_fact
ORDER BY rule, a.indicator, a.ref_date, anomaly_id
"""


CONTESTED_EVENTS = """
WITH subjects AS (
  SELECT subject, count(DISTINCT source_id) AS n_sources FROM events WHERE subject IS NOT NULL GROUP BY subject
  HAVING count(DISTINCT source_id) > 1 AND (count(DISTINCT status) > 1 OR count(DISTINCT claim_status) > 1))
SELECT e.subject, e.event_id, e.source_id, s.publisher, s.published_earliest, e.date_start, e.date_end, e.date_precision,
       e.status, e.claim_status, e.title, e.quote, subjects.n_sources
FROM events AS e JOIN subjects USING (subject) JOIN sources AS s ON s.source_id = e.source_id
"""


def view_sql() -> dict[str, str]:
    """Each view's SELECT, in creation order (a view may read the ones before it)."""
    return {"series": SERIES, "discrepancies": DISCREPANCIES, "anomalies": anomalies_sql(), "contested_events": CONTESTED_EVENTS}
