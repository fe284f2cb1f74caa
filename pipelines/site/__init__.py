"""site phase of the pipeline."""
