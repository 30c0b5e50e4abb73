"""Getting a file into the database: read, skip what is already stored, extract, store.

:func:`ingest_path` is ``vigia ingest``'s, the demo's and the benchmarks'; :func:`ingest_upload`
is the upload runner's, which also moves the job on and keeps the upload's details. Both look for
the content in the database *before* extracting, so a file stored twice costs one read. Both
extract with what the database's reviewers taught the extractor, once there is enough of it
(:func:`vigia.services.learning.review_pipeline`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from sqlalchemy.orm import Session

from vigia.domain import Document
from vigia.extract import extract
from vigia.ingest import read_document
from vigia.records import StoredDocument
from vigia.services.jobs import UploadDetails, set_progress, store_upload
from vigia.services.learning import review_pipeline
from vigia.store.repository import find_document, store_document

#: A job's progress, in percent, when each step of an upload starts.
READING = 10
EXTRACTING = 30
STORING = 80


def ingest_path(session: Session, path: Path) -> StoredDocument:
    """Read, extract and store one file; content already stored is neither extracted nor stored
    again (the stored document is answered, ``created`` False).

    Raises :class:`~vigia.ingest.UnreadableFileError` for a file that cannot be read and
    :class:`~vigia.store.repository.InvalidDocumentError` for one that cannot be stored.
    """
    document = read_document(path)
    stored = find_document(session, document.sha256)
    if stored is not None:
        return stored
    return store_document(session, _extracted(session, document))


def ingest_upload(
    session: Session,
    job_id: int,
    path: Path,
    details: Callable[[bytes], UploadDetails],
) -> StoredDocument:
    """Read, extract and store the uploaded file at ``path`` for job ``job_id``, moving the job's
    progress on at each step; ``details`` gives the upload's details from the file's bytes.

    Content already stored is not extracted again: the job points at the stored document.
    Failures are raised, for the caller to fail the job with.
    """
    set_progress(session, job_id, READING)
    document = read_document(path)
    upload = details(path.read_bytes())
    document = replace(document, path=upload.original_name)
    if find_document(session, document.sha256) is None:
        set_progress(session, job_id, EXTRACTING)
        document = _extracted(session, document)
    set_progress(session, job_id, STORING)
    return store_upload(session, job_id, document, upload)


def _extracted(session: Session, document: Document) -> Document:
    pipeline = review_pipeline(session)
    return extract(document) if pipeline is None else pipeline(document)
