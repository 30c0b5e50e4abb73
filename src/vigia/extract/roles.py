"""A country's role in trafficking flows (origin, transit, destination), as its own section says."""

from __future__ import annotations

import re
from functools import cache

from vigia.domain import Document, Provenance, Role
from vigia.extract.pipeline import component
from vigia.reference import lexicon

PROVENANCE = Provenance("roles", "1")
_WINDOW = 90
_BEFORE = 40


@cache
def _patterns(language: str) -> tuple[re.Pattern[str], dict[str, re.Pattern[str]]]:
    words = lexicon("roles")[language]
    country = re.compile(r"(?<!\w)(?:" + "|".join(words["country"]) + r")(?!\w)", re.I)
    roles = {
        role: re.compile(r"(?<!\w)(?:" + "|".join(names) + r")(?!\w)", re.I)
        for role, names in words["roles"].items()
    }
    return country, roles


def roles_in(sentence: str, language: str) -> list[str]:
    """The roles a sentence gives its subject: "un pays de destination et d'origine", "a source
    and destination country"."""
    country, roles = _patterns(language)
    found: list[str] = []
    for match in country.finditer(sentence):
        after = re.split(r"[.;]", sentence[match.end() : match.end() + _WINDOW])[0]
        before = re.split(r"[.;,]", sentence[max(0, match.start() - _BEFORE) : match.start()])[-1]
        window = f"{before} {after}"
        for role, pattern in roles.items():
            if pattern.search(window) and role not in found:
                found.append(role)
    return found


def extract_roles(document: Document) -> list[Role]:
    result: list[Role] = []
    for section in document.sections:
        if section.kind != "country" or section.country is None:
            continue
        language = document.language_at(section.start)
        seen: set[str] = set()
        for sentence in document.sentences:
            if section.start <= sentence.start < section.end:
                for role in roles_in(sentence.text, language):
                    if role not in seen:
                        seen.add(role)
                        result.append(
                            Role(section.country, role, document.evidence_for(sentence), PROVENANCE)
                        )
    return result


@component("roles", version="1", needs=["sentences", "sections"], adds=["roles"])
def add_roles(document: Document) -> Document:
    document.roles = extract_roles(document)
    return document
