"""The evaluation in a real browser: the secretariat opens a meeting's regional matrix, a state's
scorecard, confirms a rating and sees it confirmed; the pages speak Portuguese with ?lang=pt."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.browser.people import log_in
from tests.conftest import extracted
from vigia.domain import AreaEvaluation
from vigia.evaluate.scorecard import evaluate_meeting
from vigia.services.accounts import create_user
from vigia.store.database import open_database, session_factory
from vigia.store.repository import store_document

REPORTS = Path(__file__).resolve().parents[1] / "data" / "reports"
MEETING_REPORTS = ("rtp4-informe-relatoria.es.txt", "rtp4-rapporteur-report.en.txt")
SECRETARIAT = ("secretariat@example.org", "secretariat-password", "secretariat")


def _store(ready_database_url: str) -> AreaEvaluation:
    """The RTP-IV reports and a secretariat account; Costa Rica's first area with sentences."""
    engine = open_database(ready_database_url)
    try:
        with session_factory(engine)() as session:
            for name in MEETING_REPORTS:
                store_document(session, extracted(REPORTS / name))
            create_user(session, *SECRETARIAT)
            state = evaluate_meeting(session, "RTP-IV").state("CRI")
    finally:
        engine.dispose()
    assert state is not None, "Costa Rica has no section in the RTP-IV reports"
    return next(area for area in state.areas if area.evidence)


def test_browser_secretariat_confirms_a_rating_from_the_matrix(
    chromium: Any, live_server: str, ready_database_url: str, artifacts: Path
) -> None:
    area = _store(ready_database_url)
    kind = "postgresql" if ready_database_url.startswith("postgresql") else "sqlite"
    page = chromium.new_page()

    log_in(page, live_server, SECRETARIAT[0], SECRETARIAT[1])
    page.click("nav.site-menu a[href='/evaluations']")
    page.click("nav.tabs a[href='/evaluations/RTP-IV']")
    page.wait_for_load_state()
    assert page.locator("table.matrix tbody tr").count() == 25
    page.screenshot(path=str(artifacts / f"matrix-{kind}.png"), full_page=True)

    page.click("tr[data-country='CRI'] th a")
    page.wait_for_load_state()
    assert page.inner_text("h1") == "Costa Rica at RTP-IV"
    form = f"form[action='/evaluations/RTP-IV/CRI/{area.area}/confirm']"
    page.click(f"#area-{area.area} ~ details.confirm-rating summary")
    page.select_option(f"#rating-{area.area}", area.proposed_rating.value)
    page.fill(f"#note-{area.area}", "Checked against both reports.")
    page.screenshot(path=str(artifacts / f"scorecard-{kind}.png"), full_page=True)
    page.click(f"{form} button[type=submit]")
    page.wait_for_load_state()

    assert page.inner_text("p.notice") == "Rating confirmed."
    summary = page.inner_text(f"tr[data-area='{area.area}']")
    assert "✓" in summary
    assert "Checked against both reports." in page.inner_text("main")
    page.goto(f"{live_server}/evaluations/RTP-IV")
    cell = page.locator(f"tr[data-country='CRI'] td[data-area='{area.area}']")
    assert cell.get_attribute("data-confirmed") == "true"
    assert "✓" in cell.inner_text()


def test_browser_evaluation_pages_speak_portuguese(
    chromium: Any, live_server: str, ready_database_url: str, artifacts: Path
) -> None:
    _store(ready_database_url)
    kind = "postgresql" if ready_database_url.startswith("postgresql") else "sqlite"
    page = chromium.new_page()

    page.goto(f"{live_server}/evaluations/RTP-IV?lang=pt")
    page.screenshot(path=str(artifacts / f"matrix-pt-{kind}.png"), full_page=True)

    assert page.get_attribute("html", "lang") == "pt"
    assert page.inner_text("h1") == "Avaliação de RTP-IV"
    assert "Evidência substancial" in page.inner_text("dl.legend")
    assert "Costa Rica" in page.inner_text("table.matrix")
    page.click("nav.site-menu a[href='/plan']")
    page.wait_for_load_state()
    assert page.get_attribute("html", "lang") == "pt"
    assert "Plano de Trabalho" in page.inner_text("h1")
