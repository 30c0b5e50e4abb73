"""The meeting record: its code, the officers elected and who nominated them, the documents it
adopted, and the proposals made with who proposed and who supported them."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from vigia.domain import (
    Decision,
    Document,
    MeetingRecord,
    Officer,
    PlaceMention,
    Sentence,
)
from vigia.extract.codes import is_meeting_document, meeting_code
from vigia.extract.pipeline import component
from vigia.reference import lexicon

_NAME_WORD = r"[A-ZÁÉÍÓÚÑÀÂÇÈÊÎÔÛÜ][\w’'\-]+"
_NAME = re.compile(
    rf"{_NAME_WORD}(?:\s+(?:(?:de|del|de la|da|do|dos|y|e|van|von)\s+)?{_NAME_WORD})*"
)


@cache
def _cues(language: str) -> dict[str, Any]:
    cues: dict[str, Any] = lexicon("meeting")[language]
    return cues


def _phrases(words: list[str]) -> re.Pattern[str]:
    ordered = sorted(words, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, ordered)) + r")(?!\w)")


@cache
def _officer_role_pattern() -> re.Pattern[str]:
    roles: dict[str, list[str]] = lexicon("meeting")["officer_roles"]
    groups = "|".join(f"(?P<{role}>{'|'.join(words)})" for role, words in roles.items())
    return re.compile(rf"(?<!\w)(?:{groups})(?!\w)", re.I)


def _places_between(document: Document, start: int, end: int) -> list[PlaceMention]:
    return [place for place in document.places if start <= place.start < end and place.country]


def _nominee(
    document: Document, sentence: Sentence, after: int, language: str
) -> re.Match[str] | None:
    """The name of the person nominated: after a title ("Mme", "la señora", "Mr."), or else right
    after the nomination cue."""
    titles = _phrases(_cues(language)["titles"])
    text = sentence.text
    for title in titles.finditer(text, after):
        name = _NAME.match(
            text, title.end() + len(text[title.end() :]) - len(text[title.end() :].lstrip())
        )
        if name and not _is_place(document, sentence.start + name.start()):
            return name
    return _NAME.match(text, after + len(text[after:]) - len(text[after:].lstrip()))


def _is_place(document: Document, offset: int) -> bool:
    return any(place.start == offset for place in document.places)


def _role(text: str, cue_end: int) -> re.Match[str] | None:
    """The office a nomination is for: the first named after the cue, else the last before it."""
    roles = list(_officer_role_pattern().finditer(text))
    after = [role for role in roles if role.start() >= cue_end]
    before = [role for role in roles if role.start() < cue_end]
    return after[0] if after else (before[-1] if before else None)


def _nominator(document: Document, sentence: Sentence, language: str) -> str | None:
    delegation = _phrases(_cues(language)["delegation"]).search(sentence.text)
    if not delegation:
        return None
    start = sentence.start + delegation.end()
    places = _places_between(document, start, start + 60)
    return places[0].country if places else None


def officer_in(document: Document, sentence: Sentence, language: str) -> Officer | None:
    cue = _phrases(_cues(language)["nomination"]).search(sentence.text)
    role = _role(sentence.text, cue.end()) if cue else None
    if not cue or not role:
        return None
    nominated_by = _nominator(document, sentence, language)
    name = _nominee(document, sentence, cue.end(), language)
    if not name:
        return None
    name_end = sentence.start + name.end()
    homes = [p.country for p in _places_between(document, name_end, sentence.end)]
    candidates = [country for country in homes if country != nominated_by]
    return Officer(
        role=role.lastgroup or "chair",
        name=name.group(0),
        country=candidates[0] if candidates else None,
        nominated_by=nominated_by,
        evidence=document.evidence_for(sentence),
    )


def _paragraph_start(text: str, offset: int) -> int:
    found = text.rfind("\n\n", 0, offset)
    return found + 2 if found >= 0 else 0


def _proposal(sentence: Sentence, language: str) -> re.Match[str] | None:
    for match in _phrases(_cues(language)["proposal"]).finditer(sentence.text):
        before = sentence.text[max(0, match.start() - 12) : match.start()]
        if not _phrases(_cues(language)["passive"]).search(before):
            return match
    return None


def _supporters(document: Document, sentence: Sentence, after: int, language: str) -> list[str]:
    support = re.compile(r"(?<!\w)(?:" + "|".join(_cues(language)["support"]) + ")", re.I)
    cue = support.search(document.text, after, sentence.end)
    if cue:
        return [p.country for p in _places_between(document, cue.end(), sentence.end) if p.country]
    following = document.sentence_at(sentence.end + 1) or document.sentence_at(
        _next_sentence_start(document, sentence)
    )
    if following and support.search(following.text):
        return [
            p.country
            for p in _places_between(document, following.start, following.end)
            if p.country
        ]
    return []


def _next_sentence_start(document: Document, sentence: Sentence) -> int:
    for candidate in document.sentences:
        if candidate.start >= sentence.end:
            return candidate.start
    return len(document.text)


def decision_in(document: Document, sentence: Sentence, language: str) -> Decision | None:
    proposal = _proposal(sentence, language)
    if not proposal:
        return None
    verb = sentence.start + proposal.start()
    proposers = _places_between(document, sentence.start, verb)
    if not proposers:
        proposers = _places_between(
            document, _paragraph_start(document.text, sentence.start), verb
        )[:1]
    what = re.split(
        r"\s+(?:qui a été|que fue|which was|que foi)\b|[;.]", sentence.text[proposal.end() :]
    )
    return Decision(
        what=what[0].strip(),
        proposed_by=list(dict.fromkeys(p.country for p in proposers[-1:] if p.country)),
        supported_by=list(dict.fromkeys(_supporters(document, sentence, verb, language))),
        evidence=document.evidence_for(sentence),
    )


def extract_meeting(document: Document) -> MeetingRecord:
    record = MeetingRecord(code=meeting_code(document.codes))
    record.documents = list(
        dict.fromkeys(c.code for c in document.codes if is_meeting_document(c.code))
    )
    for sentence in document.sentences:
        section = document.section_at(sentence.start)
        if section and section.kind != "general":
            continue
        language = document.language_at(sentence.start)
        officer = officer_in(document, sentence, language)
        if officer:
            record.officers.append(officer)
            continue
        decision = decision_in(document, sentence, language)
        if decision and decision.proposed_by:
            record.decisions.append(decision)
    return record


@component(
    "meeting", version="1", needs=["sentences", "sections", "places", "codes"], adds=["meeting"]
)
def add_meeting(document: Document) -> Document:
    document.meeting = extract_meeting(document)
    return document
