"""Search across languages: vigia.services.search, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from vigia.permissions import Principal
from vigia.services.ingestion import ingest_path
from vigia.services.search import SearchFilters, search
from vigia.store.database import open_database, session_factory
from vigia.store.models import DocumentRow, FactRow
from vigia.store.models.search import SearchEntryRow

SECRETARIAT = Principal(1, "secretariat", None)
REPORTS = {
    "informe.es.txt": (
        "INFORME NACIONAL DE GUATEMALA\n\nGuatemala\n\n"
        "Guatemala dispone de cinco albergues especializados para víctimas de trata. "
        "En 2013 se capacitó a 300 fiscales en la investigación del delito."
    ),
    "rapport.fr.txt": (
        "RAPPORT NATIONAL DU CHILI\n\nChili\n\n"
        "Le Chili possède un foyer qui accueille les femmes victimes de la traite. "
        "En 2014, la police a ouvert 12 enquêtes pour traite des personnes."
    ),
    "report.en.txt": (
        "NATIONAL REPORT OF JAMAICA\n\nJamaica\n\n"
        "Jamaica trained 250 police officers in 2015. "
        "The government opened a new shelter for child victims of trafficking."
    ),
}


@pytest.fixture
def session(database_url: str, tmp_path: Path) -> Iterator[Session]:
    engine = open_database(database_url)
    with session_factory(engine)() as session:
        for name, text in REPORTS.items():
            path = tmp_path / name
            path.write_text(text, encoding="utf-8")
            ingest_path(session, path)
        yield session
    engine.dispose()


def test_an_english_query_finds_the_spanish_and_french_sentences(session: Session) -> None:
    results = search(session, SECRETARIAT, "shelters for victims")
    texts = [hit.text for hit in results.hits]
    assert any("albergues especializados" in text for text in texts)
    assert any("foyer qui accueille" in text for text in texts)
    assert any("new shelter for child victims" in text for text in texts)
    assert not any("capacitó" in text or "enquêtes" in text for text in texts)
    spanish = next(hit for hit in results.hits if "albergues" in hit.text)
    marked = [spanish.text[start:end] for start, end in spanish.highlights]
    assert marked == ["albergues", "víctimas"]


def test_a_spanish_query_finds_the_english_and_french_ones(session: Session) -> None:
    results = search(session, SECRETARIAT, "capacitación de policías")
    texts = " ".join(hit.text for hit in results.hits)
    assert "Jamaica trained 250 police officers" in texts


def test_facets_count_the_matches_and_filters_narrow_them(session: Session) -> None:
    everything = search(session, SECRETARIAT, "victims")
    countries = dict(everything.facets["country"])
    only_chile = search(session, SECRETARIAT, "victims", SearchFilters(country="CHL"))
    assert countries.get("CHL", 0) >= 1 and countries.get("GTM", 0) >= 1
    assert only_chile.total == countries["CHL"]
    assert {hit.country for hit in only_chile.hits} == {"CHL"}


def test_the_public_reads_only_documents_with_a_published_fact(session: Session) -> None:
    assert search(session, Principal.anonymous(), "shelters").total == 0
    chile = session.scalar(select(DocumentRow.id).where(DocumentRow.path.like("%rapport%")))
    fact = session.scalars(select(FactRow).where(FactRow.document_id == chile)).first()
    assert fact is not None
    fact.status = "published"
    session.commit()
    public = search(session, Principal.anonymous(), "shelters")
    assert public.total >= 1 and {hit.document_id for hit in public.hits} == {chile}


def test_queries_that_are_empty_or_look_like_syntax_find_nothing_and_never_fail(
    session: Session,
) -> None:
    for text in ("", "   ", "de la the", '"', "(*) OR AND NOT -", "x" * 5000):
        assert search(session, SECRETARIAT, text).total == 0


def test_every_stored_document_is_indexed_with_its_sentences_and_facts(session: Session) -> None:
    kinds = session.scalars(select(SearchEntryRow.kind)).all()
    assert kinds.count("document") == 3
    assert kinds.count("sentence") >= 6
    assert kinds.count("fact") >= 3
