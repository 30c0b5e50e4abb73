"""``/documents/{id}``: vigia.web.pages.documents (marked sentences, figures, escaping)."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.pages.conftest import FOCAL_POINT, MARKUP, SECRETARIAT, Site, log_in, publish
from vigia.services.fact_views import FactValues, FactView
from vigia.web.pages.documents import marked_segments


def _fact(fact_id: int, start: int, end: int) -> FactView:
    values = FactValues("complaints", 1, None, "exact", None)
    return FactView(
        id=fact_id, status="proposed", indicator="complaints", value=1, value_min=None,
        qualifier="exact", year=None, unit="count", extracted=values, corrected=None,
        country="CRI", actor=None, region=None, evidence_text="", evidence_start=start,
        evidence_end=end, page=None, document_id=1, document_path="a.txt", document_name="a.txt",
        component="facts",
        component_version="1", confidence=None, indicator_reason=None, owner_reason=None,
        review_note=None, reviewed_by=None, reviewed_at=None,
        published_by=None, published_at=None,
    )  # fmt: skip


def test_marked_segments_mark_each_sentence_once() -> None:
    text = "One. Two has 2 and 3. Three."

    segments = marked_segments(text, [_fact(8, 5, 21), _fact(7, 5, 21)])

    assert [(segment.text, segment.anchors) for segment in segments] == [
        ("One. ", []),
        ("Two has 2 and 3.", ["f-7", "f-8"]),
        (" Three.", []),
    ]
    assert "".join(segment.text for segment in segments) == text


def test_document_page_marks_each_facts_sentence(site: Site, browser: TestClient) -> None:
    log_in(browser, FOCAL_POINT)
    trained = site.facts[("CRI", "persons_trained")]

    page = browser.get(f"/documents/{site.report}?lang=en").text

    assert f'<mark id="f-{trained}" tabindex="-1">In 2012 the National Coalition' in page
    assert f'<a class="figure-link" href="#f-{trained}">Persons trained (Costa Rica)' in page
    assert f'id="f-{site.facts[("PAN", "investigations")]}"' not in page
    assert '<script src="/static/vigia.js" defer></script>' in page


def test_document_page_shows_markup_of_the_text_escaped(site: Site, browser: TestClient) -> None:
    log_in(browser, SECRETARIAT)

    page = browser.get(f"/documents/{site.report}").text

    assert MARKUP not in page
    assert "45 complaints &lt;b&gt;in 2012&lt;/b&gt;." in page


def test_document_page_is_not_found_for_the_public_before_publication(
    site: Site, browser: TestClient
) -> None:
    hidden = browser.get(f"/documents/{site.report}")
    publish(site, site.facts[("PAN", "investigations")])
    shown = browser.get(f"/documents/{site.report}?lang=en")

    assert hidden.status_code == 404
    assert shown.status_code == 200
    assert f'<mark id="f-{site.facts[("PAN", "investigations")]}"' in shown.text
    assert f'<mark id="f-{site.facts[("CRI", "complaints")]}"' not in shown.text


def test_document_page_of_a_missing_document_is_not_found(browser: TestClient) -> None:
    log_in(browser, SECRETARIAT)

    assert browser.get("/documents/999999").status_code == 404
    assert browser.get("/documents/not-a-number").status_code == 404
