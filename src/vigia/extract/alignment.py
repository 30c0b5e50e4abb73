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
import statistics
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
#: A pair of paragraphs fixes the alignment when each is the other's closest match and their cost
#: is this or lower.
CONFIDENT = -4.0
#: Matching pairs needed, at least, for their median to give the ratio of the versions' lengths.
RATIO_PAIRS = 3
#: Stems found in more paragraphs of a version than this share (or :data:`COMMON_STEM_MIN`) do not
#: make two paragraphs candidates to be matched ("trafic" in a report on trafficking).
COMMON_STEM_SHARE = 0.2
COMMON_STEM_MIN = 5
#: The steps: how many paragraphs of each version one step takes.
STEPS = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2))


@dataclass(frozen=True)
class _Side:
    length: int
    keys: Counter[str]
    stems: frozenset[str]
    marker: str | None


def _side(paragraphs: Sequence[Paragraph]) -> _Side:
    if len(paragraphs) == 1:
        (only,) = paragraphs
        return _Side(len(only.text), only.keys, only.stems, only.marker)
    keys: Counter[str] = Counter()
    stems: frozenset[str] = frozenset()
    for paragraph in paragraphs:
        keys += paragraph.keys
        stems |= paragraph.stems
    marker = paragraphs[0].marker if paragraphs else None
    return _Side(sum(len(p.text) for p in paragraphs), keys, stems, marker)


def likeness_cost(
    first: Sequence[Paragraph], second: Sequence[Paragraph], ratio: float | None
) -> float:
    """What taking ``first`` and ``second`` as one passage costs (lower: more alike); ``ratio``
    is the second version's length over the first's (None: lengths are not weighed)."""
    a, b = _side(first), _side(second)
    cost = 0.0
    if ratio is not None:
        expected = a.length * ratio
        spread = math.sqrt(LENGTH_VARIANCE * max((expected + b.length) / 2, 1.0))
        cost = min(((b.length - expected) / spread) ** 2 / 2, MOST_LENGTH_COST)
    if a.keys or b.keys:
        shared = sum(min(count, b.keys[key]) for key, count in a.keys.items() if key in b.keys)
        missed = a.keys.total() + b.keys.total() - 2 * shared
        cost += ANCHOR_MISSED * missed - ANCHOR_SHARED * shared
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
    """The paragraphs of ``first`` and ``second`` that say the same thing, in order.

    Pairs of paragraphs that are each other's closest match, and close (:data:`CONFIDENT`), fix
    the alignment where they keep the same order in both versions; the cheapest path joins them.
    A version that is an excerpt of the other, or has its title page at the end, is so still
    aligned where the two say the same thing.
    """
    candidates = _candidates(first, second)
    ratio = length_ratio(first, second, _mutual_best(first, second, candidates, None))
    links: list[Link] = []
    i = j = 0
    fixed = _chain(_mutual_best(first, second, candidates, ratio))
    for next_i, next_j in [*fixed, (len(first), len(second))]:
        links += _path_between(first, second, (i, next_i), (j, next_j), ratio)
        if next_i < len(first):
            links.append(Link((next_i,), (next_j,)))
        i, j = next_i + 1, next_j + 1
    return links


def length_ratio(
    first: Sequence[Paragraph],
    second: Sequence[Paragraph],
    pairs: Sequence[tuple[int, int, float]] = (),
    least: int = RATIO_PAIRS,
) -> float:
    """The second version's length over the first's: the median over ``pairs`` of paragraphs
    that match, when there are ``least`` of them (so that a version that is an excerpt of the
    other does not skew it), else over the whole versions."""
    if pairs and len(pairs) >= least:
        return statistics.median(len(second[j].text) / len(first[i].text) for i, j, _ in pairs)
    total_first = sum(len(p.text) for p in first)
    return sum(len(p.text) for p in second) / total_first if total_first else 1.0


def _mutual_best(
    first: Sequence[Paragraph],
    second: Sequence[Paragraph],
    candidates: set[tuple[int, int]],
    ratio: float | None,
) -> list[tuple[int, int, float]]:
    """The candidate pairs whose paragraphs are each other's closest match and close enough
    (:data:`CONFIDENT`), with their weight (the less they cost, the heavier), in order."""
    best_second: dict[int, tuple[float, int]] = {}
    best_first: dict[int, tuple[float, int]] = {}
    for i, j in candidates:
        cost = likeness_cost([first[i]], [second[j]], ratio)
        best_second[i] = min(best_second.get(i, (cost, j)), (cost, j))
        best_first[j] = min(best_first.get(j, (cost, i)), (cost, i))
    return sorted(
        (i, j, -cost)
        for i, (cost, j) in best_second.items()
        if cost <= CONFIDENT and best_first[j][1] == i
    )


def _chain(confident: list[tuple[int, int, float]]) -> list[tuple[int, int]]:
    """The heaviest chain of ``confident`` pairs whose order both versions keep."""
    # The heaviest increasing chain: for each pair, the best chain that ends with it.
    weight: list[float] = []
    before: list[int] = []
    for k, (_, j, w) in enumerate(confident):
        options = [(weight[h], h) for h in range(k) if confident[h][1] < j]
        best = max(options, default=(0.0, -1))
        weight.append(best[0] + w)
        before.append(best[1])
    chain: list[tuple[int, int]] = []
    k = max(range(len(weight)), key=weight.__getitem__, default=-1)
    while k >= 0:
        chain.append(confident[k][:2])
        k = before[k]
    return chain[::-1]


def _candidates(first: Sequence[Paragraph], second: Sequence[Paragraph]) -> set[tuple[int, int]]:
    """The pairs that share an anchor or a stem rare enough to tell paragraphs apart."""
    common = max(COMMON_STEM_MIN, int(COMMON_STEM_SHARE * len(second)))
    by_key: dict[str, list[int]] = {}
    for j, paragraph in enumerate(second):
        for key in {*paragraph.keys, *paragraph.stems}:
            by_key.setdefault(key, []).append(j)
    return {
        (i, j)
        for i, paragraph in enumerate(first)
        for key in {*paragraph.keys, *paragraph.stems}
        if len(by_key.get(key, ())) <= common
        for j in by_key.get(key, ())
    }


def _path_between(
    first: Sequence[Paragraph],
    second: Sequence[Paragraph],
    rows: tuple[int, int],
    columns: tuple[int, int],
    ratio: float,
) -> list[Link]:
    """The cheapest path from ``first[rows[0]]`` and ``second[columns[0]]`` to just before
    ``rows[1]`` and ``columns[1]``."""
    n, m = rows[1] - rows[0], columns[1] - columns[0]
    a, b = first[rows[0] : rows[1]], second[columns[0] : columns[1]]
    width = max(BAND, abs(n - m) + BAND)
    best: dict[tuple[int, int], tuple[float, tuple[int, int]]] = {(0, 0): (0.0, (0, 0))}
    for i in range(n + 1):
        middle = i * m // n if n else 0
        for j in range(max(0, middle - width), min(m, middle + width) + 1):
            if (i, j) == (0, 0):
                continue
            candidates = []
            for di, dj in STEPS:
                previous = best.get((i - di, j - dj))
                if previous is None:
                    continue
                step = _step_cost(a[i - di : i], b[j - dj : j], ratio)
                candidates.append((previous[0] + step, (di, dj)))
            if candidates:
                best[(i, j)] = min(candidates)
    return [
        Link(tuple(rows[0] + x for x in link.first), tuple(columns[0] + y for y in link.second))
        for link in _path(best, n, m)
    ]


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
