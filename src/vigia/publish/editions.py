"""Published editions of a meeting's regional report: kept byte for byte, never changed.

The secretariat publishes the report of a meeting as it stands: :func:`publish_edition` keeps each
file it is given (one per language and format) with its SHA-256, size, date and publisher, under the
meeting's next edition number, and records ``report.publish`` in the audit log. The public site
then serves those files, so that what was published never changes silently; publishing again makes
a new edition beside the earlier ones.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session, selectinload

from vigia.errors import InvalidValue, PermissionDenied
from vigia.permissions import Principal, can_publish
from vigia.store import audit
from vigia.store.acting import active_user
from vigia.store.models import ReportEditionRow, ReportFileRow, UserRow
from vigia.store.times import as_utc
from vigia.store.transactions import committed

#: A file of an edition is named by its language and format.
FileKey = tuple[str, str]


@dataclass(frozen=True)
class EditionFile:
    language: str
    format: str
    sha256: str
    size: int


@dataclass(frozen=True)
class Edition:
    """The ``number``-th published edition of the report of ``meeting``."""

    meeting: str
    number: int
    published_at: datetime
    files: tuple[EditionFile, ...]

    def file(self, language: str, output_format: str) -> EditionFile | None:
        return next(
            (
                item
                for item in self.files
                if (item.language, item.format) == (language, output_format)
            ),
            None,
        )


def publish_edition(
    session: Session, principal: Principal, meeting: str, files: Mapping[FileKey, bytes]
) -> Edition:
    """Keep ``files`` as the next edition of ``meeting``'s report, audited as ``report.publish``.

    Only the secretariat publishes (PermissionDenied); an edition without files is refused
    (InvalidValue)."""
    if not files:
        raise InvalidValue("an edition needs at least one file")
    with committed(session):
        user = _publisher(session, principal)
        number = _last_number(session, meeting) + 1
        row = ReportEditionRow(meeting=meeting, edition=number, published_by=user.id)
        session.add(row)
        session.flush()
        for (language, output_format), content in sorted(files.items()):
            session.add(
                ReportFileRow(
                    edition_id=row.id,
                    language=language,
                    format=output_format,
                    sha256=hashlib.sha256(content).hexdigest(),
                    size=len(content),
                    content=content,
                )
            )
        session.flush()
        session.refresh(row, ["files"])
        edition = _edition(row)
        audit.record(
            session, user, "report.publish", "report_editions", row.id, after=_snapshot(edition)
        )
    return edition


def editions(session: Session, meeting: str) -> list[Edition]:
    """The published editions of ``meeting``'s report, the latest first."""
    statement = (
        select(ReportEditionRow)
        .where(_of_meeting(meeting))
        .order_by(ReportEditionRow.edition.desc())
        .options(selectinload(ReportEditionRow.files))
    )
    return [_edition(row) for row in session.scalars(statement)]


def edition_content(
    session: Session, meeting: str, language: str, output_format: str, number: int | None = None
) -> tuple[Edition, bytes] | None:
    """The file of edition ``number`` (the latest when None) in ``language`` and
    ``output_format``, with its edition; None when no such file was published."""
    statement = select(ReportEditionRow).where(_of_meeting(meeting))
    if number is not None:
        statement = statement.where(ReportEditionRow.edition == number)
    statement = statement.order_by(ReportEditionRow.edition.desc()).limit(1)
    row = session.scalar(statement.options(selectinload(ReportEditionRow.files)))
    if row is None:
        return None
    content = session.scalar(
        select(ReportFileRow.content).where(
            ReportFileRow.edition_id == row.id,
            ReportFileRow.language == language,
            ReportFileRow.format == output_format,
        )
    )
    return None if content is None else (_edition(row), content)


def _publisher(session: Session, principal: Principal) -> UserRow:
    if not can_publish(principal):
        raise PermissionDenied("only the secretariat publishes the regional report")
    user = active_user(session, principal)
    return user


def _last_number(session: Session, meeting: str) -> int:
    statement = select(func.max(ReportEditionRow.edition)).where(
        ReportEditionRow.meeting == meeting
    )
    return session.scalar(statement) or 0


def _of_meeting(meeting: str) -> ColumnElement[bool]:
    """Editions of ``meeting``, its code in any case (as the pages' addresses take it)."""
    return func.lower(ReportEditionRow.meeting) == meeting.lower()


def _edition(row: ReportEditionRow) -> Edition:
    files = tuple(
        EditionFile(item.language, item.format, item.sha256, item.size) for item in row.files
    )
    return Edition(row.meeting, row.edition, as_utc(row.published_at), files)


def _snapshot(edition: Edition) -> dict[str, object]:
    return {
        "meeting": edition.meeting,
        "edition": edition.number,
        "files": [
            {
                "language": item.language,
                "format": item.format,
                "sha256": item.sha256,
                "size": item.size,
            }
            for item in edition.files
        ],
    }
