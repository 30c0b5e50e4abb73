"""The regional report in a real browser: from a meeting's matrix to its report, with its charts
drawn and a figure's footnote leading to the sentence it was taken from."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import select, update

from tests.conftest import extracted
from vigia.store.database import open_database, session_factory
from vigia.store.models import FactRow
from vigia.store.repository import store_document

REPORT = Path(__file__).resolve().parents[1] / "data" / "reports" / "rtp4-informe-relatoria.es.txt"


def _store_and_publish(url: str) -> str:
    """The Spanish RTP-IV report, its first figure of Guatemala published; that figure's quote."""
    engine = open_database(url)
    try:
        with session_factory(engine)() as session:
            store_document(session, extracted(REPORT))
            fact = session.scalars(select(FactRow).where(FactRow.country == "GTM")).first()
            assert fact is not None
            session.execute(update(FactRow).where(FactRow.id == fact.id).values(status="published"))
            session.commit()
            return fact.evidence.text
    finally:
        engine.dispose()


def test_browser_reads_the_regional_report_with_charts_and_sources(
    chromium: Any, live_server: str, ready_database_url: str, artifacts: Path
) -> None:
    quote = _store_and_publish(ready_database_url)
    kind = "postgresql" if ready_database_url.startswith("postgresql") else "sqlite"
    page = chromium.new_page()
    page.goto(f"{live_server}/evaluations/RTP-IV?lang=en")
    page.click("a[href='/reports/RTP-IV']")
    page.wait_for_load_state()
    assert page.inner_text("h1") == "Regional progress report on the Work Plan"
    assert page.locator("#charts figure.chart svg").count() == 3
    assert page.locator("#maps figure.map svg").count() >= 1
    assert page.locator("#maps figure.map svg").first.bounding_box()["width"] > 200
    page.screenshot(path=str(artifacts / f"report-{kind}.png"), full_page=True)

    page.click("#state-GTM td.number sup a")
    assert page.evaluate("location.hash").startswith("#note-")
    note = page.locator(page.evaluate("location.hash"))
    assert quote in note.inner_text()
