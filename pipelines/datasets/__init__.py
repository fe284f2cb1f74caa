"""Official tables as sources: dataset coding files and cell-level provenance."""
