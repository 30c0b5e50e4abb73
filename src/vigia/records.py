"""What the store hands back about what it holds, read by the stages and the edges alike: a
document as stored, and a fact as listed and exported (``vigia facts``, the CSV export)."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class StoredDocument:
    id: int
    sha256: str
    created: bool
    counts: dict[str, int]


@dataclass(frozen=True)
class FactRecord:
    """One stored fact with where it came from. ``value`` is an int when whole.

    ``document`` is the stored path of the fact's document (:func:`file_name` gives its name).
    """

    id: int
    document_id: int
    document: str
    country: str | None
    actor: str | None
    region: str | None
    indicator: str
    value: int | float
    value_min: int | float | None
    qualifier: str
    year: int | None
    unit: str
    status: str
    evidence: str
    start: int
    end: int
    page: int | None


def file_name(path: str) -> str:
    """The last part of a stored path (``/srv/reports/a.txt``, ``C:\\in\\a.txt``): ``a.txt``.

    Only the name is shown, so that answers never tell how the server's folders are laid out.
    """
    return re.split(r"[\\/]", path)[-1]
