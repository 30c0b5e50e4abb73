"""The cooperation network: vigia.evaluate.network."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from tests.evaluate.reports import (
    Reviewers,
    StoreReports,
    evaluation_session,
    reviewers,
    store_reports,
)
from vigia.evaluate.network import network
from vigia.permissions import Principal
from vigia.store.models import FactRow

__all__ = ["evaluation_session", "reviewers", "store_reports"]


def test_the_network_of_the_french_report_has_the_links_of_its_gold(
    evaluation_session: Session,
    store_reports: StoreReports,
    reviewers: Reviewers,
    shared_folder: Path,
) -> None:
    store_reports(shared_folder / "corpus" / "rtp3-rapporteur-report.fr.txt")
    gold = json.loads((shared_folder / "gold" / "rtp3-rapporteur-report.gold.json").read_text())
    found = network(evaluation_session, reviewers.secretariat, "RTP-III")

    expected = {(link["from"], link["to"], link["kind"]) for link in gold["cooperation"]}
    assert expected <= set(found.pairs)
    assert found.partners("HND") >= {"COL", "ESP", "GTM", "CRI"}
    assert found.states[0] in {"HND", "CRI"}  # the most linked first
    assert all(link.sentence and link.meeting == "RTP-III" for link in found.links)
    assert {(role.country, role.role) for role in found.roles} >= {("URY", "transit")}
    assert network(evaluation_session, reviewers.secretariat, "RTP-IX").links == []


def test_the_public_sees_the_links_of_published_documents_only(
    evaluation_session: Session, store_reports: StoreReports, shared_folder: Path
) -> None:
    store_reports(shared_folder / "corpus" / "rtp3-rapporteur-report.fr.txt")
    assert network(evaluation_session, Principal.anonymous()).links == []
    fact = evaluation_session.scalars(select(FactRow)).first()
    assert fact is not None
    fact.status = "published"
    evaluation_session.commit()
    assert len(network(evaluation_session, Principal.anonymous()).links) >= 10
