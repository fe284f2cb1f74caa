-- series: one row per observation of an indicator, every source's figure side by side, sorted by
-- indicator then the day it refers to. Nothing is averaged or dropped.
SELECT
  f.indicator,
  i.label AS indicator_label,
  i.measure_type,
  f.series,
  s.compiler,
  coalesce(f.period_end, f.period_start) AS reference_date,
  f.period_start,
  f.period_end,
  f.period_precision,
  f.value,
  f.approx,
  f.qualifier,
  f.lower,
  f.upper,
  f.unit,
  f.geography,
  f.source_id,
  f.fact_id,
  src.publisher,
  src.published_earliest,
  src.published_latest,
  f.claim_status,
  f.flags,
  f.derived
FROM facts AS f
JOIN indicators AS i ON i.indicator_id = f.indicator
JOIN statistical_series AS s ON s.series_id = f.series
JOIN sources AS src ON src.source_id = f.source_id
