"""publish phase of the pipeline."""
