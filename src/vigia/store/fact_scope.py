"""Who sees what, in SQL: :mod:`vigia.permissions` for queries, the one rule every read uses.

Everybody sees published facts; a principal also sees the unpublished facts of the countries it may
review (:func:`visible_facts`). A document's text, and what else was extracted from it (events,
roles, cooperation, meeting records), is readable by whoever sees one of its facts, by the
principals covering the country it was uploaded for, and by the secretariat
(:func:`readable_document`). The pages, the JSON API and the review queue all read through these.

A focal point's scope covers the facts about its own country, except those of a document uploaded
*for another country*: a report that one state's focal point uploads may speak of many states, and
its figures about the others are proposals for the secretariat, neither reviewed nor read before
publication by those states' focal points. Facts of documents uploaded for no country (the
secretariat's uploads, ``vigia ingest``) stay in every focal point's scope for its own country.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_, exists, false, or_, select, true
from sqlalchemy.orm import InstrumentedAttribute, aliased
from sqlalchemy.sql.elements import ColumnElement

from vigia.permissions import CountryScope, Principal, unpublished_scope
from vigia.store.models import DocumentRow, FactRow
from vigia.vocabulary import PUBLISHED


def fact_scope_clause(scope: CountryScope) -> ColumnElement[bool]:
    """The condition that a ``facts`` row is within ``scope``."""
    if scope.every_country:
        return true()
    if not scope.countries:
        return false()
    countries = sorted(scope.countries)
    uploaded_for_another = select(DocumentRow.id).where(
        DocumentRow.country.is_not(None), DocumentRow.country.not_in(countries)
    )
    return and_(FactRow.country.in_(countries), FactRow.document_id.not_in(uploaded_for_another))


def country_clause(
    scope: CountryScope, column: InstrumentedAttribute[str | None]
) -> ColumnElement[bool]:
    """The condition that ``column`` (a country code) is in ``scope``."""
    if scope.every_country:
        return true()
    if not scope.countries:
        return false()
    return column.in_(sorted(scope.countries))


def visible_facts(principal: Principal) -> ColumnElement[bool]:
    """Published facts, and the unpublished ones of the countries ``principal`` may review."""
    return or_(FactRow.status == PUBLISHED, fact_scope_clause(unpublished_scope(principal)))


def readable_document(principal: Principal, document_id: Any) -> ColumnElement[bool]:
    """Whether ``principal`` may read the document ``document_id`` (see the module)."""
    scope = unpublished_scope(principal)
    if scope.every_country:
        return true()
    seen_fact = exists().where(FactRow.document_id == document_id, visible_facts(principal))
    uploaded = aliased(DocumentRow)  # not correlated when document_id is DocumentRow.id itself
    uploaded_for = exists().where(
        uploaded.id == document_id, country_clause(scope, uploaded.country)
    )
    return or_(seen_fact, uploaded_for)
