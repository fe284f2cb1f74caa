-- title: Reconstruction work by asset
-- question: Which Syrian transport assets are being inspected, repaired or planned, by whom, and with what status?
SELECT r.asset_type, r.asset, r.activity, coalesce(a.name, 'not stated') AS responsible_body, r.status, r.claim_status
FROM reconstruction AS r
LEFT JOIN actors AS a ON a.actor_id = r.responsible_body
ORDER BY r.asset_type, r.asset, r.activity;
