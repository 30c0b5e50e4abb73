"""Who acts: the active user behind a principal, for the changes that record their author."""

from __future__ import annotations

from sqlalchemy.orm import Session

from vigia.errors import PermissionDenied
from vigia.permissions import Principal
from vigia.store.models import UserRow


def active_user(session: Session, principal: Principal) -> UserRow:
    """The user ``principal`` stands for, read afresh (a deactivation made meanwhile counts).

    Raises :class:`~vigia.errors.PermissionDenied` for an unknown or deactivated user. Callers
    check first that the principal's role allows what it asks."""
    user = (
        session.get(UserRow, principal.user_id, populate_existing=True)
        if principal.user_id
        else None
    )
    if user is None or not user.is_active:
        raise PermissionDenied(f"user {principal.user_id} is unknown or deactivated")
    return user
