-- title: Trade-rule changes by direction
-- question: Which Türkiye–Syria trade rules changed, in which direction of trade, when, and how firm is each report?
SELECT direction, instrument, coalesce(CAST(date_start AS VARCHAR), 'date not given') AS date_start, date_precision,
       state_before, state_after, status, claim_status
FROM trade_measures
ORDER BY date_start NULLS LAST, direction;
