"""The pages' reads: vigia.services.reads (the rest are tested through the pages)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from vigia.services.reads import meeting_choices, meeting_exists
from vigia.store.models import MeetingRow


def test_meetings_are_offered_by_code_with_their_names(session: Session) -> None:
    assert meeting_choices(session) == []
    session.add_all([MeetingRow(code="RTP-IV", name="Cuarta"), MeetingRow(code="RTP-III")])
    session.commit()
    assert meeting_choices(session) == [("RTP-III", None), ("RTP-IV", "Cuarta")]
    assert meeting_exists(session, "RTP-IV")
    assert not meeting_exists(session, "RTP-V")
    assert not meeting_exists(session, "rtp-iv")  # codes are exact
