"""One way to end a change: commit what the block did, or roll all of it back if it raised.

    with committed(session):
        row.status = "adopted"
        audit.record(session, actor, "recommendation.adopt", ...)

Every write of the review workflow, the Work Plan follow-up, logins and jobs ends so: the change and
its audit entry are stored together or not at all.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.orm import Session


@contextmanager
def committed(session: Session) -> Iterator[Session]:
    """Commit ``session`` after the block; roll it back, and re-raise, if the block raises."""
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise


def commit(session: Session) -> None:
    """Commit what ``session`` holds; on failure roll it back and re-raise."""
    with committed(session):
        pass
