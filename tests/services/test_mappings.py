"""Mapping the documents stored before the evidence mapper existed: vigia.services.mappings."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tests.evaluate.reports import (
    RTP5_PORTUGUESE,
    StoreReports,
    evaluation_session,
    extracted,
    store_reports,
)
from vigia.evaluate.mappings import list_mappings
from vigia.extract import DEFAULT_PIPELINE, extract
from vigia.ingest import read_document
from vigia.services.mappings import remap_documents
from vigia.store.models import AreaMappingRow
from vigia.store.repository import store_document

__all__ = ["evaluation_session", "store_reports"]


def _count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(AreaMappingRow)) or 0


def test_store_document_keeps_the_mappings_of_the_pipeline(
    evaluation_session: Session, store_reports: StoreReports
) -> None:
    store_reports(RTP5_PORTUGUESE)
    assert _count(evaluation_session) == len(extracted(RTP5_PORTUGUESE).mappings) > 0
    assert remap_documents(evaluation_session) == 0


def test_remap_documents_maps_a_document_stored_without_them(evaluation_session: Session) -> None:
    names = [name for name in DEFAULT_PIPELINE if name != "plan_areas"]
    store_document(evaluation_session, extract(read_document(RTP5_PORTUGUESE), names))
    assert _count(evaluation_session) == 0

    assert remap_documents(evaluation_session) == 1

    mappings = list_mappings(evaluation_session, meeting="RTP-V")
    assert len(mappings) == len(extracted(RTP5_PORTUGUESE).mappings)
    assert all(mapping.text for mapping in mappings)
    assert remap_documents(evaluation_session) == 0
