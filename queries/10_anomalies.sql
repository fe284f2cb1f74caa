-- title: Figures that contradict their own series
-- question: Which published figures break their indicator's logic (a running count that falls, a stock falling faster than returns, a part above its whole, a year's outcome stated before it ended), and what do they contradict?
SELECT rule, indicator, fact_id, value, ref_date, other_fact_id, other_value, other_ref_date, detail
FROM anomalies
ORDER BY rule, indicator, ref_date, anomaly_id;
