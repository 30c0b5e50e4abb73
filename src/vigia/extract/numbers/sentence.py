"""A sentence being read, the numbers found in it before their kind is decided, and the spans
already taken."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from vigia.domain import NumberKind
from vigia.extract.numbers.lexicon import NumberLexicon, number_lexicon

# ---------------------------------------------------------------------------------------------
# Candidates: numbers found in a sentence, before their kind is decided


@dataclass(frozen=True)
class Candidate:
    """A number in a sentence (offsets into the sentence) and what its surroundings said."""

    start: int
    end: int
    value: Decimal
    origin: str  # "digits", "words", "ordinal" or "collective"
    weak: bool = False  # a lone "un", "one": an article unless something says otherwise
    year_shaped: bool = False
    glued: bool = False
    money: bool = False
    unit: str | None = None
    scale: Decimal | None = None
    approximate: bool = False
    forced_kind: NumberKind | None = None
    value_min: Decimal | None = None
    parts: tuple[Candidate, ...] = ()


@dataclass(frozen=True)
class Region:
    """Text whose numbers are identifiers of one kind, and where those numbers are."""

    start: int
    end: int
    kind: NumberKind
    pieces: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class SentenceText:
    """A sentence, its lower-cased twin (same length) and its language's lexicon."""

    text: str
    lowered: str
    lexicon: NumberLexicon

    @classmethod
    def of(cls, text: str, language: str) -> SentenceText:
        return cls(text, _lowered(text), number_lexicon(language))

    def ends_with(self, name: str, position: int, width: int = 60) -> re.Match[str] | None:
        """Whether the lexicon pattern ``name`` ends right before ``position``."""
        return self.lexicon.pattern(name).search(self.lowered, max(0, position - width), position)

    def starts_with(self, name: str, position: int) -> re.Match[str] | None:
        """Whether the lexicon pattern ``name`` starts right at ``position``."""
        return self.lexicon.pattern(name).match(self.lowered, position)


def _lowered(text: str) -> str:
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return lowered.replace("’", "'").replace("‘", "'")


class Occupancy:
    """Which characters of a sentence already belong to a number or a region."""

    def __init__(self, length: int) -> None:
        self._taken = bytearray(length)

    def take(self, start: int, end: int) -> None:
        self._taken[start:end] = b"\x01" * (end - start)

    def free(self, start: int, end: int) -> bool:
        return not any(self._taken[start:end])
