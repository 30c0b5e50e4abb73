"""``/countries/{iso3}``: vigia.web.pages.countries."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.pages.conftest import FOCAL_POINT, MARKUP, Site, log_in, publish
from vigia.services.fact_views import FactView
from vigia.store.figures import FactValues
from vigia.web.pages.countries import values_table

TRAINED_SENTENCE = "In 2012 the National Coalition of Costa Rica trained more than 6000 officials."
COMPLAINTS_SENTENCE = "The hotline received 45 complaints"


def test_country_page_shows_the_public_published_facts_with_their_quotes(
    site: Site, browser: TestClient
) -> None:
    publish(site, site.facts[("CRI", "persons_trained")])

    page = browser.get("/countries/CRI?lang=en")

    assert page.status_code == 200
    assert "<h1>Costa Rica</h1>" in page.text
    assert "at least 6,000" in page.text
    assert TRAINED_SENTENCE in page.text
    assert (
        f'href="/documents/{site.report}#f-{site.facts[("CRI", "persons_trained")]}"' in page.text
    )
    source = page.text.split('<p class="source">')[1].split("</p>")[0]
    assert "Source: REPORT OF THE MEETING" in source and ".txt" not in source  # its title
    link = 'href="/api/v1/facts.csv?country=CRI" download'
    assert link in page.text  # the table's facts as CSV
    rows = browser.get("/api/v1/facts.csv?country=CRI").content.decode("utf-8-sig").splitlines()
    assert len(rows) == 2 and ",CRI," in rows[1]  # the one published fact


def test_country_page_never_shows_the_public_an_unpublished_fact(
    site: Site, browser: TestClient
) -> None:
    publish(site, site.facts[("CRI", "persons_trained")])

    page = browser.get("/countries/CRI?lang=en").text

    assert COMPLAINTS_SENTENCE not in page
    assert "Complaints and reports received" not in page
    assert "Proposed" not in page


def test_country_page_shows_nothing_before_publication(site: Site, browser: TestClient) -> None:
    page = browser.get("/countries/CRI?lang=en").text

    assert TRAINED_SENTENCE not in page
    assert "No fact about this country is shown yet." in page
    assert "Costa Rica adopted a new law" not in page


def test_country_page_shows_a_focal_point_its_unpublished_facts(
    site: Site, browser: TestClient
) -> None:
    log_in(browser, FOCAL_POINT)

    page = browser.get("/countries/CRI?lang=en").text

    assert TRAINED_SENTENCE in page
    assert COMPLAINTS_SENTENCE in page
    assert "Proposed" in page
    assert "Panama opened" not in browser.get("/countries/PAN?lang=en").text


def test_country_page_lists_events_roles_and_cooperation(site: Site, browser: TestClient) -> None:
    publish(site, site.facts[("CRI", "persons_trained")])

    page = browser.get("/countries/CRI?lang=en").text

    assert "2010</span> Law adopted" in page
    assert "Costa Rica adopted a new law against trafficking in persons in 2010." in page
    assert "Country of transit" in page
    assert "Shared practice:" in page
    assert 'Costa Rica → <a href="/countries/PAN">Panama</a>' in page


def test_country_page_filters_facts_by_indicator_and_year(site: Site, browser: TestClient) -> None:
    log_in(browser, FOCAL_POINT)

    page = browser.get("/countries/CRI?lang=en&indicator=complaints&year=2012").text

    assert COMPLAINTS_SENTENCE in page
    assert TRAINED_SENTENCE not in page.split('id="facts"')[1].split('id="events-heading"')[0]


def test_country_page_of_an_unknown_country_is_not_found(browser: TestClient) -> None:
    page = browser.get("/countries/XYZ?lang=en")

    assert page.status_code == 404
    assert "There is no country with this code." in page.text
    assert page.headers["content-type"].startswith("text/html")


def test_country_page_with_an_unknown_indicator_is_a_bad_request(browser: TestClient) -> None:
    assert browser.get("/countries/CRI?indicator=nonsense").status_code == 400


def _view(
    fact_id: int, indicator: str, year: int | None, value: int, qualifier: str = "exact"
) -> FactView:
    figure = FactValues(indicator, value, None, qualifier, year)
    return FactView(
        fact_id, "published", indicator, value, None, qualifier, year, "count", figure, None,
        "CRI", None, None, f"Sentence {fact_id}.", 0, 10, None, 1, "report.txt", "report.txt",
        "rules", "1",
        None, None, None, None, None, None, None, None,
    )  # fmt: skip


def test_values_table_gives_each_figure_once_and_says_where_sources_disagree() -> None:
    facts = [
        _view(1, "complaints", 2012, 45),
        _view(2, "persons_trained", 2011, 6000, "at_least"),
        _view(3, "persons_trained", 2011, 6000, "at_least"),  # the same figure, another source
        _view(4, "persons_trained", None, 20),
        _view(5, "complaints", 2012, 54),  # another figure for the same year
    ]

    table = values_table(facts)

    assert table.years == [2011, 2012] and table.has_undated
    assert [row.indicator for row in table.rows] == ["persons_trained", "complaints"]
    trained, complaints = table.rows
    assert [[(v.fact.id, v.sources) for v in cell.values] for cell in trained.cells] == [
        [(2, 2)],
        [],
        [(4, 1)],
    ]
    assert not any(cell.disagree for cell in trained.cells)
    assert [v.fact.value for v in complaints.cells[1].values] == [45, 54]
    assert complaints.cells[1].disagree


def test_country_page_shows_the_figures_with_links_to_their_sentences(
    site: Site, browser: TestClient
) -> None:
    trained = site.facts[("CRI", "persons_trained")]
    publish(site, trained)

    page = browser.get("/countries/CRI?lang=en").text

    table = page.split('<table class="values">')[1].split("</table>")[0]
    assert f'<a href="/documents/{site.report}#f-{trained}" title="{TRAINED_SENTENCE}">' in table
    assert "at least 6,000</a>" in table and "Sources disagree" not in table


def test_country_page_escapes_markup_in_quotes(site: Site, browser: TestClient) -> None:
    log_in(browser, FOCAL_POINT)

    page = browser.get("/countries/CRI").text

    assert MARKUP not in page
    assert "&lt;b&gt;in 2012&lt;/b&gt;" in page
