"""What counts as an empty cell in a built table (None, NaN, pandas NA or a blank string)."""
from __future__ import annotations

import pandas as pd


def blank(value) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return value.strip() == ""
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False
