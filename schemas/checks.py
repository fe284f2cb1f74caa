"""Checks the table models use that pandera does not ship: registered so that `pa.Field(finite=True)`
and `pa.Field(calendar_date=True)` declare them next to the column they guard."""
from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
from pandera import extensions


@extensions.register_check_method(statistics=["finite"], supported_types=pd.Series)
def finite(series: pd.Series, *, finite: bool) -> pd.Series:
    """No inf or -inf (and no NaN that is not a missing value): a figure is a real number."""
    values = pd.to_numeric(series, errors="coerce").astype(float)
    return pd.Series(np.isfinite(values.to_numpy()), index=series.index) if finite else series == series


def _is_day(value) -> bool:
    try:
        dt.date.fromisoformat(str(value))
        return True
    except ValueError:
        return False


@extensions.register_check_method(statistics=["calendar_date"], supported_types=pd.Series)
def calendar_date(series: pd.Series, *, calendar_date: bool) -> pd.Series:
    """A YYYY-MM-DD text that names a real day (2025-02-30 does not)."""
    return series.map(_is_day).astype(bool) if calendar_date else series == series
