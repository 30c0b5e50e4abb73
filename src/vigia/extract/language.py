"""Offline language detection for es, en, fr and pt from function-word frequencies.

Each word of the text that is a common function word of a language adds to that language's score.
A word shared by several languages ("de", "que", "la") is split among them, and a word that tells a
language apart from its closest neighbour ("não" and "uma" against "el" and "una") counts three
times. Words with an ending typical of a language (-ción, -ção, -ée, -ing) add a little more, which
settles short sentences whose function words are shared. The word lists live in
``vigia/data/lexicons/stopwords.json``.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from vigia.domain import LANGUAGES, Document
from vigia.extract.pipeline import component
from vigia.reference import lexicon

#: A distinctive word counts this many times as much as a plain common word.
DISTINCTIVE_WEIGHT = 3.0

#: What a word with a typical ending of a language adds to that language.
ENDING_WEIGHT = 0.5

#: Fewer recognised function words than this give no answer.
MINIMUM_WORDS = 3

_WORD = re.compile(r"[^\W\d_]+")


@cache
def word_weights() -> dict[str, dict[str, float]]:
    """For each known function word, the weight it adds to each language that uses it."""
    words = lexicon("stopwords")
    distinctive = {language: set(words[language]["distinctive"]) for language in LANGUAGES}
    languages_of: dict[str, list[str]] = {}
    for language in LANGUAGES:
        for word in set(words[language]["common"]):
            languages_of.setdefault(word, []).append(language)
    weights: dict[str, dict[str, float]] = {}
    for word, languages in languages_of.items():
        share = 1.0 / len(languages)
        weights[word] = {
            language: share * (DISTINCTIVE_WEIGHT if word in distinctive[language] else 1.0)
            for language in languages
        }
    return weights


@cache
def typical_endings() -> dict[str, tuple[str, ...]]:
    words = lexicon("stopwords")
    return {language: tuple(words[language]["endings"]) for language in LANGUAGES}


def language_scores(text: str) -> tuple[dict[str, float], int]:
    """Each language's score for ``text`` and how many of its words are known function words."""
    weights = word_weights()
    endings = typical_endings()
    counts = Counter(word.lower() for word in _WORD.findall(text))
    scores = dict.fromkeys(LANGUAGES, 0.0)
    recognised = 0
    for word, count in counts.items():
        if word in weights:
            recognised += count
            for language, weight in weights[word].items():
                scores[language] += weight * count
            continue
        for language in LANGUAGES:
            if word.endswith(endings[language]):
                scores[language] += ENDING_WEIGHT * count
    return scores, recognised


def detect_language(text: str) -> str | None:
    """The language of ``text`` (es, en, fr or pt), or None if too short or undecided."""
    scores, recognised = language_scores(text)
    if recognised < MINIMUM_WORDS:
        return None
    ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
    (best, best_score), (_, runner_up_score) = ranked[0], ranked[1]
    if best_score <= 0 or best_score == runner_up_score:
        return None
    return best


def likely_language(text: str) -> str | None:
    """The best guess for a short text: the language that leads, however few words it has."""
    detected = detect_language(text)
    if detected:
        return detected
    scores, _ = language_scores(text)
    ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
    (best, best_score), (_, runner_up_score) = ranked[0], ranked[1]
    return best if best_score > runner_up_score else None


@component("language", version="2", needs=["text"], adds=["language"])
def add_language(document: Document) -> Document:
    document.language = likely_language(document.text)
    return document
