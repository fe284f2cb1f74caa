-- title: 2024 exports from Türkiye to Syria, every series side by side
-- question: What did each statistical series (TÜİK, TİM, GAİB, the trade ministry) report for exports from Türkiye to Syria in 2024, and how far apart are they?
SELECT s.series, s.value, s.unit, s.approx, s.claim_status, s.publisher, s.source_id, s.fact_id,
       round((s.value / min(s.value) OVER () - 1) * 100, 1) AS above_lowest_pct
FROM series AS s
WHERE s.indicator = 'exports_tr_to_sy_calendar_year' AND s.period_start = DATE '2024-01-01' AND s.period_end = DATE '2024-12-31'
ORDER BY s.value, s.series;
