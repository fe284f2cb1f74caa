-- title: Türkiye's share of refugee returns to Syria, by year (UNHCR)
-- question: Of the Syrian refugees UNHCR counts as returned to Syria in each year (each cell from its newest release), how many returned from Türkiye, and what share of all returns is that, computed here from UNHCR's cells rather than published by UNHCR?
WITH newest AS (
    SELECT year(period_end) AS year, value, geography, release
    FROM dataset_values
    WHERE indicator = 'refugee_returns_to_syria_by_country_of_asylum_calendar_year' AND superseded_by IS NULL
)
SELECT year,
       sum(value) AS returns_from_all_countries,
       sum(value) FILTER (WHERE geography = 'SY;TR') AS returns_from_turkiye,
       round(100 * sum(value) FILTER (WHERE geography = 'SY;TR') / nullif(sum(value), 0), 1) AS turkiye_share_pct,
       count(*) AS countries_of_asylum,
       string_agg(DISTINCT release, ';' ORDER BY release) AS releases
FROM newest
GROUP BY year
ORDER BY year;
