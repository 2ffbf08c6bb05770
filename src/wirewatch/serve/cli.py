"""The `wirewatch` command: thin commands over the library, rendered with Rich."""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from datetime import date
from importlib import resources
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from ..errors import WirewatchError
from ..ingest import expand_paths
from ..ingest.rss import is_feed_file
from ..models import Event, to_dict
from ..pipeline import RunReport, run
from ..settings import Settings, load_settings
from ..store import EventFilter, Store, is_url, open_store, redact
from .export import FORMATS, export, with_summaries

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode="rich",
                  help="Turn news reports of political violence and unrest into a sourced event dataset.")
console = Console(width=None if sys.stdout.isatty() else 160)
err_console = Console(stderr=True)
DB_HELP = ("SQLite file, or PostgreSQL URL (postgresql://user:password@host:5432/dbname), to read and write "
           "(default: store.db in wirewatch.toml, else wirewatch.db).")


def _settings(db: Optional[str], config: Optional[Path] = None) -> Settings:
    """Settings for a command: --config (else ./wirewatch.toml), the environment, then --db if given."""
    if config is not None and not config.exists():
        raise WirewatchError(f"--config {config}: no such file", hint="check the path, or leave --config out")
    return load_settings(config or "wirewatch.toml", overrides={"store.db": db} if db else None)


def demo_articles() -> Path:
    """Folder of the bundled demo corpus."""
    return Path(str(resources.files("wirewatch") / "data" / "demo" / "articles"))


@app.callback()
def _main(debug: bool = typer.Option(False, "--debug", help="Show tracebacks on errors.")) -> None:
    """Flags for every command; --debug is read again by main() when an error reaches it."""


@app.command("run")
def run_cmd(
    paths: List[Path] = typer.Argument(..., help="Text, HTML, JSONL, WARC files, folders of them, or a feed file "
                                                "(.opml, .feeds, or a .txt of feed URLs) to fetch."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    config: Optional[Path] = typer.Option(None, "--config", help="TOML settings file (default ./wirewatch.toml)."),
    workers: int = typer.Option(0, "--workers", min=0, help="Clean, extract and resolve on a local Dask cluster of "
                                "this many processes (0: in this process). Results are the same."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Clean, extract and resolve on the Dask "
                                            "cluster at this address, e.g. tcp://10.0.0.5:8786; the store is "
                                            "written here (docs/parallel.md)."),
) -> None:
    """Run the whole pipeline over articles and store the events.

    Example: wirewatch run news/ feeds/today.jsonl crawl.warc.gz --db events.db --workers 2
    """
    settings = _settings(db, config)
    store = open_store(settings.store.db)
    report = _run_with_progress(paths, store, settings, workers, scheduler)
    _print_report(report, redact(settings.store.db))
    store.close()
    if report.errors and not (report.new or report.unchanged or report.duplicates):
        raise typer.Exit(2)  # nothing could be read: a script should notice


def _run_with_progress(paths: list[Path], store: Store, settings: Settings, workers: int = 0,
                       scheduler: str | None = None) -> RunReport:
    # A JSONL file, an archive or a feed holds an unknown number of articles: the bar then counts nothing.
    total = None if any(is_feed_file(Path(p)) for p in paths) else (
        sum(1 for p in expand_paths(paths) if p.suffix.lower() in {".txt", ".text", ".html", ".htm"}) or None)
    columns = [SpinnerColumn(), TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
               TimeElapsedColumn()]
    with Progress(*columns, console=err_console, transient=True) as progress:
        task = progress.add_task("reading articles", total=total)

        def advance(source: str) -> None:
            if ":" in Path(source).name and total:
                return  # a JSONL record; the bar counts files
            progress.advance(task)

        return run(paths, store, settings, progress=advance, workers=workers, scheduler=scheduler)


def _print_report(report: RunReport, db: str) -> None:
    for p in report.problems:
        where = f"{p.source} line {p.line}" if p.line else p.source
        colour = "red" if p.level == "error" else "yellow"
        message = p.message if p.message.startswith(p.source) else f"{where}: {p.message}"
        err_console.print(f"[{colour}]{p.level}[/]: {message}" + (f" [dim]({p.hint})[/]" if p.hint else ""),
                          highlight=False)
    console.print(f"{report.read} articles read: {report.new} new, {report.unchanged} already stored, "
                  f"{report.duplicates} duplicates; {report.mentions} mentions; "
                  f"{len(report.events_changed)} events new or updated; {len(report.errors)} inputs refused. "
                  f"Store: {db}", highlight=False)


@app.command("watch")
def watch_cmd(
    feeds: Path = typer.Argument(..., help="A feed list (one RSS or Atom URL a line, # comments) or an OPML file."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    config: Optional[Path] = typer.Option(None, "--config", help="TOML settings file (default ./wirewatch.toml)."),
    interval: Optional[float] = typer.Option(None, "--interval", min=1.0,
                                             help="Seconds between two polls of one feed (default watch.interval, 900)."),
    once: bool = typer.Option(False, "--once", help="Poll every feed that is due once, then exit (for cron)."),
    cycles: Optional[int] = typer.Option(None, "--cycles", min=1, help="Stop after this many rounds of polling."),
) -> None:
    """Poll RSS and Atom feeds and run each new item's page through the pipeline once, until Ctrl-C.

    What each feed has given is kept in the store, so a restarted watch neither misses nor repeats an item.

    Example: wirewatch watch desk.feeds --db events.db --interval 600
    """
    from ..watch import watch

    settings = _settings(db, config)
    if interval is not None:
        settings = replace(settings, watch=replace(settings.watch, interval=interval))
    store = open_store(settings.store.db)
    try:
        report = watch(feeds, store, settings, once=once, cycles=cycles,
                       progress=lambda line: err_console.print(line, markup=False, highlight=False))
    except KeyboardInterrupt:
        console.print(f"Stopped; feed state is saved in {redact(settings.store.db)}.", highlight=False)
        return
    finally:
        store.close()
    for p in report.problems:
        where = f"{p.source} line {p.line}" if p.line else p.source
        err_console.print(f"[red]{p.level}[/]: {where}: {p.message}", highlight=False)
    console.print(f"{report.polls} polls ({report.not_modified} not modified, {report.failed_polls} failed): "
                  f"{report.items} new items, {report.pages} pages read, {report.new} articles stored, "
                  f"{len(report.events_changed)} events new or updated. Store: {redact(settings.store.db)}", highlight=False)


@app.command("events")
def events_cmd(
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    country: Optional[str] = typer.Option(None, help="ISO3 code or country name."),
    type: Optional[str] = typer.Option(None, "--type", help="Event type or sub-event type."),
    since: Optional[str] = typer.Option(None, help="Earliest date, YYYY-MM-DD."),
    until: Optional[str] = typer.Option(None, help="Latest date, YYYY-MM-DD."),
    actor: Optional[str] = typer.Option(None, help="Part of an actor's name."),
    text: Optional[str] = typer.Option(None, help="Words in a source passage."),
    limit: Optional[int] = typer.Option(None, help="At most this many events."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per line instead of a table."),
) -> None:
    """List stored events, oldest first.

    Example: wirewatch events --country RUS --type "Armed clash" --since 2023-05-01
    """
    flt = EventFilter(country, type, _day(since, "--since"), _day(until, "--until"), actor, text, limit)
    store = _existing_store(_settings(db).store.db)
    events = list(store.events(flt))
    if as_json:
        for event in events:
            sys.stdout.write(json.dumps(to_dict(event) | {"corroboration": event.corroboration}) + "\n")
    else:
        console.print(events_table(events))
    store.close()


def events_table(events: list[Event]) -> Table:
    """The events as a Rich table."""
    table = Table(title=f"{len(events)} events", show_lines=False)
    for name in ("id", "date", "type", "actor1", "actor2", "place", "deaths", "claim", "src"):
        table.add_column(name, overflow="fold")
    for e in events:
        place = e.place
        where = f"{place.name}{', ' + place.admin1 if place.admin1 and place.admin1 != place.name else ''} " \
                f"[dim]({place.iso}, p{int(place.precision)})[/]" if place else "?"
        table.add_row(e.id, f"{e.date.start} [dim]p{int(e.date.precision)}[/]", e.sub_event_type,
                      e.actor1.name if e.actor1 else "", e.actor2.name if e.actor2 else "", where,
                      "" if e.fatalities is None else str(e.fatalities.best), e.claim_status.value,
                      str(e.corroboration))
    return table


@app.command("show")
def show_cmd(event_id: str = typer.Argument(..., help="An id from `wirewatch events`."),
             db: Optional[str] = typer.Option(None, "--db", help=DB_HELP)) -> None:
    """Show one event and every source passage, the words behind each field highlighted.

    Example: wirewatch show ev-3f2a9c1b7d4e
    """
    store = _existing_store(_settings(db).store.db)
    with store.snapshot():   # a `watch` merging this event meanwhile must not leave it without its sources
        event = store.event(event_id)
        merges = store.merges_into(event_id)
        sources = [(mention, reason, store.article(mention.article_id))
                   for mention, reason in store.mentions_of(event_id)]
    console.print(events_table([event]))
    for note in event.notes:
        console.print(f"[dim]note:[/] {note}", highlight=False)
    # Events that fusion merged into this one, each with the report that tied them.
    for absorbed, reason, when in merges:
        console.print(f"[dim]merged in {absorbed} ({when}):[/] {reason}", highlight=False)
    for mention, reason, article in sources:
        console.rule(f"{article.outlet or '?'} · {article.published or 'no date'} · {article.url or article.source}")
        console.print(f"[dim]{mention.attribution.kind.value}"
                      f"{': ' + mention.attribution.source if mention.attribution.source else ''} · {reason}[/]",
                      highlight=False)
        console.print(highlight_passage(article.text, mention))
    store.close()


_STYLES = {"trigger": "bold red", "actor1": "bold cyan", "actor2": "cyan", "target": "magenta",
           "place_text": "bold green", "date_text": "bold yellow", "fatalities": "bold white on red",
           "injured": "bold white on magenta", "attribution": "italic blue"}


def highlight_passage(text: str, mention) -> Text:
    """The mention's passage with each field's span styled, plus a legend line."""
    start, end = mention.passage.start, mention.passage.end
    out = Text(text[start:end])
    legend = []
    for name, style in _STYLES.items():
        value = getattr(mention, name)
        span = getattr(value, "span", None)
        if span is None:
            continue
        if start <= span.start and span.end <= end:
            out.stylize(style, span.start - start, span.end - start)
        legend.append(Text(f" {name.replace('_text', '')}: {text[span.start:span.end]} ", style=style))
    return Text("\n").join([out, Text(" ").join(legend)])


@app.command("export")
def export_cmd(
    fmt: str = typer.Option("csv", "--format", "-f", help=f"One of: {', '.join(FORMATS)}."),
    output: Path = typer.Option(..., "-o", "--output", help="File to write."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Export every stored event as ACLED-column CSV, GeoJSON or JSON Lines.

    Example: wirewatch export --format geojson -o out/events.geojson
    """
    if fmt not in FORMATS:
        raise WirewatchError(f"--format {fmt!r} is not known", hint=f"use one of {', '.join(FORMATS)}")
    store = _existing_store(_settings(db).store.db)
    with store.snapshot():   # no event merged away halfway through the file
        count = export(with_summaries(store, store.events(EventFilter())), fmt, output)
    console.print(f"wrote {count} events to {output}")
    store.close()


@app.command("demo")
def demo_cmd(
    db: str = typer.Option("out/demo.db", "--db", help=DB_HELP),
    out: Path = typer.Option(Path("out"), "--out", help="Folder for events.csv and events.geojson."),
) -> None:
    """Run the pipeline on the bundled demo corpus, print the events and write the exports.

    Example: wirewatch demo --db out/demo.db --out out
    """
    settings = _settings(db)
    store = open_store(settings.store.db)
    report = _run_with_progress([demo_articles()], store, settings)
    _print_report(report, redact(settings.store.db))
    events = list(store.events(EventFilter()))
    console.print(events_table(events))
    for fmt in ("csv", "geojson"):
        count = export(with_summaries(store, events), fmt, out / f"events.{fmt}")
        console.print(f"wrote {count} events to {out / f'events.{fmt}'}")
    store.close()


@app.command("evaluate")
def evaluate_cmd(
    gold: Optional[Path] = typer.Option(None, "--gold", help="Gold JSONL file or folder (default: the demo gold)."),
    db: str = typer.Option("out/demo.db", "--db", help="Store holding the pipeline's output for the gold articles."),
    case2021: Optional[Path] = typer.Option(None, "--case2021",
                                            help="Score event typing on CASE 2021 Task 2 snippets (a TSV) instead."),
    ucdp: Optional[Path] = typer.Option(None, "--ucdp",
                                        help="Score place resolution on UCDP GED headlines (a CSV) instead."),
    acled: Optional[Path] = typer.Option(None, "--acled",
                                         help="Score places and tolls on the notes of an ACLED export (a CSV) instead."),
    gva: Optional[Path] = typer.Option(None, "--gva",
                                       help="Score fusion on the GVA news folder (runs the pipeline in a scratch store)."),
    geoparsing: Optional[Path] = typer.Option(None, "--geoparsing",
                                              help="Score toponym spans and resolution on the LGL, TR-News and "
                                                   "GeoVirus XML files in a folder instead."),
    limit: Optional[int] = typer.Option(None, "--limit", min=1,
                                        help="With --gva or --acled: score only the first N articles or notes "
                                             "(for development)."),
    as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
) -> None:
    """Score stored events against a gold file: event-level P/R/F1 and per-field accuracy.

    Example: wirewatch demo && wirewatch evaluate --db out/demo.db
    Example: wirewatch evaluate --case2021 ../shared/eval/case2021/task2_dev.tsv
    Example: wirewatch evaluate --ucdp ../shared/eval/ucdp/ucdp_ged231_sample1000.csv
    Example: wirewatch evaluate --gva ../shared/eval/gva_news
    Example: wirewatch evaluate --acled ../shared/eval/acled/acled_africa_2016_notes.csv --limit 500
    Example: wirewatch evaluate --geoparsing ../shared/eval/geoparsing
    """
    from ..evaluate import evaluate, render_report, render_typing
    from ..evaluate.typing import read_case2021, score_typing

    if case2021 is not None:
        figures = score_typing(read_case2021(case2021), _settings(None).extract)
        if as_json:
            sys.stdout.write(json.dumps(figures, indent=2) + "\n")
        else:
            render_typing(figures, console)
        return
    if geoparsing is not None:
        _evaluate_geoparsing(geoparsing, as_json)
        return
    if ucdp is not None or gva is not None or acled is not None:
        from ..evaluate.fusion import score_gva
        from ..evaluate.places import score_ucdp

        if ucdp is not None:
            figures = score_ucdp(ucdp)
        elif gva is not None:
            figures = score_gva(gva, _settings(None), limit)
        else:
            figures = _evaluate_acled(acled, limit)
        if as_json:
            sys.stdout.write(json.dumps(figures, indent=2) + "\n")
        else:
            for key, value in figures.items():
                console.print(f"{key:>18}: {value}")
        return
    store = _existing_store(_settings(db).store.db)
    figures = evaluate(store, gold)
    store.close()
    if as_json:
        sys.stdout.write(json.dumps(figures, indent=2) + "\n")
    else:
        render_report(figures, console)


def _evaluate_acled(path: Path, limit: int | None) -> dict:
    """ACLED figures, with a progress bar over the notes."""
    from ..evaluate.acled import read_acled, score_acled

    total = len({r["notes"].strip() for r in read_acled(path, limit)})   # the bar counts notes read once each
    columns = [SpinnerColumn(), TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
               TimeElapsedColumn()]
    with Progress(*columns, console=err_console, transient=True) as bar:
        task = bar.add_task("reading notes", total=total)
        return score_acled(path, _settings(None), limit, progress=lambda n: bar.advance(task, n))


def _evaluate_geoparsing(folder: Path, as_json: bool) -> None:
    """Print geoparsing figures per set; a set missing from the folder is named and skipped."""
    from ..evaluate.geoparsing import score_geoparsing

    figures, skipped = score_geoparsing(folder)
    for message in skipped:
        err_console.print(f"[yellow]{message}[/yellow]")
    if as_json:
        sys.stdout.write(json.dumps(figures, indent=2) + "\n")
        return
    for name, set_figures in figures.items():
        console.print(f"[bold]{name}[/bold]")
        for key, value in set_figures.items():
            console.print(f"{key:>18}: {value}")


@app.command("serve")
def serve_cmd(
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (0.0.0.0 for every interface)."),
    port: int = typer.Option(8000, "--port", help="Port to listen on."),
    token: Optional[str] = typer.Option(None, "--token", envvar="WIREWATCH_TOKEN",
                                        help="Token every write (POST) must send as `Authorization: Bearer ...`."),
    workers: int = typer.Option(1, "--workers", min=1, help="Server processes; each answers on its own CPU core."),
) -> None:
    """Serve the store over HTTP: the page with map and timeline at /, the API under /api, OpenAPI at /docs.

    Example: wirewatch serve --db out/demo.db --port 8000 --workers 2
    """
    import os

    import uvicorn

    from .api import create_app

    settings = _settings(db)
    if workers == 1:
        uvicorn.run(create_app(settings, token=token), host=host, port=port)
        return
    # Worker processes build their own app from the environment: hand them the store and the token there.
    os.environ["WIREWATCH_STORE_DB"] = settings.store.db
    if token:
        os.environ["WIREWATCH_TOKEN"] = token
    uvicorn.run("wirewatch.serve.api:app_from_environment", factory=True, host=host, port=port, workers=workers)


def _existing_store(db: str) -> Store:
    if not is_url(db) and not Path(db).exists():
        raise WirewatchError(f"no database at {db}", hint="run `wirewatch run PATH --db ...` first, or pass --db")
    return open_store(db)


def _day(value: Optional[str], option: str) -> Optional[date]:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise WirewatchError(f"{option} {value!r} is not a date", hint="use YYYY-MM-DD") from None


def main() -> None:
    """Entry point: WirewatchError becomes one line, a hint and exit code 2."""
    try:
        app()
    except WirewatchError as err:
        if "--debug" in sys.argv:
            raise
        err_console.print(f"[red]error[/]: {err}" + (f"\n[dim]hint: {err.hint}[/]" if err.hint else ""),
                          highlight=False)
        sys.exit(2)
