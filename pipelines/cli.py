"""`tsr`: the command line of the package. Thin: every command calls a library function.

Each command's docstring ends with an example; errors are printed as `[code] file: key: problem`
lines and the command exits non-zero.
"""
from __future__ import annotations

import sys
from pathlib import Path

import click

from pipelines.errors import TsrError
from pipelines.paths import ROOT_MARKERS, Layout, find_root
from pipelines.query.caps import MAX_MEMORY, MAX_QUERY_BYTES, MAX_ROWS, TIMEOUT_SECONDS

def _package_root(ctx, param, value: Path | None) -> Path:
    if value is not None:
        return value
    found = find_root(Path.cwd())
    if found is None:
        raise click.UsageError(f"not inside a package: no folder from {Path.cwd()} upward holds "
                               f"{' and '.join(m + '/' for m in ROOT_MARKERS)}; cd into the package or pass --root")
    return found


def _source_id(ctx, param, value: str | None) -> str | None:
    from pipelines.sources.registry import SOURCE_ID_RE

    if value is not None and not SOURCE_ID_RE.fullmatch(value):
        raise click.BadParameter(f"{value!r} is not a source id: NNN_<16 hex digits>, e.g. 003_6dc9c966a4e88e09")
    return value



def _repaired_root(ctx: click.Context, param: click.Parameter, root: Path) -> Path:
    """Before any command reads the package, finish a publish that a crash interrupted, and say so."""
    from pipelines.publish.journal import repair

    try:
        done = repair(root)
    except TsrError as exc:
        _fail(exc)
    if done:
        click.echo(done, err=True)
    return root


def _root(ctx: click.Context, param: click.Parameter, value: Path | None) -> Path:
    return _repaired_root(ctx, param, _package_root(ctx, param, value))


root_option = click.option(
    "--root", type=click.Path(file_okay=False, path_type=Path), default=None, callback=_root,
    help="Package root. Default: the nearest folder from the current directory upward holding "
         "data/sources/ and data/coding/.")


def _fail(exc: TsrError) -> None:
    for problem in exc.problems:
        click.echo(str(problem), err=True)
    raise SystemExit(1)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def cli() -> None:
    """Türkiye–Syria trade, returns and reconstruction statistics."""


@cli.command()
@root_option
@click.option("--force", is_flag=True, help="Rebuild even if no input changed.")
def build(root: Path, force: bool) -> None:
    """Build and publish the whole package: tables, DuckDB, CSV, Parquet, datapackage.json, charts, page.

    Example: tsr build
    """
    from pipelines.build import build_package

    try:
        report = build_package(Layout(root), force=force)
    except TsrError as exc:
        outcome = "the package is half-swapped" if "publish-half-swapped" in exc.codes else "nothing was published"
        click.echo(f"build failed: {len(exc.problems)} problem(s); {outcome}", err=True)
        _fail(exc)
    click.echo(report)


@cli.command()
@root_option
@click.argument("query", required=False)
@click.option("--file", "-f", "query_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Read the query from a .sql file (e.g. one of queries/*.sql).")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@click.option("--max-rows", type=click.IntRange(min=1), default=MAX_ROWS, show_default=True,
              help="Stop with an error when the query returns more rows than this.")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=TIMEOUT_SECONDS, show_default=True,
              help="Stop the query after this many seconds.")
@click.option("--max-query-bytes", type=click.IntRange(min=1), default=MAX_QUERY_BYTES, show_default=True,
              help="Refuse a query (or --file) larger than this.")
@click.option("--max-memory", default=MAX_MEMORY, show_default=True,
              help="DuckDB's memory limit for the query (e.g. 500MB, 4GB).")
def sql(root: Path, query: str | None, query_file: Path | None, fmt: str, max_rows: int, timeout: float,
        max_query_bytes: int, max_memory: str) -> None:
    """Run a read-only SQL query against data/turkey_syria.duckdb; only SELECT and EXPLAIN run.

    The database is opened read-only with no file, network or extension access; the query's size,
    rows and running time are capped.

    Example: tsr sql "SELECT indicator, value, qualifier FROM facts WHERE category = 'returns'"

    Example: tsr sql --file queries/01_returns_hatay_share.sql --format csv
    """
    from pipelines.query.sql import ReadOnlyError, format_result, read_query_file, run_query

    if (query is None) == (query_file is None):
        raise click.UsageError("give either QUERY or --file")
    try:
        text = query if query is not None else read_query_file(query_file, max_query_bytes)
        result = run_query(Layout(root).database, text, max_rows=max_rows, timeout=timeout,
                           max_query_bytes=max_query_bytes, max_memory=max_memory)
    except ReadOnlyError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(format_result(result, fmt), nl=False)


@cli.command()
@root_option
@click.option("--port", type=click.IntRange(1, 65535), default=None,
              help="Port on 127.0.0.1  [default: 8001, from pipelines/serve/datasette.yaml]")
@click.option("--export", "export_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Write the SQLite copy and its Datasette metadata into this folder and exit (to deploy the app).")
def serve(root: Path, port: int | None, export_dir: Path | None) -> None:
    """Browse every table with its data dictionary and facets, and run read-only SQL in the browser,
    with a CSV of any result: Datasette on 127.0.0.1, over an SQLite copy of the published tables.

    Example: tsr serve --port 8001

    Example: tsr serve --export deploy/
    """
    from pipelines.serve.app import export, serve_args, serve as run

    layout = Layout(root)
    try:
        if export_dir is not None:
            sqlite, metadata = export(layout, export_dir)
            click.echo("datasette " + " ".join(serve_args(sqlite, metadata, 8001)))
            return
        run(layout, port, echo=click.echo)
    except TsrError as exc:
        _fail(exc)


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--lang", type=click.Choice(["en", "tr", "ar"]), default="en", show_default=True)
@click.option("--reference-date", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Resolve relative dates and year-less dates against this day.")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl", show_default=True)
def mentions(files: tuple[Path, ...], lang: str, reference_date, fmt: str) -> None:
    """Print every number and date mention in FILES, one JSON object per line.

    Example: tsr mentions data/sources/003_6dc9c966a4e88e09.txt --format table
    """
    import dataclasses
    import json

    from pipelines.extract import extract_mentions
    from pipelines.sources.registry import decode_text

    ref = reference_date.date() if reference_date else None
    rows = []
    for path in files:
        try:
            text = decode_text(path.read_bytes(), str(path))
        except TsrError as exc:
            _fail(exc)
        for mention in extract_mentions(text, lang=lang, reference_date=ref):
            rows.append({"source": str(path), **dataclasses.asdict(mention)})
    if fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
        return
    columns = ["source", "start", "end", "kind", "text", "value", "unit", "date", "date_end", "date_precision", "approx", "qualifier", "lower", "upper"]
    widths = {c: max([len(c)] + [len(str(r[c] if r[c] is not None else "")) for r in rows]) for c in columns}
    click.echo("  ".join(c.ljust(widths[c]) for c in columns))
    for row in rows:
        click.echo("  ".join(str(row[c] if row[c] is not None else "").ljust(widths[c]) for c in columns))


class VocabularyChoice(click.Choice):
    """One of a vocabulary's terms, read only when an option is used or shown: importing `schemas` loads
    pandas, and `tsr sql` or a no-op `tsr build` must not pay for that."""

    def __init__(self, vocabulary: str) -> None:
        self.vocabulary = vocabulary
        super().__init__(())

    @property
    def choices(self) -> tuple[str, ...]:
        from schemas.vocabularies import terms

        return tuple(terms(self.vocabulary))

    @choices.setter
    def choices(self, _value) -> None:
        pass  # fixed by the vocabulary


# Options that describe the document: with --meta they come from the metadata file instead.
_DESCRIBING = ("title", "publisher", "url", "published", "published_between", "language", "basis", "text_scope",
               "retrieved_on", "topic", "notes")


@cli.command("add-source")
@root_option
@click.argument("file", required=False, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--meta", "meta_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A corpus metadata file NN_slug.meta.json, read as is; FILE defaults to the NN_slug.txt beside it.")
@click.option("--title", default=None, help="The document's own title (its headline).")
@click.option("--publisher", default=None, help="Publisher or outlet.")
@click.option("--url", default=None, help="Address the document was taken from (http or https).")
@click.option("--published", default=None, metavar="DATE",
              help="Publication date as written: 2025-02-03, 2011-12, 2021, 2025-06/07, 2025-08-06/07, "
                   "~2025-06-06..2025-06-14 (bound), ~2025-04 (inferred), …")
@click.option("--published-between", nargs=2, type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              metavar="EARLIEST LATEST", help="Bounds of an unknown publication day.")
@click.option("--language", type=VocabularyChoice("language"), default=None, help="Language of the text [default: en].")
@click.option("--basis", default=None, help="What the publication date rests on.")
@click.option("--text-scope", type=VocabularyChoice("text_scope"), default=None,
              help="full_text (the whole document) or excerpt (only its figure-bearing sentences) [default: full_text].")
@click.option("--retrieved-on", type=click.DateTime(formats=["%Y-%m-%d"]), default=None, help="Day the document was retrieved.")
@click.option("--topic", default=None, help="Topic of the document.")
@click.option("--notes", default=None, help="Known problems of the source.")
@click.option("--flag", "flags", multiple=True, type=VocabularyChoice("source_flag"),
              help="A source-level warning (repeatable).")
@click.option("--sequence", type=click.IntRange(min=0), default=None,
              help="Sequence number of the id (refused if used); default: the next free one.")
@click.option("--dataset", "is_dataset", is_flag=True,
              help="FILE is a data table (an R .rda file): vendor it and write its dataset coding file data/datasets/<name>.yaml.")
@click.option("--like", default=None, metavar="DATASET", help="With --dataset: copy the coding of an earlier release (e.g. unhcr_population_2025.12.1).")
@click.option("--table", default=None, help="With --dataset: the table inside the file [default: the --like coding's].")
@click.option("--release", default=None, help="With --dataset: the release (package version), e.g. 2026.06.1.")
@click.option("--released-on", type=click.DateTime(formats=["%Y-%m-%d"]), default=None, help="With --dataset: the release day.")
@click.option("--blob", default=None, help="With --dataset: the git blob id of the file in its repository.")
@click.option("--licence", default=None, help="With --dataset: the licence, e.g. CC-BY-4.0 [default: the --like coding's].")
@click.option("--repository", default=None, help="With --dataset: the repository the file came from [default: the --like coding's].")
def add_source_command(root: Path, file: Path | None, meta_file: Path | None, flags: tuple[str, ...],
                       sequence: int | None, is_dataset: bool, like: str | None, table: str | None, release: str | None,
                       released_on, blob: str | None, licence: str | None, repository: str | None, **describing) -> None:
    """Register FILE as a new source (vendored unchanged, with metadata) and print its id.

    Example: tsr add-source report.txt --title "Returns pass one million" --published 2025-06-01 --language tr

    Example: tsr add-source --meta ../shared/corpus/docs/21_sozcu_557702_citizenship.meta.json --sequence 121

    Example: tsr add-source --dataset population_2026.06.1.rda --like unhcr_population_2025.12.1 --release 2026.06.1
    --released-on 2026-11-20 --blob <40 hex>
    """
    from pipelines.sources.add import add_source
    from pipelines.sources.corpus_meta import add_corpus_source

    layout = Layout(root)
    try:
        if is_dataset:
            from pipelines.datasets.add import add_dataset

            missing = [f"--{n}" for n, v in (("release", release), ("released-on", released_on), ("blob", blob)) if not v]
            if file is None or meta_file is not None or missing:
                raise click.UsageError(f"--dataset needs FILE, --release, --released-on and --blob (missing: {', '.join(missing) or 'FILE'})")
            coding = add_dataset(layout, file, table=table, release=release, released_on=released_on.date(), blob=blob,
                                 like=like, publisher=describing["publisher"], licence=licence, repository=repository,
                                 title=describing["title"], sequence=sequence)
            click.echo(coding)
            return
        if meta_file is not None:
            given = [f"--{name.replace('_', '-')}" for name in _DESCRIBING if describing[name] is not None]
            if given:
                raise click.UsageError(f"{', '.join(given)}: with --meta the metadata file describes the document")
            source_id = add_corpus_source(layout, meta_file, file, sequence=sequence, flags=flags)
        else:
            if file is None:
                raise click.UsageError("give FILE, or --meta NN_slug.meta.json")
            if not describing["title"]:
                raise click.UsageError("--title is required without --meta")
            between, retrieved = describing["published_between"], describing["retrieved_on"]
            source_id = add_source(
                layout, file, title=describing["title"], publisher=describing["publisher"], url=describing["url"],
                published=describing["published"],
                published_between=tuple(d.date() for d in between) if between else None,
                language=describing["language"] or "en", basis=describing["basis"],
                text_scope=describing["text_scope"] or "full_text",
                retrieved_on=retrieved.date() if retrieved else None, topic=describing["topic"],
                notes=describing["notes"], flags=flags, sequence=sequence)
    except TsrError as exc:
        _fail(exc)
    click.echo(source_id)


@cli.command()
@root_option
@click.argument("source_id", callback=_source_id)
@click.option("--force", is_flag=True, help="Overwrite an existing coding file (its coding is lost).")
@click.option("--no-drafts", is_flag=True, help="Write every mention as a todo, even where a draft fact could be proposed.")
def stub(root: Path, source_id: str, force: bool, no_drafts: bool) -> None:
    """Write data/coding/SOURCE_ID.yaml: a draft fact for each figure whose sentence is like one already
    coded (confirm it by deleting its `draft:` line), and one todo per other number and date mention.

    Example: tsr stub 004_1a2b3c4d5e6f7a8b
    """
    from pipelines.coding.stub import write_stub

    layout = Layout(root)
    try:
        path = write_stub(layout, source_id, force=force, drafts=not no_drafts)
    except TsrError as exc:
        _fail(exc)
    click.echo(layout.rel(path))


@cli.command()
@root_option
@click.argument("source_id", required=False, callback=_source_id)
def coverage(root: Path, source_id: str | None) -> None:
    """Count each source's mentions coded as facts, events, both, dismissed, still todo or unaccounted, and
    the values read by a person (overrides); then list every problem of the coding, by file and line.

    Exits non-zero while any mention is todo or unaccounted, or any coding problem is left.
    Example: tsr coverage 003_6dc9c966a4e88e09
    """
    from pipelines.coding.coverage import complete, coverage_report, format_coverage

    try:
        table, problems = coverage_report(Layout(root), source_id)
    except TsrError as exc:
        _fail(exc)
    click.echo(format_coverage(table))
    if problems:
        click.echo(f"\n{len(problems)} problem(s):")
        for problem in problems:
            click.echo(f"  {problem}")
    if not complete(table) or problems:
        raise SystemExit(1)


@cli.command("list")
@root_option
@click.argument("what")
def list_command(root: Path, what: str) -> None:
    """List what a coder picks from: indicators, series, actors, or any vocabulary (claim_status, fact_flag, …).

    Example: tsr list indicators
    """
    from pipelines.coding.listing import listing, names

    if what not in names():
        raise click.BadParameter(f"{what!r}: choose one of {', '.join(names())}", param_hint="WHAT")
    try:
        actors = _actors(root) if what == "actors" else None
    except TsrError as exc:
        _fail(exc)
    import pandas as pd

    with pd.option_context("display.max_rows", None, "display.max_colwidth", 90, "display.width", 250):
        click.echo(listing(what, actors).to_string(index=False))


def _actors(root: Path) -> list[dict]:
    from pipelines.coding.run import read_actors

    return read_actors(Layout(root))


@cli.command("add-actor")
@root_option
@click.argument("actor_id")
@click.option("--name", required=True, help="Full name as the sources give it; acronyms in brackets: Presidency of Migration Management (DGMM).")
@click.option("--type", "actor_type", required=True, help="A term of actor_type (tsr list actor_type).")
@click.option("--role", default=None)
@click.option("--country", default=None, help="ISO 3166-1 alpha-2.")
@click.option("--parent", default=None, help="actor_id of the body it belongs to.")
@click.option("--also-called", multiple=True, help="Another name the sources use (repeatable): 'interior ministry'.")
def add_actor_command(root: Path, actor_id: str, name: str, actor_type: str, role, country, parent, also_called) -> None:
    """Register an actor in data/coding/actors.yaml, checked as the build checks it.

    Example: tsr add-actor mustafa_ciftci --name "Mustafa Çiftçi" --type person --country TR --parent tr_ministry_of_interior
    """
    from pipelines.coding.additions import add_actor

    layout = Layout(root)
    try:
        row = add_actor(layout.actors_file, layout.rel(layout.actors_file), actor_id=actor_id, name=name,
                        actor_type=actor_type, role=role, country=country, parent=parent,
                        also_called=list(also_called) or None)
    except TsrError as exc:
        _fail(exc)
    click.echo(f"added actor {row['actor_id']} ({row['name']})")


@cli.command("add-indicator")
@click.argument("indicator_id")
@click.option("--label", required=True)
@click.option("--category", required=True, help="A term of category (tsr list category).")
@click.option("--unit", required=True)
@click.option("--measure-type", required=True, help="A term of measure_type (tsr list measure_type).")
@click.option("--definition", required=True, help="What exactly is counted, and how it differs from its neighbours.")
@click.option("--since", default=None, help="Cumulative only: the day the count starts, YYYY-MM-DD.")
@click.option("--may-be-negative", is_flag=True)
@click.option("--part-of-year", default=None, help="Calendar-year flows only: the indicator of the same flow over part of a year.")
def add_indicator_command(indicator_id: str, label, category, unit, measure_type, definition, since, may_be_negative,
                          part_of_year) -> None:
    """Add an indicator to schemas/indicators.yaml, checked as the build checks it.

    Example: tsr add-indicator returns_via_kilis_since_2024_12_08 --label "Returns via Kilis" --category returns
    --unit people --measure-type cumulative --since 2024-12-08 --definition "…"
    """
    from pipelines.coding.additions import add_indicator

    try:
        add_indicator(indicator_id, label=label, category=category, unit=unit, measure_type=measure_type,
                      definition=definition, since=since, may_be_negative=may_be_negative, part_of_year=part_of_year)
    except TsrError as exc:
        _fail(exc)
    click.echo(f"added indicator {indicator_id}")


def main() -> None:
    cli(prog_name="tsr")


if __name__ == "__main__":
    sys.exit(main())
