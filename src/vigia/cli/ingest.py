"""``vigia ingest``: read report files, extract their facts and store them in the database."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import click
from sqlalchemy.exc import DataError, IntegrityError, OperationalError
from sqlalchemy.orm import Session

from vigia.cli.database import database_option, database_session
from vigia.errors import InvalidDocumentError
from vigia.ingest import UnreadableFileError
from vigia.records import StoredDocument
from vigia.services.archives import SchedulerUnreachable, dask_client, ingest_on_cluster
from vigia.services.databases import describe_error
from vigia.services.ingestion import ingest_path

#: Erases the progress bar's line on a terminal, so that result lines do not run into it.
CLEAR_LINE = "\r\x1b[K"


def outcome_line(path: Path, stored: StoredDocument) -> str:
    if not stored.created:
        return f"unchanged {path} (already stored)"
    facts = stored.counts.get("facts", 0)
    return f"stored {path}: {facts} {'fact' if facts == 1 else 'facts'}"


@contextmanager
def _progress(files: tuple[Path, ...]) -> Iterator[Iterable[Path]]:
    """The files, behind a progress bar when there are several and standard error is a terminal."""
    if len(files) < 2 or not sys.stderr.isatty():
        yield files
        return
    with click.progressbar(files, label="ingesting", file=sys.stderr) as bar:
        yield bar


def _say(line: str, error: bool = False) -> None:
    if sys.stderr.isatty():
        sys.stderr.write(CLEAR_LINE)
    click.echo(line, err=error)


def _ingest_and_report(session: Session, path: Path) -> int:
    """Ingest one file and print its line; the exit status it calls for (0, 1 or 2)."""
    try:
        stored = ingest_path(session, path)
    except OperationalError:  # the database itself fails: no point going on
        raise
    except Exception as error:
        session.rollback()
        return _report_error(path, error)
    _say(outcome_line(path, stored))
    return 0


def _report_error(path: Path, error: Exception) -> int:
    """Print the line for a file that failed; the exit status it calls for (1 or 2)."""
    if isinstance(error, UnreadableFileError | InvalidDocumentError):
        _say(f"error: {error}", error=True)
        return 2
    if isinstance(error, IntegrityError | DataError):  # data refused, not a broken database
        _say(f"error: {path}: cannot store: {describe_error(error)}", error=True)
        return 2
    # a fault of Vigía's on this file must not stop the batch
    detail = " ".join(str(error).split())
    _say(f"error: {path}: extraction failed ({type(error).__name__}: {detail})", error=True)
    return 1


def _on_cluster(
    session: Session, files: tuple[Path, ...], address: str | None, workers: int
) -> set[int]:
    statuses = set()
    with dask_client(address, workers) as client:
        for outcome in ingest_on_cluster(session, files, client):
            if outcome.stored is not None:
                _say(outcome_line(outcome.path, outcome.stored))
                statuses.add(0)
            elif isinstance(outcome.error, OperationalError):
                raise outcome.error
            else:
                statuses.add(_report_error(outcome.path, outcome.error or RuntimeError("lost")))
    return statuses


@click.command("ingest")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@database_option
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=None,
    help="Extract on a local Dask cluster of N processes; the database has one writer.",
)
@click.option(
    "--dask",
    "address",
    metavar="ADDRESS",
    default=None,
    help="Extract on the Dask cluster whose scheduler is at ADDRESS (tcp://host:8786).",
)
def command(
    files: tuple[Path, ...], database_url: str, workers: int | None, address: str | None
) -> None:
    """Read FILES, extract their facts and store everything in the database.

    A file whose content is already stored is left as it is. A file that cannot be read or stored
    prints one error line and makes the exit status 2; the others still go through. A database
    that cannot be opened, or a file that Vigía fails on while extracting it, makes it 1.

    With --workers or --dask the files are extracted on a Dask cluster, in parallel, and stored by
    this process as they come back: their lines come in the order they finish.
    """
    if workers is None and address is None:
        with database_session(database_url, migrate=True) as session, _progress(files) as paths:
            statuses = {_ingest_and_report(session, path) for path in paths}
    else:
        with database_session(database_url, migrate=True) as session:
            try:
                statuses = _on_cluster(session, files, address, workers or 2)
            except SchedulerUnreachable as error:
                raise click.ClickException(str(error)) from error
    if 1 in statuses:
        sys.exit(1)
    if 2 in statuses:
        sys.exit(2)
