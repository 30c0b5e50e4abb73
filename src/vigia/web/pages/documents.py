"""``/documents/{id}``: a document's text with each fact's sentence marked, and its figures.

Each sentence that a fact came from is wrapped in ``<mark id="f-N">`` (N: the first of its facts;
the others get an empty anchor ``<span id="f-M">`` inside the same mark). The list of figures links
to those anchors; a few lines of script move the focus there. The text itself is always escaped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Annotated

from fastapi import APIRouter, Path, Request, status
from fastapi.responses import HTMLResponse

from vigia.publish.labels import N_
from vigia.services import reads
from vigia.services.fact_views import FactView
from vigia.vocabulary import LARGEST_ID
from vigia.web.dependencies import DatabaseSession
from vigia.web.pages.responses import show
from vigia.web.pages.routing import PageError, PageRoute
from vigia.web.pages.visitor import CurrentVisitor

NO_DOCUMENT = N_("There is no such document, or you may not read it.")

router = APIRouter(route_class=PageRoute, include_in_schema=False)


@dataclass
class Segment:
    """A stretch of the text: plain (no anchors) or a marked sentence with its facts' anchors."""

    text: str
    anchors: list[str] = field(default_factory=list)

    @property
    def marked(self) -> bool:
        return bool(self.anchors)


def anchor(fact_id: int) -> str:
    return f"f-{fact_id}"


def marked_segments(text: str, facts: Sequence[FactView]) -> list[Segment]:
    """``text`` cut into plain stretches and the sentences of ``facts`` (overlaps merged)."""
    segments: list[Segment] = []
    position = 0
    spans: list[tuple[int, int, list[str]]] = []
    for fact in sorted(facts, key=lambda item: (item.evidence_start, item.id)):
        start, end = max(fact.evidence_start, 0), min(fact.evidence_end, len(text))
        if spans and start < spans[-1][1]:
            spans[-1][2].append(anchor(fact.id))
            spans[-1] = (spans[-1][0], max(spans[-1][1], end), spans[-1][2])
        elif start < end:
            spans.append((start, end, [anchor(fact.id)]))
    for start, end, anchors in spans:
        if start > position:
            segments.append(Segment(text[position:start]))
        segments.append(Segment(text[start:end], anchors))
        position = end
    if position < len(text):
        segments.append(Segment(text[position:]))
    return segments


@router.get("/documents/{document_id}", response_class=HTMLResponse)
def document_page(
    request: Request,
    visitor: CurrentVisitor,
    session: DatabaseSession,
    document_id: Annotated[int, Path(ge=1, le=LARGEST_ID)],
) -> HTMLResponse:
    document = reads.find_document(session, visitor.principal, document_id)
    if document is None:
        raise PageError(status.HTTP_404_NOT_FOUND, NO_DOCUMENT, visitor)
    facts = reads.document_facts(session, visitor.principal, document_id)
    segments = marked_segments(document.text, facts)
    values = {"document": document, "facts": facts, "segments": segments}
    return show(request, visitor, "document.html", values)
