"""Comparing language versions: the test versions are one plan written in Spanish, translated into
English and French, then altered (``*.altered.txt``): every alteration is found, and a faithful
translation gives no difference."""

from __future__ import annotations

from itertools import permutations
from pathlib import Path

import pytest

from vigia.extract.versions import compare_versions
from vigia.ingest import read_document
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


def test_paragraphs_in_one_version_only_one_after_the_other_are_one_difference() -> None:
    comparison = compare_versions("First paragraph.\n\nSecond paragraph.", "", "en", "en")
    (difference,) = comparison.differences
    assert difference.kind is DifferenceKind.ONLY_IN_FIRST
    assert [p.text for p in difference.first] == ["First paragraph.", "Second paragraph."]


def test_a_real_report_aligns_with_an_excerpt_of_its_translation(shared_corpus: Path) -> None:
    """RTP-III's rapporteur's report in French, whole, against the opening of its English version
    with the English cover page first (the French has its title page at the end)."""
    french = read_document(shared_corpus / "rtp3-rapporteur-report.fr.txt").text
    english = read_document(shared_corpus / "real" / "rtp3-rapporteur-report.en.txt").text
    comparison = compare_versions(french, english)
    pairs = [
        (comparison.first[link.first[0]].text, comparison.second[link.second[0]].text)
        for link in comparison.links
        if link.first and link.second
    ]
    for name in ("Nicaragua", "Chili", "RTP-III/doc.2/12"):
        english_name = {"Chili": "Chile"}.get(name, name)
        assert any(name in fr and english_name in en for fr, en in pairs), name
    assert ("ÉLECTION DES AUTORITÉS DE LA RÉUNION", "ELECTION OF OFFICERS OF THE MEETING") in pairs
    # The rest of the French report, which the excerpt lacks, is reported in few runs.
    only_french = [d for d in comparison.differences if d.kind is DifferenceKind.ONLY_IN_FIRST]
    assert sum(len(d.first) for d in only_french) >= 60
    assert len(only_french) <= 4
