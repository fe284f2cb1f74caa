-- series: one row per observation of an indicator, every source's figure side by side, sorted by
-- indicator then the day it refers to. Nothing is averaged or dropped. An observation is a fact (a
-- figure quoted from a text) or a cell copied from an official table (dataset_values); a cell is
-- stated on the record by its publisher, hence official, and a later release's copy of it is kept.
-- (CAST('f' AS BOOLEAN), not false: DuckDB 1.x prints the literal so, and the view text must match.)
WITH observations AS (
  SELECT f.fact_id AS observation_id, f.fact_id, CAST(NULL AS VARCHAR) AS dataset_observation_id,
         f.indicator, f.series, f.period_start, f.period_end, f.period_precision, f.value, f.approx,
         f.qualifier, f.lower, f.upper, f.unit, f.geography, f.source_id, f.claim_status, f.flags,
         f.derived, CAST(NULL AS VARCHAR) AS superseded_by
  FROM facts AS f
  UNION ALL
  SELECT d.observation_id, CAST(NULL AS VARCHAR), d.observation_id, d.indicator, d.series, d.period_start,
         d.period_end, d.period_precision, d.value, CAST('f' AS BOOLEAN), CAST(NULL AS VARCHAR), CAST(NULL AS DOUBLE),
         CAST(NULL AS DOUBLE), d.unit, d.geography, d.source_id, 'official', CAST(NULL AS VARCHAR), CAST('f' AS BOOLEAN),
         d.superseded_by
  FROM dataset_values AS d
)
SELECT
  o.observation_id,
  o.indicator,
  i.label AS indicator_label,
  i.measure_type,
  o.series,
  s.compiler,
  coalesce(o.period_end, o.period_start) AS reference_date,
  o.period_start,
  o.period_end,
  o.period_precision,
  o.value,
  o.approx,
  o.qualifier,
  o.lower,
  o.upper,
  o.unit,
  o.geography,
  o.source_id,
  src.kind AS source_kind,
  o.fact_id,
  o.dataset_observation_id,
  src.publisher,
  src.published_earliest,
  src.published_latest,
  o.claim_status,
  o.flags,
  o.derived,
  o.superseded_by
FROM observations AS o
JOIN indicators AS i ON i.indicator_id = o.indicator
JOIN statistical_series AS s ON s.series_id = o.series
JOIN sources AS src ON src.source_id = o.source_id
