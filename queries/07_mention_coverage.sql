-- title: Coverage of number and date mentions
-- question: For each source, how many number and date mentions were coded as facts or events, and how many dismissed (and why)?
SELECT source_id, coded_as, count(*) AS mentions, string_agg(text, ' | ' ORDER BY start) AS texts
FROM mentions
GROUP BY source_id, coded_as
ORDER BY CAST(split_part(source_id, '_', 1) AS INTEGER), coded_as;  -- 999_… before 1000_…
