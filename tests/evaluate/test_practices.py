"""The good-practice compendium: proposals from the reports, focal points' additions, curation,
and search across languages."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from tests.evaluate.reports import (
    Reviewers,
    StoreReports,
    evaluation_session,
    reviewers,
    store_reports,
)
from vigia.errors import InvalidValue, PermissionDenied
from vigia.evaluate.practices import add_practice, curate_practice, describe_practice, practices
from vigia.permissions import Principal
from vigia.services.search import SearchFilters, search
from vigia.store.models import AuditLogRow
from vigia.store.models.practices import PracticeRow
from vigia.store.practices import fill_practices

__all__ = ["evaluation_session", "reviewers", "store_reports"]
PUBLIC = Principal.anonymous()


@pytest.fixture
def french_report(shared_corpus: Path, store_reports: StoreReports) -> Path:
    path = shared_corpus / "rtp3-rapporteur-report.fr.txt"
    store_reports(path)
    return path


def test_the_reports_propose_practices_with_their_sentence_and_confidence(
    evaluation_session: Session, french_report: Path, reviewers: Reviewers
) -> None:
    found = practices(evaluation_session, reviewers.secretariat)
    kinds = {p.kind for p in found}
    assert {"law", "institution", "shelter", "training"} <= kinds
    assert all(p.status == "proposed" and p.sentence and p.confidence for p in found)
    chile = [p for p in found if p.country == "CHL" and p.kind == "shelter"]
    assert chile and "foyer" in (chile[0].sentence or "")
    assert practices(evaluation_session, PUBLIC) == []  # nothing public before the secretariat


def test_practices_are_proposed_again_for_documents_stored_before_the_compendium(
    evaluation_session: Session, french_report: Path
) -> None:
    before = evaluation_session.query(PracticeRow).count()
    evaluation_session.execute(delete(PracticeRow))
    evaluation_session.commit()
    assert fill_practices(evaluation_session) == 1
    assert evaluation_session.query(PracticeRow).count() == before


def test_a_focal_point_adds_and_describes_its_own_the_secretariat_publishes(
    evaluation_session: Session, french_report: Path, reviewers: Reviewers
) -> None:
    focal = reviewers.focal_point_cri
    added = add_practice(
        evaluation_session,
        focal,
        "CRI",
        kind="shelter",
        title="Casa de acogida especializada para mujeres víctimas de trata",
        area="protection",
    )
    described = describe_practice(
        evaluation_session, focal, added.id, description="Abierta en 2011.", contact="Coalición"
    )
    with pytest.raises(PermissionDenied):
        add_practice(evaluation_session, focal, "ARG", kind="law", title="Ley 26.364")
    with pytest.raises(PermissionDenied):
        curate_practice(evaluation_session, focal, added.id, "publish")
    with pytest.raises(InvalidValue):
        add_practice(evaluation_session, focal, "CRI", kind="poster", title="x")
    public_before = search(evaluation_session, PUBLIC, "shelter for women")
    curate_practice(evaluation_session, reviewers.secretariat, added.id, "publish")
    public_after = search(
        evaluation_session, PUBLIC, "shelter for women", SearchFilters(kind="practice")
    )

    assert (described.description, described.contact) == ("Abierta en 2011.", "Coalición")
    assert [p.id for p in practices(evaluation_session, PUBLIC)] == [added.id]
    assert public_before.total == 0
    assert [hit.text for hit in public_after.hits] == [
        "Casa de acogida especializada para mujeres víctimas de trata Abierta en 2011."
    ]
    actions = evaluation_session.scalars(
        select(AuditLogRow.action).where(AuditLogRow.entity == "practices")
    ).all()
    assert actions == ["practice.add", "practice.describe", "practice.publish"]


def test_search_in_each_language_finds_the_others_practices(
    evaluation_session: Session, french_report: Path, reviewers: Reviewers
) -> None:
    for practice in practices(evaluation_session, reviewers.secretariat):
        curate_practice(evaluation_session, reviewers.secretariat, practice.id, "publish")
    only = SearchFilters(kind="practice")
    for query in ("shelters", "albergues", "abrigos"):  # English, Spanish, Portuguese
        hits = search(evaluation_session, PUBLIC, query, only).hits
        assert any("foyer" in hit.text for hit in hits), query  # the French report's
