-- title: Events by category and status
-- question: How many events does the package record per category, and how many of them are completed, ongoing, planned or only reported?
SELECT category,
       count(*) AS events,
       count(*) FILTER (WHERE status = 'completed') AS completed,
       count(*) FILTER (WHERE status = 'ongoing') AS ongoing,
       count(*) FILTER (WHERE status IN ('planned', 'under_consideration')) AS planned_or_considered,
       count(*) FILTER (WHERE status = 'reported') AS reported_only,
       count(*) FILTER (WHERE date_precision = 'unknown') AS undated
FROM events
GROUP BY category
ORDER BY category;
