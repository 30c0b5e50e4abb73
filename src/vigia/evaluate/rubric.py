"""The published rubric: from the evidence behind an area to a :class:`~vigia.domain.Rating`.

The thresholds and the ratings' names and descriptions in four languages are in
``data/rubric.json``; this module only applies them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from vigia.domain import EvidenceSentence, FigureEvidence, Rating
from vigia.reference import load_data_file


@dataclass(frozen=True)
class RubricLevel:
    rating: Rating
    any_of: tuple[dict[str, int], ...]
    labels: dict[str, str]
    descriptions: dict[str, str]


@dataclass(frozen=True)
class Rubric:
    strong_confidence: float
    levels: tuple[RubricLevel, ...]

    def level(self, rating: Rating) -> RubricLevel:
        return next(level for level in self.levels if level.rating == rating)


@dataclass(frozen=True)
class EvidenceCounts:
    sentences: int
    strong_sentences: int
    figures: int

    def meets(self, condition: dict[str, int]) -> bool:
        return all(getattr(self, name) >= minimum for name, minimum in condition.items())


@cache
def rubric() -> Rubric:
    data = load_data_file("rubric.json")
    return Rubric(
        strong_confidence=float(data["strong_confidence"]),
        levels=tuple(
            RubricLevel(
                rating=Rating(entry["id"]),
                any_of=tuple(entry["any_of"]),
                labels=entry["labels"],
                descriptions=entry["descriptions"],
            )
            for entry in data["ratings"]
        ),
    )


def count_evidence(
    evidence: Sequence[EvidenceSentence], figures: Sequence[FigureEvidence]
) -> EvidenceCounts:
    """Distinct sentences (by document and offsets), the strong ones among them, and figures."""
    strongest: dict[tuple[str, int, int], float] = {}
    for sentence in evidence:
        key = (sentence.document, sentence.start, sentence.end)
        strongest[key] = max(strongest.get(key, 0.0), sentence.confidence)
    threshold = rubric().strong_confidence
    strong = sum(1 for confidence in strongest.values() if confidence >= threshold)
    return EvidenceCounts(len(strongest), strong, len(figures))


def rate(evidence: Sequence[EvidenceSentence], figures: Sequence[FigureEvidence]) -> Rating:
    """The rating the rubric gives an area with this evidence."""
    counts = count_evidence(evidence, figures)
    if counts.sentences == 0 and counts.figures == 0:
        return Rating.NO_INFORMATION
    for level in rubric().levels:
        if any(counts.meets(condition) for condition in level.any_of):
            return level.rating
    return Rating.NO_INFORMATION
