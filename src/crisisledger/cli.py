"""The command line: parses, calls the library, formats. Heavy imports happen inside commands."""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Any

import click

from crisisledger import __version__, settings
from crisisledger.errors import CrisisLedgerError
from crisisledger.model import EventType, FigureKind

EVENT_TYPES = [t.value for t in EventType]
FIGURE_KINDS = [k.value for k in FigureKind]


def _console(stderr: bool = False) -> Any:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=False)


def _fail(message: str, code: int) -> None:
    click.echo(f"crisisledger: {message}", err=True)
    sys.exit(code)


class DateParam(click.ParamType[str]):
    name = "DATE"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        import re

        if isinstance(value, str) and re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
            return value
        self.fail(f"{value!r} is not YYYY-MM-DD, YYYY-MM or YYYY", param, ctx)


DATE = DateParam()


def db_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--db", "db", metavar="FILE|URL", help="Ledger file or URL (default ./crisisledger.db or $CRISISLEDGER_DB)."
    )(f)


def _use_config(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    if value:
        os.environ[settings.CONFIG_ENV] = value


def common(f: Callable[..., Any]) -> Callable[..., Any]:
    f = click.option(
        "--config",
        metavar="FILE",
        expose_value=False,
        callback=_use_config,
        is_eager=True,
        help="Settings file (TOML, [crisisledger] table); also $CRISISLEDGER_CONFIG.",
    )(f)
    f = click.option("-q", "--quiet", is_flag=True, help="Errors only.")(f)
    f = click.option("-v", "--verbose", is_flag=True, help="Debug log on stderr.")(f)
    return db_option(f)


def filter_options(f: Callable[..., Any]) -> Callable[..., Any]:
    options = [
        click.option("--since", type=DATE, help="Records whose date range ends on or after DATE."),
        click.option("--until", type=DATE, help="Records whose date range starts on or before DATE."),
        click.option("--country", metavar="ISO3", help="Country of the place (ISO 3166-1 alpha-3)."),
        click.option("--place", metavar="NAME", help="Place name (case-insensitive)."),
        click.option("--actor", metavar="ID|NAME", help="Actor id or name among actors or targets."),
        click.option("--document", metavar="ID", help="Document id or prefix."),
        click.option("--limit", type=click.IntRange(min=1), help="At most N rows."),
        click.option("--json", "as_json", is_flag=True, help="One JSON array on stdout."),
    ]
    for option in reversed(options):
        f = option(f)
    return f


def _setup_logging(verbose: bool, quiet: bool) -> None:
    level = logging.DEBUG if verbose else logging.ERROR if quiet else logging.WARNING
    logging.basicConfig(level=level, stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s")


def _store(db: str | None) -> Any:
    from crisisledger.ledger.sql import open_store

    try:
        return open_store(settings.get("db", db))
    except settings.SettingsError as exc:
        _fail(f"{exc} [{exc.code}]", 2)
    except CrisisLedgerError as exc:
        _fail(f"{exc} [{exc.code}]", 3)


def _filters(**kw: Any) -> Any:
    from crisisledger.ledger.store import Filters

    types = tuple(kw.pop("types", ()) or ())
    return Filters(types=types, **{k: v for k, v in kw.items() if k in Filters.__dataclass_fields__})


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="crisisledger")
def main() -> None:
    """crisisledger: news reports about wars and crises in, a sourced event ledger out.

    Start with `crisisledger demo`, then `crisisledger events`, `figures`, `places`, `show ID`.
    """


# -- ingest -----------------------------------------------------------------------------------------
@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path, allow_dash=True))
@common
@click.option("--published", type=DATE, help="Publication date for every input (YYYY-MM-DD).")
@click.option("--outlet", metavar="NAME", help="Outlet for every input.")
@click.option("--title", metavar="T", help="Title for every input.")
@click.option("--url", metavar="U", help="URL for every input.")
@click.option(
    "--input-format",
    type=click.Choice(["auto", "text", "html", "jsonl"]),
    default="auto",
    show_default=True,
    help="How to read the inputs.",
)
@click.option("--workers", type=click.IntRange(min=1), help="Processes for extraction (default: all cores).")
@click.option("--max-bytes", type=click.IntRange(min=1), default=20_000_000, show_default=True, help="Per-input limit.")
@click.option(
    "--dictionary",
    metavar="DIR",
    help="Also code with this PETRARCH-format coding dictionary (verbs, actors, agents, discards files); "
    "its verbs and actors are read before the built-in lexicon.",
)
def ingest(
    paths: tuple[Path, ...],
    db: str | None,
    quiet: bool,
    verbose: bool,
    published: str | None,
    outlet: str | None,
    title: str | None,
    url: str | None,
    input_format: str,
    workers: int | None,
    max_bytes: int,
    dictionary: str | None,
) -> None:
    """Read reports (text, HTML, JSON Lines, folders of them, or - for stdin) into the ledger.

    Idempotent: a report already in the ledger (same text and outlet) changes nothing. An input that
    cannot be read is reported on stderr and skipped; the others land. Exit 1 when some failed, 3
    when none landed.
    """
    from crisisledger.intake.dates import parse_date
    from crisisledger.intake.readers import Overrides
    from crisisledger.jobs.ingest import default_workers, iter_inputs, read_stdin

    _setup_logging(verbose, quiet)
    folder = _dictionary_folder(dictionary)
    overrides = Overrides(published=parse_date(published), outlet=outlet, title=title, url=url)
    files = [p for p in paths if str(p) != "-"]
    items: list[Any] = list(iter_inputs(files, overrides, max_bytes=max_bytes, fmt=input_format))
    if any(str(p) == "-" for p in paths):
        items += list(read_stdin(sys.stdin.buffer.read(), overrides))
    store = _store(db)
    summary = _run_ingest(store, items, workers or default_workers(), quiet, folder)
    store.close()
    _print_summary(summary, quiet)
    if summary.skipped and not (summary.ingested or summary.unchanged):
        sys.exit(3)
    if summary.skipped:
        sys.exit(1)


def _dictionary_folder(flag: str | None) -> Path | None:
    """The coding dictionary folder (flag, environment, settings file), checked before any input is read."""
    from crisisledger.extract.coding_dictionary import DictionaryError, load_dictionary

    value = settings.get("dictionary", flag)
    if not value:
        return None
    try:
        load_dictionary(Path(value))
    except (DictionaryError, OSError) as exc:
        _fail(str(exc), 2)
    return Path(value)


def _run_ingest(store: Any, items: list[Any], workers: int, quiet: bool, dictionary: Path | None = None) -> Any:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from crisisledger.jobs.ingest import ingest as run
    from crisisledger.link.hooks import link_document

    def report_error(source: str, reason: str, code: str) -> None:
        click.echo(f"crisisledger: {source}: {reason} [{code}]", err=True)

    console = _console(stderr=True)
    with Progress(
        TextColumn("ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeRemainingColumn(),
        console=console,
        disable=quiet or not console.is_terminal,
        transient=True,
    ) as progress:
        task = progress.add_task("ingest", total=len(items), rate="")
        try:
            return run(
                store,
                items,
                workers=workers,
                on_progress=lambda _: progress.advance(task),
                on_error=report_error,
                after_add=lambda record: link_document(store, record),
                dictionary=dictionary,
            )
        except KeyboardInterrupt:
            click.echo("crisisledger: interrupted; every document already stored is complete", err=True)
            sys.exit(130)


def _print_summary(summary: Any, quiet: bool) -> None:
    if quiet and not summary.skipped:
        return
    reasons = ", ".join(f"{n} {code}" for code, n in sorted(summary.reasons.items()))
    line = f"{summary.ingested} ingested, {summary.unchanged} unchanged, {len(summary.skipped)} skipped"
    click.echo(line + (f" ({reasons})" if reasons else ""), err=True)


# -- listings ---------------------------------------------------------------------------------------
# Table columns (field, header) of the listings; the demo shows a narrower cut of the same tables.
EVENT_COLUMNS = [
    ("document", "document"),
    ("id", "event"),
    ("type", "type"),
    ("mode", "mode"),
    ("date_start", "from"),
    ("date_end", "to"),
    ("place", "place"),
    ("actors", "actors"),
    ("targets", "targets"),
    ("certainty", "certainty"),
    ("evidence", "evidence"),
]
FIGURE_COLUMNS = [
    ("document", "document"),
    ("id", "figure"),
    ("kind", "kind"),
    ("value", "value"),
    ("value_min", "min"),
    ("value_max", "max"),
    ("qualifier", "qualifier"),
    ("who", "who"),
    ("place", "place"),
    ("as_of", "as of"),
    ("certainty", "certainty"),
    ("attributed_to", "source"),
    ("outlet", "outlet"),
]
DEMO_EVENT_FIELDS = ("date_start", "type", "mode", "place", "actors", "targets", "certainty", "evidence")
DEMO_FIGURE_FIELDS = ("as_of", "kind", "value", "value_min", "value_max", "qualifier", "who", "place", "outlet")


def _pick(columns: list[tuple[str, str]], fields: tuple[str, ...]) -> list[tuple[str, str]]:
    return [c for c in columns if c[0] in fields]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:,.0f}" if value.is_integer() else f"{value:,.4g}"
    return str(value)


def _emit(rows: list[dict[str, Any]], columns: Iterable[tuple[str, str]], as_json: bool, title: str) -> None:
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1, default=str))
        return
    from rich.table import Table

    table = Table(title=title, show_lines=False)
    cols = list(columns)
    for _, header in cols:
        table.add_column(header, overflow="fold")
    for row in rows:
        table.add_row(*[_cell(row.get(k)) for k, _ in cols])
    _console().print(table)


@main.command()
@common
@filter_options
@click.option("--type", "types", multiple=True, type=click.Choice(EVENT_TYPES), help="Event type (repeatable).")
@click.option("--certainty", type=click.Choice(["asserted", "reported", "unconfirmed", "alleged", "denied"]))
@click.option("--clustered", is_flag=True, help="One row per cluster of events told by several reports.")
def events(db: str | None, quiet: bool, verbose: bool, as_json: bool, clustered: bool, **kw: Any) -> None:
    """Events in the ledger: type, date, place, actors, certainty, and the sentence they come from."""
    _setup_logging(verbose, quiet)
    store = _store(db)
    if clustered:
        from crisisledger.link.hooks import cluster_rows

        rows = cluster_rows(store, _filters(**kw))
        cols = [
            ("id", "cluster"),
            ("type", "type"),
            ("date", "date"),
            ("place", "place"),
            ("sources", "sources"),
            ("members", "reports"),
            ("evidence", "evidence"),
        ]
        _emit(rows, cols, as_json, "Event clusters")
        return
    rows = store.events(_filters(**kw))
    cols = EVENT_COLUMNS
    _emit(rows, cols, as_json, "Events")


@main.command()
@common
@filter_options
@click.option("--kind", type=click.Choice(FIGURE_KINDS), help="Figure kind.")
@click.option("--series", is_flag=True, help="Figures grouped into series across reports.")
@click.option("--plot", type=click.Path(path_type=Path), help="With --series: draw the series into FILE.png.")
def figures(
    db: str | None, quiet: bool, verbose: bool, as_json: bool, series: bool, plot: Path | None, **kw: Any
) -> None:
    """Figures (killed, injured, displaced ...) with qualifier, date, place and source."""
    _setup_logging(verbose, quiet)
    store = _store(db)
    if series or plot:
        from crisisledger.link.hooks import series_rows

        rows = series_rows(store, _filters(**kw), plot)
        cols = [
            ("id", "series"),
            ("kind", "kind"),
            ("who", "who"),
            ("place", "place"),
            ("latest", "latest"),
            ("highest_credible", "highest credible"),
            ("points", "points"),
            ("flags", "flags"),
        ]
        _emit(rows, cols, as_json, "Figure series")
        return
    rows = store.figures(_filters(**kw))
    cols = FIGURE_COLUMNS
    _emit(rows, cols, as_json, "Figures")


@main.command()
@common
@filter_options
@click.option("--unresolved", is_flag=True, help="Only the names the gazetteer could not place.")
def places(db: str | None, quiet: bool, verbose: bool, as_json: bool, unresolved: bool, **kw: Any) -> None:
    """Places named in the reports, with mention counts, coordinates and precision."""
    _setup_logging(verbose, quiet)
    store = _store(db)
    grouped: dict[tuple[Any, ...], dict[str, Any]] = {}
    for p in store.places(_filters(**kw)):
        if unresolved and p.get("name"):
            continue
        key = (p.get("name") or p["text"], p.get("country"), p.get("precision"))
        row = grouped.setdefault(
            key,
            {
                "name": key[0],
                "country": key[1],
                "precision": key[2],
                "lat": p.get("lat"),
                "lon": p.get("lon"),
                "geonames_id": p.get("geonames_id"),
                "mentions": 0,
                "texts": set(),
            },
        )
        row["mentions"] += 1
        row["texts"].add(p["text"])
    rows = sorted(grouped.values(), key=lambda r: (-r["mentions"], r["name"]))
    for r in rows:
        r["texts"] = ", ".join(sorted(r["texts"]))
    cols = [
        ("name", "place"),
        ("texts", "as written"),
        ("mentions", "mentions"),
        ("country", "country"),
        ("precision", "precision"),
        ("lat", "lat"),
        ("lon", "lon"),
    ]
    _emit(rows, cols, as_json, "Places")


@main.command()
@click.argument("doc_id")
@common
@click.option("--json", "as_json", is_flag=True, help="The per-document object as JSON.")
def show(doc_id: str, db: str | None, quiet: bool, verbose: bool, as_json: bool) -> None:
    """One report with its records; evidence highlighted (an id prefix of 6+ characters will do)."""
    from crisisledger.export.show import render_document

    store = _store(db)
    full = doc_id if store.has(doc_id) else store.resolve_id(doc_id)
    record = store.record(full) if full else None
    if record is None:
        _fail(f"{doc_id}: no such document (or the prefix is not unique)", 2)
        return
    if as_json:
        click.echo(json.dumps(record, ensure_ascii=False, indent=1))
        return
    render_document(record, _console())


@main.command()
@common
@filter_options
@click.option("--type", "types", multiple=True, type=click.Choice(EVENT_TYPES), help="Event type (repeatable).")
def timeline(db: str | None, quiet: bool, verbose: bool, as_json: bool, **kw: Any) -> None:
    """Event clusters by date: what happened, where, and how many independent outlets told it."""
    from crisisledger.link.hooks import timeline_rows

    _setup_logging(verbose, quiet)
    rows = timeline_rows(_store(db), _filters(**kw))
    cols = [
        ("date", "date"),
        ("type", "type"),
        ("place", "place"),
        ("actors", "actors"),
        ("sources", "sources"),
        ("evidence", "evidence"),
    ]
    _emit(rows, cols, as_json, "Timeline")


# -- files out --------------------------------------------------------------------------------------
@main.command()
@common
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "csv"]), default="json", show_default=True)
@click.option("-o", "--output", type=click.Path(path_type=Path), help="File to write (default stdout).")
@click.option("--section", type=click.Choice(["clusters", "series", "revisions"]), help="jsonl: this section.")
@click.option("--clustered", is_flag=True, help="csv: one row per cluster.")
@click.option("--since", type=DATE)
@click.option("--until", type=DATE)
@click.option("--document", metavar="ID")
def export(
    db: str | None,
    quiet: bool,
    verbose: bool,
    fmt: str,
    output: Path | None,
    section: str | None,
    clustered: bool,
    since: str | None,
    until: str | None,
    document: str | None,
) -> None:
    """Write the ledger: json (the canonical envelope), jsonl (one document per line) or csv (one row per event)."""
    from crisisledger.export.formats import envelope, write_csv, write_json, write_jsonl
    from crisisledger.link.hooks import links

    _setup_logging(verbose, quiet)
    store = _store(db)
    filters = _filters(since=since, until=until, document=document)
    records = list(store.records(filters))
    clusters, series = links(store, records)
    out = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
    try:
        if fmt == "json":
            write_json(envelope(records, clusters, series, store.revisions()), out)
        elif fmt == "jsonl":
            chosen = {"clusters": clusters, "series": series, "revisions": store.revisions()}
            write_jsonl(chosen[section] if section else records, out)
        else:
            members = {(m["document"], m["event"]): c["id"] for c in clusters for m in c["members"]}
            write_csv(records, out, members)
    finally:
        if output:
            out.close()


@main.command()
@click.option("-o", "--output", type=click.Path(path_type=Path), help="File to write (default stdout).")
def schema(output: Path | None) -> None:
    """Print the JSON Schema of the export (crisisledger/1)."""
    from crisisledger.export.formats import schema as load_schema

    text = json.dumps(load_schema(), indent=1, ensure_ascii=False) + "\n"
    if output:
        output.write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=False)


# -- quality ----------------------------------------------------------------------------------------
@main.command(name="eval")
@click.argument("golds", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--db", "db", metavar="FILE", help="Keep the ledger built for scoring in FILE.")
@click.option("--json", "as_json", is_flag=True, help="One object per gold (an array for several).")
@click.option("--export", "export_file", type=click.Path(path_type=Path, exists=True), help="Score this export.")
@click.option("--floors", type=click.Path(path_type=Path, exists=True), help='JSON {"events.f1": 0.4, ...}.')
@click.option("--shuffle", type=int, metavar="SEED", help="Series golds: ingest documents in a seeded order.")
@click.option("-q", "--quiet", is_flag=True)
@click.option("-v", "--verbose", is_flag=True)
def eval_command(
    golds: tuple[Path, ...],
    db: str | None,
    as_json: bool,
    export_file: Path | None,
    floors: Path | None,
    shuffle: int | None,
    quiet: bool,
    verbose: bool,
) -> None:
    """Score the ledger against gold files (crisisledger-gold/1 and crisisledger-series-gold/1).

    Each gold's reports are ingested into a temporary ledger (or --db) with the gold's date and outlet.
    Low scores never change the exit status; unreadable golds (1) or failed ingests (3) do.
    """
    from crisisledger.evaluate.runner import evaluate_gold

    _setup_logging(verbose, quiet)
    results, status = [], 0
    floor_map = json.loads(floors.read_text("utf-8")) if floors else None
    for gold in golds:
        try:
            results.append(evaluate_gold(gold, db=db, export_file=export_file, shuffle=shuffle))
        except CrisisLedgerError as exc:
            click.echo(f"crisisledger: {gold}: {exc} [{exc.code}]", err=True)
            status = max(status, 3 if exc.code not in ("GOLD",) else 1)
    if as_json:
        click.echo(json.dumps(results[0] if len(results) == 1 else results, indent=1))
    else:
        from crisisledger.evaluate import below_floors, render_tables

        console = _console()
        for result in results:
            render_tables(result, console)
            if floor_map:
                for line in below_floors(result["scores"], floor_map):
                    console.print(f"[red]below floor[/red] {line}")
    sys.exit(status)


@main.command()
@db_option
@click.option("-q", "--quiet", is_flag=True)
def demo(db: str | None, quiet: bool) -> None:
    """Ingest the packaged sample reports (the project's own words) and print the ledger."""
    from importlib import resources

    from crisisledger.intake.readers import Overrides
    from crisisledger.jobs.ingest import iter_inputs

    folder = resources.files("crisisledger").joinpath("samples")
    with resources.as_file(folder) as path:
        items = list(iter_inputs([Path(path)], Overrides()))
        store = _store(db)
        summary = _run_ingest(store, items, 1, quiet)
    _print_summary(summary, quiet)
    console = _console()
    console.print(f"[bold]Ledger {settings.get('db', db)}[/bold]: {store.count()} reports")
    _emit(store.events(), _pick(EVENT_COLUMNS, DEMO_EVENT_FIELDS), False, "Events")
    _emit(store.figures(), _pick(FIGURE_COLUMNS, DEMO_FIGURE_FIELDS), False, "Figures")
    console.print("Next: crisisledger places · crisisledger show ID · crisisledger export --format json")


@main.group()
def lexicon() -> None:
    """The editable data files behind actors, event triggers and roles."""


@lexicon.command("check")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path, exists=True))
@click.option("--dictionary", metavar="DIR", help="Also read this PETRARCH-format coding dictionary folder.")
def lexicon_check(paths: tuple[Path, ...], dictionary: str | None) -> None:
    """Validate the packaged lexicon files (or those given); one line per problem, exit 1 when any."""
    from crisisledger.extract.coding_dictionary import DictionaryError, load_dictionary
    from crisisledger.lexicon.check import check_lexicons

    problems = check_lexicons(list(paths) or None)
    if dictionary:
        try:
            click.echo(load_dictionary(Path(dictionary)).summary(), err=True)
        except (DictionaryError, OSError) as exc:
            problems.append(str(exc))
    for line in problems:
        click.echo(line)
    if problems:
        sys.exit(1)
    click.echo("lexicons ok", err=True)


@main.group()
def gazetteer() -> None:
    """The place index (GeoNames, CC BY 4.0)."""


@gazetteer.command("build")
@click.option("--geonames", type=click.Path(path_type=Path, exists=True), required=True, help="A GeoNames dump zip.")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Index file (default: the user data folder).")
def gazetteer_build(geonames: Path, output: Path | None) -> None:
    """Build a full index from a GeoNames dump (allCountries.zip, or a country file such as AZ.zip)."""
    from crisisledger.gazetteer import build_from_geonames_dump, default_index_path

    target = output or default_index_path()
    build_from_geonames_dump(geonames, target)
    click.echo(str(target))


def today() -> date:
    return date.today()


if __name__ == "__main__":
    main()
