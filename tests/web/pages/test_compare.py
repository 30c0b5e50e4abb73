"""``/compare`` and ``/compare.csv``: vigia.web.pages.compare, states side by side."""

from __future__ import annotations

import csv
import io

from fastapi.testclient import TestClient

from tests.web.pages.conftest import Site, publish
from tests.web.pages.test_countries import TRAINED_SENTENCE


def test_two_states_side_by_side_on_an_indicator_with_their_sources(
    site: Site, browser: TestClient
) -> None:
    trained = site.facts[("CRI", "persons_trained")]
    publish(site, trained)
    home = browser.get("/?lang=en").text
    assert '<a href="/compare">Compare</a>' in home  # reached from the menu
    query = "state=CRI&state=pan&state=&state=&indicator=persons_trained"
    page = browser.get(f"/compare?lang=en&{query}")
    assert page.status_code == 200
    table = page.text.split('<table class="values">')[1].split("</table>")[0]
    assert ">Costa Rica</a></th>" in table and ">Panama</a></th>" in table
    assert f'href="/documents/{site.report}#f-{trained}" title="{TRAINED_SENTENCE}"' in table
    assert "at least 6,000" in table and '<th scope="row">2012</th>' in table
    assert (
        '<option value="CRI" selected>' in page.text
        and '<option value="PAN" selected>' in page.text
    )
    data = browser.get(f"/compare.csv?{query}")
    assert data.content.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(data.content.decode("utf-8-sig"))))
    assert [(row["state"], row["year"], row["value"]) for row in rows] == [("CRI", "2012", "6000")]
    assert rows[0]["evidence_text"] == TRAINED_SENTENCE


def test_states_side_by_side_on_an_area_at_each_meeting(site: Site, browser: TestClient) -> None:
    page = browser.get("/compare?lang=en&state=CRI&state=PAN&area=legislation")
    assert page.status_code == 200 and '<h2 id="ratings-heading">Legislation</h2>' in page.text
    row = page.text.split('<a href="/evaluations/TEST-9">TEST-9</a></th>')[1].split("</tr>")[0]
    assert row.count("Did not report") == 2  # the one meeting: neither state has a section in it
    data = browser.get("/compare.csv?state=CRI&state=PAN&area=legislation")
    lines = data.content.decode("utf-8-sig").splitlines()
    assert lines == ["state,area,meeting,rating,confirmed"]  # no rating to give


def test_a_comparison_needs_two_known_states_and_at_most_four(browser: TestClient) -> None:
    assert "Choose at least two states." in browser.get("/compare?lang=en&state=CRI").text
    plain = browser.get("/compare?lang=en&state=CRI&state=PAN").text
    assert "Choose an indicator or an area" in plain
    for query in ("state=CRI&state=XXX&indicator=complaints", "state=CRI&state=PAN&area=nope",
                  "state=CRI&state=PAN&indicator=nope"):  # fmt: skip
        answer = browser.get(f"/compare?lang=en&{query}")
        assert answer.status_code == 400 and "the form does not offer" in answer.text
    five = "&".join(f"state={code}" for code in ("CRI", "PAN", "ARG", "BRA", "CHL"))
    assert browser.get(f"/compare?lang=en&{five}&indicator=complaints").status_code == 400
    assert browser.get("/compare.csv?state=CRI").status_code == 400
