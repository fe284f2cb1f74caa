-- title: Returns via Hatay as a share of all returns
-- question: What share of the returns to Syria since 8 December 2024 went through Hatay's three customs gates, and how firm is that share?
SELECT
    part.value                                   AS hatay_permanent_returns,
    whole.value                                  AS total_returns,
    whole.qualifier                              AS total_qualifier,
    round(part.value / whole.value, 3)           AS hatay_share,
    CASE WHEN part.approx OR whole.approx
         THEN 'approximate: the total is given as "' || whole.qualifier || ' ' || CAST(whole.value AS BIGINT) || '"'
         ELSE 'exact' END                        AS share_note,
    part.period_start,
    coalesce(CAST(part.period_end AS VARCHAR), 'open (not given)') AS period_end,
    part.claim_status
FROM facts AS part
JOIN facts AS whole ON part.part_of = whole.fact_id
WHERE part.indicator = 'returns_permanent_via_hatay'
ORDER BY part.fact_id;
