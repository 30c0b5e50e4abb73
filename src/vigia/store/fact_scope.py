"""The facts a scope of countries covers, in SQL: :mod:`vigia.store.permissions` for queries.

A focal point's scope covers the facts about its own country, except those of a document uploaded
*for another country*: a report that one state's focal point uploads may speak of many states, and
its figures about the others are proposals for the secretariat, neither reviewed nor read before
publication by those states' focal points. Facts of documents uploaded for no country (the
secretariat's uploads, ``vigia ingest``) stay in every focal point's scope for its own country.
"""

from __future__ import annotations

from sqlalchemy import and_, false, select, true
from sqlalchemy.sql.elements import ColumnElement

from vigia.store.models import DocumentRow, FactRow
from vigia.store.permissions import CountryScope


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
