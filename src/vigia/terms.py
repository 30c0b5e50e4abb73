"""Words as search sees them, in four languages: stems without accents, and queries that cross
languages.

    index_terms("Los albergues acogieron a 40 víctimas.", "es")  # "alberg acog 40 victim"
    query = parse_query("shelters for victims")
    query.groups  # [{("shelter",), ("alberg",), ("foy",), ("abrig",), …}, {("victim",), …}]

A text is cut into words, each stemmed by the Snowball stemmer of its language (``snowballstemmer``,
the algorithms PostgreSQL's and Lucene's stemmers use), then folded (lower case, no accents), its
common words left out. A query does not say its language: each word is stemmed in all four, and a
word or phrase of the term list (``data/search_terms.json``), the Work Plan's areas or the
indicators brings in that concept's terms in every language. A text matches a query when it holds
one term of every group of the query.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

import snowballstemmer  # type: ignore[import-untyped]

from vigia.plans import area_labels
from vigia.reference import indicators, lexicon, load_data_file
from vigia.text import fold

LANGUAGES = ("es", "en", "fr", "pt")
_SNOWBALL = {"es": "spanish", "en": "english", "fr": "french", "pt": "portuguese"}
_WORD = re.compile(r"\w+(?:['’]\w+)*")
#: What a stem may be made of, in a query sent to a database: anything else is left out.
_STEM = re.compile(r"[0-9a-z]+")
#: The most groups (words or phrases) a query is read for, and alternatives in each.
MOST_GROUPS = 8
MOST_ALTERNATIVES = 40

#: Stems remembered (word and language): a few megabytes.
STEMS_REMEMBERED = 100_000
#: A phrase: the stems of its words, in order.
Phrase = tuple[str, ...]


@dataclass(frozen=True)
class Query:
    """What a search looks for: every group matched, by any of its phrases."""

    text: str
    groups: tuple[frozenset[Phrase], ...]

    @property
    def stems(self) -> frozenset[str]:
        return frozenset(stem for group in self.groups for phrase in group for stem in phrase)


@cache
def _stemmer(language: str) -> snowballstemmer.Stemmer:
    return snowballstemmer.stemmer(_SNOWBALL[language])


@cache
def _common_words(language: str) -> frozenset[str]:
    return frozenset(fold(word) for word in lexicon("stopwords")[language]["common"])


def words(text: str) -> Iterator[re.Match[str]]:
    """The words of ``text`` (letters or digits, with inner apostrophes: "l'hébergement")."""
    return _WORD.finditer(text)


@lru_cache(maxsize=STEMS_REMEMBERED)
def stem(word: str, language: str) -> str:
    """``word``'s stem in ``language``, folded; the folded word for a language not stemmed.
    Remembered: the Snowball stemmers are pure Python, and reports repeat their words."""
    split = re.split(r"['’]", word.casefold())[-1]  # "l'hébergement": the word after the elision
    if language not in _SNOWBALL:
        return fold(split)
    return fold(_stemmer(language).stemWord(split))


def is_common(word: str, language: str) -> bool:
    return language in _SNOWBALL and fold(word) in _common_words(language)


def index_terms(text: str, language: str | None) -> str:
    """The stems of ``text``'s words, as search indexes them, space-separated."""
    language = language if language in _SNOWBALL else "en"
    return " ".join(
        stem(word.group(), language)
        for word in words(text)
        if not is_common(word.group(), language)
    )


def phrase(text: str, language: str) -> Phrase:
    """The stems of a term of ``language``, as an indexed text of that language holds them."""
    return tuple(
        stem(word.group(), language)
        for word in words(text)
        if not is_common(word.group(), language)
    )


@cache
def concepts() -> tuple[dict[str, frozenset[Phrase]], ...]:
    """Each concept's phrases by language: the term list's, the areas' and the indicators'."""
    found: list[dict[str, frozenset[Phrase]]] = []
    entries: list[dict[str, list[str]]] = list(load_data_file("search_terms.json")["concepts"])
    entries += [
        {lang: [label] for lang, label in labels.items()} for labels in area_labels().values()
    ]
    entries += [
        {lang: [label] for lang, label in indicator.labels.items()}
        for indicator in indicators().values()
    ]
    for entry in entries:
        found.append(
            {
                language: frozenset(
                    p for term in entry.get(language, []) if (p := phrase(term, language))
                )
                for language in LANGUAGES
            }
        )
    return tuple(found)


def parse_query(text: str) -> Query:
    """The groups of ``text``: each phrase of a concept it names (the longest first) is a group
    of all that concept's phrases; each other word, a group of its stems in the four languages."""
    tokens = [
        w.group() for w in words(text) if not any(is_common(w.group(), lg) for lg in LANGUAGES)
    ]
    stems_by_language = {lang: [stem(w, lang) for w in tokens] for lang in LANGUAGES}
    groups: list[frozenset[Phrase]] = []
    index = 0
    while index < len(tokens) and len(groups) < MOST_GROUPS:
        found = _concept_at(stems_by_language, index)
        if found is not None:
            length, alternatives = found
        else:
            length = 1
            alternatives = frozenset((stems_by_language[lang][index],) for lang in LANGUAGES)
        groups.append(_bounded(alternatives))
        index += length
    return Query(text, tuple(g for g in groups if g))


def _concept_at(
    stems_by_language: dict[str, list[str]], index: int
) -> tuple[int, frozenset[Phrase]] | None:
    """The longest concept phrase that starts at word ``index`` of the query (in any language),
    and the phrases of every concept that has it."""
    best = 0
    matched: set[Phrase] = set()
    for concept in concepts():
        for language, phrases in concept.items():
            stems = stems_by_language[language]
            for candidate in phrases:
                if tuple(stems[index : index + len(candidate)]) != candidate:
                    continue
                if len(candidate) > best:
                    best, matched = len(candidate), set()
                if len(candidate) == best:
                    matched |= {p for ps in concept.values() for p in ps}
    if not best:
        return None
    own = {tuple(stems_by_language[lang][index : index + best]) for lang in LANGUAGES}
    return best, frozenset(matched | own)


def _bounded(alternatives: frozenset[Phrase]) -> frozenset[Phrase]:
    usable = sorted(p for p in alternatives if p and all(_STEM.fullmatch(s) for s in p))
    return frozenset(usable[:MOST_ALTERNATIVES])


def fts5_expression(query: Query, every_group: bool = True) -> str:
    """``query`` in SQLite FTS5's syntax: ``("a" OR "b c") AND ("d")`` (``OR`` between the
    groups when not ``every_group`` is needed)."""
    return (" AND " if every_group else " OR ").join(
        "(" + " OR ".join(f'"{" ".join(p)}"' for p in sorted(group)) + ")" for group in query.groups
    )


def tsquery_expression(query: Query, every_group: bool = True) -> str:
    """``query`` in PostgreSQL's ``to_tsquery('simple', …)`` syntax: ``(a | b <-> c) & (d)``."""
    return (" & " if every_group else " | ").join(
        "(" + " | ".join(" <-> ".join(p) for p in sorted(group)) + ")" for group in query.groups
    )


def marked_spans(pieces: list[tuple[str, bool]]) -> list[tuple[int, int]]:
    """Where the marked pieces of :func:`highlighted` are in their joined text, as ``(start,
    end)`` offsets."""
    spans, position = [], 0
    for piece, matched in pieces:
        if matched:
            spans.append((position, position + len(piece)))
        position += len(piece)
    return spans


def highlighted(text: str, language: str | None, query: Query) -> list[tuple[str, bool]]:
    """``text`` in pieces, each True where a word's stem is one the query looks for."""
    language = language if language in _SNOWBALL else "en"
    wanted = query.stems
    pieces: list[tuple[str, bool]] = []
    position = 0
    for word in words(text):
        if stem(word.group(), language) not in wanted or is_common(word.group(), language):
            continue
        if word.start() > position:
            pieces.append((text[position : word.start()], False))
        pieces.append((word.group(), True))
        position = word.end()
    if position < len(text):
        pieces.append((text[position:], False))
    return pieces


def topics(text: str, language: str | None) -> list[frozenset[Phrase]]:
    """The concepts ``text`` names (in ``language``; in any of the four when None), each as all
    its phrases in every language, the first named first: what a need is about, to look for in
    what other states wrote."""
    languages = (language,) if language in _SNOWBALL else LANGUAGES
    indexed = {lang: f" {index_terms(text, lang)} " for lang in languages}
    found: list[tuple[int, frozenset[Phrase]]] = []
    for concept in concepts():
        places = [
            indexed[lang].find(spelled)
            for lang in languages
            for spelled in (f" {' '.join(p)} " for p in concept[lang])
            if spelled in indexed[lang]
        ]
        if places:
            everything = frozenset(p for phrases in concept.values() for p in phrases)
            found.append((min(places), _bounded(everything)))
    unique = dict.fromkeys(group for _, group in sorted(found, key=lambda item: item[0]))
    return list(unique)


def matches_group(terms: str, group: frozenset[Phrase]) -> bool:
    """Whether indexed ``terms`` hold one of ``group``'s phrases."""
    padded = f" {terms} "
    return any(f" {' '.join(p)} " in padded for p in group)


@cache
def concept_group(concept_id: str) -> frozenset[Phrase]:
    """Every phrase, in every language, of the term list's concept ``concept_id``."""
    for entry in load_data_file("search_terms.json")["concepts"]:
        if entry["id"] == concept_id:
            return frozenset(
                p for lang in LANGUAGES for term in entry.get(lang, []) if (p := phrase(term, lang))
            )
    raise KeyError(concept_id)


def index_terms_any_language(text: str) -> str:
    """:func:`index_terms` of ``text`` in each of the four languages, each stem once: for a short
    text whose language is not known (a practice a focal point typed)."""
    stems = (index_terms(text, language).split() for language in LANGUAGES)
    return " ".join(dict.fromkeys(stem for found in stems for stem in found))
