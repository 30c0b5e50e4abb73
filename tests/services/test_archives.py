"""An archive extracted on a local Dask cluster and stored by one writer: vigia.services.archives."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from distributed import Client
from sqlalchemy import Engine, func, select

from vigia.ingest import UnreadableFileError
from vigia.services.archives import Outcome, SchedulerUnreachable, dask_client, ingest_on_cluster
from vigia.services.ingestion import ingest_path
from vigia.store.database import open_database, session_factory
from vigia.store.models import DocumentRow, FactRow

REPORTS = sorted((Path(__file__).parents[1] / "data" / "reports").glob("*.txt"))


@pytest.fixture(scope="module")
def cluster() -> Iterator[Client]:
    """Two worker processes, started once for the module."""
    with dask_client(workers=2) as client:
        yield client


def _facts_by_document(engine: Engine) -> dict[str, int]:
    with session_factory(engine)() as session:
        rows = session.execute(
            select(DocumentRow.path, func.count(FactRow.id))
            .join(FactRow, FactRow.document_id == DocumentRow.id)
            .group_by(DocumentRow.path)
        )
        return dict(rows.all())


def _ingest(engine: Engine, paths: list[Path], client: Client) -> list[Outcome]:
    with session_factory(engine)() as session:
        return list(ingest_on_cluster(session, paths, client))


def test_the_cluster_stores_what_one_process_would(
    engine: Engine, tmp_path: Path, cluster: Client
) -> None:
    outcomes = _ingest(engine, REPORTS, cluster)

    assert sorted(outcome.path for outcome in outcomes) == REPORTS
    assert all(outcome.stored is not None and outcome.stored.created for outcome in outcomes)
    alone = open_database(f"sqlite:///{tmp_path / 'alone.db'}")
    with session_factory(alone)() as session:
        for path in REPORTS:
            ingest_path(session, path)
    assert _facts_by_document(engine) == _facts_by_document(alone)
    assert sum(_facts_by_document(engine).values()) > 20
    alone.dispose()


def test_a_second_run_extracts_nothing_again(engine: Engine, cluster: Client) -> None:
    _ingest(engine, REPORTS[:2], cluster)

    again = _ingest(engine, REPORTS[:2], cluster)

    assert [outcome.stored.created for outcome in again if outcome.stored] == [False, False]
    assert [outcome.path for outcome in again] == REPORTS[:2]  # answered before any extraction


def test_each_file_that_fails_has_its_own_outcome_and_the_rest_go_on(
    engine: Engine, cluster: Client, tmp_path: Path
) -> None:
    empty, missing = tmp_path / "empty.txt", tmp_path / "missing.txt"
    empty.write_text("  \n", encoding="utf-8")
    twice = tmp_path / "copy.txt"
    twice.write_bytes(REPORTS[0].read_bytes())

    outcomes = {o.path: o for o in _ingest(engine, [empty, REPORTS[0], missing, twice], cluster)}

    assert isinstance(outcomes[empty].error, UnreadableFileError)
    assert "empty file" in str(outcomes[empty].error)
    assert isinstance(outcomes[missing].error, UnreadableFileError)
    assert outcomes[REPORTS[0]].stored is not None and outcomes[twice].stored is not None
    assert {outcomes[REPORTS[0]].stored.created, outcomes[twice].stored.created} == {True, False}
    assert len(_facts_by_document(engine)) == 1


def test_a_scheduler_that_does_not_answer_is_said_plainly() -> None:
    with (
        pytest.raises(
            SchedulerUnreachable, match=r"no Dask scheduler answers at tcp://127\.0\.0\.1:1"
        ),
        dask_client("tcp://127.0.0.1:1", timeout="1s"),
    ):
        pass
