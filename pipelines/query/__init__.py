"""query phase of the pipeline."""
