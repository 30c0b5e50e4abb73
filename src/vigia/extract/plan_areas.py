"""Evidence mapping: which areas of the Work Plan each sentence of a country's section speaks to.

Cues per language and area live in ``data/lexicons/plan_areas.json``. A sentence is mapped to an
area when its confidence (``1 - product(1 - weight)`` over the distinct cues found) reaches the
lexicon's threshold; a sentence may be mapped to several areas, or to none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from vigia.domain import AREA_MAPPER, AreaMapping, Document
from vigia.extract.pipeline import component
from vigia.reference import lexicon

PROVENANCE = AREA_MAPPER


@dataclass(frozen=True)
class AreaCue:
    area: str
    pattern: re.Pattern[str]
    weight: float


@dataclass(frozen=True)
class AreaScore:
    area: str
    confidence: float
    cues: tuple[str, ...]


@cache
def _cues(language: str) -> tuple[AreaCue, ...]:
    data = lexicon("plan_areas")
    weights: dict[str, float] = data["weights"]
    return tuple(
        AreaCue(area, re.compile(r"(?<!\w)(?:" + pattern + ")", re.IGNORECASE), weights[strength])
        for area, strengths in data[language].items()
        for strength, patterns in strengths.items()
        for pattern in patterns
    )


def mapping_threshold() -> float:
    threshold: float = lexicon("plan_areas")["threshold"]
    return threshold


def score_areas(sentence: str, language: str) -> list[AreaScore]:
    """Every area the sentence gives evidence for, with its confidence and the cue words."""
    found: dict[str, dict[str, float]] = {}
    for cue in _cues(language):
        for match in cue.pattern.finditer(sentence):
            words = found.setdefault(cue.area, {})
            key = match.group(0).lower()
            words[key] = max(words.get(key, 0.0), cue.weight)
    scores = [_score(area, words) for area, words in found.items()]
    threshold = mapping_threshold()
    return sorted(
        (score for score in scores if score.confidence >= threshold),
        key=lambda score: -score.confidence,
    )


def _score(area: str, words: dict[str, float]) -> AreaScore:
    remaining = 1.0
    for weight in words.values():
        remaining *= 1.0 - weight
    return AreaScore(area, round(1.0 - remaining, 3), tuple(sorted(words)))


def map_sentences(document: Document) -> list[AreaMapping]:
    """Area mappings for every sentence of every country section of ``document``."""
    mappings: list[AreaMapping] = []
    for sentence in document.sentences:
        section = document.section_at(sentence.start)
        if section is None or section.kind != "country" or section.country is None:
            continue
        language = document.language_at(sentence.start)
        for score in score_areas(sentence.text, language):
            mappings.append(
                AreaMapping(
                    area=score.area,
                    confidence=score.confidence,
                    evidence=document.evidence_for(sentence),
                    provenance=PROVENANCE,
                    country=section.country,
                    cues=score.cues,
                )
            )
    return mappings


@component(
    "plan_areas", version=PROVENANCE.version, needs=["sentences", "sections"], adds=["mappings"]
)
def add_area_mappings(document: Document) -> Document:
    document.mappings = map_sentences(document)
    return document
