"""What a format reader gives back: the text, and what it knows of the title and pages."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class ExtractedText:
    """Text read from one file.

    ``page_starts`` holds the offset in ``text`` where each page begins (page 1 at 0), and is
    empty for formats without pages. ``title`` is the title the format itself declares, if any.
    """

    text: str
    title: str | None = None
    page_starts: list[int] = field(default_factory=list)
