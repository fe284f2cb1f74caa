"""Apply a person's coding (data/coding/<source_id>.yaml) to the mentions the extractor found.

The coding says what each figure means: which quote states which fact or event, with period, unit,
approximation, attribution and claim status, and which mentions are not statistics (with a reason).
This module turns one coding file into table rows and checks it against the source text: every
quote must be verbatim, every coded value must be a mention inside its quote, no figure may be
sharpened, and every mention must be accounted for.
"""
from __future__ import annotations

import bisect
import decimal
import difflib
import re
import unicodedata
from dataclasses import dataclass, field

from pipelines.coding.catalogue import POINT_IN_TIME, Catalogue, is_whole_calendar_year, read_catalogue
from pipelines.coding.coding_schema import CodingFile, Dismissal, Event, Fact, shape_problems
from pipelines.coding.quotes import QuoteError, Span, locate, sentence_around
from pipelines.errors import Problem
from pipelines.extract import NUMERIC_KINDS, Mention
from pipelines.sources.registry import Source
from pipelines.yamlfile import LINE_KEY, line_of
from schemas.vocabularies import terms

GEO = re.compile(r"^[A-Z]{2}(-[0-9A-Z]{1,3})?$")
# float64 holds every integer up to 2**53 exactly; a larger coded value would be published rounded.
MAX_EXACT_VALUE = 2**53
SECTIONS = ("facts", "events", "dismissed")

# The keys each entry accepts, as declared in pipelines/coding/coding_schema.py.
FACT_KEYS = set(Fact.model_fields)
EVENT_KEYS = set(Event.model_fields)
DISMISS_KEYS = set(Dismissal.model_fields)


@dataclass
class CodedSource:
    """What one coding file yields, before cross-source steps (derivations, cross-table rules)."""

    source_id: str
    file: str
    facts: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    mentions: list[dict] = field(default_factory=list)
    returns: list[dict] = field(default_factory=list)  # topic attributes keyed by fact_id
    trade_measures: list[dict] = field(default_factory=list)
    reconstruction: list[dict] = field(default_factory=list)
    derivations: list[dict] = field(default_factory=list)  # facts whose value is computed later
    overrides: list[dict] = field(default_factory=list)  # rows of extractor_issues
    problems: list[Problem] = field(default_factory=list)
    todo: int = 0  # entries still marked `status: todo`
    unclaimed: int = 0  # mentions neither coded nor dismissed


def _clean(value) -> str | None:
    """Collapse YAML folded whitespace; empty becomes None."""
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def significant_digits(value) -> str:
    """The digits of a number without leading or trailing zeros: 273000 -> '273', '1,5 milyar' -> '15',
    '%54,31' -> '5431'. Digits of any script count ('٣' is 3); a text without digits gives ''."""
    if isinstance(value, (int, float)):
        text = format(decimal.Decimal(repr(float(abs(value)))).normalize(), "f")
    else:
        text = str(value)
    digits = "".join(str(unicodedata.digit(c)) for c in text if unicodedata.digit(c, None) is not None)
    return digits.strip("0")


def _id_list(values) -> str | None:
    if not values:
        return None
    return ";".join(sorted(str(v) for v in values))


class _Coder:
    """Applies one coding file; collects problems instead of stopping at the first."""

    def __init__(self, source: Source, mentions: list[Mention], coding: dict, file: str, actor_ids: set[str],
                 catalogue: Catalogue):
        self.source, self.text, self.coding, self.file = source, source.text, coding, file
        self.mentions = mentions
        # Mention indexes by start offset, so that finding the mentions inside a quote is a bisection.
        self._by_start = sorted(range(len(mentions)), key=lambda i: mentions[i].start)
        self._starts = [mentions[i].start for i in self._by_start]
        self.actor_ids = actor_ids
        self.catalogue = catalogue
        self.shape_failed = False  # an entry was skipped: its mentions' "unaccounted" would only mislead
        self.out = CodedSource(source.source_id, file)
        # mention index -> (fact_id, event_id, dismissed reason)
        self.claims: dict[int, dict] = {}

    # -- reporting -------------------------------------------------------------------------
    def problem(self, code: str, entry, message: str, key: str | None = None) -> None:
        label = key or (entry.get("id") if isinstance(entry, dict) and entry.get("id") else None)
        where = f"{label} ({line_of(entry)})" if label else line_of(entry)
        self.out.problems.append(Problem(code, self.file, where, message))

    # -- shared pieces ---------------------------------------------------------------------
    def vocab(self, entry: dict, key: str, vocabulary: str, *, nullable: bool = False) -> None:
        value = entry.get(key)
        if value is None and nullable:
            return
        if value not in terms(vocabulary):
            code = {"category": "unknown-category", "claim_status": "unknown-claim-status"}.get(vocabulary, "unknown-term")
            self.problem(code, entry, f"{key} {value!r} is not one of {terms(vocabulary)}")

    def actor(self, entry: dict, actor_id, key: str) -> None:
        if actor_id is not None and actor_id not in self.actor_ids:
            self.problem("dangling-actor", entry, f"{key} {actor_id!r} is not an actor_id in data/coding/actors.yaml")

    def geography(self, entry: dict) -> str | None:
        codes = entry.get("geography") or []
        for code in codes:
            if not GEO.match(str(code)):
                self.problem("bad-geography", entry, f"geography {code!r} is not an ISO 3166 code (TR, SY, TR-31)")
        return _id_list(codes)

    def quote(self, entry: dict) -> Span | None:
        try:
            return locate(self.text, entry["quote"], entry.get("occurrence"))
        except QuoteError as exc:
            self.problem(exc.code, entry, str(exc))
            return None

    def mention_in(self, span: Span, entry: dict, spec) -> int | None:
        """Index of the mention named by `spec` (its text, or {text, occurrence}) inside `span`."""
        if isinstance(spec, dict):
            wanted, occurrence = str(spec.get("text")), spec.get("occurrence")
        else:
            wanted, occurrence = str(spec), None
        within = [i for i in self._by_start[bisect.bisect_left(self._starts, span.start):
                                            bisect.bisect_right(self._starts, span.end)]
                  if self.mentions[i].end <= span.end]
        inside = [i for i in within if self.mentions[i].text == wanted]
        if not inside:
            found = [self.mentions[i].text for i in within]
            # `mentions: [over 90,000]` is read by YAML as two items, "over 90" and "000": say so
            split = [t for t in found if "," in t and any(wanted == part or (wanted.isdigit() and part.isdigit() and int(wanted) == int(part))
                                                          for part in (p.strip() for p in t.split(",")))]
            hint = (f"; an unquoted comma in a [flow, list] splits {split[0]!r} into pieces: write [\"{split[0]}\"]"
                    if split else "")
            self.problem("mention-not-in-quote", entry, f"no mention {wanted!r} inside the quote; the quote holds {found}{hint}")
            return None
        if occurrence is None and len(inside) > 1:
            self.problem("mention-ambiguous", entry, f"mention {wanted!r} occurs {len(inside)} times in the quote; give occurrence")
            return None
        index = (occurrence or 1) - 1
        if not 0 <= index < len(inside):
            self.problem("mention-not-in-quote", entry, f"occurrence {occurrence} of {wanted!r} asked, {len(inside)} found")
            return None
        return inside[index]

    def claim(self, index: int, entry: dict, *, fact_id=None, event_id=None, reason=None) -> None:
        claim = self.claims.setdefault(index, {"fact_id": None, "event_id": None, "reason": None})
        mention = self.mentions[index]
        label = f"{mention.text!r} at {mention.start}"
        if reason is not None:
            if any(claim.values()):
                self.problem("mention-claimed-twice", entry, f"mention {label} is dismissed but already coded or dismissed")
            claim["reason"] = reason
            return
        if claim["reason"] is not None:
            self.problem("mention-claimed-twice", entry, f"mention {label} is coded but also dismissed")
        for key, value in (("fact_id", fact_id), ("event_id", event_id)):
            if value is None:
                continue
            if claim[key] is not None and claim[key] != value:
                self.problem("mention-claimed-twice", entry, f"mention {label} is already coded into {claim[key]}")
            claim[key] = value

    def quote_and_mentions(self, entry: dict, **owner) -> tuple[Span | None, list[Mention]]:
        """Locate the entry's quote and claim the mentions it lists for `owner` (fact_id= or event_id=)."""
        span = self.quote(entry)
        claimed = []
        if span is not None:
            for spec in entry.get("mentions") or []:
                index = self.mention_in(span, entry, spec)
                if index is not None:
                    self.claim(index, entry, **owner)
                    claimed.append(self.mentions[index])
        return span, claimed

    # -- facts -------------------------------------------------------------------------------
    def indicator(self, entry: dict):
        """The fact's indicator from the catalogue, with its category and unit checked against the entry's."""
        indicator_id = entry["indicator"]
        indicator = self.catalogue.indicators.get(indicator_id)
        if indicator is None:
            close = difflib.get_close_matches(indicator_id, list(self.catalogue.indicators), n=3, cutoff=0.6)
            hint = f"; did you mean {', '.join(close)}?" if close else ""
            self.problem("unknown-indicator", entry, f"indicator {indicator_id!r} is not in schemas/indicators.yaml: "
                                                     f"pick a listed one or add it there{hint}")
            return None
        for key, wanted, code in (("category", indicator.category, "category-mismatch"), ("unit", indicator.unit, "unit-mismatch")):
            given = entry.get(key)
            if given is not None and given != wanted:
                self.problem(code, entry, f"{key} {given!r} differs from indicator {indicator_id}'s {key} {wanted!r}; "
                                          f"omit {key} to take the indicator's")
        return indicator

    def fact(self, entry: dict) -> None:
        fact_id = entry["id"]
        if entry.get("draft") is not None:  # checked like any fact, so a wrong draft shows its errors too
            self.out.todo += 1
            follows = _clean(str(entry["draft"])).split(";")[0]
            self.problem("draft-not-confirmed", entry, f"a draft written by tsr stub ({follows}): check every line against "
                         "the text, correct what is wrong, then delete its `draft:` line", key=f"draft {fact_id}")
        indicator = self.indicator(entry)
        category = entry.get("category") or (indicator.category if indicator else None)
        if category is None:
            self.problem("missing-key", entry, "required key 'category' is missing (the indicator is unknown)")
            return
        self.vocab({**entry, "category": category}, "category", "category")
        self.vocab(entry, "claim_status", "claim_status")
        if entry["series"] not in self.catalogue.series:
            self.problem("unknown-series", entry, f"series {entry['series']!r} is not in schemas/series.yaml; "
                                                  f"known: {sorted(self.catalogue.series)}")
        for flag in entry.get("flags") or []:
            if flag not in terms("fact_flag"):
                self.problem("unknown-term", entry, f"flag {flag!r} is not one of {terms('fact_flag')}")
        self.actor(entry, entry.get("attributed_to"), "attributed_to")
        span, claimed = self.quote_and_mentions(entry, fact_id=fact_id)
        override = self.override_span(entry, span, fact_id) if entry.get("override") is not None else None
        period = self.period(entry, indicator)
        derived = entry.get("derived")
        row = {
            "fact_id": fact_id,
            "source_id": self.source.source_id,
            "category": category,
            "indicator": entry["indicator"],
            "series": entry["series"],
            "label": _clean(entry.get("label")) or (" ".join(indicator.label.split()) if indicator else entry["indicator"]),
            "value": None,
            "unit": entry.get("unit") or (indicator.unit if indicator else None),
            "approx": False,
            "qualifier": _clean(entry.get("qualifier")),
            "lower": entry.get("lower"),
            "upper": entry.get("upper"),
            **period,
            "geography": self.geography(entry),
            "attributed_to": entry.get("attributed_to"),
            "claim_status": entry["claim_status"],
            "flags": _id_list(set(entry.get("flags") or []) | ({"extractor_override"} if override else set())),
            "derived": derived is not None,
            "derived_from": None,
            "derivation": None,
            "part_of": entry.get("part_of"),
            "quote": entry.get("quote"),
            "quote_start": span.start if span else None,
            "quote_end": span.end if span else None,
            "notes": _clean(entry.get("notes")),
        }
        if derived is not None:
            if "value" in entry:
                self.problem("derived-value-given", entry, "a derived fact's value is computed; remove value")
            self.out.derivations.append({"fact_id": fact_id, "formula": derived["formula"],
                                         "inputs": {k: v for k, v in derived["inputs"].items() if k != LINE_KEY},
                                         "entry": entry})
        elif override is not None:
            self.overridden_value(entry, row, override)
        else:
            self.stated_value(entry, row, claimed, indicator)
        self.out.facts.append(row)
        if category == "returns":
            self.returns_attributes(entry, row)
        elif entry.get("returns") is not None:
            self.problem("misplaced-attributes", entry, "returns: attributes belong to facts of category returns")

    def stated_value(self, entry: dict, row: dict, claimed: list[Mention], indicator) -> None:
        """The value must be a mention inside the quote, and keeps that mention's approximation."""
        value = entry.get("value")
        if value is None:
            self.problem("missing-key", entry, "required key 'value' is missing (only a derived fact has none)")
            return
        if abs(value) > MAX_EXACT_VALUE:
            self.problem("value-not-exact", entry,
                         f"value {value} is beyond 2**53, so the published float64 could not hold it exactly")
            return
        row["value"] = float(value)
        if indicator is not None and value < 0 and not indicator.may_be_negative:
            self.problem("negative-value", entry, f"value {value:g} is negative, but {entry['indicator']} ({indicator.unit}) "
                                                  "cannot be; see its may_be_negative in schemas/indicators.yaml")
        matches = [m for m in claimed if m.kind in NUMERIC_KINDS and m.value is not None and float(m.value) == float(value)]
        matches += [m for m in claimed if m.kind == "range" and float(value) in (m.lower, m.upper)]
        if not matches:
            values = [m.value for m in claimed if m.kind in NUMERIC_KINDS]
            self.problem("value-not-in-quote", entry,
                         f"value {value} is not the value of a mention coded in its quote (coded mention values: {values})")
            return
        source_mention = matches[0]
        if source_mention.approx:
            row["approx"] = True
            if row["qualifier"] is None:
                row["qualifier"] = source_mention.qualifier
            if "lower" not in entry:
                row["lower"] = source_mention.lower
            if "upper" not in entry:
                row["upper"] = source_mention.upper
        elif row["qualifier"] is not None:
            row["approx"] = True

    def override_span(self, entry: dict, span: Span | None, fact_id: str) -> dict | None:
        """The override's span inside the quote, with the mentions the extractor found there (claimed for
        the fact, so that coverage accounts for them)."""
        spec = entry["override"]
        if span is None:
            return None
        quoted = self.text[span.start:span.end]
        starts = [i for i in range(len(quoted)) if quoted.startswith(spec["span"], i)]
        occurrence = spec.get("occurrence")
        if not starts or (occurrence is not None and occurrence > len(starts)):
            self.problem("override-span-not-in-quote", entry, f"override span {spec['span']!r} is not in the quote"
                         + (f" {occurrence} times" if starts else ""))
            return None
        if occurrence is None and len(starts) > 1:
            self.problem("mention-ambiguous", entry, f"override span {spec['span']!r} occurs {len(starts)} times in the quote; give occurrence")
            return None
        start = span.start + starts[(occurrence or 1) - 1]
        end = start + len(spec["span"])
        found = [i for i, m in enumerate(self.mentions) if m.start < end and m.end > start]
        for index in found:
            self.claim(index, entry, fact_id=fact_id)
        reading = "; ".join(f"{self.mentions[i].text!r} {self.mentions[i].kind} {self.mentions[i].value}" for i in found)
        return {"fact_id": fact_id, "source_id": self.source.source_id, "span_start": start, "span_end": end,
                "span_text": spec["span"], "extractor_reading": reading or None, "reason": _clean(spec["reason"])}

    def overridden_value(self, entry: dict, row: dict, override: dict) -> None:
        """A value read by a person: it must still be readable from the span (its significant digits are
        the span's), and everything else about the fact is checked as usual."""
        value = entry.get("value")
        if value is None:
            self.problem("missing-key", entry, "an override states the value: give value")
            return
        if abs(value) > MAX_EXACT_VALUE:
            self.problem("value-not-exact", entry, f"value {value} is beyond 2**53, so the published float64 could not hold it exactly")
            return
        written = significant_digits(override["span_text"])
        if written and written != significant_digits(value):
            self.problem("override-not-readable", entry, f"value {value:g} cannot be read from the span {override['span_text']!r}: "
                                                         f"its significant digits {significant_digits(value)} are not the span's {written}")
            return
        row["value"] = float(value)
        # the coder states the approximation the text gives ("nearly one-third"), as for any fact
        row["approx"] = row["qualifier"] is not None or entry.get("lower") is not None or entry.get("upper") is not None
        self.out.overrides.append({**override, "value": float(value), "check": "digits" if written else "words"})

    def period(self, entry: dict, indicator) -> dict:
        """The period read with the indicator's measure type (docs/data-model.md, Facts)."""
        period = entry["period"]
        start, end = period.get("start"), period.get("end")
        precision = period.get("precision", "unknown")
        basis = _clean(period.get("basis"))
        measure = indicator.measure_type if indicator else None
        if measure == "cumulative":
            if start is None:
                start = indicator.since
            elif start != indicator.since:
                self.problem("since-mismatch", entry, f"period start {start} of a cumulative count must be its indicator's "
                                                      f"since day {indicator.since} ({entry['indicator']}); a statement that "
                                                      "words the start differently counts the same: say so in basis")
        if measure in POINT_IN_TIME and precision == "day":
            # A stock known to the day refers to that one day.
            start, end = start or end, end or start
            if start != end:
                self.problem("as-of-not-one-day", entry, f"a {measure} known to the day refers to one day: "
                                                          f"start {start} and end {end} must be the same day")
        if measure in POINT_IN_TIME | {"cumulative"} and precision not in ("unknown", "range") and end is None:
            self.problem("bad-period", entry, f"precision {precision} says the as-of day is known: give period end")
        if start and end and str(end) < str(start):
            self.problem("end-before-start", entry, f"period end {end} is before start {start}")
        if precision not in terms("period_precision"):
            self.problem("unknown-term", entry, f"period precision {precision!r} not in {terms('period_precision')}")
        elif precision in ("unknown", "range") and basis is None:
            self.problem("missing-basis", entry, f"a period of precision {precision} needs basis: what the dates rest on, or why they are unknown")
        self.calendar_year(entry, indicator, start, end, precision)
        return {"period_start": start, "period_end": end, "period_precision": precision, "period_basis": basis}

    def calendar_year(self, entry: dict, indicator, start, end, precision: str) -> None:
        """A calendar-year flow covers one whole year; its part-of-year twin never does
        (schemas/indicators.yaml, part_of_year). A year the text does not give (unknown, range) is fine."""
        if indicator is None:
            return
        whole_year = is_whole_calendar_year(start, end, precision)
        if indicator.part_of_year and precision in ("day", "month", "quarter") and not whole_year:
            self.problem("calendar-year-mismatch", entry, f"{entry['indicator']} is a flow over one whole calendar year, "
                                                          f"but the period {start}..{end} ({precision}) is part of one: "
                                                          f"use {indicator.part_of_year}")
        whole = self.catalogue.whole_year_of(entry["indicator"])
        if whole and whole_year:
            self.problem("calendar-year-mismatch", entry, f"{entry['indicator']} is a flow over part of a year, but the period "
                                                          f"{start}..{end} is one whole calendar year: use {whole}")

    def returns_attributes(self, entry: dict, row: dict) -> None:
        attrs = entry.get("returns")
        if attrs is None:
            self.problem("missing-topic-attributes", entry, "a returns fact needs returns: {return_type, route, origin, destination}")
            return
        self.out.returns.append({"fact_id": row["fact_id"], "return_type": attrs["return_type"], "route": attrs["route"],
                                 "origin": attrs["origin"], "destination": attrs["destination"]})

    # -- events ------------------------------------------------------------------------------
    def event(self, entry: dict) -> None:
        event_id = entry["id"]
        self.vocab(entry, "category", "category")
        self.vocab(entry, "event_type", "event_type")
        self.vocab(entry, "status", "status")
        self.vocab(entry, "claim_status", "claim_status")
        for actor_id in entry.get("actors") or []:
            self.actor(entry, actor_id, "actors")
        span, claimed = self.quote_and_mentions(entry, event_id=event_id)
        date = self.event_date(entry, claimed)
        row = {
            "event_id": event_id,
            "source_id": self.source.source_id,
            "category": entry["category"],
            "event_type": entry["event_type"],
            **date,
            "title": _clean(entry["title"]),
            "status": entry["status"],
            "claim_status": entry["claim_status"],
            "actors": _id_list(entry.get("actors")),
            "geography": self.geography(entry),
            "quote": entry["quote"],
            "quote_start": span.start if span else None,
            "quote_end": span.end if span else None,
            "subject": entry.get("subject"),
            "notes": _clean(entry.get("notes")),
        }
        self.out.events.append(row)
        for measure in entry.get("trade_measures") or []:
            self.trade_measure(entry, row, measure)
        for work in entry.get("reconstruction") or []:
            self.reconstruction(entry, row, work)

    def event_date(self, entry: dict, claimed: list[Mention]) -> dict:
        date = entry["date"]
        start, end = date.get("start"), date.get("end")
        precision = date.get("precision")
        inferred = bool(date.get("inferred", False))
        if precision not in terms("date_precision"):
            self.problem("unknown-term", entry, f"date precision {precision!r} not in {terms('date_precision')}")
        if start and end and str(end) < str(start):
            self.problem("end-before-start", entry, f"date end {end} is before start {start}")
        if precision == "day" and start and end is None:
            end = start
        # A date written in the quote must agree with the coded date, to the precision the text gives.
        for mention in claimed:
            if mention.kind in {"date", "year"} and mention.date and start and not mention.date_inferred:
                yearless = mention.date.startswith("XXXX")  # XXXX-03-09: month and day only
                written = mention.date[4:] if yearless else mention.date
                coded = [str(start), str(end or "")]
                if yearless:
                    coded = [c[4:] for c in coded]
                if not any(c.startswith(written) for c in coded):
                    self.problem("date-mismatch", entry, f"coded date {start}..{end} does not match the mention {mention.text!r} ({mention.date})")
        if (inferred or precision == "unknown") and not date.get("basis"):
            self.problem("missing-basis", entry, "an inferred or unknown date needs basis: what it was inferred from")
        return {"date_start": start, "date_end": end, "date_precision": precision, "date_inferred": inferred,
                "date_basis": _clean(date.get("basis"))}

    def trade_measure(self, entry: dict, row: dict, measure: dict) -> None:
        self.vocab(measure | {"id": row["event_id"]}, "direction", "trade_direction")
        self.actor(entry, measure.get("issuing_body"), "issuing_body")
        self.out.trade_measures.append({
            "event_id": row["event_id"], "direction": measure["direction"], "instrument": measure["instrument"],
            "issuing_body": measure.get("issuing_body"), "measure": _clean(measure["measure"]),
            "state_before": _clean(measure.get("state_before")), "state_after": _clean(measure.get("state_after")),
        })

    def reconstruction(self, entry: dict, row: dict, work: dict) -> None:
        self.vocab(work | {"id": row["event_id"]}, "asset_type", "asset_type")
        self.actor(entry, work.get("responsible_body"), "responsible_body")
        self.out.reconstruction.append({
            "event_id": row["event_id"], "asset": work["asset"], "asset_type": work["asset_type"],
            "location": work.get("location"), "activity": _clean(work["activity"]),
            "responsible_body": work.get("responsible_body"),
        })

    # -- dismissals ----------------------------------------------------------------------------
    def dismissal(self, entry: dict) -> None:
        if entry.get("draft") is not None:
            self.out.todo += 1
            self.problem("draft-not-confirmed", entry, "a dismissal drafted by tsr stub: check that the mention is not a "
                         "figure, then delete its `draft:` line", key=f"draft dismissal {_clean(str(entry.get('mention')))!r}")
        span = self.quote(entry)
        if span is None:
            return
        index = self.mention_in(span, entry, entry["mention"])
        if index is not None:
            self.claim(index, entry, reason=_clean(entry["reason"]))

    # -- the whole file ------------------------------------------------------------------------
    def run(self) -> CodedSource:
        coding = self.coding
        if not isinstance(coding, dict):
            self.out.problems.append(Problem("bad-coding", self.file, "", "coding file must be a mapping"))
            return self.out
        # The declared shape first: an entry with a wrong key or type is reported and skipped.
        _, failures = shape_problems(CodingFile, coding, self.file)
        self.out.problems.extend(problem for _, problem in failures)
        self.shape_failed = bool(failures)
        broken_sections = {loc[0] for loc, _ in failures if len(loc) == 1}
        broken_entries = {loc[:2] for loc, _ in failures if len(loc) >= 2 and loc[0] in SECTIONS}
        if isinstance(coding.get("source_id"), str) and coding["source_id"] != self.source.source_id:
            self.problem("id-mismatch", coding, f"source_id {coding.get('source_id')!r} does not match {self.source.source_id!r}", key="source_id")
        for section, handler in (("facts", self.fact), ("events", self.event), ("dismissed", self.dismissal)):
            if section in broken_sections:
                continue
            for index, entry in enumerate(coding.get(section) or []):
                if (section, index) not in broken_entries:
                    handler(entry)
        todo = coding.get("todo") if "todo" not in broken_sections else None
        for entry in todo or []:
            if isinstance(entry, dict) and entry.get("status") == "todo":
                self.out.todo += 1
                self.problem("coding-todo", entry, f"still todo: {entry.get('text')!r} in {_clean(entry.get('quote'))!r}",
                             key=f"todo {entry.get('text')!r}")
        self.mention_rows()
        return self.out

    def mention_rows(self) -> None:
        for index, mention in enumerate(self.mentions):
            claim = self.claims.get(index)
            if claim is None:
                self.out.unclaimed += 1
                if not self.out.todo and not self.shape_failed:
                    self.out.problems.append(Problem(
                        "unaccounted-mention", self.file, f"{mention.text!r} at {mention.start}-{mention.end}",
                        f"neither coded nor dismissed; sentence: {sentence_around(self.text, mention.start, mention.end)!r}"))
                continue
            if claim["reason"] is not None:
                coded_as = "dismissed"
            elif claim["fact_id"] and claim["event_id"]:
                coded_as = "fact_and_event"
            else:
                coded_as = "fact" if claim["fact_id"] else "event"
            self.out.mentions.append({
                "mention_id": f"{self.source.source_id}:{mention.start}-{mention.end}",
                "source_id": self.source.source_id,
                "start": mention.start, "end": mention.end, "text": mention.text, "kind": mention.kind,
                "value": mention.value, "unit": mention.unit, "date": mention.date, "date_end": mention.date_end,
                "date_precision": mention.date_precision, "date_inferred": mention.date_inferred,
                "qualifier": mention.qualifier, "approx": mention.approx, "lower": mention.lower, "upper": mention.upper,
                "coded_as": coded_as, "fact_id": claim["fact_id"], "event_id": claim["event_id"],
                "dismissed_reason": claim["reason"],
            })


def apply_coding(source: Source, mentions: list[Mention], coding, file: str, actor_ids: set[str],
                 catalogue: Catalogue | None = None) -> CodedSource:
    """Rows and problems from one source's coding. Pure apart from reading the catalogue when none is given."""
    return _Coder(source, mentions, coding, file, actor_ids, catalogue or read_catalogue()).run()


def unaccounted(coded: CodedSource) -> list[Problem]:
    return [p for p in coded.problems if p.code in {"unaccounted-mention", "coding-todo"}]
