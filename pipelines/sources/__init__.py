"""sources phase of the pipeline."""
