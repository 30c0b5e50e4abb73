"""Search across the four languages: documents, sentences and facts, as the caller may read them.

    results = search(session, principal, "shelters for victims", SearchFilters(country="GTM"))
    results.total, results.hits[0].pieces, results.facets["country"]

The query is read by :func:`vigia.terms.parse_query` (stems in the four languages, concepts of the
term list brought in in every language), run by the database's full-text search
(:mod:`vigia.store.search_index`), and each hit's text cut into pieces with the words that matched
marked. Facets count the matches by country, Work Plan area, meeting and kind.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from vigia.permissions import Principal
from vigia.store.models import DocumentRow
from vigia.store.models.search import ENTRY_KINDS, FACT, SENTENCE, SearchEntryRow
from vigia.store.search_index import (
    MOST_MATCHES,
    Match,
    SearchFilters,
    entries_by_id,
    matching_keys,
)
from vigia.terms import Query, highlighted, marked_spans, parse_query

__all__ = ["ENTRY_KINDS", "FACETS", "Hit", "SearchFilters", "SearchResults", "search"]

#: The facets, in the order pages show them, and the entry's attribute each counts.
FACETS = {"country": "country", "area": "area", "meeting": "meeting_code", "kind": "kind"}
NO_FILTERS = SearchFilters()
#: The longest query read, in characters.
MOST_QUERY = 200


@dataclass(frozen=True)
class Hit:
    kind: str
    #: The text in pieces, each True where a word matched the query.
    pieces: list[tuple[str, bool]]
    document_id: int | None
    document_title: str | None
    fact_id: int | None
    country: str | None
    area: str | None
    meeting: str | None
    language: str | None
    start: int | None
    end: int | None

    @property
    def text(self) -> str:
        return "".join(piece for piece, _ in self.pieces)

    @property
    def highlights(self) -> list[tuple[int, int]]:
        """Where the matched words are in :attr:`text`, as ``(start, end)`` offsets."""
        return marked_spans(self.pieces)


@dataclass(frozen=True)
class SearchResults:
    query: Query
    total: int
    hits: list[Hit]
    #: By facet: each value and how many matches have it, the most first.
    facets: dict[str, list[tuple[str, int]]]
    #: Whether there were more matches than are counted (:data:`MOST_MATCHES`).
    capped: bool
    milliseconds: float


def search(
    session: Session,
    principal: Principal,
    text: str,
    filters: SearchFilters = NO_FILTERS,
    *,
    offset: int = 0,
    limit: int = 20,
) -> SearchResults:
    """The entries matching ``text`` and ``filters`` that ``principal`` may read, best first:
    ``limit`` of them from ``offset``, with the facets of all of them."""
    began = time.perf_counter()
    query = parse_query(text[:MOST_QUERY])
    matches = matching_keys(session, principal, query, filters)
    kinds = Counter(entry.kind for entry in matches)
    if not filters.kind:
        matches = _without_repeats(matches)
    facets = {
        name: Counter(getattr(entry, attribute) for entry in matches if getattr(entry, attribute))
        for name, attribute in FACETS.items()
    }
    facets["kind"] = kinds
    page = entries_by_id(session, [match.id for match in matches[offset : offset + limit]])
    titles = _titles(session, {e.document_id for e in page if e.document_id is not None})
    return SearchResults(
        query=query,
        total=len(matches),
        hits=[_hit(entry, query, titles) for entry in page],
        facets={name: counts.most_common() for name, counts in facets.items()},
        capped=len(matches) >= MOST_MATCHES,
        milliseconds=(time.perf_counter() - began) * 1000,
    )


def _without_repeats(matches: list[Match]) -> list[Match]:
    """``matches`` without the facts whose sentence matched too (the sentence is shown once)."""
    sentences = {(e.document_id, e.start) for e in matches if e.kind == SENTENCE}
    return [e for e in matches if e.kind != FACT or (e.document_id, e.start) not in sentences]


def _titles(session: Session, document_ids: set[int]) -> dict[int, str]:
    rows = session.execute(
        select(DocumentRow.id, DocumentRow.title, DocumentRow.path).where(
            DocumentRow.id.in_(document_ids)
        )
    )
    return {id_: title or path.rsplit("/", 1)[-1] for id_, title, path in rows}


def _hit(entry: SearchEntryRow, query: Query, titles: dict[int, str]) -> Hit:
    return Hit(
        kind=entry.kind,
        pieces=highlighted(entry.text, entry.language, query),
        document_id=entry.document_id,
        document_title=titles.get(entry.document_id) if entry.document_id else None,
        fact_id=entry.ref_id if entry.kind == FACT else None,
        country=entry.country,
        area=entry.area,
        meeting=entry.meeting_code,
        language=entry.language,
        start=entry.start,
        end=entry.end,
    )
