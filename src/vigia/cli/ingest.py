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
    except (UnreadableFileError, InvalidDocumentError) as error:
        _say(f"error: {error}", error=True)
        return 2
    except (IntegrityError, DataError) as error:  # data refused, not a broken database
        session.rollback()
        _say(f"error: {path}: cannot store: {describe_error(error)}", error=True)
        return 2
    except OperationalError:  # the database itself fails: no point going on
        raise
    except Exception as error:  # a fault of Vigía's on this file must not stop the batch
        session.rollback()
        detail = " ".join(str(error).split())
        _say(f"error: {path}: extraction failed ({type(error).__name__}: {detail})", error=True)
        return 1
    _say(outcome_line(path, stored))
    return 0


@click.command("ingest")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@database_option
def command(files: tuple[Path, ...], database_url: str) -> None:
    """Read FILES, extract their facts and store everything in the database.

    A file whose content is already stored is left as it is. A file that cannot be read or stored
    prints one error line and makes the exit status 2; the others still go through. A database
    that cannot be opened, or a file that Vigía fails on while extracting it, makes it 1.
    """
    with database_session(database_url, migrate=True) as session, _progress(files) as paths:
        statuses = {_ingest_and_report(session, path) for path in paths}
    if 1 in statuses:
        sys.exit(1)
    if 2 in statuses:
        sys.exit(2)
