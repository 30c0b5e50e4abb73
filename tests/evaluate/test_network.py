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
from vigia.evaluate.case_register import import_cases
from vigia.evaluate.network import latest_flows, network
from vigia.evaluate.releases import release_table
from vigia.permissions import Principal
from vigia.store.models import FactRow
from vigia.store.sealing import Sealer

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


def test_flows_come_from_the_newest_release_by_citizenship_and_country_of_exploitation(
    evaluation_session: Session, reviewers: Reviewers
) -> None:
    rows = ["year,sex,citizenship,exploitation_country"]
    rows += ["2021,female,GTM,MEX"] * 30 + ["2021,male,HND,USA"] * 12 + ["2021,female,SLV,USA"] * 3
    rows += ["2021,female,MEX,MEX"] * 20  # exploited at home: no flow
    data = "\n".join(rows).encode()
    secretariat = reviewers.secretariat
    assert latest_flows(evaluation_session) is None
    assert import_cases(evaluation_session, secretariat, data, "CTDC", Sealer.from_text("")).ok
    release = release_table(
        evaluation_session, secretariat, "CTDC", ("citizenship", "exploitation_country")
    )
    found = latest_flows(evaluation_session)

    assert found is not None and found.release_id == release.id
    # El Salvador's 3 are suppressed, and so is Honduras's 12 beside them in the column of the
    # United States, which would give them back from its total.
    assert [(f.origin, f.destination, f.count) for f in found.flows] == [("GTM", "MEX", 30)]
