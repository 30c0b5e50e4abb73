"""The whole flow in a real browser: a focal point uploads a report, corrects a fact; the
secretariat publishes it; an anonymous visitor reads the published figure with its quote."""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import select

from tests.browser.people import create_accounts, log_in
from vigia.store.database import open_database, session_factory
from vigia.store.models import FactRow

REPORT = """INFORME DE LA REUNIÓN

1. Perú; en 2014 el país capacitó a más de 1.200 policías en la identificación de víctimas y
rescató a 45 víctimas en operativos. (RTP-IV/INF. 3/14)
"""
FOCAL = ("focal.per@example.org", "focal-point-password", "focal_point", "PER")
SECRETARIAT = ("secretariat@example.org", "secretariat-password", "secretariat", None)


def _fact_id(ready_database_url: str, indicator: str) -> int:
    engine = open_database(ready_database_url)
    with session_factory(engine)() as session:
        fact_id = session.scalar(select(FactRow.id).where(FactRow.indicator == indicator))
    engine.dispose()
    assert fact_id is not None, f"no {indicator} fact was stored"
    return fact_id


def _log_out(page: Any) -> None:
    page.click("form[action='/logout'] button[type=submit]")
    page.wait_for_load_state()


def _wait_for_job(page: Any, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if page.locator("a[href^='/documents/']").count():
            return
        time.sleep(0.5)
        page.reload()
    raise AssertionError(f"the extraction job did not finish: {page.content()[:500]}")


def test_browser_upload_review_publish_and_read(
    chromium: Any, live_server: str, ready_database_url: str, tmp_path: Path, artifacts: Path
) -> None:
    create_accounts(ready_database_url, FOCAL, SECRETARIAT)
    report = tmp_path / "informe-peru.es.txt"
    report.write_text(REPORT, encoding="utf-8")
    kind = "postgresql" if ready_database_url.startswith("postgresql") else "sqlite"
    page = chromium.new_page()

    log_in(page, live_server, FOCAL[0], FOCAL[1])
    page.goto(f"{live_server}/upload")
    page.set_input_files("#file", str(report))
    page.select_option("#country", "PER")
    page.screenshot(path=str(artifacts / f"upload-{kind}.png"), full_page=True)
    page.click("form[action='/upload'] button[type=submit]")
    _wait_for_job(page)
    page.screenshot(path=str(artifacts / f"job-{kind}.png"), full_page=True)

    fact_id = _fact_id(ready_database_url, "persons_trained")
    page.goto(f"{live_server}/review")
    page.screenshot(path=str(artifacts / f"review-{kind}.png"), full_page=True)
    page.click(f"form[action='/review/{fact_id}/correct'] >> xpath=.. >> summary")
    page.fill(f"#value-{fact_id}", "1250")
    page.click(f"form[action='/review/{fact_id}/correct'] button[type=submit]")
    page.wait_for_load_state()
    _log_out(page)

    log_in(page, live_server, SECRETARIAT[0], SECRETARIAT[1])
    page.goto(f"{live_server}/review?status=corrected")
    page.click(f"form[action='/review/{fact_id}/publish'] button[type=submit]")
    page.wait_for_load_state()
    _log_out(page)

    page.goto(f"{live_server}/countries/PER")
    page.screenshot(path=str(artifacts / f"country-{kind}.png"), full_page=True)
    text = page.inner_text("main")
    assert re.search(r"1[ ,.\u00a0\u202f]?250", text), text[:1000]
    assert "capacitó a más de 1.200 policías" in text
    public = httpx.get(f"{live_server}/api/v1/facts", params={"country": "PER"}).json()
    assert [item["id"] for item in public["items"]] == [fact_id], "unpublished facts are public"
