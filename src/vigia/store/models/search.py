"""The search index (revision 0016): one row per thing a search finds.

A row is a sentence of a document, a document (its title), a fact (its sentence, and its
indicator's names in the four languages) or a good practice. ``terms`` holds its words as search
sees them (:func:`vigia.terms.index_terms`: stems, folded, common words left out); the database
indexes that column for full-text search, outside these models since each database does it its own
way: on SQLite an FTS5 table ``search_index`` kept in step by triggers, on PostgreSQL a generated
``tsvector`` column ``terms_vector`` with a GIN index (see the revision).
"""

from __future__ import annotations

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from vigia.store.models.base import CODE, LABEL, Base

#: What a search entry is.
SENTENCE = "sentence"
DOCUMENT = "document"
FACT = "fact"
PRACTICE = "practice"
ENTRY_KINDS = (SENTENCE, DOCUMENT, FACT, PRACTICE)


class SearchEntryRow(Base):
    __tablename__ = "search_entries"
    __table_args__ = (Index("ix_search_entries_kind_ref_id", "kind", "ref_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    document_id: Mapped[int | None] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    #: The fact's or the practice's id, for those kinds.
    ref_id: Mapped[int | None] = mapped_column(Integer)
    country: Mapped[str | None] = mapped_column(CODE)
    area: Mapped[str | None] = mapped_column(CODE)
    meeting_code: Mapped[str | None] = mapped_column(LABEL)
    language: Mapped[str | None] = mapped_column(String(16))
    start: Mapped[int | None] = mapped_column(Integer)
    end: Mapped[int | None] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    terms: Mapped[str] = mapped_column(Text)
