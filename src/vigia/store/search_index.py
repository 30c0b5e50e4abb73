"""Writing and querying the search index (``search_entries``, revision 0016).

:func:`index_document` writes a stored document's entries: the document (its title), each sentence
(with its section's country and language, and the Work Plan area it was mapped to) and each fact
(its sentence, with its indicator's names in the four languages, so that "convictions" finds
"sentencias condenatorias"). :func:`matching_entries` runs a :class:`~vigia.terms.Query` with the
database's own full-text search, best first, keeping only what the caller may read.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    column,
    delete,
    exists,
    func,
    literal_column,
    or_,
    select,
    table,
)
from sqlalchemy.orm import Session

from vigia.domain import Sentence
from vigia.permissions import Principal, unpublished_scope
from vigia.reference import indicators
from vigia.store.fact_scope import country_clause, readable_document, visible_facts
from vigia.store.models import DocumentRow, FactRow, SectionRow
from vigia.store.models.practices import PUBLIC, PracticeRow
from vigia.store.models.search import DOCUMENT, FACT, PRACTICE, SENTENCE, SearchEntryRow
from vigia.terms import (
    LANGUAGES,
    Query,
    fts5_expression,
    index_terms,
    index_terms_any_language,
    tsquery_expression,
)

#: The longest text an entry keeps (a sentence that is a whole table is cut).
MOST_TEXT = 2000
#: The most entries a query considers, best first: facets count these.
MOST_MATCHES = 2000


@dataclass(frozen=True)
class SearchFilters:
    country: str | None = None
    area: str | None = None
    meeting: str | None = None
    kind: str | None = None


def index_document(session: Session, row: DocumentRow, sentences: Sequence[Sentence]) -> int:
    """Write the search entries of ``row`` (stored and flushed, with its sections, facts and area
    mappings), its text cut into ``sentences``; those it had before are replaced. Returns how many
    were written."""
    session.execute(delete(SearchEntryRow).where(SearchEntryRow.document_id == row.id))
    areas: dict[int, tuple[float, str]] = {}
    for mapping in row.area_mappings:
        start = mapping.evidence.start
        candidate = (mapping.confidence, mapping.area)
        areas[start] = max(areas.get(start, candidate), candidate)
    sections = sorted(row.sections, key=lambda s: s.start)
    entries = [_document_entry(row)]
    entries += [
        _sentence_entry(row, sentence, sections, areas.get(sentence.start, (0.0, None))[1])
        for sentence in sentences
        if sentence.text.strip()
    ]
    entries += [_fact_entry(row, fact) for fact in row.facts]
    session.add_all(entries)
    session.flush()
    return len(entries)


def _document_entry(row: DocumentRow) -> SearchEntryRow:
    title = row.title or row.path.rsplit("/", 1)[-1]
    return SearchEntryRow(
        kind=DOCUMENT,
        document_id=row.id,
        country=row.country,
        meeting_code=row.meeting_code,
        language=row.language,
        text=title[:MOST_TEXT],
        terms=index_terms(title, row.language),
    )


def _sentence_entry(
    row: DocumentRow, sentence: Sentence, sections: list[SectionRow], area: str | None
) -> SearchEntryRow:
    section = next((s for s in sections if s.start <= sentence.start < s.end), None)
    language = (section.language if section else None) or row.language
    sentence_text = " ".join(sentence.text.split())[:MOST_TEXT]
    return SearchEntryRow(
        kind=SENTENCE,
        document_id=row.id,
        country=section.country if section else row.country,
        area=area,
        meeting_code=row.meeting_code,
        language=language,
        start=sentence.start,
        end=sentence.end,
        text=sentence_text,
        terms=index_terms(sentence_text, language),
    )


def _fact_entry(row: DocumentRow, fact: FactRow) -> SearchEntryRow:
    sentence_text = " ".join(fact.evidence.text.split())[:MOST_TEXT]
    indicator = indicators().get(fact.indicator)
    names = [
        index_terms(indicator.labels[language], language)
        for language in LANGUAGES
        if indicator is not None and language in indicator.labels
    ]
    return SearchEntryRow(
        kind=FACT,
        document_id=row.id,
        ref_id=fact.id,
        country=fact.country,
        meeting_code=row.meeting_code,
        language=row.language,
        start=fact.evidence.start,
        end=fact.evidence.end,
        text=sentence_text,
        terms=" ".join([index_terms(sentence_text, row.language), *names]),
    )


def index_practice(session: Session, practice: PracticeRow, *, new: bool = False) -> None:
    """Write (or rewrite) the search entry of ``practice``: its title and description, stemmed in
    each of the four languages (a focal point may write in any). A ``new`` practice has none to
    replace, and its entry is flushed with the caller's next flush."""
    if not new:
        session.execute(
            delete(SearchEntryRow).where(
                SearchEntryRow.kind == PRACTICE, SearchEntryRow.ref_id == practice.id
            )
        )
    text = " ".join(part for part in (practice.title, practice.description or "") if part)
    session.add(
        SearchEntryRow(
            kind=PRACTICE,
            document_id=practice.document_id,
            ref_id=practice.id,
            country=practice.country,
            area=practice.area,
            meeting_code=practice.meeting_code,
            text=text[:MOST_TEXT],
            terms=index_terms_any_language(text),
        )
    )
    if not new:
        session.flush()


def matching_entries(
    session: Session,
    principal: Principal,
    query: Query,
    filters: SearchFilters,
    every_group: bool = True,
) -> list[SearchEntryRow]:
    """The entries that match ``query`` (each of its groups, or any with ``every_group`` False)
    and ``filters`` and that ``principal`` may read, best first (at most :data:`MOST_MATCHES`)."""
    ids = [match.id for match in matching_keys(session, principal, query, filters, every_group)]
    return entries_by_id(session, ids)


class Match(NamedTuple):
    """What facets count of a matching entry, without its text."""

    id: int
    kind: str
    document_id: int | None
    start: int | None
    country: str | None
    area: str | None
    meeting_code: str | None


def matching_keys(
    session: Session,
    principal: Principal,
    query: Query,
    filters: SearchFilters,
    every_group: bool = True,
) -> list[Match]:
    """:func:`matching_entries` without their text: what ranks and counts them."""
    if not query.groups:
        return []
    ranked = _ranked(session, query, every_group).subquery()
    entry = SearchEntryRow
    statement = (
        select(
            entry.id,
            entry.kind,
            entry.document_id,
            entry.start,
            entry.country,
            entry.area,
            entry.meeting_code,
        )
        .join(ranked, ranked.c.id == entry.id)
        .where(_readable(principal), *_filtered(filters))
        .order_by(ranked.c.rank, entry.id)
        .limit(MOST_MATCHES)
    )
    return [Match(*row) for row in session.execute(statement)]


def entries_by_id(session: Session, ids: Sequence[int]) -> list[SearchEntryRow]:
    """The entries of ``ids``, in that order."""
    rows = {
        row.id: row
        for row in session.scalars(select(SearchEntryRow).where(SearchEntryRow.id.in_(ids)))
    }
    return [rows[i] for i in ids if i in rows]


def _ranked(session: Session, query: Query, every_group: bool) -> Select[tuple[int, float]]:
    """``(id, rank)`` of every entry that matches, the best with the lowest rank: PostgreSQL's
    ``ts_rank`` (negated) or SQLite FTS5's ``bm25``."""
    if session.get_bind().dialect.name == "postgresql":
        vector: ColumnElement[Any] = literal_column("terms_vector")
        wanted = func.to_tsquery(
            literal_column("'simple'::regconfig"), tsquery_expression(query, every_group)
        )
        return select(
            SearchEntryRow.id.label("id"), (-func.ts_rank(vector, wanted)).label("rank")
        ).where(vector.op("@@")(wanted))
    index = table("search_index", column("rowid"))
    return select(
        index.c.rowid.label("id"), func.bm25(literal_column("search_index")).label("rank")
    ).where(literal_column("search_index").op("MATCH")(fts5_expression(query, every_group)))


def _readable(principal: Principal) -> ColumnElement[bool]:
    fact_seen = exists().where(FactRow.id == SearchEntryRow.ref_id, visible_facts(principal))
    in_document = SearchEntryRow.kind.in_((SENTENCE, DOCUMENT))
    practice_seen = exists().where(
        PracticeRow.id == SearchEntryRow.ref_id,
        or_(
            PracticeRow.status == PUBLIC,
            country_clause(unpublished_scope(principal), PracticeRow.country),
        ),
    )
    return or_(
        and_(in_document, readable_document(principal, SearchEntryRow.document_id)),
        and_(SearchEntryRow.kind == FACT, fact_seen),
        and_(SearchEntryRow.kind == PRACTICE, practice_seen),
    )


def _filtered(filters: SearchFilters) -> list[ColumnElement[bool]]:
    clauses = []
    if filters.country:
        clauses.append(SearchEntryRow.country == filters.country)
    if filters.area:
        clauses.append(SearchEntryRow.area == filters.area)
    if filters.meeting:
        clauses.append(SearchEntryRow.meeting_code == filters.meeting)
    if filters.kind:
        clauses.append(SearchEntryRow.kind == filters.kind)
    return clauses


def fill_search_index(session: Session, split: Callable[[str], list[Sentence]]) -> int:
    """Index the stored documents that have no search entry yet (those stored before revision
    0016), their text cut into sentences by ``split``; commits. Returns how many."""
    indexed = select(SearchEntryRow.document_id).where(SearchEntryRow.document_id.is_not(None))
    missing = session.scalars(select(DocumentRow).where(DocumentRow.id.not_in(indexed))).all()
    for row in missing:
        index_document(session, row, split(row.text))
    session.commit()
    return len(missing)
