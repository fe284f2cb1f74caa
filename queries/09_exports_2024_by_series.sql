-- title: 2024 exports to Syria, series by series
-- question: What does each statistical series say Türkiye exported to Syria in 2024, and how far apart are they?
SELECT s.series, st.label AS series_label, s.value, s.approx, s.qualifier, s.claim_status, s.fact_id, s.source_id,
       round((s.value / min(s.value) OVER () - 1) * 100, 1) AS pct_above_lowest
FROM series AS s JOIN statistical_series AS st ON st.series_id = s.series
WHERE s.indicator = 'exports_tr_to_sy_calendar_year' AND s.period_start = DATE '2024-01-01' AND s.period_end = DATE '2024-12-31'
ORDER BY s.value, s.fact_id;
