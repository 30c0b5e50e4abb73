"""An archive extracted on a Dask cluster, and stored by one writer.

    with dask_client(workers=4) as client:          # or dask_client("tcp://scheduler:8786")
        for outcome in ingest_on_cluster(session, paths, client):
            print(outcome.path, outcome.stored or outcome.error)

This process is the only writer. It reads each file's bytes, skips content already stored
(by its SHA-256, as :func:`~vigia.services.ingestion.ingest_path` does) and sends the rest, bytes
and all, to the cluster's workers: they need no access to the files nor to the database. Each
worker reads the bytes into a document and extracts it with the pipeline the reviewers taught
(sent once to every worker), or the default one. The writer stores each document as it comes
back, in its own transaction. A file that cannot be read, extracted or stored gives its own
outcome with the error; the others go on. At most :data:`FILES_IN_FLIGHT_PER_WORKER` files per
worker are sent ahead, so an archive of any size is held in memory a few files at a time.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from distributed import Client, Future, LocalCluster, as_completed
from sqlalchemy.exc import DataError, IntegrityError
from sqlalchemy.orm import Session

from vigia.domain import Document
from vigia.extract import extract
from vigia.ingest import UnreadableFileError, document_from_bytes, read_file_bytes
from vigia.records import StoredDocument
from vigia.services.learning import review_pipeline
from vigia.store.repository import find_document, store_document

FILES_IN_FLIGHT_PER_WORKER = 4
#: The longest wait for a scheduler given by address.
CONNECT_TIMEOUT = "10s"


@dataclass(frozen=True)
class Outcome:
    """What became of one file: the stored document (``created`` False when it was already
    stored), or the error that stopped it."""

    path: Path
    stored: StoredDocument | None = None
    error: Exception | None = None


class SchedulerUnreachable(Exception):
    """No Dask scheduler answers at the address given. ``str()`` is one line, fit to show."""


@contextmanager
def dask_client(
    address: str | None = None, workers: int = 2, timeout: str = CONNECT_TIMEOUT
) -> Iterator[Client]:
    """A client of the scheduler at ``address``, or of a cluster of ``workers`` local processes
    (one thread each: extraction holds the GIL) made for the block and closed after it.

    Raises :class:`SchedulerUnreachable` when no scheduler answers at ``address`` in ``timeout``.
    """
    if address:
        try:
            client = Client(address, timeout=timeout)
        except (OSError, TimeoutError, ValueError) as error:
            detail = " ".join(str(error).split()) or type(error).__name__
            raise SchedulerUnreachable(
                f"no Dask scheduler answers at {address} within {timeout} ({detail})"
            ) from error
        with client:
            yield client
        return
    with (
        LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


def extract_bytes(name: str, data: bytes, pipeline: Any) -> Document | Exception:
    """A worker's task: the file ``name``'s ``data`` read and extracted, or what stopped it
    (answered, not raised: a file that fails is an outcome, not a fault of the worker's)."""
    try:
        document = document_from_bytes(Path(name), data)
        return extract(document) if pipeline is None else pipeline(document)
    except Exception as error:
        return error


def ingest_on_cluster(session: Session, paths: Iterable[Path], client: Client) -> Iterator[Outcome]:
    """Each file of ``paths`` read, extracted on ``client``'s cluster and stored (see the module);
    outcomes come in the order files finish."""
    pipeline = review_pipeline(session)
    shared = None if pipeline is None else client.scatter(pipeline, broadcast=True)
    workers = max(1, len(client.scheduler_info().get("workers", {})))
    window = FILES_IN_FLIGHT_PER_WORKER * workers
    finished: Any = as_completed()
    sent: dict[Future[Document | Exception], Path] = {}
    for path in paths:
        try:
            data = read_file_bytes(path)
        except UnreadableFileError as error:
            yield Outcome(path, error=error)
            continue
        stored = find_document(session, hashlib.sha256(data).hexdigest())
        if stored is not None:
            yield Outcome(path, stored)
            continue
        future = client.submit(extract_bytes, str(path), data, shared, pure=False)
        sent[future] = path
        finished.add(future)
        while len(sent) >= window:
            yield _store(session, next(finished), sent)
    for future in finished:
        yield _store(session, future, sent)


def _store(
    session: Session,
    future: Future[Document | Exception],
    sent: dict[Future[Document | Exception], Path],
) -> Outcome:
    path = sent.pop(future)
    try:
        document = future.result()
    except Exception as error:  # the worker was lost, or could not run the task
        return Outcome(path, error=error)
    if isinstance(document, Exception):
        return Outcome(path, error=document)
    stored = find_document(session, document.sha256)  # the same content twice in the archive
    if stored is not None:
        return Outcome(path, stored)
    try:
        return Outcome(path, store_document(session, document))
    except (IntegrityError, DataError) as error:
        session.rollback()
        return Outcome(path, error=error)
