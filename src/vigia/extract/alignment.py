"""Aligning two versions' paragraphs without a translation model.

The alignment is the cheapest path through the two lists of paragraphs, each step taking one
paragraph of each version (or two of one and one of the other, or one of either alone). A step
costs what makes two passages unlikely to say the same thing:

- their lengths, against the ratio of the versions' whole lengths (as Gale and Church's
  length-based alignment weighs them);
- the anchors one has and the other lacks, less those they share (figures, dates, codes, countries,
  organisations: what a translation keeps);
- the stems they share (``coord`` in "coordinación" and "coordination"), as a bonus;
- list markers that agree or not.

Paragraphs far from the diagonal are not tried once both versions are long (:data:`BAND`).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from vigia.versions import Link, Paragraph

#: Gale and Church's variance of the length of a translation per character.
LENGTH_VARIANCE = 6.8
#: The most a difference of length costs: beyond it, anchors and stems decide.
MOST_LENGTH_COST = 8.0
ANCHOR_MISSED = 2.0
ANCHOR_SHARED = 2.0
STEM_BONUS = 8.0
MARKER_AGREES = 2.0
MARKER_DIFFERS = 1.0
#: What a paragraph with no counterpart costs, at least; a long one costs more, up to twice.
ALONE = 3.0
ALONE_PER_CHARACTER = 1 / 200
#: What joining two paragraphs against one costs besides their likeness.
JOINED = 4.0
#: How far from the diagonal the path may go, in paragraphs, once the versions are longer.
BAND = 60
#: The steps: how many paragraphs of each version one step takes.
STEPS = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2))


@dataclass(frozen=True)
class _Side:
    length: int
    keys: Counter[str]
    stems: frozenset[str]
    marker: str | None


def _side(paragraphs: Sequence[Paragraph]) -> _Side:
    keys: Counter[str] = Counter()
    stems: frozenset[str] = frozenset()
    for paragraph in paragraphs:
        keys += paragraph.keys
        stems |= paragraph.stems
    marker = paragraphs[0].marker if paragraphs else None
    return _Side(sum(len(p.text) for p in paragraphs), keys, stems, marker)


def likeness_cost(first: Sequence[Paragraph], second: Sequence[Paragraph], ratio: float) -> float:
    """What taking ``first`` and ``second`` as one passage costs (lower: more alike); ``ratio``
    is the second version's length over the first's."""
    a, b = _side(first), _side(second)
    expected = a.length * ratio
    spread = math.sqrt(LENGTH_VARIANCE * max((expected + b.length) / 2, 1.0))
    cost = min(((b.length - expected) / spread) ** 2 / 2, MOST_LENGTH_COST)
    missed = (a.keys - b.keys) + (b.keys - a.keys)
    cost += ANCHOR_MISSED * sum(missed.values()) - ANCHOR_SHARED * sum((a.keys & b.keys).values())
    if a.stems and b.stems:
        cost -= STEM_BONUS * 2 * len(a.stems & b.stems) / (len(a.stems) + len(b.stems))
    if a.marker and b.marker:
        cost += -MARKER_AGREES if a.marker == b.marker else MARKER_DIFFERS
    elif a.marker or b.marker:
        cost += MARKER_DIFFERS
    return cost


def alone_cost(paragraph: Paragraph) -> float:
    return ALONE + min(len(paragraph.text) * ALONE_PER_CHARACTER, ALONE)


def align(first: Sequence[Paragraph], second: Sequence[Paragraph]) -> list[Link]:
    """The paragraphs of ``first`` and ``second`` that say the same thing, in order."""
    n, m = len(first), len(second)
    total_first = sum(len(p.text) for p in first)
    ratio = sum(len(p.text) for p in second) / total_first if total_first else 1.0
    width = max(BAND, abs(n - m) + BAND)
    best: dict[tuple[int, int], tuple[float, tuple[int, int]]] = {(0, 0): (0.0, (0, 0))}
    for i in range(n + 1):
        middle = i * m // n if n else 0
        for j in range(max(0, middle - width), min(m, middle + width) + 1):
            if (i, j) == (0, 0):
                continue
            candidates = []
            for di, dj in STEPS:
                before = best.get((i - di, j - dj))
                if before is None:
                    continue
                step = _step_cost(first[i - di : i], second[j - dj : j], ratio)
                candidates.append((before[0] + step, (di, dj)))
            if candidates:
                best[(i, j)] = min(candidates)
    return _path(best, n, m)


def _step_cost(first: Sequence[Paragraph], second: Sequence[Paragraph], ratio: float) -> float:
    if not second:
        return alone_cost(first[0])
    if not first:
        return alone_cost(second[0])
    cost = likeness_cost(first, second, ratio)
    return cost + JOINED if len(first) + len(second) > 2 else cost


def _path(best: dict[tuple[int, int], tuple[float, tuple[int, int]]], n: int, m: int) -> list[Link]:
    links = []
    i, j = n, m
    while (i, j) != (0, 0):
        di, dj = best[(i, j)][1]
        links.append(Link(tuple(range(i - di, i)), tuple(range(j - dj, j))))
        i, j = i - di, j - dj
    return links[::-1]
