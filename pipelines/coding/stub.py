"""Write a coding file to start from: one `todo` entry per mention the extractor found.

The stub does the clerical half of coding (finding every figure, its span, its sentence) so the coder
only decides what each figure means. A stub with todos left fails the build on purpose, naming each
one, so no figure is published without a person having looked at it.
"""
from __future__ import annotations

import copy
import re
from functools import cache
from pathlib import Path

import yaml

from pipelines.errors import Problem, TsrError
from pipelines.paths import Layout
from pipelines.coding.quotes import occurrences, sentence_around
from pipelines.sources.registry import SOURCE_ID_RE, Source, read_sources
from schemas.vocabularies import terms

KEYWORDS_FILE = Path(__file__).with_name("stub_keywords.yaml")
UNIT_WORDS_FILE = Path(__file__).with_name("unit_words.yaml")
TENSE_WORDS_FILE = Path(__file__).with_name("tense_words.yaml")
# Python lower-cases "İ" to "i" + combining dot, which would never match a keyword.
_TURKISH_FOLD = str.maketrans({"İ": "i", "I": "ı"})
_ENGLISH_FOLD = str.maketrans({"İ": "i"})

HEADER = """\
# Coding of {source_id}: {title}
# Written by `tsr stub {source_id}`. Offsets count Unicode characters of data/sources/{source_id}.txt.
#
# Every entry under `todo:` is a number or date the extractor found. Turn each one into a fact, an
# event, or a dismissal, then delete the todo entry (or set `status: done`). While any todo has
# `status: todo` the build fails and names it. `quote` must be copied verbatim from the source (add
# `occurrence: N` if it occurs more than once); `mentions` lists the mention texts inside the quote
# that the entry accounts for (write {{text: "…", occurrence: N}} when one occurs twice in the quote).
# One mention may feed a fact and an event (coded_as fact_and_event), but never a dismissal too.
#
# A fact (a figure the source states):
#   facts:
#     - id: returns_since_fall_of_assad          # snake_case, unique in the whole package
#       indicator: returns_since_2024_12_08      # an indicator_id of schemas/indicators.yaml (the indicators table)
#       series: stated_figure                    # who compiled it: a series_id of schemas/series.yaml
#       category: returns                        # optional: must equal the indicator's ({categories})
#       label: Returns to Syria since 8 December 2024   # short description for tables and charts
#       value: 40000                             # as written; never sharpened
#       unit: people                             # optional: must equal the indicator's
#       claim_status: official                   # {claim_statuses}
#       period: {{end: null, precision: unknown, basis: as of the statement (the text does not give its day)}}
#       # a cumulative count starts on its indicator's since day; end is the as-of day (docs/data-model.md)
#       geography: [TR, SY]
#       quote: approximately 40,000 people have returned to Syria since December 8, 2024
#       mentions: ["approximately 40,000", "December 8, 2024"]   # quote texts with commas
#       returns: {{return_type: all, route: all border crossings, origin: TR, destination: SY}}  # returns facts only
#
# An event (something that happened or is planned, with a date):
#   events:
#     - id: import_ban_lifted
#       category: trade
#       event_type: policy_change                # {event_types}
#       date: {{start: 2025-02-11, end: 2025-02-11, precision: day, inferred: false}}
#       title: Ministry of Trade lifts the ban on imports from Syria
#       status: completed                        # {statuses}
#       claim_status: official
#       quote: On February 11, 2025, Turkey's Ministry of Trade issued a new circular lifting the import ban with Syria.
#       mentions: ["February 11, 2025"]
#
# A dismissal (a mention that is not a statistic: a road name, a page number, a year in a name):
#   dismissed:
#     - mention: M4
#       quote: Repair work continues on the M4 and M5 highways
#       reason: road name, not a quantity
#
# DRAFTS: where a figure's sentence is like one already coded, the stub writes the whole fact under
# `facts:` with a `draft:` line saying which coded fact it follows. Read every line of a draft against
# the text (indicator, value, period, places, attribution, claim status), correct what is wrong, then
# delete the `draft:` line; the build refuses a fact that still has one (draft-not-confirmed). The
# dates a draft's period rests on are in its mentions; a mention the extractor reads as an identifier
# is drafted as dismissed the same way. The figures and dates left are todos below.
#
# `suggested_category` below is a keyword guess (pipelines/coding/stub_keywords.yaml), not a decision.
# `proposed` gives, for each todo: `fact`, the indicator, series, attribution and claim status of the
# already-coded fact whose quote is most like this sentence (and which one); `actors`, the registered
# actors named in the sentence or just before it; `period`, from the dates in the sentence or the
# publication day. Pick from them (`tsr list indicators|series|actors` lists the rest); never copy
# them unread: the build checks what you write, not what was proposed.
"""


@cache
def _keywords() -> dict[str, list[str]]:
    with KEYWORDS_FILE.open(encoding="utf-8") as fh:
        table = yaml.safe_load(fh)
    unknown = set(table) - set(terms("category"))
    if unknown:  # a typo here would silently suggest a category the build rejects
        raise ValueError(f"{KEYWORDS_FILE.name}: unknown categories {sorted(unknown)}")
    return table


def _fold(text: str, lang: str) -> str:
    return text.translate(_TURKISH_FOLD if lang == "tr" else _ENGLISH_FOLD).lower()


@cache
def _keyword_patterns(lang: str) -> list[tuple[str, list[re.Pattern]]]:
    # Compiled once: a long report asks for a suggestion per figure.
    return [(category, [re.compile(r"(?<!\w)" + re.escape(_fold(word, lang))) for word in words])
            for category, words in _keywords().items()]


def suggest_category(sentence: str, lang: str = "en") -> str | None:
    """The category whose keywords occur most often at word starts in `sentence`; None when none do."""
    folded = _fold(sentence, lang)
    best, best_hits = None, 0
    for category, patterns in _keyword_patterns(lang):
        hits = sum(len(pattern.findall(folded)) for pattern in patterns)
        if hits > best_hits:  # strict: ties keep the category listed first
            best, best_hits = category, hits
    return best


def _plain(value):
    """Whole-number floats as ints, so the coder can copy `value: 40000` as written."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def todo_entry(text: str, mention, lang: str, proposer=None) -> dict:
    quote = sentence_around(text, mention.start, mention.end)
    entry = {
        "status": "todo",
        "text": mention.text,
        "kind": mention.kind,
        "value": _plain(mention.value),
        "unit": mention.unit,
        "qualifier": mention.qualifier,
        "approx": mention.approx,
        "lower": _plain(mention.lower),
        "upper": _plain(mention.upper),
        "date": mention.date,
        "date_end": mention.date_end,
        "date_precision": mention.date_precision,
        "date_inferred": mention.date_inferred,
        "start": mention.start,
        "end": mention.end,
        "quote": quote,
    }
    starts = occurrences(text, quote)  # counted as the build's `locate` counts them
    at = next((i for i, s in enumerate(starts, 1) if s <= mention.start < s + len(quote)), 1)
    entry["_quote_start"] = starts[at - 1] if starts else 0  # for drafts; never written
    if len(starts) > 1:  # the same sentence twice: the build needs to know which one
        entry["occurrence"] = at
    entry["suggested_category"] = suggest_category(quote, lang)
    if proposer is not None:
        entry["proposed"] = proposer(quote, mention)
    return entry


_CURRENCIES = frozenset({"USD", "EUR", "TRY", "SYP", "GBP"})


@cache
def _tense_patterns(tense: str, lang: str) -> tuple[re.Pattern, ...]:
    with TENSE_WORDS_FILE.open(encoding="utf-8") as fh:
        table = yaml.safe_load(fh)
    return tuple(re.compile(r"(?<!\w)" + re.escape(_fold(str(w), lang))) for w in (table[tense].get(lang) or []))


def speaks_of_the_future(sentence: str, lang: str) -> bool:
    """Whether the sentence has a prospective word of tense_words.yaml: a plan, an aim, an expectation."""
    folded = _fold(sentence, lang)
    return any(p.search(folded) for p in _tense_patterns("prospective", lang))


def speaks_of_the_present(sentence: str, lang: str) -> bool:
    """Whether the sentence says its figure is the present state ("currently", "hâlihazırda")."""
    folded = _fold(sentence, lang)
    return any(p.search(folded) for p in _tense_patterns("current", lang))


@cache
def _unit_words() -> dict[str, tuple[str, ...]]:
    with UNIT_WORDS_FILE.open(encoding="utf-8") as fh:
        table = yaml.safe_load(fh)
    return {unit: tuple(_fold(str(w), "tr") for w in words) for unit, words in table.items()}


def written_units(unit: str | None, known_units: set[str]) -> frozenset[str] | None:
    """The indicator units (schemas/indicators.yaml) a unit word the extractor read can mean, or None when
    the word is not listed in unit_words.yaml (then the figure's kind alone guides the draft)."""
    if not unit:
        return None
    word = _fold(unit, "tr")
    found = frozenset(u for u, words in _unit_words().items() if u in known_units and any(
        word == w or (min(len(word), len(w)) >= 3 and (word.startswith(w) or w.startswith(word))) for w in words))
    return found or None


def unit_class(unit: str | None) -> str:
    """money, percent or count: the kind of figure an indicator's unit holds."""
    return "money" if unit in _CURRENCIES else "percent" if unit == "percent" else "count"


def mention_class(kind: str) -> str | None:
    """The unit class a mention of this kind can be coded as; None for dates (any example may guide them)."""
    return {"money": "money", "percent": "percent", "change": "percent", "fraction": "percent",
            "number": "count", "range": "count", "ordinal": "count"}.get(kind)


class Proposer:
    """Proposals for each todo (pipelines/coding/proposals.py), computed once per sentence."""

    def __init__(self, source: Source, mentions, examples, actors):
        from pipelines.coding.run import reference_day

        self.text, self.examples, self.actors = source.text, examples, actors
        self.title = " ".join(str(source.meta.get("title") or "").split())
        self.published = reference_day(source.meta)
        self.dates = [m for m in mentions if m.date]
        from pipelines.coding.catalogue import read_catalogue
        from pipelines.coding.proposals import propose_actors

        self.named_in_source = frozenset(propose_actors(f"{self.title}\n{self.text}", actors))

        catalogue = self.catalogue = read_catalogue()
        # the start days of cumulative counts: "since 8 December 2024" is where a count starts, not its as-of day
        self.compilers = {key: series.compiler for key, series in catalogue.series.items() if series.compiler}
        self.since_by_indicator = {key: str(i.since) for key, i in catalogue.indicators.items() if i.since}
        self.since_days = frozenset(self.since_by_indicator.values())
        # a figure is coded like a figure of its own kind: an amount of money like money, a percentage like a share
        units = self.unit_of = {key: i.unit for key, i in catalogue.indicators.items()}
        self.units = set(units.values())
        self.labels_by_class: dict[str, dict[str, str]] = {}
        self.plans_by_class: dict[str, dict[str, str]] = {}
        self.lang = source.meta.get("language", "en")
        for key, indicator in catalogue.indicators.items():
            if indicator.measure_type not in ("target", "forecast", "cost_estimate"):  # plans are never guessed
                self.labels_by_class.setdefault(unit_class(indicator.unit), {})[key] = indicator.label
            elif indicator.measure_type in ("target", "forecast"):  # ... unless the sentence speaks of one
                self.plans_by_class.setdefault(unit_class(indicator.unit), {})[key] = indicator.label
        self.examples_by_class: dict[str, list] = {}
        for example in examples:
            self.examples_by_class.setdefault(unit_class(units.get(example.indicator)), []).append(example)
        self._by_sentence: dict[tuple, tuple] = {}

    def __call__(self, quote: str, mention) -> dict:
        from pipelines.coding import proposals

        kind = mention_class(mention.kind)
        # "5,000 megawatts" is drafted only as an indicator in MW, "2 bin 147 Suriyeli" only as people
        units = written_units(mention.unit, self.units) if kind == "count" else None
        digits = any(c.isdigit() for c in mention.text)
        if (quote, kind, units, digits) not in self._by_sentence:
            self._by_sentence[quote, kind, units, digits] = self._for_sentence(quote, kind, units, digits)
        proposal, dates = self._by_sentence[quote, kind, units, digits]
        # per figure, not per sentence: the date written nearest each figure is its own
        # with a proposed indicator only its own start day is excluded: "2024'te" is a year, not "since 2024"
        indicator = (proposal.get("fact") or {}).get("indicator")
        since = self.since_days if indicator is None else frozenset({self.since_by_indicator.get(indicator)} - {None})
        begins = frozenset(m.start for m in dates if proposals.starts_period(self.text, m.start, m.end))
        period = proposals.propose_period(dates, self.published, since, at=mention.start, start_dates=begins,
                                          current=speaks_of_the_present(quote, self.lang))
        fact = proposal.get("fact")
        if not digits and self.text[mention.end:mention.end + 1] in ("-", "\u2010", "\u2011"):
            # "a four-phase programme", "a five-company consortium": a number in words joined to a noun
            # describes the thing; it is not drafted as a figure of it (the todo stays for a person)
            fact = None
            proposal = {k: v for k, v in proposal.items() if k != "fact"}
        if fact:
            fact = self.fit_to_period(fact, period)
            measure = getattr(self.catalogue.indicators.get(fact["indicator"]), "measure_type", None)
            if measure in ("target", "forecast") and not dates:
                # a target or forecast refers to the day it aims at, not to the statement: unwritten is unknown
                period = {"end": None, "precision": "unknown",
                          "basis": "the text gives no date for what is aimed at or expected (write it if it does)"}
        return copy.deepcopy(proposal | {"period": period} | ({"fact": fact} if fact else {}))  # no YAML aliases

    def _for_sentence(self, quote: str, kind: str | None, units: frozenset[str] | None, digits: bool) -> tuple[dict, list]:
        """What every figure of one kind in this sentence shares: the proposed fact, actors and attribution,
        and the sentence's dates (each figure's period is taken from them in __call__)."""
        from pipelines.coding import proposals

        at = self.text.find(quote)
        # the neighbours: a minister named in the sentence before says who states the figure
        # ... within its paragraph: an excerpt's paragraphs come from different parts of a page
        first = max(at - 300, self.text.rfind("\n\n", 0, at) + 1) if at >= 0 else 0
        stop = self.text.find("\n\n", at + len(quote)) if at >= 0 else -1
        last = min(at + len(quote) + 100, stop if stop >= 0 else len(self.text))
        context = self.text[max(0, first):last] if at >= 0 else quote
        dates = [m for m in self.dates if at >= 0 and at <= m.start < at + len(quote)]
        examples = self.examples_by_class.get(kind, []) if kind else self.examples
        labels = self.labels_by_class.get(kind, {})
        if units is not None:
            examples = [e for e in examples if self.unit_of.get(e.indicator) in units]
            labels = {key: label for key, label in labels.items() if self.unit_of.get(key) in units}
        fact = proposals.propose_fact(quote, examples) if kind else None
        if fact is None and kind:
            fact = proposals.propose_indicator(quote, labels)
        measure = getattr(self.catalogue.indicators.get((fact or {}).get("indicator")), "measure_type", None)
        if fact and kind and measure not in ("target", "forecast") and speaks_of_the_future(quote, self.lang):
            # "will rise to over 31 million": a target or forecast whose label fits, else a warning
            aimed = {key: label for key, label in self.plans_by_class.get(kind, {}).items()
                     if units is None or self.unit_of.get(key) in units}
            planned = proposals.propose_indicator(quote, aimed)
            fact = planned or fact | {"because": f"{fact['because']}; the sentence speaks of a plan or an "
                                                 "expectation: check whether the figure is a target or forecast"}
        # the one indicator measured in this unit ("43 dönüm"); a number in words ("the two countries")
        # is too often a phrase to be drafted on its unit alone
        if fact is None and units is not None and len(labels) == 1 and digits:
            (only,) = labels
            fact = {"indicator": only, "series": "stated_figure", "attributed_to": None, "claim_status": "reported",
                    "because": f"the only indicator in {self.unit_of[only]}, the unit written with the figure"}
        attribution = proposals.propose_attribution(quote, f"{self.title}\n{context}", self.actors)
        if fact and attribution is None and fact.get("attributed_to") and fact["attributed_to"] not in self.named_in_source:
            # the coded neighbour's speaker is nowhere in this source: nobody is named, so the claim is reported
            fact = fact | {"attributed_to": None, "claim_status": "reported"}
        if fact:
            speaker = (attribution or fact).get("attributed_to")
            fact = fact | {"series": proposals.propose_series(
                speaker, fact["indicator"], (fact.get("attributed_to"), fact["series"]), self.examples, self.compilers)}
            if not fact.get("geography"):
                fact = fact | {"geography": proposals.usual_geography(fact["indicator"], self.examples)
                               or proposals.named_places(quote)}
        proposal = {"fact": fact,
                    "actors": proposals.propose_actors(context, self.actors) or None,
                    # the headline names who speaks as often as the sentences around the figure do
                    "attribution": attribution}
        return {k: v for k, v in proposal.items() if v is not None}, dates

    def fit_to_period(self, fact: dict, period: dict) -> dict:
        """A calendar-year flow and its part-of-year twin (schemas/indicators.yaml, part_of_year): the one the
        figure's period fits, so "$1.9 billion in the first seven months" is not drafted as a year's flow."""
        from pipelines.coding.catalogue import is_whole_calendar_year

        indicator = self.catalogue.indicators.get(fact["indicator"])
        whole_year = is_whole_calendar_year(period.get("start"), period.get("end"), period.get("precision"))
        part = period.get("precision") in ("day", "month", "quarter", "range") and not whole_year and period.get("start")
        switched = None
        if indicator is not None and indicator.part_of_year and part:
            switched = indicator.part_of_year
        elif whole_year:
            switched = self.catalogue.whole_year_of(fact["indicator"])
        if switched is None:
            return fact
        return fact | {"indicator": switched, "because": f"{fact['because']}; {switched} fits the period"}


def stub_document(source: Source, mentions, examples=(), actors=(), taken_ids=(), drafts: bool = True) -> str:
    """The text of a fresh coding file for `source`. Pure: no I/O. `examples` (coded facts, see
    proposals.coded_examples) and `actors` (registry rows) feed each todo's `proposed:` block and the
    draft facts (pipelines/coding/drafts.py); `taken_ids` are fact ids already used in the package."""
    lang = source.meta.get("language", "en")
    header = HEADER.format(
        source_id=source.source_id, title=" ".join(str(source.meta.get("title", "")).split()),
        categories=" | ".join(terms("category")), claim_statuses=" | ".join(terms("claim_status")),
        event_types=" | ".join(terms("event_type")), statuses=" | ".join(terms("status")))
    proposer = Proposer(source, mentions, list(examples), list(actors))
    todos = [todo_entry(source.text, m, lang, proposer) for m in sorted(mentions, key=lambda m: (m.start, m.end))]
    from pipelines.coding.catalogue import read_catalogue
    from pipelines.coding.drafts import draft_dismissals, draft_facts

    drafted, todos = draft_facts(todos, source.source_id, read_catalogue(), set(taken_ids)) if drafts else ([], todos)
    dismissed, todos = draft_dismissals(todos) if drafts else ([], todos)
    for todo in todos:
        todo.pop("_quote_start", None)
    body = {
        "source_id": source.source_id,
        "facts": drafted,
        "events": [],
        "dismissed": dismissed,
        "todo": todos,
    }
    # One line per quote, so it can be copied into a fact verbatim.
    # libyaml's emitter when present (same bytes on the whole corpus, ten times faster on a long report).
    dumped = yaml.dump(body, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), allow_unicode=True,
                       sort_keys=False, width=10**9, default_flow_style=False)
    return header + "\n" + dumped


def source_mentions(source: Source) -> list:
    """The mentions the build will code against: same extractor call, same language, same
    reference date (the publication day when the metadata knows it), so the stub's dates are
    the build's."""
    from pipelines.coding.run import reference_day
    from pipelines.extract import extract_mentions

    return extract_mentions(source.text, lang=source.meta["language"], reference_date=reference_day(source.meta))


def find_source(layout: Layout, source_id: str) -> Source:
    """The registered source `source_id`; unknown-source names the ids that exist."""
    if not SOURCE_ID_RE.fullmatch(str(source_id)):  # never build a path from a malformed id (../x, /abs)
        raise TsrError(Problem("bad-source-id", layout.rel(layout.sources_dir), str(source_id),
                               "not a source id: NNN_<16 hex digits>, e.g. 003_6dc9c966a4e88e09"))
    if not (layout.sources_dir / f"{source_id}.txt").exists():
        known = sorted(p.stem for p in layout.sources_dir.glob("*.txt"))
        raise TsrError(Problem("unknown-source", layout.rel(layout.sources_dir), source_id,
                               f"no source with this id; registered sources: {', '.join(known) or 'none'}"))
    return next(s for s in read_sources(layout) if s.source_id == source_id)


def write_stub(layout: Layout, source_id: str, force: bool = False, drafts: bool = True) -> Path:
    """Write data/coding/<source_id>.yaml from the extractor's mentions; returns its path."""
    source = find_source(layout, source_id)
    path = layout.coding_dir / f"{source_id}.yaml"
    if path.exists() and not force:
        raise TsrError(Problem("coding-exists", layout.rel(path), "",
                               "a coding file already exists; pass --force to overwrite it (its coding is lost)"))
    mentions = source_mentions(source)
    layout.coding_dir.mkdir(parents=True, exist_ok=True)
    examples, actors = proposal_inputs(layout, exclude=path)
    taken = {e.fact_id for e in examples}
    path.write_text(stub_document(source, mentions, examples, actors, taken, drafts), encoding="utf-8")
    return path


def proposal_inputs(layout: Layout, exclude: Path | None = None) -> tuple[list, list[dict]]:
    """The package's coded facts (as proposal examples) and actor registry. A coding file that does not
    parse is skipped here: the build reports it."""
    from pipelines.coding.proposals import coded_examples
    from pipelines.coding.run import read_actors
    from pipelines.yamlfile import read_yaml

    codings = []
    for path in sorted(layout.coding_dir.glob("*.yaml")):
        if path in (layout.actors_file, exclude):
            continue
        try:
            codings.append(read_yaml(path, layout.rel(path)))
        except TsrError:
            continue
    try:
        actors = read_actors(layout)
    except TsrError:
        actors = []
    return coded_examples(codings), actors
