"""The data version (revision 0010): one row, bumped by each commit changing what the site shows.

:mod:`vigia.store.versions` bumps and reads it.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, CheckConstraint, DateTime
from sqlalchemy.orm import Mapped, mapped_column

from vigia.store.models.base import Base


class DataVersionRow(Base):
    """``version`` and ``changed_at`` of the last committed change (the only row has ``id`` 1)."""

    __tablename__ = "data_version"
    __table_args__ = (CheckConstraint("id = 1", name="one_row"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(BigInteger)
    changed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
