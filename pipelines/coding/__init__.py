"""coding phase of the pipeline."""
