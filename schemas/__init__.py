"""One pandera model per published table; everything else (Table Schema, DuckDB DDL and comments,
the data dictionary of the dataset page) is generated from these models."""
from schemas.actors import Actors
from schemas.anomalies import Anomalies
from schemas.contested_events import ContestedEvents
from schemas.dataset_values import DatasetValues
from schemas.discrepancies import Discrepancies
from schemas.events import Events
from schemas.extractor_issues import ExtractorIssues
from schemas.facts import Facts
from schemas.indicators import Indicators
from schemas.mentions import Mentions
from schemas.reconstruction import Reconstruction
from schemas.returns import Returns
from schemas.series_view import SeriesView
from schemas.sources import Sources
from schemas.statistical_series import StatisticalSeries
from schemas.trade_measures import TradeMeasures

# Publication order: referenced tables before the tables that reference them.
TABLES = {
    "sources": Sources,
    "actors": Actors,
    "indicators": Indicators,
    "statistical_series": StatisticalSeries,
    "facts": Facts,
    "events": Events,
    "mentions": Mentions,
    "returns": Returns,
    "trade_measures": TradeMeasures,
    "reconstruction": Reconstruction,
    "extractor_issues": ExtractorIssues,
    "dataset_values": DatasetValues,
    # Views for economists, computed from the tables above by the SQL in schemas/views/.
    "series": SeriesView,
    "discrepancies": Discrepancies,
    "anomalies": Anomalies,
    "contested_events": ContestedEvents,
}

__all__ = ["TABLES", "Actors", "Anomalies", "ContestedEvents", "DatasetValues", "Discrepancies", "SeriesView", "Events", "ExtractorIssues", "Facts", "Indicators", "Mentions", "Reconstruction", "Returns", "Sources",
           "StatisticalSeries", "TradeMeasures"]
