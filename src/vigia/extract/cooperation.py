"""Cooperation between countries: practices shared, joint investigations and protocols, funding,
joint commissions and actions, agreements and support received."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from vigia.domain import CooperationLink, Document, Provenance, Section, Sentence
from vigia.extract.pipeline import component
from vigia.reference import lexicon

PROVENANCE = Provenance("cooperation", "1")


@dataclass(frozen=True)
class CooperationCue:
    pattern: re.Pattern[str]
    kind: str
    direction: str


@cache
def cooperation_cues(language: str) -> tuple[CooperationCue, ...]:
    return tuple(
        CooperationCue(
            re.compile(r"(?<!\w)(?:" + entry["cue"] + ")", re.I), entry["kind"], entry["direction"]
        )
        for entry in lexicon("cooperation")[language]
    )


def _links(
    home: str, before: list[str], after: list[str], cue: CooperationCue
) -> list[tuple[str, str]]:
    if cue.direction == "inward":
        return [(country, home) for country in after or before if country != home]
    if cue.direction == "all":
        return [(home, country) for country in before + after if country != home]
    agents = [country for country in before if country != home]
    source = agents[0] if agents and after else home
    return [(source, country) for country in after if country != source]


def sentence_links(
    document: Document, sentence: Sentence, home: str, language: str
) -> list[CooperationLink]:
    places = [p for p in document.places if sentence.start <= p.start < sentence.end and p.country]
    if not any(place.country != home for place in places):
        return []
    for cue in cooperation_cues(language):
        match = cue.pattern.search(sentence.text)
        if not match:
            continue
        position = sentence.start + match.start()
        before = [p.country for p in places if p.start < position and p.country]
        after = [p.country for p in places if p.start >= position and p.country]
        pairs = _links(home, before, after, cue)
        if pairs:
            evidence = document.evidence_for(sentence)
            return [
                CooperationLink(source, target, cue.kind, evidence, PROVENANCE)
                for source, target in dict.fromkeys(pairs)
            ]
    return []


def _section_links(document: Document, section: Section) -> list[CooperationLink]:
    assert section.country is not None
    language = document.language_at(section.start)
    return [
        link
        for sentence in document.sentences
        if section.start <= sentence.start < section.end
        for link in sentence_links(document, sentence, section.country, language)
    ]


def extract_cooperation(document: Document) -> list[CooperationLink]:
    return [
        link
        for section in document.sections
        if section.kind == "country" and section.country
        for link in _section_links(document, section)
    ]


@component(
    "cooperation", version="1", needs=["sentences", "sections", "places"], adds=["cooperation"]
)
def add_cooperation(document: Document) -> Document:
    document.cooperation = extract_cooperation(document)
    return document
