"""The dataset page, site/index.html: static, self-contained (inline CSS, no script, no external
fonts), readable offline, and byte-identical for identical inputs.

Every piece of source text goes through `esc`; the template only ever receives finished HTML.
"""
from __future__ import annotations

import datetime as dt
import html
import math
from pathlib import Path
from string import Template

import pandas as pd

from pipelines.cells import blank as _blank
from pipelines.sources.urls import is_web_url

from schemas.vocabularies import vocabularies

HERE = Path(__file__).resolve().parent
TEMPLATE = HERE / "template.html"
CSS = HERE / "site.css"
UP = "../"  # the page lives in <root>/site/, every file it links to is relative to <root>
ALLOWED = " Allowed values — "  # how schemas.fields.vocab appends the definitions to a description


def esc(value) -> str:
    return html.escape("" if _blank(value) else str(value), quote=True)


def _href(package_path: str) -> str:
    return esc(UP + package_path)


def _day(value) -> str:
    if _blank(value):
        return ""
    d = dt.date.fromisoformat(str(value)[:10])
    return f"{d.day} {d:%B %Y}"


def _number(value: float) -> str:
    value = float(value)
    return f"{value:,.0f}" if value.is_integer() else f"{value:,}"


# -- headline figures ------------------------------------------------------------------------------

def _figure_order(facts: pd.DataFrame, returns: pd.DataFrame) -> list[dict]:
    """Stated facts, returns first (people counts largest first), then the other topics in vocabulary order."""
    topics = list(vocabularies()["category"])
    in_returns = set(returns["fact_id"])
    rows = [r for r in facts.to_dict("records") if not r["derived"]]
    return sorted(rows, key=lambda r: (topics.index(r["category"]) if r["category"] in topics else 99,
                                       r["fact_id"] not in in_returns, -float(r["value"]), r["fact_id"]))


def _label(fact: dict, returns_by_id: dict[str, dict]) -> str:
    if not _blank(fact.get("label")):
        return str(fact["label"])
    ret = returns_by_id.get(fact["fact_id"])
    if ret is not None:
        kind = str(ret["return_type"])
        kind = kind if kind.endswith("returns") else f"{kind} returns"
        return f"{kind[0].upper()}{kind[1:]} — {ret['route']}"
    words = str(fact["indicator"]).replace("_", " ")
    return words[0].upper() + words[1:]


BOUND_WORDS = {"nearly", "almost", "more than", "over", "at least", "up to", "less than", "under", "fewer than"}


def value_phrase(fact: dict) -> tuple[str, str]:
    """('about 40,000', 'approximately') — the figure never reads sharper than the source wrote it."""
    number = _number(fact["value"])
    if not fact["approx"]:
        return number, "exact"
    qualifier = "" if _blank(fact["qualifier"]) else str(fact["qualifier"])
    if qualifier in BOUND_WORDS:  # "nearly 40,000" is a bound, not "about 40,000"
        return f"{qualifier} {number}", qualifier
    return f"about {number}", qualifier or "approximate"


def _period(fact: dict) -> str:
    start, end = fact.get("period_start"), fact.get("period_end")
    if _blank(start) and _blank(end):
        return "not given"
    end_text = "end not given (open)" if _blank(end) else _day(end)
    return f"{_day(start) or 'start not given'} – {end_text}"


def _badge(claim_status: str) -> str:
    definition = vocabularies()["claim_status"].get(claim_status, "")
    return f'<span class="badge {esc(claim_status)}" title="{esc(definition)}">{esc(claim_status)}</span>'


def figures_html(tables: dict[str, pd.DataFrame]) -> str:
    sources = {r["source_id"]: r for r in tables["sources"].to_dict("records")}
    actors = {r["actor_id"]: r for r in tables["actors"].to_dict("records")}
    returns_by_id = {r["fact_id"]: r for r in tables["returns"].to_dict("records")}
    cards = []
    for fact in _figure_order(tables["facts"], tables["returns"]):
        value, how = value_phrase(fact)
        source = sources.get(fact["source_id"], {})
        actor = actors.get(fact.get("attributed_to"))
        who = f"{esc(actor['name'])}" + (f", {esc(actor['role'])}" if not _blank(actor.get("role")) else "") if actor else ""
        unit = "" if fact["unit"] == "people" else f" {esc(fact['unit'])}"
        rows = [("Source", f'<a href="{_href(source["path"])}">{esc(source["title"])}</a>' if source else esc(fact["source_id"])),
                *([("Scope", scope_html(source))] if source.get("text_scope") == "excerpt" else []),
                ("Claim status", _badge(fact["claim_status"])),
                ("Period", esc(_period(fact)))]
        if who:
            rows.append(("Attributed to", who))
        if fact["unit"] == "people":
            rows.append(("Unit", "people"))
        meta = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows)
        cls = "figure-card approx" if fact["approx"] else "figure-card"
        cards.append(
            f'<article class="{cls}" id="fact-{esc(fact["fact_id"])}">\n'
            f'<div class="value">{esc(value)}{unit} <span class="approx-word">({esc(how)})</span></div>\n'
            f'<p class="label">{esc(_label(fact, returns_by_id))}</p>\n'
            # dir=auto: an Arabic quote reads right to left, an English or Turkish one left to right
            f"<blockquote dir=\"auto\" lang=\"{esc(source.get('language', ''))}\">“{esc(fact['quote'])}”</blockquote>\n"
            f"<dl>{meta}</dl>\n</article>")
    return "\n".join(cards)


# -- the economists' views: series, discrepancies, anomalies -------------------------------------------

def _source_link(sources: dict, source_id: str) -> str:
    source = sources.get(source_id)
    if not source:
        return esc(source_id)
    name = source_id if _blank(source.get("publisher")) else source["publisher"]
    return f'<a href="#source-{esc(source_id)}" title="{esc(source["title"])}">{esc(name)}</a>'


def series_html(tables: dict[str, pd.DataFrame]) -> str:
    """One row per indicator: its latest observation (with source, series and claim status) and how many
    observations and sources stand behind it; the full series is data/series.csv."""
    series = tables["series"]
    series = series[~series["derived"].astype(bool)]  # stated figures only; derived ones are in the series table
    if series.empty:
        return "<p>No observations yet.</p>"
    sources = {r["source_id"]: r for r in tables["sources"].to_dict("records")}
    rows = []
    for indicator, group in series.groupby("indicator", sort=True):
        dated = group[group["reference_date"].notna()]
        latest = (dated if not dated.empty else group).sort_values(["reference_date", "observation_id"], na_position="first").iloc[-1].to_dict()
        value, _how = value_phrase(latest)
        when = "date not given" if _blank(latest["reference_date"]) else f"{_day(latest['reference_date'])} ({esc(latest['period_precision'])})"
        rows.append(
            f"<tr><td>{esc(latest['indicator_label'])}<br><code>{esc(indicator)}</code></td>"
            f"<td class=\"num\">{esc(value)} {esc(latest['unit'])}</td><td>{when}</td>"
            f"<td><code>{esc(latest['series'])}</code></td><td>{_badge(latest['claim_status'])}</td>"
            f"<td>{_source_link(sources, latest['source_id'])}</td>"
            f"<td class=\"num\">{len(group)}</td><td class=\"num\">{group['source_id'].nunique()}</td></tr>")
    head = ("<tr><th>Indicator</th><th>Latest figure</th><th>Refers to</th><th>Series</th><th>Claim</th>"
            "<th>Source</th><th>Observations</th><th>Sources</th></tr>")
    return f'<table class="views"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>'


def discrepancies_html(tables: dict[str, pd.DataFrame]) -> str:
    found = tables["discrepancies"]
    if found.empty:
        return "<p>No two sources disagree on the same indicator, place and period.</p>"
    rows = [f"<tr><td><code>{esc(r['indicator'])}</code></td><td>{esc(_period(r))}</td>"
            f"<td class=\"num\">{_number(r['min_value'])} – {_number(r['max_value'])}</td>"
            f"<td class=\"num\">{'' if _blank(r['spread_pct']) else esc(format(r['spread_pct'], 'g')) + ' %'}</td>"
            f"<td>{esc(r['observations'])}</td></tr>" for r in found.to_dict("records")]
    head = "<tr><th>Indicator</th><th>Period</th><th>Range</th><th>Spread</th><th>Every value (series, source)</th></tr>"
    return f'<table class="views"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>'


def anomalies_html(tables: dict[str, pd.DataFrame]) -> str:
    found = tables["anomalies"]
    if found.empty:
        return "<p>No observation breaks its indicator's logic.</p>"
    sources = {r["source_id"]: r for r in tables["sources"].to_dict("records")}
    rows = [f"<tr><td><code>{esc(r['rule'])}</code></td><td><code>{esc(r['indicator'])}</code></td>"
            f"<td class=\"num\">{_number(r['value'])} ({_day(r['period_end'])})</td>"
            f"<td>{_source_link(sources, r['source_id'])}</td><td>{esc(r['explanation'])}</td></tr>"
            for r in found.to_dict("records")]
    head = "<tr><th>Rule</th><th>Indicator</th><th>Figure</th><th>Source</th><th>Why</th></tr>"
    return f'<table class="views"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>'


def contested_html(tables: dict[str, pd.DataFrame]) -> str:
    """Each contested subject's claims side by side: source, publication day, date, status, claim status, quote."""
    found = tables.get("contested_events")
    if found is None or found.empty:
        return "<p>No subject is reported differently by two sources.</p>"
    sources = {r["source_id"]: r for r in tables["sources"].to_dict("records")}
    out = []
    for subject, group in found.groupby("subject", sort=True):
        rows = [f"<tr><td>{_source_link(sources, r['source_id'])}</td><td>{esc(_day(r['published_earliest']))}</td>"
                f"<td>{esc(r['title'])}</td><td>{esc(r['status'].replace('_', ' '))}</td><td>{esc(r['claim_status'])}</td>"
                f"<td><q>{esc(r['quote'])}</q></td></tr>" for r in group.to_dict("records")]
        head = "<tr><th>Source</th><th>Published</th><th>Claim</th><th>Status</th><th>Claim status</th><th>Quote</th></tr>"
        out.append(f'<table class="views" id="contested-{esc(subject)}"><caption><code>{esc(subject)}</code>: '
                   f'{len(group)} claims</caption><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>')
    return "\n".join(out)


# -- charts ---------------------------------------------------------------------------------------

def charts_html(chart_resources: list[dict]) -> str:
    """One figure per chart: the PNG inline, links to its data and both formats."""
    by_stem: dict[str, dict[str, dict]] = {}
    for r in chart_resources:
        stem = r["path"].rsplit("/", 1)[-1].rsplit(".", 1)[0]
        by_stem.setdefault(stem, {})[r["format"]] = r
    out = []
    for stem, formats in by_stem.items():
        png, svg = formats.get("png"), formats.get("svg")
        main = png or svg
        # The chart's data (CSV) first: the numbers it draws, as OWID puts them beside every chart.
        links = " · ".join(f'<a href="{_href(r["path"])}">{"Data (CSV)" if fmt == "csv" else fmt.upper()}</a>'
                           for fmt, r in sorted(formats.items()))
        alt = main.get("alt_text") or main.get("description") or ""
        # The alt text is also offered to sighted readers, folded, as the chart's text version.
        out.append(
            f'<figure class="chart" id="chart-{esc(stem)}">\n'
            f'<img src="{_href(main["path"])}" alt="{esc(alt)}" width="800" loading="lazy">\n'
            f"<figcaption><strong>{esc(main['title'])}</strong> · Download: {links}\n"
            f"<details><summary>Text description</summary><p>{esc(alt)}</p></details></figcaption>\n</figure>")
    return "\n".join(out)


# -- tables and their data dictionary -------------------------------------------------------------

def _allowed(field: dict) -> tuple[str, str]:
    """Description without its appended vocabulary, and the vocabulary as a list of terms."""
    description = field.get("description", "")
    enum = (field.get("constraints") or {}).get("enum")
    head, _, tail = description.partition(ALLOWED)
    meanings = {}
    if not enum and tail:
        # A semicolon list of terms (schemas.fields.vocab_list) has a pattern, not an enum: find its vocabulary
        # by the definitions appended to the description.
        meanings = next((v for v in vocabularies().values()
                         if tail == "; ".join(f"{k}: {m.rstrip('.')}" for k, m in v.items()) + "."), {})
        enum = list(meanings)
    if not enum:
        return description, ""
    for vocab in vocabularies().values() if not meanings else ():
        if set(enum) <= set(vocab):
            meanings = vocab
            break
    items = "".join(f"<li><code>{esc(t)}</code>{' — ' + esc(meanings[t]) if t in meanings else ''}</li>" for t in enum)
    return head, f'<ul class="terms">{items}</ul>'


def _type(field: dict) -> str:
    required = (field.get("constraints") or {}).get("required")
    return f"{field['type']}" + ("" if required else ", may be empty")


def _is_table(resource: dict, tables: dict[str, pd.DataFrame]) -> bool:
    """A table of the package (its CSV), not the data behind a chart."""
    return resource.get("format") == "csv" and resource["name"] in tables


def tables_html(tables: dict[str, pd.DataFrame], package: dict) -> str:
    resources = {r["name"]: r for r in package.get("resources", [])}
    out = []
    for name, resource in resources.items():
        if not _is_table(resource, tables):
            continue
        parquet = resources.get(f"{name}-parquet")
        n = len(tables[name]) if name in tables else None
        links = [f'<a href="{_href(resource["path"])}">CSV</a>']
        if parquet:
            links.append(f'<a href="{_href(parquet["path"])}">Parquet</a>')
        rows = []
        for field in resource.get("schema", {}).get("fields", []):
            description, allowed = _allowed(field)
            rows.append(f"<tr><td><code>{esc(field['name'])}</code></td><td>{esc(_type(field))}</td>"
                        f"<td>{esc(field.get('unit', ''))}</td><td>{esc(description)}</td><td>{allowed}</td></tr>")
        keys = resource.get("schema", {}).get("primaryKey") or []
        out.append(
            f'<h3 id="table-{esc(name)}">{esc(resource.get("title", name))} <span class="muted">(<code>{esc(name)}</code>'
            f'{f", {n:,} rows" if n is not None else ""})</span></h3>\n'
            f'<p>{esc(resource.get("description", ""))} Primary key: {", ".join(f"<code>{esc(k)}</code>" for k in keys)}.</p>\n'
            f'<div class="downloads">Download: {" · ".join(links)}</div>\n'
            f'<div class="table-scroll"><table class="dictionary">\n'
            f"<thead><tr><th>Column</th><th>Type</th><th>Unit</th><th>Description</th><th>Allowed values</th></tr></thead>\n"
            f"<tbody>{''.join(rows)}</tbody></table></div>")
    return "\n".join(out)


def downloads_html(package: dict) -> str:
    rows = [f'<tr><td><a href="{_href("datapackage.json")}">datapackage.json</a></td><td>JSON</td>'
            f"<td>Frictionless Data Package descriptor: every file, its schema and checksum</td></tr>"]
    for r in package.get("resources", []):
        label = r["path"].rsplit("/", 1)[-1]
        rows.append(f'<tr><td><a href="{_href(r["path"])}">{esc(label)}</a></td><td>{esc(str(r.get("format", "")).upper())}</td>'
                    f"<td>{esc(r.get('title', ''))}</td></tr>")
    return ('<div class="table-scroll"><table class="files"><thead><tr><th>File</th><th>Format</th><th>Contents</th>'
            f"</tr></thead><tbody>{''.join(rows)}</tbody></table></div>")


# -- example queries ------------------------------------------------------------------------------

def _cell(value) -> tuple[str, bool]:
    """Text of a query result cell and whether it is numeric (right-aligned)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "", False
    if isinstance(value, bool):
        return ("true" if value else "false"), False
    if isinstance(value, int):
        return f"{value:,}", True
    if isinstance(value, float):
        return (f"{value:,.0f}" if value.is_integer() else format(value, ".12g")), True
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat(), False
    return str(value), False


def queries_html(query_results: list[dict], shown: int = 3) -> str:
    """The first `shown` queries open; any others folded, so the page stays short without hiding them."""
    out = []
    for i, q in enumerate(query_results):
        head = [f"<th>{esc(c)}</th>" for c in q["columns"]]
        body = []
        for row in q["rows"]:
            cells = [_cell(v) for v in row]
            body.append("<tr>" + "".join(f'<td class="num">{esc(t)}</td>' if num else f"<td>{esc(t)}</td>"
                                         for t, num in cells) + "</tr>")
        result = (f'<div class="table-scroll"><table class="result"><caption>Result: {len(q["rows"])} '
                  f'row{"s" if len(q["rows"]) != 1 else ""}</caption><thead><tr>{"".join(head)}</tr></thead>'
                  f"<tbody>{''.join(body)}</tbody></table></div>")
        question = f'<p>{esc(q["question"])}</p>' if q.get("question") else ""
        out.append(f'<details id="query-{esc(q["name"])}"{" open" if i < shown else ""}>\n'
                   f'<summary>{esc(q["title"])} <span class="muted">(<code>queries/{esc(q["name"])}.sql</code>)</span>'
                   f"</summary>\n{question}\n<pre><code>{esc(q['sql'])}</code></pre>\n{result}\n</details>")
    return "\n".join(out)


# -- sources, citation, licence -------------------------------------------------------------------

def _published(row: dict) -> str:
    """The publication date as precisely as it is known, never sharper."""
    earliest, latest = row.get("published_earliest"), row.get("published_latest")
    precision = row.get("published_precision")
    if _blank(earliest):
        text = "publication date unknown"
    elif precision == "month":
        text = f"published in {dt.date.fromisoformat(str(earliest)):%B %Y}"
    elif precision == "year":
        text = f"published in {str(earliest)[:4]}"
    elif not _blank(latest) and str(latest) != str(earliest):
        text = f"published between {_day(earliest)} and {_day(latest)}"
    elif precision == "day" or not _blank(latest):
        text = f"published {_day(earliest)}"
    else:
        text = f"published on or after {_day(earliest)}"
    return text + (" (inferred)" if row.get("published_inferred") is True else "")


def safe_url(value) -> str | None:
    """The address if it is http(s) — only those become links; anything else is shown as text."""
    if _blank(value):
        return None
    # javascript:, data:, a leading space … are shown as text, never linked
    return str(value) if is_web_url(str(value)) else None


def _url_html(value) -> str:
    url = safe_url(value)
    return f'<a href="{esc(url)}">{esc(url)}</a>' if url else esc(value)


def scope_html(row: dict) -> str:
    """'full text' or 'excerpt: check the figure at <url>' for one source."""
    if row.get("text_scope") == "excerpt":
        where = f" at {_url_html(row.get('url'))}" if not _blank(row.get("url")) else " at its original (no address recorded)"
        return f'<strong class="scope excerpt">excerpt: check the figure{where}</strong>'
    if row.get("text_scope") == "full_text":
        return '<span class="scope">full text</span>'
    return f'<span class="scope">{esc(row.get("kind"))}</span>'


def sources_html(tables: dict[str, pd.DataFrame]) -> str:
    items = []
    for r in tables["sources"].to_dict("records"):
        publisher = "" if _blank(r.get("publisher")) else f"{esc(r['publisher'])}, "
        retrieved = "" if _blank(r.get("retrieved_on")) else f", retrieved {esc(_day(r['retrieved_on']))}"
        url = ""
        if not _blank(r.get("url")) and r.get("text_scope") != "excerpt":  # an excerpt's url is in its scope line
            url = f" · original: {_url_html(r['url'])}"
        as_given = "" if _blank(r.get("published_as_given")) else f" Date as given: <code>{esc(r['published_as_given'])}</code>."
        flags = "" if _blank(r.get("flags")) else " Flags: " + ", ".join(f"<code>{esc(f)}</code>" for f in str(r["flags"]).split(";")) + "."
        notes = "" if _blank(r.get("notes")) else f" Notes: {esc(r['notes'])}"
        if r.get("kind") == "dataset":  # a table's figures are cells: say which release, under which licence, from where
            notes = (f" Release <code>{esc(r['release'])}</code>, licence {esc(r['licence'])}, from {esc(r['origin'])}; "
                     f"its cells are in <code>dataset_values</code>.{notes}")
        items.append(f'<li id="source-{esc(r["source_id"])}"><a href="{_href(r["path"])}">{esc(r["title"])}</a> — {publisher}'
                     f"{esc(_published(r))}{retrieved}. {scope_html(r)}{url}<br>"
                     f'<span class="muted">Id <code>{esc(r["source_id"])}</code>, SHA-256 <code>{esc(r["sha256"][:16])}…</code>. '
                     f"{esc(r.get('published_basis', ''))}{as_given}{flags}{notes}</span></li>")
    return f"<ul>{''.join(items)}</ul>"


def citation_html(package: dict) -> str:
    authors = "; ".join(c.get("title", "") for c in package.get("contributors", [])) or "The package maintainers"
    year = str(package.get("created", ""))[:4]
    text = (f"{authors}{f' ({year})' if year else ''}. {package.get('title', '')}, version {package.get('version', '')} "
            f"[data package, {package.get('name', '')}].")
    return (f'<p class="cite">{esc(text)}</p>\n'
            "<p>When you use a single figure, also cite the source document it comes from: each row of the tables names its "
            "<code>source_id</code>, listed under <a href=\"#sources\">Sources</a> and in the <code>sources</code> table, "
            "with the verbatim quote and its character offsets.</p>")


def licence_html(package: dict) -> str:
    items = []
    for lic in package.get("licenses", []):
        name = esc(lic.get("title") or lic.get("name"))
        path = lic.get("path")
        items.append(f'<li><a href="{esc(path)}">{name}</a> ({esc(lic.get("name"))})</li>' if path else f"<li>{name}</li>")
    return (f"<p>The data (tables, charts and this page) are published under:</p><ul>{''.join(items)}</ul>"
            "<p>The source documents are quoted for reference; their copyright stays with their authors and publishers.</p>")


def masthead_html(package: dict, tables: dict[str, pd.DataFrame]) -> str:
    pairs = [("Version", esc(package.get("version", ""))),
             ("Tables", f"{sum(1 for r in package.get('resources', []) if _is_table(r, tables))}"),
             ("Sources", f"{len(tables['sources'])}"),
             ("Descriptor", f'<a href="{_href("datapackage.json")}">datapackage.json</a>')]
    if package.get("created"):
        pairs.insert(1, ("Latest source", esc(_day(package["created"]))))
    return "\n".join(f"<div><dt>{k}</dt><dd>{v}</dd></div>" for k, v in pairs)


def render_site(tables: dict[str, pd.DataFrame], package: dict, chart_resources: list[dict],
                query_results: list[dict], out_dir: Path) -> None:
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    page = Template(TEMPLATE.read_text(encoding="utf-8")).substitute(
        title=esc(package.get("title", "")),
        description=esc(package.get("description", "")),
        description_attr=esc(package.get("description", "")),
        version=esc(package.get("version", "")),
        css=CSS.read_text(encoding="utf-8").strip(),
        masthead_facts=masthead_html(package, tables),
        figures=figures_html(tables),
        series=series_html(tables),
        discrepancies=discrepancies_html(tables),
        anomalies=anomalies_html(tables),
        contested=contested_html(tables),
        charts=charts_html(chart_resources),
        table_count=str(sum(1 for r in package.get("resources", []) if _is_table(r, tables))),
        tables=tables_html(tables, package),
        database_note=(" The DuckDB database <code>data/turkey_syria.duckdb</code> is not published with the files: "
                       "<code>duckdb -init data/load.sql</code>, run in the package root with any DuckDB 1.x client, "
                       "recreates it (every table and view, with its comments) from the Parquet files, and "
                       "<code>make build</code> creates it locally from the same tables."),
        downloads=downloads_html(package),
        queries=queries_html(query_results),
        sources=sources_html(tables),
        citation=citation_html(package),
        licence=licence_html(package),
        footer=(f"{esc(package.get('title', ''))}, version {esc(package.get('version', ''))}. "
                "Generated by <code>make build</code> from the coded sources; no figure on this page is typed by hand."),
    )
    (out_dir / "index.html").write_text(page, encoding="utf-8", newline="\n")
