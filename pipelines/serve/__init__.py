"""serve phase: `tsr serve`, SQL in the browser (Datasette) over an SQLite copy of the published tables."""
