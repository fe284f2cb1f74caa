-- title: How much is official, how much only reported
-- question: How many facts and events per source rest on named officials, and how many only on media or unnamed sources?
SELECT s.source_id, x.kind, x.claim_status, count(*) AS n
FROM (SELECT source_id, 'fact' AS kind, claim_status FROM facts
      UNION ALL
      SELECT source_id, 'event' AS kind, claim_status FROM events) AS x
JOIN sources AS s USING (source_id)
GROUP BY s.source_id, x.kind, x.claim_status
ORDER BY CAST(split_part(s.source_id, '_', 1) AS INTEGER), x.kind, x.claim_status;  -- 999_… before 1000_…
