"""Who can help: a need matched to the states whose reports show they have done it."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from tests.evaluate.reports import (
    Reviewers,
    StoreReports,
    evaluation_session,
    reviewers,
    store_reports,
)
from vigia.evaluate.who_can_help import (
    NoSuchRequest,
    helpers,
    request_need,
    requests_for_help,
    typed_need,
)
from vigia.permissions import Principal
from vigia.store.models import FactRow, HelpRequestRow

__all__ = ["evaluation_session", "reviewers", "store_reports"]


@pytest.fixture
def french_report(shared_corpus: Path, store_reports: StoreReports) -> Path:
    path = shared_corpus / "rtp3-rapporteur-report.fr.txt"
    store_reports(path)
    return path


def test_trinidad_and_tobagos_request_is_matched_to_states_with_quotes(
    evaluation_session: Session, french_report: Path, reviewers: Reviewers
) -> None:
    (request,) = [
        r
        for r in requests_for_help(evaluation_session, reviewers.secretariat)
        if r.country == "TTO"
    ]
    need = request_need(evaluation_session, reviewers.secretariat, request.id)
    found = helpers(evaluation_session, reviewers.secretariat, need)

    assert "savoir ce que les autres pays ont déjà réalisé" in (need.request_sentence or "")
    assert "Trinité-et-Tobago" in need.text  # the vague request is read with its section
    assert len(found) >= 5 and "TTO" not in {h.country for h in found}
    assert [h.score for h in found] == sorted((h.score for h in found), reverse=True)
    for helper in found:
        assert helper.quotes and all(any(m for _, m in q.pieces) for q in helper.quotes)
    contacts = {helper.country: helper.contacts for helper in found}
    assert contacts.get("CRI", ["cri@example.org"]) == ["cri@example.org"]  # its focal point


def test_a_typed_need_finds_the_states_that_wrote_about_it_in_any_language(
    evaluation_session: Session, french_report: Path, reviewers: Reviewers
) -> None:
    need = typed_need("witness protection and compensation for victims", "TTO", "en")
    found = helpers(evaluation_session, reviewers.secretariat, need)
    quotes = " ".join(q.text for h in found for q in h.quotes)
    assert found and "témoins" in quotes


def test_the_public_sees_no_draft_and_no_contact(
    evaluation_session: Session, french_report: Path, reviewers: Reviewers
) -> None:
    public = Principal.anonymous()
    request_id = evaluation_session.scalars(select(HelpRequestRow.id)).first()
    assert request_id is not None
    assert requests_for_help(evaluation_session, public) == []
    with pytest.raises(NoSuchRequest):
        request_need(evaluation_session, public, request_id)
    for fact in evaluation_session.scalars(select(FactRow)):
        fact.status = "published"
    evaluation_session.commit()
    need = typed_need("shelters for women", None, "en")
    found = helpers(evaluation_session, public, need)
    assert found and all(helper.contacts == [] for helper in found)
