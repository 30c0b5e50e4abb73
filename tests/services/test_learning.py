"""Learning from review (vigia.services.learning): corrections made in the review queue on one
document improve extraction on another document of the same kind."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select
from sqlalchemy.orm import Session

from vigia.extract import COMPONENTS, Pipeline
from vigia.extract.rerank import NOT_A_FACT, reranking
from vigia.permissions import SECRETARIAT, principal_for
from vigia.services import learning
from vigia.services.accounts import create_user
from vigia.services.ingestion import ingest_path
from vigia.services.learning import (
    LearningError,
    learn,
    review_pipeline,
    reviewed_examples,
    train,
)
from vigia.services.review import confirm_fact, correct_fact, reject_fact
from vigia.services.scoring import read_annotated_document, score_file
from vigia.store.models import FactRow

#: Reports of one kind (Mexican state reports), written for this test: "carpetas" (case files)
#: are investigations, "mesas" working groups, and exhibitors at a fair no figure the Plan asks.
REVIEWED = (
    "1. México; en 2019 se abrieron 45 carpetas por trata de personas, se instalaron 12 mesas"
    " en los estados y participaron 30 expositores en la feria. Se rescataron 80 víctimas.\n"
)
UNSEEN = (
    "1. México; en 2020 se abrieron 60 carpetas por el delito de trata, hubo 7 mesas"
    " regionales y asistieron 25 expositores. Se rescataron 95 víctimas.\n"
)
GOLD = {
    "document": "unseen",
    "facts": [
        {
            "country": "MEX",
            "indicator": "investigations",
            "value": 60,
            "qualifier": "exact",
            "tier": "core",
        },
        {
            "country": "MEX",
            "indicator": "working_groups",
            "value": 7,
            "qualifier": "exact",
            "tier": "extra",
        },
        {
            "country": "MEX",
            "indicator": "victims_rescued",
            "value": 95,
            "qualifier": "exact",
            "tier": "core",
        },
    ],
}
CORRECTIONS = {45: "investigations", 12: "working_groups"}


@pytest.fixture
def unseen(tmp_path: Path) -> Path:
    (tmp_path / "unseen.es.txt").write_text(UNSEEN, encoding="utf-8")
    gold = tmp_path / "unseen.gold.json"
    gold.write_text(json.dumps(GOLD), encoding="utf-8")
    return gold


@pytest.fixture
def reviewed(session: Session, tmp_path: Path) -> Session:
    """The first report stored and reviewed in the review queue, as the secretariat does."""
    report = tmp_path / "revisado.es.txt"
    report.write_text(REVIEWED, encoding="utf-8")
    ingest_path(session, report)
    hasher = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    user = create_user(session, "sec@example.org", "a long password!", SECRETARIAT, hasher=hasher)
    secretariat = principal_for(user)
    for fact in session.scalars(select(FactRow).order_by(FactRow.id)).all():
        value = int(fact.value)
        if value in CORRECTIONS:
            correct_fact(session, secretariat, fact.id, fact.value, indicator=CORRECTIONS[value])
        elif value == 30:
            reject_fact(session, secretariat, fact.id, "not a figure of the Work Plan")
        else:
            confirm_fact(session, secretariat, fact.id)
    return session


def test_reviewed_facts_become_labelled_examples(reviewed: Session) -> None:
    labels = sorted(example.label for example in reviewed_examples(reviewed))
    assert labels == sorted(["investigations", "working_groups", NOT_A_FACT, "victims_rescued"])


def test_learning_from_one_report_improves_another_of_its_kind(
    reviewed: Session, unseen: Path
) -> None:
    learned = learn(reviewed, [unseen])
    before, after = learned.before[0], learned.after[0]
    assert (before.facts.found, before.facts.total) == (1, 3)  # only the rescued victims
    assert (after.facts.found, after.facts.total) == (3, 3)
    assert after.correct == after.reported == 3  # the exhibitors are dropped, nothing is wrong
    assert before.reported == 4 and len(before.wrong) == 3


def test_the_reranker_leaves_what_it_never_learnt_about_to_the_rules(
    reviewed: Session, tmp_path: Path
) -> None:
    other = tmp_path / "other.en.txt"
    other.write_text("1. Jamaica; the police rescued 14 victims and opened 9 files.\n", "utf-8")
    gold = tmp_path / "other.gold.json"
    gold.write_text(json.dumps({"facts": []}), encoding="utf-8")
    reranked = Pipeline([*COMPONENTS, reranking(train(reviewed_examples(reviewed)))])
    assert score_file(gold, pipeline=reranked).reported == score_file(gold).reported


def test_learning_needs_facts_reviewed_two_ways(session: Session) -> None:
    with pytest.raises(LearningError, match="reviewed two ways"):
        train(reviewed_examples(session))


def test_new_documents_are_extracted_with_what_reviewers_taught_once_there_is_enough(
    reviewed: Session, tmp_path: Path
) -> None:
    assert review_pipeline(reviewed) is None  # four reviewed facts: too few
    pipeline = review_pipeline(reviewed, minimum=4)
    assert pipeline is not None and pipeline.names[-1] == "rerank"
    assert review_pipeline(reviewed, minimum=4) is not None  # trained once, kept

    unseen = tmp_path / "nuevo.es.txt"
    unseen.write_text(UNSEEN, encoding="utf-8")
    document = pipeline(read_annotated_document(unseen))
    found = {(fact.indicator, fact.value) for fact in document.facts}
    assert found == {("investigations", 60), ("working_groups", 7), ("victims_rescued", 95)}


def test_ingestion_extracts_with_the_reviewers_lessons(
    reviewed: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(learning, "MIN_EXAMPLES", 4)
    unseen = tmp_path / "nuevo.es.txt"
    unseen.write_text(UNSEEN, encoding="utf-8")

    stored = ingest_path(reviewed, unseen)

    facts = reviewed.scalars(select(FactRow).where(FactRow.document_id == stored.id)).all()
    found = {(fact.indicator, int(fact.value), fact.component) for fact in facts}
    assert ("investigations", 60, "rerank") in found
    assert ("victims_rescued", 95, "facts") in found
    assert all(fact.value != 25 for fact in facts)  # the exhibitors: not a figure, it learnt
