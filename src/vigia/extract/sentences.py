"""Split a document's text into sentences, keeping exact offsets.

A sentence ends at a blank line, at a full stop (or ! ? …) followed by a capital, a quote or a list
marker, and at a line break when the line before ends a clause or the line after opens a list item.
A line break inside a sentence (common in reports converted from PDF) does not end it, except
around a table's row (a line with tabs or " | " between cells, ending in a number set apart by two
spaces or more, or a label and its figure, "Convictions: 12"): each row is a sentence of its own.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from functools import cache

from vigia.domain import LANGUAGES, Document, Sentence
from vigia.extract.pipeline import component
from vigia.reference import lexicon

_LIST_MARKER = r"(?:\d{1,3}\s*[.)\-–]|[a-zA-Z][.)]|[•·▪◦●*\-–])(?:\s|$)"
_NEXT_LINE_OPENS_ITEM = re.compile(rf"[ \t]*{_LIST_MARKER}")
_BULLET_ONLY = re.compile(r"[ \t]*[•·▪◦●*\-–.]?[ \t]*")
_LINE_ENDS_CLAUSE = re.compile(r"[.!?:;…)\]»”\"]\s*$")
_FULL_STOP = re.compile(
    r"(?P<stop>[.!?…]+)[)\]»”\"’']*(?P<space>[ \t\u00a0]+)"
    r"(?=[\"“«¿¡(]?[A-ZÁÉÍÓÚÑÀÂÇÈÊÎÔÛÜŒ]|\d{1,3}\s*[.)\-–]\s|[•·])"
)
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_HAS_WORD = re.compile(r"\w{2,}")
_TABLE_ROW = re.compile(
    r"\t| \| |[ \u00a0]{2,}[$€£]?\d[\d.,]*[ \t]*$"
    r"|^[ \t]*(?:[-•·*][ \t]*)?[^\W\d][^:–—=\n]{0,80}?[:–—=]"  # "- Convictions: 12"
    r"[ \t]+\S{0,4}\d[\d.,\u00a0 ]*\w{0,10}[ \t]*$"
)
_LIST_NUMBER = re.compile(r"\s*(?:\d{1,3}|[a-zA-Z]|[IVXivx]{1,5})")


@cache
def _abbreviations() -> frozenset[str]:
    words = lexicon("sentences")
    return frozenset(word for language in LANGUAGES for word in words[language])


def _is_heading(line: str) -> bool:
    stripped = line.strip()
    letters = [character for character in stripped if character.isalpha()]
    return bool(letters) and all(character.isupper() for character in letters)


def _line_boundaries(text: str) -> Iterator[int]:
    """Offsets where a line break ends a sentence (the offset just after the newline)."""
    lines = text.split("\n")
    position = 0
    for index, line in enumerate(lines[:-1]):
        position += len(line) + 1
        following = lines[index + 1]
        if (
            not line.strip()
            or not following.strip()
            or _LINE_ENDS_CLAUSE.search(line)
            or _NEXT_LINE_OPENS_ITEM.match(following)
            or _is_heading(line)
            or _is_heading(following)
            or _BULLET_ONLY.fullmatch(line)
            or _TABLE_ROW.search(line)
            or _TABLE_ROW.search(following)
        ):
            yield position


def _opens_line(text: str, offset: int) -> bool:
    """Whether only a list number stands between the start of the line and ``offset``."""
    line_start = text.rfind("\n", 0, offset) + 1
    return bool(_LIST_NUMBER.fullmatch(text[line_start:offset]))


def _stop_boundaries(text: str) -> Iterator[int]:
    abbreviations = _abbreviations()
    for match in _FULL_STOP.finditer(text):
        if match.group("stop") == ".":
            before = _WORD_BEFORE.search(text, max(0, match.start() - 40), match.start())
            word = before.group(1).lower().strip(".") if before else ""
            if word in abbreviations or (len(word) == 1 and word.isalpha()):
                continue
            if _opens_line(text, match.start()):
                continue
        yield match.start("space")


def split_sentences(text: str) -> list[Sentence]:
    boundaries = sorted({0, len(text), *_line_boundaries(text), *_stop_boundaries(text)})
    sentences = []
    for start, end in itertools.pairwise(boundaries):
        chunk = text[start:end]
        stripped_start = start + len(chunk) - len(chunk.lstrip())
        stripped_end = start + len(chunk.rstrip())
        if stripped_end > stripped_start and _HAS_WORD.search(text, stripped_start, stripped_end):
            sentences.append(
                Sentence(stripped_start, stripped_end, text[stripped_start:stripped_end])
            )
    return sentences


@component("sentences", version="2", needs=["text"], adds=["sentences"])
def add_sentences(document: Document) -> Document:
    document.sentences = split_sentences(document.text)
    return document
