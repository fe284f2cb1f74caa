-- discrepancies: observations of one indicator for the same place and period that disagree. Every value
-- is listed with its series and source; the spread is shown, never averaged away. Only groups from two
-- or more sources: one source's several values for a period are a breakdown, not a disagreement.
WITH obs AS (
  -- facts and table cells alike (the series view)
  SELECT f.*, coalesce(f.geography, '') AS place
  FROM series AS f
  -- an observation whose as-of day or period end is unknown has no period to share with another
  WHERE f.value IS NOT NULL AND f.period_end IS NOT NULL
)
SELECT
  indicator || '|' || place || '|' || coalesce(CAST(period_start AS VARCHAR), '') || '|'
    || coalesce(CAST(period_end AS VARCHAR), '') AS discrepancy_id,
  indicator,
  nullif(place, '') AS geography,
  period_start,
  period_end,
  count(DISTINCT value) AS n_values,
  count(*) AS n_observations,
  count(DISTINCT source_id) AS n_sources,
  min(value) AS min_value,
  max(value) AS max_value,
  CASE WHEN min(value) > 0 THEN round((max(value) - min(value)) / min(value) * 100, 2) END AS spread_pct,
  string_agg(DISTINCT series, ';' ORDER BY series) AS series,
  string_agg(observation_id || ' = ' || CAST(value AS VARCHAR) || ' (' || series || ', ' || source_id || ')', '; '
             ORDER BY value, observation_id) AS observations
FROM obs
GROUP BY indicator, place, period_start, period_end
HAVING count(DISTINCT value) > 1 AND count(DISTINCT source_id) > 1
