"""Published editions of the regional report: vigia.publish.editions and services.reports."""

from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import select, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from tests.evaluate.reports import RTP4_SPANISH, Reviewers, StoreReports
from vigia.domain import LANGUAGES
from vigia.errors import InvalidValue, PermissionDenied
from vigia.publish.editions import edition_content, editions, publish_edition
from vigia.services.reports import FORMATS, publish_report
from vigia.store.audit import list_entries
from vigia.store.models import FactRow, ReportFileRow

FILES = {("en", "html"): b"<!doctype html>first", ("es", "html"): b"<!doctype html>primera"}


def test_publishing_keeps_each_file_with_its_hash_under_the_next_edition(
    evaluation_session: Session, reviewers: Reviewers
) -> None:
    first = publish_edition(evaluation_session, reviewers.secretariat, "RTP-IV", FILES)
    second = publish_edition(
        evaluation_session, reviewers.secretariat, "RTP-IV", {("en", "html"): b"second"}
    )
    assert (first.number, second.number) == (1, 2)
    english = first.file("en", "html")
    assert english is not None and english.size == len(FILES[("en", "html")])
    assert english.sha256 == hashlib.sha256(FILES[("en", "html")]).hexdigest()
    assert [edition.number for edition in editions(evaluation_session, "rtp-iv")] == [2, 1]
    latest = edition_content(evaluation_session, "RTP-IV", "en", "html")
    assert latest is not None and latest[0].number == 2 and latest[1] == b"second"
    earlier = edition_content(evaluation_session, "RTP-IV", "es", "html", 1)
    assert earlier is not None and earlier[1] == FILES[("es", "html")]
    assert edition_content(evaluation_session, "RTP-IV", "es", "html") is None  # not in edition 2
    assert edition_content(evaluation_session, "RTP-III", "en", "html") is None


def test_publishing_is_audited_with_the_hashes(
    evaluation_session: Session, reviewers: Reviewers
) -> None:
    edition = publish_edition(evaluation_session, reviewers.secretariat, "RTP-IV", FILES)
    entry = next(e for e in list_entries(evaluation_session) if e.action == "report.publish")
    assert entry.actor_user_id == reviewers.secretariat.user_id
    assert entry.after is not None and entry.after["edition"] == edition.number == 1
    hashes = {item["sha256"] for item in entry.after["files"]}
    assert hashes == {hashlib.sha256(content).hexdigest() for content in FILES.values()}


def test_only_the_secretariat_publishes_and_an_edition_has_files(
    evaluation_session: Session, reviewers: Reviewers
) -> None:
    with pytest.raises(PermissionDenied, match="only the secretariat"):
        publish_edition(evaluation_session, reviewers.focal_point_cri, "RTP-IV", FILES)
    with pytest.raises(InvalidValue, match="at least one file"):
        publish_edition(evaluation_session, reviewers.secretariat, "RTP-IV", {})
    assert editions(evaluation_session, "RTP-IV") == []


def test_published_files_never_change(evaluation_session: Session, reviewers: Reviewers) -> None:
    publish_edition(evaluation_session, reviewers.secretariat, "RTP-IV", FILES)
    kept = select(ReportFileRow.id).where(ReportFileRow.language == "en")
    file_id = evaluation_session.scalar(kept)
    with pytest.raises(DBAPIError, match="kept as published"):
        evaluation_session.execute(
            update(ReportFileRow).where(ReportFileRow.id == file_id).values(content=b"forged")
        )
    evaluation_session.rollback()
    latest = edition_content(evaluation_session, "RTP-IV", "en", "html")
    assert latest is not None and latest[1] == FILES[("en", "html")]


@pytest.mark.slow
def test_publish_report_writes_every_language_and_format_of_the_public_report(
    evaluation_session: Session, reviewers: Reviewers, store_reports: StoreReports
) -> None:
    store_reports(RTP4_SPANISH)
    fact = evaluation_session.scalars(select(FactRow).where(FactRow.country == "GTM")).first()
    assert fact is not None
    draft_only = evaluation_session.scalars(
        select(FactRow).where(FactRow.country == "MEX", FactRow.status != "published")
    ).first()
    assert draft_only is not None
    fact.status = "published"
    evaluation_session.commit()
    edition = publish_report(evaluation_session, reviewers.secretariat, "rtp-iv")
    assert edition.meeting == "RTP-IV" and edition.number == 1
    assert {(item.language, item.format) for item in edition.files} == {
        (language, output_format) for language in LANGUAGES for output_format in FORMATS
    }
    kept = edition_content(evaluation_session, "RTP-IV", "en", "html")
    assert kept is not None
    html = kept[1].decode("utf-8").replace("&#34;", '"').replace("&#39;", "'")
    assert fact.evidence.text in html and draft_only.evidence.text not in html
    with pytest.raises(PermissionDenied):
        publish_report(evaluation_session, reviewers.focal_point_arg, "RTP-IV")
