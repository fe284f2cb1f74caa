-- title: Anomalies: figures that break their indicator's own logic
-- question: Which published figures contradict an earlier figure of the same series (a running total that falls, a stock that jumps, a part above its whole), and which figure do they contradict?
SELECT a.rule, a.indicator, a.value, a.period_end, a.other_value, a.other_period_end, a.explanation,
       a.observation_id, a.source_id, a.other_observation_id, a.other_source_id
FROM anomalies AS a
ORDER BY a.rule, a.indicator, a.period_end;
