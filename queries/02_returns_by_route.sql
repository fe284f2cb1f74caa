-- title: Every returns figure, with route and approximation
-- question: Which returns figures does the package hold, through which route, and which of them are approximate or derived?
SELECT fact_id, route, return_type, value, approx, qualifier, derived, period_start,
       coalesce(CAST(period_end AS VARCHAR), 'open') AS period_end, claim_status
FROM returns
ORDER BY derived, value DESC;
