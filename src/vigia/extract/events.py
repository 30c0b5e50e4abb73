"""Find events in a country's history: laws adopted or amended, institutions, plans and funds
created, treaties ratified, protocols adopted, campaigns launched, each with its year when the text
gives it.

An event is an object ("la Loi", "una comisión") with a trigger near it in the same clause ("a été
approuvée", "creó"); drafts, bills and plans for the future are not events.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from vigia.domain import Document, Event, Provenance, Section, Sentence
from vigia.extract.pipeline import component
from vigia.extract.years import document_year
from vigia.reference import lexicon

PROVENANCE = Provenance("events", "1")
_YEAR = re.compile(r"(?<![\d/.,-])(19[5-9]\d|20\d\d)(?![\d/])")
_NEAR = 80


@dataclass(frozen=True)
class EventRule:
    kind: str
    objects: re.Pattern[str] | None
    triggers: re.Pattern[str]
    verbs_alone: re.Pattern[str] | None


def _words(patterns: list[str]) -> re.Pattern[str] | None:
    return re.compile(r"(?<!\w)(?:" + "|".join(patterns) + ")", re.I) if patterns else None


@cache
def _cues(language: str) -> dict[str, Any]:
    cues: dict[str, Any] = lexicon("events")[language]
    return cues


@cache
def event_rules(language: str) -> tuple[EventRule, ...]:
    rules = []
    for kind, words in _cues(language)["kinds"].items():
        triggers = _words(words["triggers"])
        assert triggers is not None, f"events lexicon: {kind} has no triggers"
        rules.append(
            EventRule(
                kind, _words(words["objects"]), triggers, _words(words.get("verbs_alone", []))
            )
        )
    return tuple(rules)


@cache
def _cue(language: str, key: str) -> re.Pattern[str]:
    pattern = _words(_cues(language)[key])
    assert pattern is not None
    return pattern


def _clauses(sentence: Sentence) -> Iterator[tuple[int, str]]:
    position = 0
    for part in re.split(r"(;)", sentence.text):
        if part != ";":
            yield sentence.start + position, part
        position += len(part)


def _triggered(rule: EventRule, clause: str, language: str) -> Iterator[re.Match[str]]:
    """The triggers (matched in the clause) that make an event of this kind."""
    if _cue(language, "not_yet").search(clause):
        return
    if rule.verbs_alone:
        yield from rule.verbs_alone.finditer(clause)
    for match in rule.objects.finditer(clause) if rule.objects else ():
        window_start = max(0, match.start() - _NEAR)
        trigger = rule.triggers.search(clause, window_start, match.end() + _NEAR)
        if trigger:
            yield trigger
            return


def _year_near(text: str, offset: int, language: str) -> int | None:
    """The year nearest the trigger, preferring one that a time word introduces ("in 2013")."""
    temporal = _cue(language, "temporal")
    years = [
        (
            not temporal.search(text[max(0, match.start() - 12) : match.start()]),
            abs(match.start() - offset),
            int(match.group(1)),
        )
        for match in _YEAR.finditer(text)
    ]
    return min(years)[2] if years else None


def event_year(
    document: Document, sentence: Sentence, trigger: re.Match[str], clause_start: int, language: str
) -> int | None:
    """The trigger's own year ("Act of 2007"), else the year nearest it, else "this year"."""
    own = _YEAR.search(trigger.group(0))
    if own:
        return int(own.group(1))
    year = _year_near(sentence.text, clause_start + trigger.start() - sentence.start, language)
    if year:
        return year
    if _cue(language, "this_year").search(sentence.text):
        return document_year(document)
    if _cue(language, "same_year").search(sentence.text):
        section = document.section_at(sentence.start)
        earlier = document.text[section.start if section else 0 : sentence.start]
        years = _YEAR.findall(earlier)
        return int(years[-1]) if years else None
    return None


def _section_events(document: Document, section: Section) -> list[Event]:
    language = document.language_at(section.start)
    events: list[Event] = []
    seen: set[tuple[str, int | None]] = set()
    for sentence in document.sentences:
        if not section.start <= sentence.start < section.end:
            continue
        for clause_start, clause in _clauses(sentence):
            for rule in event_rules(language):
                for trigger in _triggered(rule, clause, language):
                    year = event_year(document, sentence, trigger, clause_start, language)
                    if (rule.kind, year) not in seen:
                        seen.add((rule.kind, year))
                        events.append(
                            Event(
                                rule.kind,
                                document.evidence_for(sentence),
                                PROVENANCE,
                                section.country,
                                year,
                            )
                        )
    return events


def extract_events(document: Document) -> list[Event]:
    return [
        event
        for section in document.sections
        if section.kind == "country"
        for event in _section_events(document, section)
    ]


@component("events", version="1", needs=["sentences", "sections", "numbers"], adds=["events"])
def add_events(document: Document) -> Document:
    document.events = extract_events(document)
    return document
