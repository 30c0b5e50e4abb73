"""Reranking facts with what reviewers taught: a small model over the words around a figure.

Every figure a reviewer confirmed, corrected or rejected is a labelled example: the words around
its number, and what the figure is (its indicator, as confirmed or corrected) or ``not_a_fact``
(rejected). A model trained on them (:mod:`vigia.services.learning`) reranks the rules' choice: it
changes a fact's indicator, or drops the fact, only when it is confident and has seen one of the
words that follow the number, so that what it never learnt about is left to the rules.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any, Protocol

from vigia.domain import FIGURE_KINDS, Document, Fact, Provenance, Reason
from vigia.extract.numbers import find_numbers
from vigia.extract.pipeline import Component, component
from vigia.reference import indicators

NOT_A_FACT = "not_a_fact"
PROVENANCE = Provenance("rerank", "1")
#: How sure the model must be to overrule the rules.
CONFIDENT = 0.6
_WORD = re.compile(r"[^\W\d_][\w-]*")
_AROUND = 3
#: The word right after a number is most often its counted noun: it weighs more.
_NOUN_WEIGHT = 3.0
_CLAUSE_END = re.compile(r"[.;:,](?!\d)")

Features = dict[str, float]


class Classifier(Protocol):
    """What the reranker asks of a trained model (scikit-learn's estimators answer it)."""

    classes_: Any

    def predict_proba(self, rows: Any) -> Any: ...


class Vectorizer(Protocol):
    vocabulary_: dict[str, int]

    def transform(self, rows: Sequence[Features]) -> Any: ...


def features(sentence: str, start: int, end: int, language: str) -> Features:
    """The words that follow a number at ``start:end`` of ``sentence`` in its clause (where its
    counted noun and what is said of it are), and the word before it."""
    clause = _CLAUSE_END.search(sentence, end)
    stop = clause.start() if clause else len(sentence)
    after = [m.group(0).lower() for m in _WORD.finditer(sentence, end, stop)][:_AROUND]
    before = [m.group(0).lower() for m in _WORD.finditer(sentence, 0, start)][-1:]
    found: Features = {f"lang={language}": 1.0}
    for index, word in enumerate(after, 1):
        found[f"next{index}={word}"] = _NOUN_WEIGHT if index == 1 else 1.0
    if len(after) > 1:
        found[f"next12={after[0]}_{after[1]}"] = 1.0
    for word in before:
        found[f"prev1={word}"] = 1.0
    return found


def figure_features(sentence: str, value: float, language: str) -> Features | None:
    """The features of the figure of ``value`` in ``sentence``, if the sentence has it."""
    for mention in find_numbers(sentence, language):
        if mention.kind in FIGURE_KINDS and mention.value == value:
            return features(sentence, mention.start, mention.end, language)
    return None


@dataclass(frozen=True)
class Reranker:
    """A trained model and the features it knows."""

    vectorizer: Vectorizer
    classifier: Classifier
    examples: int

    def judge(self, found: Features) -> tuple[str, float] | None:
        """What the model says the figure is, and how sure it is; None when it never saw the
        words that follow the number."""
        known = self.vectorizer.vocabulary_
        if not any(key.startswith("next") and key in known for key in found):
            return None
        probabilities = self.classifier.predict_proba(self.vectorizer.transform([found]))[0]
        best = int(probabilities.argmax())
        return str(self.classifier.classes_[best]), float(probabilities[best])

    def rerank(self, document: Document) -> list[Fact]:
        kept: list[Fact] = []
        for fact in document.facts:
            language = document.language_at(fact.evidence.start)
            found = _fact_features(document, fact, language)
            verdict = None if found is None else self.judge(found)
            if verdict is None or verdict[1] < CONFIDENT or verdict[0] == fact.indicator:
                kept.append(fact)
            elif verdict[0] == NOT_A_FACT:
                continue
            elif fact.unit == "count" and indicators()[verdict[0]].unit == "count":
                kept.append(_relabelled(fact, verdict))
            else:  # a count never becomes an amount of money, nor the other way round
                kept.append(fact)
        return kept


def _fact_features(document: Document, fact: Fact, language: str) -> Features | None:
    """:func:`features` of the number a fact came from, found among the document's numbers
    (in text order)."""
    evidence = fact.evidence
    first = bisect.bisect_left(document.numbers, evidence.start, key=lambda m: m.start)
    for mention in document.numbers[first:]:
        if mention.start >= evidence.end:
            break
        if mention.kind in FIGURE_KINDS and mention.value == fact.value:
            start = mention.start - evidence.start
            return features(evidence.text, start, mention.end - evidence.start, language)
    return None


def reranking(reranker: Reranker) -> Component:
    """A pipeline component that reranks the facts with ``reranker``."""

    @component("rerank", version="1", needs=["facts", "numbers"], adds=["facts"])
    def rerank(document: Document) -> Document:
        document.facts = reranker.rerank(document)
        return document

    return rerank


def _relabelled(fact: Fact, verdict: tuple[str, float]) -> Fact:
    """``fact`` as the model reads it: its indicator, and the model's probability as confidence."""
    indicator, probability = verdict
    owner = fact.reason.owner if fact.reason else ""
    return replace(
        fact,
        indicator=indicator,
        provenance=PROVENANCE,
        confidence=round(probability, 2),
        reason=Reason("learned", owner),
    )
