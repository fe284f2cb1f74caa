-- contested_events: events that report the same thing (the same `subject`, given by the coder) differently.
-- A subject is contested when its events come from at least two sources and differ in status or claim
-- status; every event of it is listed, side by side, never merged into one truth.
WITH subjects AS (
  SELECT subject, count(DISTINCT source_id) AS n_sources
  FROM events WHERE subject IS NOT NULL
  GROUP BY subject
  HAVING count(DISTINCT source_id) > 1 AND (count(DISTINCT status) > 1 OR count(DISTINCT claim_status) > 1)
)
SELECT e.subject, e.event_id, e.source_id, s.publisher, s.published_earliest, e.date_start, e.date_end,
       e.date_precision, e.status, e.claim_status, e.title, e.quote, subjects.n_sources
FROM events AS e JOIN subjects USING (subject) JOIN sources AS s ON s.source_id = e.source_id
