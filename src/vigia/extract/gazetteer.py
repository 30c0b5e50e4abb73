"""Find the countries and organisations a text names, in es, en, fr and pt.

The :class:`Gazetteer` tokenises the text once and walks a trie of folded name tokens (lowercase,
without accents, every apostrophe as ``'``), so "MEXICO", "México" and "Mexico" are the same name,
"Trinité-et-Tobago" and "Trinité et Tobago" too (hyphens only separate tokens), and a name never
matches inside a longer word. The longest name starting at a token wins ("Estados Unidos
Mexicanos" is Mexico, "República Dominicana" is not Dominica), then matching resumes after it.

Capitals carry meaning, so they are checked on the original text:

- a country name is a proper noun: its first letter must be a capital in the text, which keeps
  "chad", "turkey" and "la délégation argentine" out;
- an acronym (OEA, OIM, EE.UU.) must be in capitals;
- display names that are also common words or other places ("Réunion", French for meeting) are
  never matched alone, and a few ("Dominique", "Salvador") only after an article ("la Dominique");
- place names that contain a country name ("New Mexico") are matched and dropped.

Articles and elisions before a name ("l'Argentine", "du Nicaragua", "el Perú") are not part of the
match. Names, aliases and these lists live in ``countries.json`` and ``actors.json``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import NamedTuple

from vigia.domain import Actor, Country, Document, PlaceMention
from vigia.extract.pipeline import component
from vigia.reference import actors, countries, load_data_file

_TOKEN = re.compile(r"[\w\u0300-\u036f]+|[^\w\s\-\u2010-\u2015]")
_APOSTROPHES = frozenset("'’‘ʼ`´")
_PARENTHESES = re.compile(r"\s*\([^)]*\)")

Key = tuple[str, ...]


class Token(NamedTuple):
    start: int
    end: int
    key: str


@lru_cache(maxsize=1 << 16)
def fold(word: str) -> str:
    """``word`` lowercase and without accents, one character for each base character."""
    folded: list[str] = []
    for character in word:
        if unicodedata.combining(character):
            continue
        if character in _APOSTROPHES:
            folded.append("'")
            continue
        base = unicodedata.normalize("NFD", character)[0]
        lowered = base.lower()
        folded.append(lowered if len(lowered) == 1 else base)
    return "".join(folded)


def base_characters(word: str) -> str:
    """``word`` without combining marks: its characters line up with :func:`fold`'s."""
    return "".join(character for character in word if not unicodedata.combining(character))


def tokenize(text: str) -> list[Token]:
    return [
        Token(match.start(), match.end(), fold(match.group())) for match in _TOKEN.finditer(text)
    ]


def name_key(name: str) -> Key:
    return tuple(token.key for token in tokenize(name))


@dataclass(frozen=True)
class NameRules:
    """How country names are matched beyond their spelling (see ``countries.json``)."""

    aliases: dict[str, list[str]] = field(default_factory=dict)
    excluded: frozenset[Key] = frozenset()
    needs_article: dict[Key, frozenset[str]] = field(default_factory=dict)
    not_countries: tuple[str, ...] = ()
    articles: frozenset[str] = frozenset()


@cache
def name_rules() -> NameRules:
    data = load_data_file("countries.json")
    return NameRules(
        aliases={
            entry["iso3"]: [name for names in entry.get("aliases", {}).values() for name in names]
            for entry in data["countries"]
        },
        excluded=frozenset(name_key(name) for name in data["excluded_names"]),
        needs_article={
            name_key(name): frozenset(fold(word) for word in words)
            for name, words in data["needs_article"].items()
        },
        not_countries=tuple(name for names in data["not_countries"].values() for name in names),
        articles=frozenset(
            key for words in data["articles"].values() for word in words for key in name_key(word)
        ),
    )


@dataclass(frozen=True)
class _Entry:
    """One spelling of a name: what it names and what the text must show around it."""

    country: str | None
    actor: str | None
    capitals: tuple[tuple[int, int], ...]
    after: frozenset[str] | None = None


@dataclass
class _Node:
    children: dict[str, _Node] = field(default_factory=dict)
    entries: list[_Entry] = field(default_factory=list)


def _capitals(name: str, proper_noun: bool) -> tuple[tuple[int, int], ...]:
    """(token, character) positions of ``name`` that must be capitals in the text."""
    words = [base_characters(name[token.start : token.end]) for token in tokenize(name)]
    letters = [letter for word in words for letter in word if letter.isalpha()]
    all_capitals = bool(letters) and all(letter.isupper() for letter in letters)
    positions: list[tuple[int, int]] = []
    for index, word in enumerate(words):
        is_acronym = sum(letter.isupper() for letter in word) >= 2 and word.upper() == word
        if all_capitals or is_acronym:
            positions.extend(
                (index, place) for place, letter in enumerate(word) if letter.isupper()
            )
        elif index == 0 and proper_noun and word[:1].isupper():
            positions.append((0, 0))
    return tuple(positions)


def _name_variants(name: str) -> Iterator[str]:
    """The name, and without a parenthesised part: "Myanmar (Burma)" is also "Myanmar"."""
    yield name
    shorter = _PARENTHESES.sub("", name).strip()
    if shorter and shorter != name:
        yield shorter


def _country_names(country: Country, aliases: Iterable[str]) -> Iterator[str]:
    for names in country.long_forms.values():
        yield from names
    yield from aliases
    yield from country.names.values()


class Gazetteer:
    """Countries and organisations by name, matched in one pass over the text's tokens."""

    def __init__(
        self,
        countries: Mapping[str, Country],
        actors: Mapping[str, Actor],
        rules: NameRules | None = None,
    ) -> None:
        self.rules = rules or NameRules()
        self._root = _Node()
        self._countries_by_key: dict[Key, str] = {}
        self._iso3_codes = frozenset(countries)
        for name in self.rules.not_countries:
            self._add(name, _Entry(None, None, _capitals(name, proper_noun=True)))
        for actor in actors.values():
            for names in actor.names.values():
                for name in names:
                    self._add(name, _Entry(None, actor.code, _capitals(name, proper_noun=False)))
        for country in countries.values():
            for name in _country_names(country, self.rules.aliases.get(country.iso3, [])):
                for variant in _name_variants(name):
                    self._add_country_name(country.iso3, variant)

    def _add_country_name(self, iso3: str, name: str) -> None:
        key = name_key(name)
        if not key or key in self.rules.excluded:
            return
        self._countries_by_key.setdefault(key, iso3)
        after = self.rules.needs_article.get(key)
        self._add(name, _Entry(iso3, None, _capitals(name, proper_noun=True), after))

    def _add(self, name: str, entry: _Entry) -> None:
        node = self._root
        for key in name_key(name):
            node = node.children.setdefault(key, _Node())
        if entry not in node.entries:
            node.entries.append(entry)

    def find_places(self, text: str, offset: int = 0) -> list[PlaceMention]:
        """Countries and organisations named in ``text``, in order, without overlaps.

        Offsets are shifted by ``offset``: ``text[start - offset : end - offset] == text``.
        """
        tokens = tokenize(text)
        mentions: list[PlaceMention] = []
        index = 0
        while index < len(tokens):
            found = self._longest_match(text, tokens, index)
            if found is None:
                index += 1
                continue
            end_index, entry = found
            if entry.country or entry.actor:
                start, end = tokens[index].start, tokens[end_index - 1].end
                mentions.append(
                    PlaceMention(
                        start + offset, end + offset, text[start:end], entry.country, entry.actor
                    )
                )
            index = end_index
        return mentions

    def _longest_match(
        self, text: str, tokens: list[Token], index: int
    ) -> tuple[int, _Entry] | None:
        candidates: list[tuple[int, _Node]] = []
        node = self._root
        position = index
        while position < len(tokens) and tokens[position].key in node.children:
            node = node.children[tokens[position].key]
            position += 1
            if node.entries:
                candidates.append((position, node))
        for end_index, candidate in reversed(candidates):
            for entry in candidate.entries:
                if _accepts(entry, text, tokens, index):
                    return end_index, entry
        return None

    def country_code(self, name: str) -> str | None:
        """The ISO3 code of the country a whole string names, articles before it allowed."""
        stripped = name.strip()
        if stripped in self._iso3_codes:
            return stripped
        keys = [token.key for token in tokenize(stripped)]
        while keys and not keys[-1].isalnum() and tuple(keys) not in self._countries_by_key:
            keys.pop()
        while keys:
            code = self._countries_by_key.get(tuple(keys))
            if code or keys[0] not in self.rules.articles:
                return code
            keys.pop(0)
        return None


def _accepts(entry: _Entry, text: str, tokens: list[Token], index: int) -> bool:
    for token_offset, character in entry.capitals:
        token = tokens[index + token_offset]
        letters = base_characters(text[token.start : token.end])
        if not letters[character].isupper():
            return False
    if entry.after is not None:
        return index > 0 and tokens[index - 1].key in entry.after
    return True


@cache
def default_gazetteer() -> Gazetteer:
    """The gazetteer of every country in ``countries.json`` and actor in ``actors.json``."""
    return Gazetteer(countries(), actors(), name_rules())


def country_code(name: str) -> str | None:
    """ISO3 code for a string that names a country ("des États-Unis" → "USA"), else None."""
    return default_gazetteer().country_code(name)


@component("places", version="1", needs=["text"], adds=["places"])
def add_places(document: Document) -> Document:
    document.places = default_gazetteer().find_places(document.text)
    return document
