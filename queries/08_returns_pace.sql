-- title: Pace of returns between consecutive statements of the Interior Ministry
-- question: Intervals between statements are irregular and many as-of days are only bounded (precision range), so read the pace as indicative and never across series: how many Syrians returned per month between one DGMM statement of the running count since 8 December 2024 and the next?
WITH points AS (
    SELECT fact_id, source_id, reference_date, value, period_precision, claim_status
    FROM series
    WHERE indicator = 'returns_since_2024_12_08' AND series = 'dgmm' AND NOT derived
      AND (flags IS NULL OR flags NOT LIKE '%misreported_by_publisher%')
), steps AS (
    SELECT fact_id, reference_date, value, period_precision,
           lag(fact_id) OVER w AS previous_fact_id,
           lag(reference_date) OVER w AS previous_date,
           lag(value) OVER w AS previous_value
    FROM points
    WINDOW w AS (ORDER BY reference_date, value)
)
SELECT previous_date, reference_date, previous_value, value,
       value - previous_value                                               AS returns_between,
       reference_date - previous_date                                       AS days,
       round((value - previous_value) / nullif(reference_date - previous_date, 0) * 30.44) AS per_month,
       period_precision, previous_fact_id, fact_id
FROM steps
WHERE previous_fact_id IS NOT NULL
ORDER BY reference_date, value;
