"""Whose a figure is, from its own clause: a country's text quotes regional and world figures
("afecta a más de 1,2 millones de niños de América Latina"), which are not the country's.

The clause is the part of the sentence between commas (not those inside a number), semicolons,
colons and brackets, at most 400 characters either side of the figure. A place of
``scope_places`` in it (the lexicon of facts) makes the figure the region's or the world's, unless
the clause names a country too, or gives (``giving_stems``: what a country gives to a region stays
the country's figure).

:func:`owner_of` gives each figure its owner, with the reason (a code of
``vigia.extract.confidence``). In a country's section, a sentence set in another country ("En
Honduras se identificaron 120 víctimas": a ``locative`` preposition of the lexicon, before the
figure, and no other country named) gives that country the figure, and an organisation that
opens the figure's clause as its subject ("La OIM asistió a 300 víctimas") the organisation; a
sentence set in several member states at once ("en Guatemala y Honduras") makes it regional.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from vigia.domain import Document, Section, Sentence
from vigia.reference import countries, lexicon

#: The longest a clause is taken to run on either side of a figure.
_CLAUSE_WINDOW = 400
_CLAUSE_BREAK = re.compile(r"(?<!\d),|,(?!\d)|[;:()]")


def clause_around(sentence: Sentence, at: int) -> tuple[int, int]:
    """The document offsets of the clause of ``sentence`` that holds offset ``at``."""
    local = at - sentence.start
    text = sentence.text
    window = max(0, local - _CLAUSE_WINDOW)
    breaks = [match.end() for match in _CLAUSE_BREAK.finditer(text, window, local)]
    left = breaks[-1] if breaks else window
    right_match = _CLAUSE_BREAK.search(text, local, local + _CLAUSE_WINDOW)
    right = right_match.start() if right_match else min(len(text), local + _CLAUSE_WINDOW)
    return sentence.start + left, sentence.start + right


@cache
def _regions(language: str, key: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each region of the lexicon's ``key`` (``scope_places``, ``regional``) and its words."""
    regions: dict[str, list[str]] = lexicon("facts")[language][key]
    return tuple(
        (region, re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)", re.I))
        for region, words in regions.items()
    )


@cache
def _giving(language: str) -> re.Pattern[str]:
    stems: list[str] = lexicon("facts")[language]["giving_stems"]
    return re.compile(r"(?<!\w)(?:" + "|".join(stems) + r")\w*", re.I)


def scope_region(document: Document, sentence: Sentence, at: int, language: str) -> str | None:
    """The region or ``World`` whose figure the one at ``at`` is, if its clause says so."""
    start, end = clause_around(sentence, at)
    clause = document.text[start:end]
    region = next(
        (name for name, pattern in _regions(language, "scope_places") if pattern.search(clause)),
        None,
    )
    if region is None and _in_countries(language).search(clause):
        region = "World"  # "69 mil vítimas foram detectadas em 141 países"
    if region is None:
        return None
    if any(place.country and start <= place.start < end for place in document.places):
        return None
    if _giving(language).search(clause):
        return None
    return region


@cache
def _in_countries(language: str) -> re.Pattern[str]:
    """A locative before a number of countries: "in 141 countries", "em 141 países"."""
    cues = lexicon("facts")[language]
    places = "|".join(map(re.escape, cues["locative"]))
    nouns = "|".join(map(re.escape, cues.get("country_nouns", [])))
    return re.compile(rf"(?<!\w)(?:{places})\s+\d[\d.,]*\s+(?:{nouns})(?!\w)", re.I)


def region_of(sentence: str, language: str) -> str | None:
    """The region a sentence speaks of (``regional`` in the lexicon of facts), if any."""
    return next(
        (region for region, pattern in _regions(language, "regional") if pattern.search(sentence)),
        None,
    )


@dataclass(frozen=True)
class Owner:
    """Whose a figure is, and why (``reason``: how it was found)."""

    country: str | None = None
    actor: str | None = None
    region: str | None = None
    reason: str = ""


def owner_of(
    document: Document,
    section: Section | None,
    sentence: Sentence,
    language: str,
    at: int,
) -> Owner:
    """Whose the figure at offset ``at`` is: never a country the text does not tie it to. In a
    country's section, a figure whose own clause is about the region or the world, and names no
    country, is the region's ("genera en Latinoamérica US$16 mil millones")."""
    if section and section.kind == "country":
        region = scope_region(document, sentence, at, language)
        if region:
            return Owner(region=region, reason="clause_region")
        if set_in_several(document, sentence, at, language, section):
            return Owner(region="Americas", reason="sentence_places")
        elsewhere = located_in(document, sentence, at, language, section)
        if elsewhere and elsewhere != section.country:
            return Owner(country=elsewhere, reason="sentence_place")
        actor = acting(document, sentence, at, language)
        if actor:
            return Owner(actor=actor, reason="clause_actor")
        return Owner(country=section.country, reason="country_section")
    if section and section.kind == "actor":
        return Owner(actor=section.actor, reason="actor_section")
    places = [p for p in document.places if sentence.start <= p.start < sentence.end]
    countries = {place.country for place in places if place.country}
    actors = [place.actor for place in places if place.actor]
    region = region_of(sentence.text, language)
    if len(countries) == 1 and not actors:
        return Owner(country=countries.pop(), reason="sentence_country")
    if region and not countries:
        return Owner(region=region, reason="sentence_region")
    if actors and not countries:
        return Owner(actor=actors[0], reason="sentence_actor")
    return Owner()


@cache
def _locative(language: str) -> re.Pattern[str]:
    words: list[str] = lexicon("facts")[language]["locative"]
    pattern = r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")\s+(?:[^\W\d]{1,3}\s+)?$"
    return re.compile(pattern, re.I)


def located_in(
    document: Document, sentence: Sentence, at: int, language: str, section: Section
) -> str | None:
    """The country a sentence puts its figure at ``at`` in, when it names that country alone
    (the section's heading aside), after a locative preposition and before the figure ("En
    Honduras se identificaron 120")."""
    start = max(sentence.start, section.start + len(section.heading))
    places = [p for p in document.places if start <= p.start < sentence.end]
    countries = {place.country for place in places if place.country}
    if len(countries) != 1 or any(place.actor for place in places):
        return None
    place = next(place for place in places if place.country)
    before = document.text[max(sentence.start, place.start - 12) : place.start]
    return place.country if place.start < at and _locative(language).search(before) else None


@cache
def _articles(language: str) -> frozenset[str]:
    return frozenset(lexicon("facts")[language]["articles"]) | frozenset(
        lexicon("facts")[language]["definite_articles"]
    )


def acting(document: Document, sentence: Sentence, at: int, language: str) -> str | None:
    """The organisation that is the subject of the figure's clause ("La OIM asistió a 300
    víctimas", "IOM assisted 300 victims"): it opens the clause, before the figure, and the
    clause names no country. Support from an organisation ("con apoyo de la OIM") is no subject."""
    start, end = clause_around(sentence, at)
    places = [place for place in document.places if start <= place.start < end]
    if any(place.country for place in places):
        return None
    for place in places:
        if place.actor and place.start < at:
            opening = document.text[start : place.start].lower().split()
            if all(word in _articles(language) for word in opening):
                return place.actor
    return None


def set_in_several(
    document: Document, sentence: Sentence, at: int, language: str, section: Section
) -> bool:
    """Whether the sentence sets its figure at ``at`` in several member states at once ("En
    Guatemala y Honduras se identificaron 300 víctimas"): one locative phrase, before the figure,
    names them joined by commas and conjunctions. Such a figure is no one state's."""
    start = max(sentence.start, section.start + len(section.heading))
    named = [p for p in document.places if start <= p.start < at and p.country]
    if len(named) < 2 or any(not _is_member(place.country) for place in named):
        return False
    before = document.text[max(sentence.start, named[0].start - 12) : named[0].start]
    if not _locative(language).search(before):
        return False
    joiners = frozenset(lexicon("facts")[language]["conjunctions"])
    for first, second in pairwise(named):
        between = document.text[first.end : second.start]
        words = between.replace(",", " ").split()
        if not between.strip() or any(word.lower() not in joiners for word in words):
            return False
    return True


def _is_member(code: str | None) -> bool:
    country = countries().get(code or "")
    return country is not None and country.oas_member
