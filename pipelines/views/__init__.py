"""The economists' views: series, discrepancies, anomalies (DuckDB SQL in sql.py, models in schemas/views.py)."""
