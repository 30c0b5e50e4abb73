"""DOCX: paragraphs and table rows in document order, and the document's title."""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Iterator
from typing import Any

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph

from vigia.ingest.content import ExtractedText
from vigia.ingest.errors import UnreadableContentError

#: Separator between the cells of one table row, which together make one paragraph.
CELL_SEPARATOR = " | "

#: Whitespace collapsed inside a paragraph (line breaks and tabs included, no-break space not).
PARAGRAPH_WHITESPACE = re.compile(r"[ \t\n\r\v\f]+")


def read_docx(data: bytes) -> ExtractedText:
    """Read a Word document: one paragraph per line, a blank line between paragraphs.

    Each table row becomes one paragraph with its cells separated by ``" | "``. The title is
    the core ``title`` property, else the text of the first Title or Heading paragraph.
    """
    try:
        document = docx.Document(io.BytesIO(data))
        paragraphs = [text for text in _block_texts(document) if text]
        title = _core_title(document) or _first_heading(document)
    except Exception as error:  # python-docx, zipfile and lxml each raise their own errors
        raise UnreadableContentError("corrupt or unreadable DOCX") from error
    text = unicodedata.normalize("NFC", "\n\n".join(paragraphs))
    return ExtractedText(text, title or None)


def _block_texts(container: Any) -> Iterator[str]:
    """One string per paragraph and per table row of ``container``, in document order."""
    for block in container.iter_inner_content():
        if isinstance(block, Paragraph):
            yield _paragraph_text(block)
        elif isinstance(block, Table):
            yield from _row_texts(block)


def _row_texts(table: Table) -> Iterator[str]:
    seen_cells: set[Any] = set()  # merged cells come back once per grid column and row
    for row in table.rows:
        cells = []
        for cell in row.cells:
            if cell._tc in seen_cells:
                continue
            seen_cells.add(cell._tc)
            cells.append(" ".join(text for text in _block_texts(cell) if text))
        if any(cells):  # an empty cell stays, so that the cells after it keep their column
            yield CELL_SEPARATOR.join(cells)


def _paragraph_text(paragraph: Paragraph) -> str:
    return PARAGRAPH_WHITESPACE.sub(" ", paragraph.text).strip()


def _core_title(document: Any) -> str:
    return PARAGRAPH_WHITESPACE.sub(" ", document.core_properties.title or "").strip()


def _first_heading(document: Any) -> str:
    for paragraph in document.paragraphs:
        style_name = paragraph.style.name if paragraph.style is not None else ""
        if (style_name == "Title" or style_name.startswith("Heading")) and paragraph.text.strip():
            return _paragraph_text(paragraph)
    return ""
