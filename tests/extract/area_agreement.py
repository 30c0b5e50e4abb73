"""Agreement between the evidence mapper and a hand annotation of a report's sentences.

The annotation (``tests/data/plan-mapping/*.areas.json``) lists each sentence of the country
sections with the areas a reader saw evidence for. Agreement is measured on (sentence, area)
pairs: precision, recall and F1 over all areas and per area, and Cohen's kappa per area.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from vigia.domain import Document


@dataclass(frozen=True)
class AreaAgreement:
    area: str
    true_positives: int
    false_positives: int
    false_negatives: int
    true_negatives: int

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else 1.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    @property
    def kappa(self) -> float:
        """Cohen's kappa of the yes/no decision for this area over every sentence."""
        total = (
            self.true_positives + self.false_positives + self.false_negatives + self.true_negatives
        )
        observed = (self.true_positives + self.true_negatives) / total
        yes = ((self.true_positives + self.false_positives) / total) * (
            (self.true_positives + self.false_negatives) / total
        )
        no = ((self.false_negatives + self.true_negatives) / total) * (
            (self.false_positives + self.true_negatives) / total
        )
        expected = yes + no
        return (observed - expected) / (1 - expected) if expected < 1 else 1.0


def load_annotation(path: Path) -> dict[tuple[int, int], set[str]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return {(item["start"], item["end"]): set(item["areas"]) for item in data["sentences"]}


def mapped_areas(document: Document) -> dict[tuple[int, int], set[str]]:
    found: dict[tuple[int, int], set[str]] = {}
    for mapping in document.mappings:
        found.setdefault((mapping.evidence.start, mapping.evidence.end), set()).add(mapping.area)
    return found


def agreement(
    expected: dict[tuple[int, int], set[str]],
    found: dict[tuple[int, int], set[str]],
    areas: tuple[str, ...],
) -> list[AreaAgreement]:
    """Per-area counts over the annotated sentences (sentences not annotated are ignored)."""
    results = []
    for area in areas:
        counts = [0, 0, 0, 0]
        for sentence, wanted in expected.items():
            said = area in found.get(sentence, set())
            meant = area in wanted
            counts[(0 if said else 2) + (0 if said == meant else 1)] += 1
        true_positives, false_positives, false_negatives, true_negatives = (
            counts[0],
            counts[1],
            counts[3],
            counts[2],
        )
        results.append(
            AreaAgreement(area, true_positives, false_positives, false_negatives, true_negatives)
        )
    return results


def overall(results: list[AreaAgreement]) -> AreaAgreement:
    return AreaAgreement(
        "all",
        sum(item.true_positives for item in results),
        sum(item.false_positives for item in results),
        sum(item.false_negatives for item in results),
        sum(item.true_negatives for item in results),
    )
