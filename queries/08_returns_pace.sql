-- title: Pace of returns between consecutive statements
-- question: How many people a month returned from Türkiye to Syria between one DGMM statement of the running total since 8 December 2024 and the next?
-- Caveat: statements come at irregular intervals (days to months apart) and a statement dated only by bounds
-- sits at its latest possible day, so each pace is an average over an unequal span, not a monthly figure.
WITH counts AS (
  SELECT fact_id, ref_date, value, period_precision
  FROM series
  WHERE indicator = 'returns_since_2024_12_08' AND series = 'dgmm' AND NOT approx AND ref_date IS NOT NULL
    AND fact_id NOT IN (SELECT fact_id FROM anomalies)          -- a count lower than an earlier one is no step
    AND (flags IS NULL OR flags NOT LIKE '%misreported_by_publisher%')
  QUALIFY row_number() OVER (PARTITION BY ref_date ORDER BY period_precision = 'day' DESC, fact_id) = 1),
steps AS (
  SELECT lag(fact_id) OVER w AS from_fact, fact_id AS to_fact, lag(ref_date) OVER w AS from_date, ref_date AS to_date,
         value - lag(value) OVER w AS returns, datediff('day', lag(ref_date) OVER w, ref_date) AS days
  FROM counts WINDOW w AS (ORDER BY ref_date, fact_id))
SELECT from_date, to_date, days, returns, round(returns / days * 30.4375) AS per_month, from_fact, to_fact
FROM steps WHERE from_fact IS NOT NULL AND days > 0
ORDER BY to_date;
