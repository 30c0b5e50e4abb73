"""Requests for help: a country asking for assistance or for what others have done."""

from __future__ import annotations

import re
from functools import cache

from vigia.domain import Document, HelpRequest, Provenance
from vigia.extract.pipeline import component
from vigia.reference import lexicon

PROVENANCE = Provenance("requests", "1")


@cache
def _request_pattern(language: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(?:" + "|".join(lexicon("requests")[language]) + ")", re.I)


def request_topic(sentence: str, language: str) -> str | None:
    """What a sentence asks for, or None when it asks for nothing."""
    match = _request_pattern(language).search(sentence)
    if not match:
        return None
    topic = sentence[match.start() :].strip().rstrip(".;")
    return topic[:300]


def extract_requests(document: Document) -> list[HelpRequest]:
    requests = []
    for section in document.sections:
        if section.kind != "country" or section.country is None:
            continue
        language = document.language_at(section.start)
        for sentence in document.sentences:
            if section.start <= sentence.start < section.end:
                topic = request_topic(sentence.text, language)
                if topic:
                    requests.append(
                        HelpRequest(
                            section.country, topic, document.evidence_for(sentence), PROVENANCE
                        )
                    )
    return requests


@component("requests", version="1", needs=["sentences", "sections"], adds=["requests"])
def add_requests(document: Document) -> Document:
    document.requests = extract_requests(document)
    return document
