"""One way into the database for a file: vigia.services.ingestion, on both databases."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from vigia.ingest import UnreadableFileError
from vigia.services.ingestion import ingest_path, ingest_upload
from vigia.services.jobs import DONE, UploadDetails, create_job, find_job
from vigia.store.models import DocumentRow, FactRow

REPORT = (
    "Informe nacional de Costa Rica\n\n"
    "En 2019 la fiscalía de Costa Rica abrió 45 investigaciones por trata de personas.\n"
)


def _count(session: Session, table: type[DocumentRow] | type[FactRow]) -> int:
    return session.scalar(select(func.count()).select_from(table)) or 0


def test_ingest_path_stores_once_whatever_the_file_name(session: Session, tmp_path: Path) -> None:
    first, second = tmp_path / "informe.txt", tmp_path / "copia.txt"
    first.write_text(REPORT, encoding="utf-8")
    second.write_text(REPORT, encoding="utf-8")

    stored = ingest_path(session, first)
    again = ingest_path(session, second)

    assert stored.created and not again.created
    assert again.id == stored.id
    assert _count(session, DocumentRow) == 1
    assert _count(session, FactRow) == stored.counts["facts"] > 0


def test_ingest_path_refuses_an_unreadable_file_and_stores_nothing(
    session: Session, tmp_path: Path
) -> None:
    with pytest.raises(UnreadableFileError):
        ingest_path(session, tmp_path / "missing.txt")
    assert _count(session, DocumentRow) == 0


def test_ingest_upload_points_a_duplicate_at_the_stored_document(
    session: Session, tmp_path: Path
) -> None:
    path = tmp_path / "vigia-upload-1-a.txt"
    path.write_text(REPORT, encoding="utf-8")
    stored = ingest_path(session, path)
    job = create_job(session, "informe.txt", None)

    def details(original: bytes) -> UploadDetails:
        return UploadDetails(None, "CRI", None, original, "informe.txt")

    answered = ingest_upload(session, job.id, path, details)

    assert answered.id == stored.id and not answered.created
    finished = find_job(session, job.id)
    assert finished is not None
    assert (finished.status, finished.document_id) == (DONE, stored.id)
    assert _count(session, DocumentRow) == 1
