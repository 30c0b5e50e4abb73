"""Who can help: a state's need matched to the states whose reports show they have done it.

    need = request_need(session, principal, request_id)  # an extracted request for help
    need = typed_need("a case management database shared by police and prosecutors", "TTO", "en")
    for helper in helpers(session, principal, need):
        helper.country, helper.score, helper.quotes, helper.contacts

A need is read for the concepts it names (:func:`vigia.terms.topics`: the term list's, the Work
Plan's areas', the indicators'), in any language. An extracted request is often vague ("what other
countries have done in this field"), so its need is the request's sentence with the rest of its
state's section. Each other state is scored by the stored sentences and facts of its own that name
those concepts, each concept weighted by how few states name it (a rare concept, such as witness
protection, says more than "trafficking"), counted up to :data:`COUNTED` sentences. Its quotes are
the sentences that name the most of them. Only what the caller may read counts.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from vigia.evaluate.directory import directory
from vigia.permissions import FOCAL_POINT, Principal
from vigia.store.fact_scope import readable_document
from vigia.store.models import DocumentRow, HelpRequestRow, SectionRow, UserRow
from vigia.store.models.search import FACT, SENTENCE, SearchEntryRow
from vigia.store.search_index import SearchFilters, matching_entries
from vigia.terms import Phrase, Query, highlighted, matches_group, topics

#: The most sentences of one state counted for one concept.
COUNTED = 3
#: Quotes given for each state, and states listed.
QUOTES = 3
MOST_HELPERS = 10
#: The longest need read, in characters.
MOST_NEED = 4000


class NoSuchRequest(LookupError):
    """No request for help with that id, or not one the caller may read."""


@dataclass(frozen=True)
class Need:
    text: str
    language: str | None
    #: The state in need (left out of the helpers), if known.
    country: str | None
    #: The extracted request it comes from, and that request's own sentence.
    request_id: int | None = None
    request_sentence: str | None = None


@dataclass(frozen=True)
class Quote:
    pieces: list[tuple[str, bool]]
    document_id: int | None
    fact_id: int | None
    start: int | None

    @property
    def text(self) -> str:
        return "".join(piece for piece, _ in self.pieces)


@dataclass(frozen=True)
class Helper:
    country: str
    score: float
    #: How many of the need's concepts its sentences name.
    concepts: int
    quotes: list[Quote]
    #: The state's focal points' addresses (for signed-in callers only; else empty).
    contacts: list[str]


@dataclass(frozen=True)
class RequestForHelp:
    id: int
    country: str
    sentence: str
    document_id: int
    meeting: str | None


def requests_for_help(session: Session, principal: Principal) -> list[RequestForHelp]:
    """The requests for help extracted from the documents the caller may read, by state."""
    rows = session.execute(
        select(HelpRequestRow, DocumentRow.meeting_code)
        .join(DocumentRow, DocumentRow.id == HelpRequestRow.document_id)
        .where(readable_document(principal, HelpRequestRow.document_id))
        .order_by(HelpRequestRow.country, HelpRequestRow.id)
    )
    return [
        RequestForHelp(row.id, row.country, row.evidence.text, row.document_id, meeting)
        for row, meeting in rows
    ]


def typed_need(text: str, country: str | None, language: str | None) -> Need:
    """A need a focal point typed, for ``country``."""
    return Need(text[:MOST_NEED], language, country)


def request_need(session: Session, principal: Principal, request_id: int) -> Need:
    """The need of a stored request for help: its sentence, and the rest of its state's section.

    Raises :class:`NoSuchRequest` if there is none, or the caller may not read its document."""
    request = session.scalar(
        select(HelpRequestRow).where(
            HelpRequestRow.id == request_id,
            readable_document(principal, HelpRequestRow.document_id),
        )
    )
    if request is None:
        raise NoSuchRequest(f"no request for help {request_id}")
    sentence = request.evidence
    section = session.scalar(
        select(SectionRow).where(
            SectionRow.document_id == request.document_id,
            SectionRow.start <= sentence.start,
            SectionRow.end > sentence.start,
        )
    )
    text, language = sentence.text, None
    if section is not None:
        text = _section_text(session, request.document_id, section) or text
        language = section.language
    return Need(
        text=text[:MOST_NEED],
        language=language,
        country=request.country,
        request_id=request.id,
        request_sentence=sentence.text,
    )


def _section_text(session: Session, document_id: int, section: SectionRow) -> str:
    text = session.scalar(select(DocumentRow.text).where(DocumentRow.id == document_id)) or ""
    return text[section.start : section.end]


def helpers(session: Session, principal: Principal, need: Need) -> list[Helper]:
    """The states with the strongest evidence for ``need``, best first."""
    groups = topics(need.text, need.language)
    if not groups:
        return []
    entries = [
        entry
        for entry in matching_entries(
            session, principal, Query(need.text, tuple(groups)), SearchFilters(), every_group=False
        )
        if entry.kind in (SENTENCE, FACT) and entry.country and entry.country != need.country
    ]
    named: dict[str, dict[int, list[SearchEntryRow]]] = defaultdict(lambda: defaultdict(list))
    seen: set[tuple[str, int | None, int | None]] = set()
    for entry in entries:
        key = (entry.country or "", entry.document_id, entry.start)
        if key in seen:
            continue  # a fact's sentence is its sentence's too
        seen.add(key)
        for index, group in enumerate(groups):
            if matches_group(entry.terms, group):
                named[entry.country or ""][index].append(entry)
    states_naming: dict[int, int] = defaultdict(int)
    for by_concept in named.values():
        for index in by_concept:
            states_naming[index] += 1
    total = len(named) + 1
    found = []
    for country, by_concept in named.items():
        score = sum(
            math.log(total / states_naming[index]) * math.log1p(min(len(hits), COUNTED))
            for index, hits in by_concept.items()
        )
        found.append((score, country, by_concept))
    found.sort(key=lambda item: (-item[0], item[1]))
    contacts = _contacts(session, principal)
    return [
        Helper(
            country=country,
            score=round(score, 2),
            concepts=len(by_concept),
            quotes=_quotes(by_concept, groups),
            contacts=contacts.get(country, []),
        )
        for score, country, by_concept in found[:MOST_HELPERS]
        if score > 0
    ]


def _quotes(
    by_concept: dict[int, list[SearchEntryRow]], groups: list[frozenset[Phrase]]
) -> list[Quote]:
    """The state's sentences that name the most of the need's concepts (the rarest first)."""
    counts: dict[int, tuple[int, SearchEntryRow]] = {}
    for hits in by_concept.values():
        for entry in hits:
            named = counts.get(entry.id, (0, entry))[0] + 1
            counts[entry.id] = (named, entry)
    best = sorted(counts.values(), key=lambda item: (-item[0], item[1].id))[:QUOTES]
    query = Query("", tuple(groups))
    return [
        Quote(
            pieces=highlighted(entry.text, entry.language, query),
            document_id=entry.document_id,
            fact_id=entry.ref_id if entry.kind == FACT else None,
            start=entry.start,
        )
        for _, entry in best
    ]


def _contacts(session: Session, principal: Principal) -> dict[str, list[str]]:
    """Whom to contact in each state, for a signed-in caller only: the directory's entries (the
    national authority first: "institution <email>"), then the active focal points' accounts."""
    if principal.is_anonymous:
        return {}
    found: dict[str, list[str]] = defaultdict(list)
    for entry in directory(session, principal):
        found[entry.country].append(
            f"{entry.institution} <{entry.email}>" if entry.email else entry.institution
        )
    rows = session.execute(
        select(UserRow.country, UserRow.email)
        .where(UserRow.role == FOCAL_POINT, UserRow.is_active.is_(True))
        .where(UserRow.country.is_not(None))
        .order_by(UserRow.email)
    )
    for country, email in rows:
        if not any(email in known for known in found[country or ""]):
            found[country or ""].append(email)
    return found


__all__ = [
    "Helper",
    "Need",
    "NoSuchRequest",
    "Quote",
    "RequestForHelp",
    "helpers",
    "request_need",
    "requests_for_help",
    "typed_need",
]
