"""Türkiye–Syria trade, returns and reconstruction statistics: the build pipeline."""
