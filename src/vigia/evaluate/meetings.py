"""Meetings as rounds of the evaluation: which exist, and in which order they came."""

from __future__ import annotations

import re
from collections import Counter

from sqlalchemy import select
from sqlalchemy.orm import Session

from vigia.errors import NotFound
from vigia.reference import closest_first
from vigia.store.models import DocumentRow, MeetingRow, SectionRow

ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
ROUND_NUMBER = re.compile(r"-([IVXLC]+|\d+)\b", re.IGNORECASE)
YEAR = re.compile(r"\b(?:19|20)\d\d\b")


class UnknownMeeting(NotFound):
    """No stored document belongs to this meeting."""


def roman_to_int(numeral: str) -> int:
    total = 0
    values = [ROMAN[letter] for letter in numeral.upper()]
    for value, following in zip(values, [*values[1:], 0], strict=True):
        total += -value if value < following else value
    return total


def meeting_order(code: str) -> tuple[int, str]:
    """A sort key putting RTP-III before RTP-IV before RTP-X; codes without a number go last."""
    match = ROUND_NUMBER.search(code)
    if match is None:
        return (10**6, code)
    number = match.group(1)
    return (int(number) if number.isdigit() else roman_to_int(number), code)


def meeting_codes(session: Session) -> list[str]:
    """Meetings with at least one country section in their documents, oldest first."""
    statement = (
        select(DocumentRow.meeting_code)
        .join(SectionRow, SectionRow.document_id == DocumentRow.id)
        .where(DocumentRow.meeting_code.is_not(None), SectionRow.kind == "country")
        .distinct()
    )
    codes = [code for code in session.scalars(statement) if code]
    return sorted(codes, key=meeting_order)


def stored_meetings(session: Session) -> list[str]:
    """The meetings that stored documents belong to, oldest first."""
    statement = select(DocumentRow.meeting_code).where(DocumentRow.meeting_code.is_not(None))
    codes = {code for code in session.scalars(statement.distinct()) if code}
    return sorted(codes, key=meeting_order)


def resolve_meeting(session: Session, meeting: str) -> str:
    """The stored meeting code that ``meeting`` names, ignoring case and surrounding blanks.

    Raises :class:`UnknownMeeting`, listing the stored meetings (the closest first), when no stored
    document belongs to it.
    """
    wanted = meeting.strip()
    codes = stored_meetings(session)
    if wanted in codes:
        return wanted
    for code in codes:
        if code.casefold() == wanted.casefold():
            return code
    stored = ", ".join(closest_first(wanted, codes)) or "none yet"
    raise UnknownMeeting(
        f"no stored document belongs to meeting {meeting!r}; meetings with documents: {stored}"
    )


def meeting_documents(session: Session, meeting: str) -> list[DocumentRow]:
    """The meeting's documents in the order they were stored; UnknownMeeting when there is none."""
    statement = select(DocumentRow).where(DocumentRow.meeting_code == meeting)
    documents = list(session.scalars(statement.order_by(DocumentRow.id)))
    if not documents:
        resolve_meeting(session, meeting)  # raises, with the meetings that exist
        raise UnknownMeeting(f"no stored document belongs to meeting {meeting!r}")
    return documents


def meeting_year(session: Session, meeting: str, documents: list[DocumentRow]) -> int | None:
    """The meeting's year: its start date if known, else the year its documents name most often."""
    row = session.scalar(select(MeetingRow).where(MeetingRow.code == meeting))
    if row is not None and row.starts_on is not None:
        return row.starts_on.year
    years = Counter(int(year) for document in documents for year in YEAR.findall(document.text))
    if not years:
        return None
    return max(years, key=lambda year: (years[year], year))


def reporting_meetings(session: Session, country: str) -> list[str]:
    """The meetings in whose documents ``country`` has a country section (so a profile in their
    reports), oldest first."""
    statement = (
        select(DocumentRow.meeting_code)
        .join(SectionRow, SectionRow.document_id == DocumentRow.id)
        .where(SectionRow.kind == "country", SectionRow.country == country)
        .where(DocumentRow.meeting_code.is_not(None))
        .distinct()
    )
    return sorted((code for code in session.scalars(statement) if code), key=meeting_order)
