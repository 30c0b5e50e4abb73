"""Learning from review: ``vigia learn`` trains the reranker on the facts reviewers confirmed,
corrected or rejected, and scores extraction on annotated documents before and after.

A confirmed (or published) fact says the rules were right; a corrected one, that the figure is of
the corrected indicator; a rejected one, that the number is no figure. The model is scikit-learn's
logistic regression over the words around each number (:mod:`vigia.extract.rerank`), trained in
the process, deterministic, with nothing downloaded.

Once a database holds enough reviewed facts (:data:`MIN_EXAMPLES`), :func:`review_pipeline`
gives the pipeline that ingestion and uploads extract new documents with: the rules, then the
reranker trained on that review.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from vigia.extract import COMPONENTS, Pipeline
from vigia.extract.rerank import NOT_A_FACT, Features, Reranker, figure_features, reranking
from vigia.services.gold import Score
from vigia.services.scoring import score_files
from vigia.store.models import DocumentRow, EvidenceRow, FactRow
from vigia.vocabulary import CONFIRMED, CORRECTED, PUBLISHED, REJECTED

REVIEWED = (CONFIRMED, CORRECTED, PUBLISHED, REJECTED)
#: Reviewed facts a database needs before what they teach is applied to new documents.
MIN_EXAMPLES = 30
#: The reranker last trained, by database and by the state of its review (one entry).
_trained: dict[tuple[str, int, object], Reranker] = {}


class LearningError(ValueError):
    """Too little to learn from."""


@dataclass(frozen=True)
class Example:
    features: Features
    label: str


@dataclass(frozen=True)
class Learned:
    """What ``vigia learn`` reports: the examples, and the scores before and after."""

    examples: int
    labels: dict[str, int]
    before: list[Score]
    after: list[Score]


def reviewed_examples(session: Session) -> list[Example]:
    """A labelled example for each reviewed fact whose number its sentence still shows."""
    statement = (
        select(FactRow, EvidenceRow.text, DocumentRow.language)
        .join(EvidenceRow, FactRow.evidence_id == EvidenceRow.id)
        .join(DocumentRow, FactRow.document_id == DocumentRow.id)
        .where(FactRow.status.in_(REVIEWED))
        .order_by(FactRow.id)
    )
    examples = []
    for fact, sentence, language in session.execute(statement):
        found = figure_features(sentence, fact.value, language or "en")
        if found is None:
            continue
        if fact.status == REJECTED:
            label = NOT_A_FACT
        else:
            label = fact.corrected_indicator or fact.indicator
        examples.append(Example(found, label))
    return examples


def train(examples: Iterable[Example]) -> Reranker:
    """A reranker trained on ``examples``; LearningError with fewer than two kinds of label."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    examples = list(examples)
    labels = {example.label for example in examples}
    if len(labels) < 2:
        raise LearningError(
            f"{len(examples)} reviewed facts, of {len(labels)} kind: learning needs facts "
            "reviewed two ways at least (confirmed and corrected, or rejected)"
        )
    vectorizer = DictVectorizer()
    rows = vectorizer.fit_transform([example.features for example in examples])
    classifier = LogisticRegression(max_iter=1000, C=10.0)
    classifier.fit(rows, [example.label for example in examples])
    return Reranker(vectorizer, classifier, len(examples))


def learn(session: Session, gold_paths: list[Path], documents: Path | None = None) -> Learned:
    """Train on the reviewed facts of ``session``'s database; score before and after."""
    examples = reviewed_examples(session)
    reranker = train(examples)
    labels: dict[str, int] = {}
    for example in examples:
        labels[example.label] = labels.get(example.label, 0) + 1
    before = score_files(gold_paths, documents)
    after = score_files(gold_paths, documents, Pipeline([*COMPONENTS, reranking(reranker)]))
    return Learned(len(examples), dict(sorted(labels.items())), before, after)


def review_pipeline(session: Session, minimum: int | None = None) -> Pipeline | None:
    """The extraction pipeline with what the database's reviewers taught it (the reranker,
    after the rules), or None, the rules alone, while fewer than ``minimum`` facts (by default
    :data:`MIN_EXAMPLES`) are reviewed
    or they are reviewed one way only. Trained again only when the review has moved on."""
    count, latest = session.execute(
        select(func.count(), func.max(FactRow.reviewed_at)).where(FactRow.status.in_(REVIEWED))
    ).one()
    if count < (MIN_EXAMPLES if minimum is None else minimum):
        return None
    bind = session.get_bind()
    key = (str(bind.engine.url), count, latest)
    reranker = _trained.get(key)
    if reranker is None:
        try:
            reranker = train(reviewed_examples(session))
        except LearningError:
            return None
        _trained.clear()
        _trained[key] = reranker
    return Pipeline([*COMPONENTS, reranking(reranker)])
