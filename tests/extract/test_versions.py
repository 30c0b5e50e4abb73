"""Comparing language versions: the test versions are one plan written in Spanish, translated into
English and French, then altered (``*.altered.txt``): every alteration is found, and a faithful
translation gives no difference."""

from __future__ import annotations

from itertools import permutations
from pathlib import Path

import pytest

from vigia.extract.versions import compare_versions
from vigia.versions import DifferenceKind, VersionComparison

VERSIONS = Path(__file__).parents[1] / "data" / "versions"
FAITHFUL = ("plan.es.txt", "plan.en.txt", "plan.fr.txt")


def _compare(first: str, second: str) -> VersionComparison:
    return compare_versions((VERSIONS / first).read_text(), (VERSIONS / second).read_text())


def _found(comparison: VersionComparison) -> set[tuple[str, tuple[int, ...], tuple[int, ...]]]:
    """Each difference as (kind, first's paragraph numbers, second's), numbered from 1."""
    return {
        (
            difference.kind.value,
            tuple(p.index + 1 for p in difference.first),
            tuple(p.index + 1 for p in difference.second),
        )
        for difference in comparison.differences
    }


@pytest.mark.parametrize(("first", "second"), list(permutations(FAITHFUL, 2)))
def test_a_faithful_translation_gives_no_difference(first: str, second: str) -> None:
    comparison = _compare(first, second)
    assert comparison.differences == ()
    assert all(link.first == link.second for link in comparison.links)


def test_every_alteration_of_the_english_version_is_found() -> None:
    comparison = _compare("plan.es.txt", "plan.en.altered.txt")
    assert (comparison.first_language, comparison.second_language) == ("es", "en")
    assert _found(comparison) == {
        ("shorter_in_second", (4,), (4,)),  # a clause left out, with no figure or name in it
        ("codes", (5,), (5,)),  # AG/RES. 2551 became 2515
        ("only_in_first", (7,), ()),  # the paragraph of objectives left out
        ("dates", (10,), (9,)),  # 2027 became 2028
        ("figures", (11,), (10,)),  # 500 became 300
        ("moved", (13,), (11,)),  # items 4 and 5 swapped
        ("only_in_second", (), (14,)),  # an extra list item
        ("names", (16,), (16,)),  # a clause naming two donors left out
    }
    by_kind = {d.kind: d for d in comparison.differences}
    assert by_kind[DifferenceKind.FIGURES].only_first == ("500",)
    assert by_kind[DifferenceKind.FIGURES].only_second == ("300",)
    assert by_kind[DifferenceKind.NAMES].only_first == ("Canadá", "Estados Unidos")
    assert by_kind[DifferenceKind.ONLY_IN_SECOND].second[0].text.startswith("7. Evaluate")


def test_every_alteration_of_the_french_version_is_found() -> None:
    comparison = _compare("plan.es.txt", "plan.fr.altered.txt")
    assert _found(comparison) == {
        ("dates", (2,), (2,)),  # novembre became décembre
        ("only_in_first", (10,), ()),  # list item 2 left out
        ("names", (12,), (11,)),  # Costa Rica became Panama
        ("figures", (18,), (17,)),  # 90 days became 60
        ("only_in_second", (), (18,)),  # a closing paragraph added
    }
    by_kind = {d.kind: d for d in comparison.differences}
    assert by_kind[DifferenceKind.DATES].only_first == ("noviembre",)
    assert by_kind[DifferenceKind.DATES].only_second == ("décembre",)
    assert by_kind[DifferenceKind.NAMES].only_second == ("Panama",)


def test_the_same_alterations_are_found_from_either_side() -> None:
    forward = _found(_compare("plan.en.txt", "plan.en.altered.txt"))
    backward = _found(_compare("plan.en.altered.txt", "plan.en.txt"))
    swapped = {
        (kind.replace("first", "@").replace("second", "first").replace("@", "second"), b, a)
        for kind, a, b in backward
    }
    assert forward == swapped
    spanish = _found(_compare("plan.es.txt", "plan.en.altered.txt"))
    # In one language, lengths agree closely enough to see the donors' clause missing too.
    assert forward == spanish | {("shorter_in_second", (16,), (16,))}


def test_renumbered_list_items_are_reported_when_nothing_shifted_them() -> None:
    first = (
        "Intro paragraph about the plan and its purpose.\n\n1. Train judges.\n2. Protect victims.\n"
    )
    second = (
        "Intro paragraph about the plan and its purpose.\n\n1. Train judges.\n3. Protect victims.\n"
    )
    comparison = compare_versions(first, second, "en", "en")
    numbering = [d for d in comparison.differences if d.kind is DifferenceKind.NUMBERING]
    assert [(d.only_first, d.only_second) for d in numbering] == [(("2",), ("3",))]


def test_a_number_written_in_words_on_one_side_only_is_no_difference() -> None:
    comparison = compare_versions(
        "Les États rendront compte des progrès tous les deux ans devant la réunion.",
        "States will report on progress to the meeting every two years.",
        "fr",
        "en",
    )
    assert comparison.differences == ()


def test_one_version_empty_of_paragraphs_lists_every_paragraph_of_the_other() -> None:
    comparison = compare_versions("First paragraph.\n\nSecond paragraph.", "", "en", "en")
    assert [d.kind for d in comparison.differences] == [DifferenceKind.ONLY_IN_FIRST] * 2
