"""What one `tsr sql` query may cost by default (each is an option of `tsr sql`; the README lists them).

Kept apart from sql.py so that the CLI can show the defaults without importing DuckDB.
"""
MAX_QUERY_BYTES = 1_000_000  # size of the query text, or of a --file
MAX_ROWS = 100_000  # rows returned; more is an error, never a silent cut
TIMEOUT_SECONDS = 60.0  # running time, fetching included
MAX_MEMORY = "2GB"  # DuckDB's memory_limit: what its buffer manager may hold (joins, sorts, aggregates)
