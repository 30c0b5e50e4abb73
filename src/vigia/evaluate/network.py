"""The cooperation network: who helped, funded or shared a practice with whom, and the roles the
reports give the states (countries of origin, transit, destination), per meeting and over time;
and the flows of victims from their country to where they were exploited, as released (with
disclosure control) from a case register.

    found = network(session, principal, meeting="RTP-III")
    found.links  # each link with its kind, meeting and sentence
    found.partners("HND")  # {"COL", "ESP", "GTM", "CRI"}

Links run from the state that gives to the one that receives (the extraction's ``source`` and
``target``). Only what the caller may read counts: the public, the documents with a published fact.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from vigia.cases import UNKNOWN
from vigia.evaluate.disclosure import TOTAL
from vigia.evaluate.releases import releases
from vigia.permissions import Principal
from vigia.store.fact_scope import readable_document
from vigia.store.models import CooperationLinkRow, DocumentRow, EvidenceRow, RoleRow


@dataclass(frozen=True)
class NetworkLink:
    source: str
    target: str
    kind: str
    meeting: str | None
    document_id: int
    sentence: str


@dataclass(frozen=True)
class StateRole:
    country: str
    role: str
    meeting: str | None
    document_id: int
    sentence: str


@dataclass(frozen=True)
class Network:
    meeting: str | None
    links: list[NetworkLink] = field(default_factory=list)
    roles: list[StateRole] = field(default_factory=list)

    @property
    def states(self) -> list[str]:
        """Every state in a link or with a role, by how many links it has, then by code."""
        degree = Counter(end for link in self.links for end in (link.source, link.target))
        everyone = set(degree) | {role.country for role in self.roles}
        return sorted(everyone, key=lambda state: (-degree[state], state))

    def degree(self, state: str) -> int:
        return sum(state in (link.source, link.target) for link in self.links)

    def partners(self, state: str) -> set[str]:
        return {
            link.target if link.source == state else link.source
            for link in self.links
            if state in (link.source, link.target)
        }

    @property
    def pairs(self) -> list[tuple[str, str, str]]:
        """Each (giver, receiver, kind) once, in the order first read."""
        return list(dict.fromkeys((link.source, link.target, link.kind) for link in self.links))


def network(session: Session, principal: Principal, meeting: str | None = None) -> Network:
    """The links and roles of the documents ``principal`` may read (of one ``meeting``, or of
    every meeting), each with its sentence, in the order of the documents and their text."""
    link_rows = session.execute(
        select(CooperationLinkRow, DocumentRow.meeting_code, EvidenceRow.text)
        .join(DocumentRow, DocumentRow.id == CooperationLinkRow.document_id)
        .join(EvidenceRow, EvidenceRow.id == CooperationLinkRow.evidence_id)
        .where(readable_document(principal, CooperationLinkRow.document_id))
        .where(*([DocumentRow.meeting_code == meeting] if meeting else []))
        .order_by(CooperationLinkRow.document_id, EvidenceRow.start, CooperationLinkRow.id)
    )
    role_rows = session.execute(
        select(RoleRow, DocumentRow.meeting_code, EvidenceRow.text)
        .join(DocumentRow, DocumentRow.id == RoleRow.document_id)
        .join(EvidenceRow, EvidenceRow.id == RoleRow.evidence_id)
        .where(readable_document(principal, RoleRow.document_id))
        .where(*([DocumentRow.meeting_code == meeting] if meeting else []))
        .order_by(RoleRow.document_id, EvidenceRow.start, RoleRow.id)
    )
    return Network(
        meeting=meeting,
        links=[
            NetworkLink(row.source, row.target, row.kind, code, row.document_id, text)
            for row, code, text in link_rows
        ],
        roles=[
            StateRole(row.country, row.role, code, row.document_id, text)
            for row, code, text in role_rows
        ],
    )


#: The dimensions of a released table that gives flows: from citizenship to where exploited.
FLOW_DIMENSIONS = ("citizenship", "exploitation_country")


@dataclass(frozen=True)
class Flow:
    origin: str
    destination: str
    count: int


@dataclass(frozen=True)
class Flows:
    """The flows of one released table (its id and method are on the protected statistics)."""

    release_id: int
    register: str
    mechanism: str
    flows: list[Flow]


def latest_flows(session: Session) -> Flows | None:
    """The flows of the newest release that counts records by citizenship and country of
    exploitation (published cells only: a suppressed one is left out), the largest first; None
    when there is no such release. Victims exploited in their own country are no flow."""
    for release in releases(session):
        if not set(FLOW_DIMENSIONS) <= set(release.dimensions):
            continue
        at = [release.dimensions.index(name) for name in FLOW_DIMENSIONS]
        found = []
        for key, count in release.cells.items():
            others = [part for index, part in enumerate(key) if index not in at]
            origin, destination = key[at[0]], key[at[1]]
            if any(part != TOTAL for part in others) or not count:
                continue
            if TOTAL in (origin, destination) or UNKNOWN in (origin, destination):
                continue
            if origin != destination:
                found.append(Flow(origin, destination, count))
        found.sort(key=lambda flow: (-flow.count, flow.origin, flow.destination))
        return Flows(release.id, release.register, release.mechanism, found)
    return None
