"""Proposals for a stub's todo entries: pick, don't invent.

For each figure the stub proposes an indicator, series and attribution (from the already-coded fact
whose quote is most like the figure's sentence: the package's own coding is the best guide to how a
sentence like this one was coded, in any language), the actors named in the sentence or its neighbours
(from the registry), and a period from the dates in the sentence. Every proposal says what it rests
on; none is a decision, and the build still checks whatever the coder writes. Pure functions.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

_WORD = re.compile(r"[^\W\d_]{3,}")
# Below this share of shared words a neighbour is a guess too weak to print.
MIN_SIMILARITY = 0.2
_FOLD = str.maketrans({"İ": "i", "I": "ı"})


def fold(text: str) -> str:
    return text.translate(_FOLD).lower()


def bare(text: str, keep_case: bool = False) -> str:
    """Folded and without accents: "Ozcorekci" and "Özçörekçi", "Ciftci" and "Çiftçi" are one name."""
    decomposed = unicodedata.normalize("NFKD", (text if keep_case else fold(text)).replace("ı", "i"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# Arabic writes the article and some prepositions and conjunctions onto the word: "والصادرات" is
# "and the exports". Longest first; a stem keeps at least three letters.
_ARABIC_PREFIXES = ("وبال", "وال", "بال", "فال", "كال", "لل", "ال", "و", "ب", "ل", "ف")


def _stem(word: str) -> str:
    if "\u0600" <= word[0] <= "\u06ff":
        for prefix in _ARABIC_PREFIXES:
            if word.startswith(prefix) and len(word) - len(prefix) >= 3:
                return word[len(prefix):][:4]
        return word[:4]
    return word[:5]


def words(text: str) -> frozenset[str]:
    # the first five letters: Turkish suffixes ("Suriyelilerin", "Suriyeli") and English plurals meet;
    # an Arabic word without its prefixes, to four letters
    return frozenset(_stem(w) for w in _WORD.findall(fold(text)))


@dataclass(frozen=True)
class CodedExample:
    """A fact already coded somewhere in the package: what its sentence was coded as."""
    fact_id: str
    words: frozenset[str]
    indicator: str
    series: str
    attributed_to: str | None
    claim_status: str
    geography: tuple[str, ...] | None = None
    returns: tuple[tuple[str, str], ...] | None = None  # a returns fact's topic attributes, as (key, value) pairs


def coded_examples(codings: list[dict]) -> list[CodedExample]:
    """The stated facts of parsed coding files, as examples for proposals."""
    examples = []
    for coding in codings:
        for fact in (coding.get("facts") or []) if isinstance(coding, dict) else []:
            if isinstance(fact, dict) and fact.get("quote") and fact.get("indicator") and not fact.get("derived"):
                geography = fact.get("geography")
                returns = fact.get("returns")
                examples.append(CodedExample(
                    str(fact.get("id")), words(str(fact["quote"])), str(fact["indicator"]), str(fact.get("series")),
                    fact.get("attributed_to"), str(fact.get("claim_status")),
                    tuple(str(g) for g in geography) if isinstance(geography, list) else None,
                    tuple((str(k), str(v)) for k, v in returns.items() if not str(k).startswith("__"))
                    if isinstance(returns, dict) else None))
    return examples


def propose_fact(sentence: str, examples: list[CodedExample]) -> dict | None:
    """indicator, series, attributed_to and claim_status of the most similar coded fact, or None."""
    mine = words(sentence)
    best, score = None, 0.0
    for example in examples:
        union = len(mine | example.words)
        similarity = len(mine & example.words) / union if union else 0.0
        if similarity > score:  # strict: ties keep the first coded
            best, score = example, similarity
    if best is None or score < MIN_SIMILARITY:
        return None
    proposal = {"indicator": best.indicator, "series": best.series, "attributed_to": best.attributed_to,
                "claim_status": best.claim_status}
    if best.geography:
        proposal["geography"] = list(best.geography)
    if best.returns:
        proposal["returns"] = dict(best.returns)
    return proposal | {"because": f"coded like fact {best.fact_id} (shared words {score:.0%})"}


def propose_series(actor: str | None, indicator: str, fallback: tuple[str | None, str],
                   examples: list[CodedExample], compilers: dict[str, str]) -> str:
    """Who compiled a figure, given who states it: the series the package's coders chose for this actor
    (for this indicator first), else the series this actor compiles, else the coded neighbour's series
    when it has the same speaker, else `stated_figure` (never a guessed series: schemas/series.yaml).
    `fallback` is the neighbour's (attributed_to, series); `compilers` maps series id -> compiler."""
    if actor is None:
        return fallback[1]
    for same in (lambda e: e.indicator == indicator, lambda e: True):
        chosen = Counter(e.series for e in examples if e.attributed_to == actor and same(e))
        if chosen:
            return chosen.most_common(1)[0][0]  # ties: the first coded
    compiled = [key for key, compiler in compilers.items() if compiler == actor]
    if len(compiled) == 1:
        return compiled[0]
    return fallback[1] if fallback[0] == actor else "stated_figure"


def usual_geography(indicator: str, examples: list[CodedExample]) -> list[str] | None:
    """The places most often coded for this indicator's facts (a trade flow's two countries), or None."""
    seen = Counter(e.geography for e in examples if e.indicator == indicator and e.geography)
    return list(seen.most_common(1)[0][0]) if seen else None


PLACE_NAMES_FILE = Path(__file__).with_name("place_names.yaml")


@cache
def _place_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    import pycountry
    import yaml

    with PLACE_NAMES_FILE.open(encoding="utf-8") as fh:
        table = {code: [str(w) for w in words] for code, words in yaml.safe_load(fh).items()}
    patterns = [(code, re.compile(r"(?<!\w)(?:" + "|".join(re.escape(bare(w)) for w in words) + ")"))
                for code, words in table.items()]
    # a province's whole name ("Van" is not "vans"); "Hatay'dan" still names Hatay
    patterns += [(p.code, re.compile(r"(?<!\w)" + re.escape(bare(p.name)) + r"(?!\w)"))
                 for p in sorted(pycountry.subdivisions.get(country_code="TR"), key=lambda p: p.code)]
    return tuple(patterns)


def named_places(sentence: str) -> list[str] | None:
    """ISO codes of the places the sentence names (a Turkish province instead of TR), sorted; None if none."""
    text = bare(sentence)
    codes = {code for code, pattern in _place_patterns() if pattern.search(text)}
    if any(code.startswith("TR-") for code in codes):
        codes.discard("TR")
    return sorted(codes) or None


# A label proposal needs this many of the label's words in the sentence, and this share of them.
MIN_LABEL_WORDS, MIN_LABEL_SHARE = 2, 0.5
_LABEL_STOP = frozenset(words("the and from with into over under since between year years per one total"))


def propose_indicator(sentence: str, indicators: dict) -> dict | None:
    """When no coded sentence is like this one: the indicator (id -> (label, unit class)) whose label
    shares most words with the sentence. A weak guess, so the series is the neutral stated_figure and
    the claim reported until the person says otherwise."""
    mine = words(sentence)
    best, best_key = None, (0, 0.0)
    for indicator_id, label in indicators.items():
        label_words = words(label) - _LABEL_STOP
        if not label_words:
            continue
        shared = len(mine & label_words)
        key = (shared, shared / len(label_words))
        if shared >= MIN_LABEL_WORDS and key[1] >= MIN_LABEL_SHARE and key > best_key:
            best, best_key = indicator_id, key
    if best is None:
        return None
    return {"indicator": best, "series": "stated_figure", "attributed_to": None, "claim_status": "reported",
            "because": f"the indicator's label shares {best_key[0]} words with the sentence; no coded sentence is like it"}


def _needles(actor: dict) -> list[str]:
    """What names an actor in a text: a person's surname; a body's acronyms in brackets and its name."""
    name = str(actor["name"])
    acronyms = re.findall(r"\(([^()]+)\)", name)
    plain = re.sub(r"\s*\([^()]*\)", "", name).strip()
    also = actor.get("also_called") or []
    also = [a.strip() for a in also.split(";")] if isinstance(also, str) else [str(a) for a in also]
    if actor.get("actor_type", actor.get("type")) == "person":
        return ([plain.split()[-1]] if plain else []) + also
    # "(Göç İdaresi Başkanlığı, DGMM)": each name in the brackets, split at "/" and ","
    found = [a.strip() for part in acronyms for a in re.split(r"[/,]", part) if a.strip() and a.strip()[0].isupper()]
    # a name of two words or more, or one acronym ("UNHCR"); a single ordinary word names too much
    whole = [plain] if len(plain.split()) >= 2 or (plain.isupper() and len(plain) >= 2) else []
    return found + whole + also


def propose_actors(context: str, actors: list[dict]) -> list[str]:
    """Ids of the registered actors named in `context` (the sentence and its neighbours), in registry order.
    A name inside a longer name of another actor does not count: "UN Refugee Agency" names UNHCR, not the UN."""
    folded, cased = bare(context), bare(context, keep_case=True)
    spans: dict[str, list[tuple[int, int]]] = {}
    for actor in actors:
        for needle in _needles(actor):
            # an acronym only in capitals: "UN" is not the Turkish "un", "TİM" not "Tim"
            acronym = needle.isupper() and " " not in needle
            where, what = (cased, bare(needle, keep_case=True)) if acronym else (folded, bare(needle))
            # a whole word; "Yerlikaya'nın" names Yerlikaya (the apostrophe ends the word)
            for match in re.finditer(r"(?<!\w)" + re.escape(what) + r"(?!\w)", where):
                spans.setdefault(actor.get("actor_id", actor.get("id")), []).append(match.span())
    def inside_another(actor_id, span):
        return any(other != actor_id and s <= span[0] and span[1] <= e and (e - s) > (span[1] - span[0])
                   for other, found in spans.items() for s, e in found)
    return [actor_id for actor_id, found in spans.items() if not all(inside_another(actor_id, span) for span in found)]


# Who can state a figure on the record: a named person or a public body. A medium reports; it does not attribute.
_ON_RECORD = ("person", "ministry", "agency", "government", "organisation")


def propose_attribution(sentence: str, context: str, actors: list[dict]) -> dict | None:
    """Who states the figure: a person or public body named in the sentence (a person first), else in the
    sentences around it; named in the sentence, the claim is on the record (official). None when nobody is."""
    on_record = [a for a in actors if a.get("actor_type", a.get("type")) in _ON_RECORD]
    types = {a.get("actor_id", a.get("id")): a.get("actor_type", a.get("type")) for a in on_record}
    for where, text in (("the sentence", sentence), ("the sentences around it", context)):
        named = propose_actors(text, on_record)
        if named:
            chosen = next((n for n in named if types.get(n) == "person"), named[0])
            # named in the sentence itself: stated on the record; only nearby: who, but not how firmly
            return {"attributed_to": chosen, **({"claim_status": "official"} if where == "the sentence" else {}),
                    "because": f"named in {where}"}
    return None


def _first_day(mention) -> str:
    date = str(mention.date)
    return date if len(date) == 10 else f"{date}-01" if len(date) == 7 else f"{date}-01-01"


def _month_end(month: str) -> str:
    import calendar

    year, number = int(month[:4]), int(month[5:7])
    return f"{month}-{calendar.monthrange(year, number)[1]:02d}"


# Words that make a date the start of what is counted, never its as-of day: "since 2016", "from January
# 2024", "8 Aralık'tan bu yana / itibaren / sonra", "2016 yılından beri", "منذ".
_START_BEFORE = re.compile(r"(?:\b(?:since|from|starting)\s+(?:the\s+)?|منذ\s*)$", re.IGNORECASE)
_START_AFTER = re.compile(r"^(?:['’]?[dt][ae]n|\s+(?:yılından|tarihinden|tarihi))?\s*(?:bu yana|beri|itibaren|sonra|sonrasında)(?!\w)",
                          re.IGNORECASE)


def starts_period(text: str, start: int, end: int) -> bool:
    """Whether the date at text[start:end] is written as where a count starts ("since", "-den bu yana")."""
    return bool(_START_BEFORE.search(text[max(0, start - 20):start]) or _START_AFTER.search(text[end:end + 30]))


def propose_period(dates: list, published_day: str | None, since_days: frozenset[str] = frozenset(),
                   at: int | None = None, start_dates: frozenset[int] = frozenset(), current: bool = False) -> dict:
    """A period from the dates in the sentence (the latest one written to the day is the as-of day), else
    the publication day as the as-of day, else unknown. `dates` are mentions with date and precision; a
    day in `since_days` starts a cumulative count (its indicator's since) and is never the as-of day.
    With `at` (the figure's offset), the date written nearest the figure is taken instead of the latest:
    "3.7 million in 2021 ... 2.9 million at the end of 2024" gives each figure its own year. Dates whose
    offsets are in `start_dates` are written as where the count starts ("since 2016"); they are never the
    as-of day, and the nearest one is the start of an as-of day the text leaves unwritten."""
    begins = [m for m in dates if m.start in start_dates]
    dates = [m for m in dates if m.start not in start_dates]
    def pick(candidates, latest):
        if at is None:
            return max(candidates, key=latest)
        return min(candidates, key=lambda m: (min(abs(m.start - at), abs(m.end - at)), m.start))

    ranges = [m for m in dates if m.date and m.date_end and m.date_precision in ("day", "month")
              and not m.date.startswith("XXXX") and m.date not in since_days]
    if ranges:  # "January-April 2025", "between 9 and 13 December 2024": the span the figure covers
        last = pick(ranges, lambda m: m.date_end)
        start, end = (f"{last.date}-01", _month_end(last.date_end)) if last.date_precision == "month" else (last.date, last.date_end)
        return {"start": start, "end": end, "precision": last.date_precision,
                "basis": f"the span written in the sentence ({last.text})"}
    days = [m for m in dates if m.date and m.date_precision == "day" and not m.date.startswith("XXXX")
            and m.date not in since_days]
    if days:
        last = pick(days, lambda m: m.date)
        return {"end": last.date, "precision": "day", "basis": f"the date written in the sentence ({last.text})"}
    # a month ("Ağustos 2025 itibarıyla") or a year: the whole month or year, as written
    coarse = [m for m in dates if m.date and not m.date.startswith("XXXX") and (
        (m.date_precision == "year" and f"{m.date}-01-01" not in since_days)
        or (m.date_precision == "month" and not m.date_end and f"{m.date}-01" not in since_days))]
    if coarse:
        last = pick(coarse, lambda m: m.date)
        start, end = (f"{last.date}-01", _month_end(last.date)) if last.date_precision == "month" else (
            f"{last.date}-01-01", f"{last.date}-12-31")
        what = f"the {last.date_precision} written in the sentence ({last.text})"
        if published_day and start <= str(published_day) < end:  # a later year stays whole (a target's)
            # "as of August 2025" published on 29 August cannot refer to a later day (docs/data-model.md)
            if last.date_precision == "month":
                return {"start": start, "end": str(published_day), "precision": "month",
                        "basis": f"{what}, at the latest the publication day"}
            return {"start": start, "end": str(published_day), "precision": "range",
                    "basis": f"{what}, up to the publication day"}
        return {"start": start, "end": end, "precision": last.date_precision, "basis": what}
    if published_day:
        # never sharpen: a figure with no as-of day in the text is known only to be no later than publication
        begin = {"start": _first_day(pick(begins, lambda m: m.date))} if begins else {}
        if current:
            # "currently", "hâlihazırda": the figure is as of the statement, and the source is dated to the day
            return {**begin, "end": str(published_day), "precision": "day",
                    "basis": "the text says the figure is current: as of the statement's day, the publication day"}
        return {**begin, "end": str(published_day), "precision": "range",
                "basis": "as of the statement: the text gives no as-of day, so it is at the latest the source's "
                         "publication day (write the day if the text gives it)"}
    return {"end": None, "precision": "unknown", "basis": "the text gives no date and the publication day is unknown"}
