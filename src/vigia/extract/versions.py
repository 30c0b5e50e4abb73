"""Where two language versions of one document disagree.

    comparison = compare_versions(spanish_text, english_text)

The paragraphs are aligned (:mod:`vigia.extract.alignment`); then each aligned pair is checked
for the anchors one has and the other lacks (figures, dates, codes, names of countries and
organisations), list numbering that differs, and a passage much shorter than its counterpart (a
clause left out). A paragraph with no counterpart is in one version only, unless it is like one of
the other version's paragraphs left alone elsewhere: then it was moved.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence

from vigia.extract.alignment import align, alone_cost, length_ratio, likeness_cost
from vigia.extract.language import detect_language
from vigia.extract.paragraphs import split_paragraphs
from vigia.versions import (
    GROUPS,
    Anchor,
    Difference,
    DifferenceKind,
    Link,
    Paragraph,
    VersionComparison,
)

#: Names compared as sets: a country named twice in one version and once in the other is no
#: difference ("2,5 millions de dollars É.-U. … des États-Unis").
NAMES = "names"
FIGURES = "figures"
#: A paragraph left alone in each version is the same one moved when taking them as one passage
#: costs this much less than leaving both alone.
MOVED_MARGIN = 4.0
#: … and when they are more alike than not (a list item is only ever moved among list items).
MOVED_MOST_COST = -1.0
#: … and when they share two stems or anchors at least (one word in common is chance).
MOVED_SHARED = 2
#: A passage is much shorter than its counterpart below this share of the expected length
#: (the median ratio of aligned paragraphs applied: a faithful translation's stay within ±16% of
#: it in the tests' versions), when it lacks at least :data:`SHORTER_CHARACTERS` characters.
SHORTER_SHARE = 0.75
SHORTER_CHARACTERS = 50
#: Only paragraphs this long, at least, give the ratio of the versions' lengths.
RATIO_LENGTH = 100
DEFAULT_LANGUAGE = "en"


def compare_versions(
    first_text: str,
    second_text: str,
    first_language: str | None = None,
    second_language: str | None = None,
) -> VersionComparison:
    """Align ``first_text`` and ``second_text`` by paragraph and list where they disagree. Each
    language is detected when not given."""
    first_language = first_language or detect_language(first_text) or DEFAULT_LANGUAGE
    second_language = second_language or detect_language(second_text) or DEFAULT_LANGUAGE
    first = split_paragraphs(first_text, first_language)
    second = split_paragraphs(second_text, second_language)
    links = align(first, second)
    return VersionComparison(
        first_language=first_language,
        second_language=second_language,
        first=tuple(first),
        second=tuple(second),
        links=tuple(links),
        differences=tuple(_runs(_differences(first, second, links, _ratio(first, second, links)))),
    )


def _ratio(first: Sequence[Paragraph], second: Sequence[Paragraph], links: list[Link]) -> float:
    """The second version's length over the first's, as their aligned paragraphs give it (one
    long passage left out of one version does not change it)."""
    pairs = [
        (link.first[0], link.second[0], 0.0)
        for link in links
        if len(link.first) == len(link.second) == 1
        and len(first[link.first[0]].text) >= RATIO_LENGTH
    ]
    return length_ratio(first, second, pairs, least=1)


def _runs(differences: Iterator[Difference]) -> Iterator[Difference]:
    """``differences`` with each run of paragraphs in one version only, one after the other, as
    one difference (the rest of a report that the other version, an excerpt, lacks)."""
    run: Difference | None = None
    for difference in differences:
        if run is not None and _continues(run, difference):
            run = Difference(run.kind, run.first + difference.first, run.second + difference.second)
            continue
        if run is not None:
            yield run
        run = difference
    if run is not None:
        yield run


def _continues(run: Difference, difference: Difference) -> bool:
    if run.kind is not difference.kind:
        return False
    if run.kind is DifferenceKind.ONLY_IN_FIRST:
        return run.first[-1].index + 1 == difference.first[0].index
    if run.kind is DifferenceKind.ONLY_IN_SECOND:
        return run.second[-1].index + 1 == difference.second[0].index
    return False


def _differences(
    first: Sequence[Paragraph], second: Sequence[Paragraph], links: list[Link], ratio: float
) -> Iterator[Difference]:
    moved = _moved(first, second, links, ratio)
    moved_first = {a for a, _ in moved}
    moved_second = {b for _, b in moved}
    shifted = False
    for link in links:
        a = tuple(first[i] for i in link.first)
        b = tuple(second[j] for j in link.second)
        is_item = any(p.marker for p in (*a, *b))
        shifted = shifted and is_item
        if not b or not a:
            (paragraph,) = a or b
            if paragraph.index in (moved_first if a else moved_second):
                partner = _partner(moved, paragraph.index, bool(a))
                if a:
                    yield Difference(DifferenceKind.MOVED, a, (second[partner],))
                shifted = shifted or is_item
                continue
            kind = DifferenceKind.ONLY_IN_FIRST if a else DifferenceKind.ONLY_IN_SECOND
            yield Difference(kind, a, b)
            shifted = shifted or is_item
            continue
        yield from _anchor_differences(a, b)
        if not shifted and _renumbered(a, b):
            yield Difference(
                DifferenceKind.NUMBERING, a, b, (a[0].marker or "",), (b[0].marker or "",)
            )
        shorter = _shorter(a, b, ratio)
        if shorter is not None:
            yield shorter


def _renumbered(a: tuple[Paragraph, ...], b: tuple[Paragraph, ...]) -> bool:
    """Whether one list item is numbered differently in each version (bullets have no number)."""
    if len(a) != 1 or len(b) != 1:
        return False
    markers = (a[0].marker, b[0].marker)
    return None not in markers and "-" not in markers and markers[0] != markers[1]


def _moved(
    first: Sequence[Paragraph], second: Sequence[Paragraph], links: list[Link], ratio: float
) -> list[tuple[int, int]]:
    alone_first = [link.first[0] for link in links if not link.second]
    alone_second = [link.second[0] for link in links if not link.first]
    pairs = []
    for i in alone_first:
        for j in alone_second:
            if bool(first[i].marker) != bool(second[j].marker):
                continue
            cost = likeness_cost([first[i]], [second[j]], ratio)
            gain = alone_cost(first[i]) + alone_cost(second[j]) - cost
            shared = len(first[i].stems & second[j].stems) + sum(
                (first[i].keys & second[j].keys).values()
            )
            if cost <= MOVED_MOST_COST and gain >= MOVED_MARGIN and shared >= MOVED_SHARED:
                pairs.append((-gain, i, j))
    taken_first: set[int] = set()
    taken_second: set[int] = set()
    moved = []
    for _, i, j in sorted(pairs):
        if i not in taken_first and j not in taken_second:
            taken_first.add(i)
            taken_second.add(j)
            moved.append((i, j))
    return moved


def _partner(moved: list[tuple[int, int]], index: int, in_first: bool) -> int:
    return next(j if in_first else i for i, j in moved if (i if in_first else j) == index)


def _anchor_differences(a: tuple[Paragraph, ...], b: tuple[Paragraph, ...]) -> Iterator[Difference]:
    for group in dict.fromkeys(GROUPS.values()):
        first = [anchor for p in a for anchor in p.anchors if GROUPS[anchor.kind] == group]
        second = [anchor for p in b for anchor in p.anchors if GROUPS[anchor.kind] == group]
        first_keys = Counter(anchor.key for anchor in first)
        second_keys = Counter(anchor.key for anchor in second)
        if group == NAMES:
            first_keys, second_keys = Counter(set(first_keys)), Counter(set(second_keys))
        only_first = _texts(first, first_keys - second_keys)
        only_second = _texts(second, second_keys - first_keys)
        if group == FIGURES and (
            _only_words(only_first, only_second) or _only_words(only_second, only_first)
        ):
            continue
        if only_first or only_second:
            yield Difference(DifferenceKind(group), a, b, only_first, only_second)


def _only_words(extra: tuple[str, ...], other: tuple[str, ...]) -> bool:
    """Whether one side's only extras are numbers written in words ("tous les deux ans"), which
    languages use in idioms where others have none: only a figure against a figure, or one in
    digits, is a difference."""
    return bool(extra) and not other and not any(c.isdigit() for text in extra for c in text)


def _texts(anchors: list[Anchor], extra: Counter[str]) -> tuple[str, ...]:
    texts = []
    left = Counter(extra)
    for anchor in reversed(anchors):
        if left[anchor.key] > 0:
            left[anchor.key] -= 1
            texts.append(anchor.text)
    return tuple(reversed(texts))


def _shorter(a: tuple[Paragraph, ...], b: tuple[Paragraph, ...], ratio: float) -> Difference | None:
    length_a = sum(len(p.text) for p in a)
    length_b = sum(len(p.text) for p in b)
    expected_b = length_a * ratio
    if length_b < SHORTER_SHARE * expected_b and expected_b - length_b >= SHORTER_CHARACTERS:
        return Difference(DifferenceKind.SHORTER_IN_SECOND, a, b)
    missing_in_first = (length_b - expected_b) / ratio
    if expected_b < SHORTER_SHARE * length_b and missing_in_first >= SHORTER_CHARACTERS:
        return Difference(DifferenceKind.SHORTER_IN_FIRST, a, b)
    return None
