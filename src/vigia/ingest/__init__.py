"""Turning files (plain text, HTML, DOCX, PDF) into a :class:`~vigia.domain.Document`'s text.

>>> document = read_document(Path("report.pdf"))  # doctest: +SKIP
>>> document.page_at(document.text.index("Guatemala"))  # doctest: +SKIP
3
"""

from __future__ import annotations

from vigia.ingest.errors import UnreadableFileError
from vigia.ingest.reader import (
    DOCX,
    HTML,
    PDF,
    PLAIN_TEXT,
    document_from_bytes,
    first_line_title,
    read_document,
    read_file_bytes,
    sniff_media_type,
)
from vigia.ingest.text import decode_text

__all__ = [
    "DOCX",
    "HTML",
    "PDF",
    "PLAIN_TEXT",
    "UnreadableFileError",
    "decode_text",
    "document_from_bytes",
    "first_line_title",
    "read_document",
    "read_file_bytes",
    "sniff_media_type",
]
