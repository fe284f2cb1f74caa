-- anomalies: observations that break their indicator's own logic, each naming the rule and the other
-- observation it contradicts. Shown, never dropped; they do not fail the build (the sources disagree,
-- not the coding).
WITH obs AS (
  -- facts and table cells alike (the series view carries measure_type and published_earliest)
  SELECT f.*, coalesce(f.geography, '') AS place
  FROM series AS f
  WHERE f.value IS NOT NULL
),
-- 1. A running total cannot fall: a cumulative count lower than an earlier count of the same series.
cumulative AS (
  SELECT 'cumulative_decrease' AS rule, later.observation_id, later.source_id, later.indicator, later.value,
         later.period_end, earlier.observation_id AS other_observation_id, earlier.source_id AS other_source_id,
         earlier.value AS other_value, earlier.period_end AS other_period_end,
         row_number() OVER (PARTITION BY later.observation_id ORDER BY earlier.value DESC, earlier.observation_id) AS pick
  FROM obs AS later
  JOIN obs AS earlier
    ON earlier.indicator = later.indicator AND earlier.series = later.series AND earlier.place = later.place
   AND earlier.period_end < later.period_end AND earlier.value > later.value
  WHERE later.measure_type = 'cumulative' AND later.period_end IS NOT NULL
),
-- 2. A stock that moves faster than flows can explain: more than 5 % of its level between two
--    observations of the same series less than 31 days apart.
stock AS (
  SELECT 'stock_jump' AS rule, b.observation_id, b.source_id, b.indicator, b.value, b.period_end,
         a.observation_id AS other_observation_id, a.source_id AS other_source_id, a.value AS other_value,
         a.period_end AS other_period_end,
         row_number() OVER (PARTITION BY b.observation_id ORDER BY abs(b.value - a.value) DESC, a.observation_id) AS pick
  FROM obs AS b
  JOIN obs AS a
    ON a.indicator = b.indicator AND a.series = b.series AND a.place = b.place
   AND a.period_end < b.period_end AND b.period_end - a.period_end < 31
   AND abs(b.value - a.value) > 0.05 * a.value
  WHERE b.measure_type = 'stock' AND b.period_end IS NOT NULL AND a.period_end IS NOT NULL
),
-- 3. A part above its whole across sources: a province's figure above the country's for the same
--    indicator and as-of day.
part AS (
  SELECT 'part_above_whole' AS rule, p.observation_id, p.source_id, p.indicator, p.value, p.period_end,
         w.observation_id AS other_observation_id, w.source_id AS other_source_id, w.value AS other_value,
         w.period_end AS other_period_end,
         row_number() OVER (PARTITION BY p.observation_id ORDER BY w.value, w.observation_id) AS pick
  FROM obs AS p
  JOIN obs AS w
    ON w.indicator = p.indicator AND p.place LIKE w.place || '-%' AND w.place <> ''
   AND w.period_end = p.period_end AND p.value > w.value
),
-- 4. A figure whose period may not have ended when it was published, stated as done (not a target,
--    forecast or cost estimate): its period ends after the earliest possible publication day.
early AS (
  SELECT 'published_before_period_end' AS rule, observation_id, source_id, indicator, value, period_end,
         NULL AS other_observation_id, NULL AS other_source_id, NULL AS other_value, NULL AS other_period_end, 1 AS pick
  FROM obs
  WHERE measure_type NOT IN ('target', 'forecast', 'cost_estimate')
    AND period_end IS NOT NULL AND published_earliest IS NOT NULL AND period_end > published_earliest
    AND period_precision NOT IN ('range', 'unknown')
),
-- one rule at a time: DuckDB versions print a chain of UNION ALL with different parentheses
found_1 AS (SELECT * FROM cumulative UNION ALL SELECT * FROM stock),
found_2 AS (SELECT * FROM found_1 UNION ALL SELECT * FROM part),
found AS (SELECT * FROM found_2 UNION ALL SELECT * FROM early)
SELECT rule || ':' || observation_id AS anomaly_id, rule, indicator, observation_id, source_id, value, period_end,
       other_observation_id, other_source_id, other_value, other_period_end,
       CASE rule
         WHEN 'cumulative_decrease' THEN 'a running total below an earlier count of the same series (' ||
              CAST(other_value AS VARCHAR) || ' by ' || CAST(other_period_end AS VARCHAR) || ')'
         WHEN 'stock_jump' THEN 'the stock moves by more than 5 % in under a month against ' || other_observation_id
         WHEN 'part_above_whole' THEN 'a part of the country above the whole country''s figure for the same day'
         ELSE 'the period ends after the earliest possible publication day, but the figure is stated as done'
       END AS explanation
FROM found
WHERE pick = 1
