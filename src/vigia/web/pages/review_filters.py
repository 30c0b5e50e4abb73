"""The review queue's filters: what its filter form sends, checked, and the choices the form offers.

A reviewer narrows the queue (or any status's list) to a country, a document, a meeting, an
indicator, or the facts the extractor was less sure of than a share, and orders it (least sure
first, document order, by indicator). A select left at "any" sends an empty value, which filters
nothing; a value the form never offers is refused with 400 and says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi import status
from sqlalchemy.orm import Session

from vigia.evaluate.meetings import stored_meetings
from vigia.publish.labels import N_
from vigia.reference import countries, indicators, member_states
from vigia.services.fact_views import QUEUE_ORDERS, QueueFilters, review_documents
from vigia.vocabulary import is_row_id
from vigia.web.pages.routing import PageError
from vigia.web.pages.visitor import Visitor

UNKNOWN_FILTER = N_("This filter of the review is not one the form offers; choose it in the form.")
#: What each order is called in the form.
ORDER_NAMES = {
    "least_sure": N_("Least sure first"),
    "document": N_("Document and text order"),
    "indicator": N_("By indicator"),
}
#: The shares of confidence a reviewer may keep the facts below.
CONFIDENCE_CHOICES = ("0.5", "0.7", "0.9")


@dataclass(frozen=True)
class QueueQuery:
    """The filters of one request of the review page, checked."""

    country: str | None
    indicator: str | None
    narrowed: QueueFilters

    @property
    def any(self) -> bool:
        """Whether anything is filtered (the order aside)."""
        narrowed = self.narrowed
        return any(
            value is not None
            for value in (
                self.country,
                self.indicator,
                narrowed.document_id,
                narrowed.meeting,
                narrowed.less_sure_than,
            )
        )


def queue_query(visitor: Visitor, sent: dict[str, str | None]) -> QueueQuery:
    """The filters ``sent`` (``country``, ``document``, ``meeting``, ``indicator``,
    ``less_sure_than``, ``order``), checked; 400 for one the form does not offer."""
    given = {name: (value or "").strip() or None for name, value in sent.items()}
    country = given.get("country")
    if country is not None:
        country = country.upper()
        if country not in countries():
            raise PageError(status.HTTP_400_BAD_REQUEST, UNKNOWN_FILTER, visitor)
    indicator = given.get("indicator")
    if indicator is not None and indicator not in indicators():
        raise PageError(status.HTTP_400_BAD_REQUEST, UNKNOWN_FILTER, visitor)
    order = given.get("order") or QUEUE_ORDERS[0]
    if order not in QUEUE_ORDERS:
        raise PageError(status.HTTP_400_BAD_REQUEST, UNKNOWN_FILTER, visitor)
    document = given.get("document")
    if document is not None and not (document.isdigit() and is_row_id(int(document))):
        raise PageError(status.HTTP_400_BAD_REQUEST, UNKNOWN_FILTER, visitor)
    below = given.get("less_sure_than")
    if below is not None and below not in CONFIDENCE_CHOICES:
        raise PageError(status.HTTP_400_BAD_REQUEST, UNKNOWN_FILTER, visitor)
    narrowed = QueueFilters(
        document_id=int(document) if document else None,
        meeting=given.get("meeting"),
        less_sure_than=float(below) if below else None,
        order=order,
    )
    return QueueQuery(country, indicator, narrowed)


def filter_choices(session: Session, visitor: Visitor) -> dict[str, Any]:
    """What the filter form offers the visitor: the countries (to the secretariat; a focal point
    reviews one), the documents it reviews, the meetings, the indicators, shares and orders."""
    return {
        "filter_countries": member_states() if visitor.publishes else [],
        "filter_documents": review_documents(session, visitor.principal),
        "filter_meetings": stored_meetings(session),
        "filter_indicators": list(indicators()),
        "confidence_choices": CONFIDENCE_CHOICES,
        "order_names": ORDER_NAMES,
    }
