"""PDF: the text layer of each page, pages joined by a blank line, with page offsets.

A ruled table (pdfplumber finds it from its lines) is written as HTML and DOCX tables are: one
paragraph per row, cells separated by ``" | "``, empty cells kept, so that extraction reads each
figure with its row and column headers instead of a run of numbers.
"""

from __future__ import annotations

import io
import re
import statistics
import unicodedata
from itertools import pairwise
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError

from vigia.ingest.content import ExtractedText
from vigia.ingest.errors import UnreadableContentError

PAGE_SEPARATOR = "\n\n"

ENCRYPTED = "encrypted PDF: remove the password first"
NO_TEXT_LAYER = "PDF has no text layer (scanned pages?): it needs OCR first"
CORRUPT = "corrupt or unreadable PDF"

#: A gap between two lines wider than the usual gap plus this share of the usual line height
#: ends a paragraph. The usual gap is the median gap on a page with enough lines; on a page
#: with fewer, it is at most ``ORDINARY_GAP_SHARE`` of the line height (single spacing).
PARAGRAPH_GAP_SHARE = 0.4
ORDINARY_GAP_SHARE = 0.5
MEDIAN_GAP_LINES = 5

#: Typographic ligatures (ﬁ, ﬂ…) that fonts often map to one character.
LIGATURES = re.compile("[\ufb00-\ufb06]")


def read_pdf(data: bytes) -> ExtractedText:
    """Read a PDF's text layer; ``page_starts`` gives where each page begins in the text.

    Within a page, lines of a paragraph are joined by a newline and paragraphs, told apart by
    a wider vertical gap, by a blank line. The title is the PDF's metadata title.
    """
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            title = _metadata_title(pdf.metadata)
            pages = [_page_text(page) for page in pdf.pages]
    except Exception as error:  # pdfminer raises many kinds of error on damaged files
        reason = ENCRYPTED if _is_encryption_error(error) else CORRUPT
        raise UnreadableContentError(reason) from error
    if not pages:
        raise UnreadableContentError(CORRUPT)
    if not any(page.strip() for page in pages):
        raise UnreadableContentError(NO_TEXT_LAYER)
    return ExtractedText(PAGE_SEPARATOR.join(pages), title, _page_starts(pages))


def _page_starts(pages: list[str]) -> list[int]:
    starts = [0]
    for page in pages[:-1]:
        starts.append(starts[-1] + len(page) + len(PAGE_SEPARATOR))
    return starts


def _page_text(page: Any) -> str:
    lines = page.extract_text_lines(return_chars=False)
    tables = sorted(_tables(page), key=lambda table: table[0])
    page.close()
    text = _with_tables(lines, tables)
    text = LIGATURES.sub(lambda match: unicodedata.normalize("NFKC", match.group()), text)
    return unicodedata.normalize("NFC", text)


#: A table: its top and bottom on the page, and its rows as text.
Table = tuple[float, float, list[str]]
CELL_SEPARATOR = " | "


def _tables(page: Any) -> list[Table]:
    """The page's ruled tables of two rows or more, each row's cells joined by ``" | "``."""
    found = []
    for table in page.find_tables():
        rows = [
            CELL_SEPARATOR.join(" ".join((cell or "").split()) for cell in row)
            for row in table.extract()
        ]
        rows = [row for row in rows if row.replace("|", "").strip()]
        if len(rows) >= 2:
            found.append((float(table.bbox[1]), float(table.bbox[3]), rows))
    return found


def _with_tables(lines: list[dict[str, Any]], tables: list[Table]) -> str:
    """The page's text: paragraphs of lines, and each table's rows in its place."""
    parts: list[str] = []
    remaining = lines
    for top, bottom, rows in tables:
        before = [line for line in remaining if float(line["bottom"]) <= top]
        remaining = [line for line in remaining if float(line["top"]) >= bottom]
        parts.extend(text for text in (_join_lines(before), "\n".join(rows)) if text)
    parts.append(_join_lines(remaining))
    return "\n\n".join(part for part in parts if part)


def _join_lines(lines: list[dict[str, Any]]) -> str:
    """Join text lines, with a blank line where the vertical gap marks a new paragraph."""
    if not lines:
        return ""
    gaps = [float(below["top"] - above["bottom"]) for above, below in pairwise(lines)]
    height = statistics.median(float(line["bottom"] - line["top"]) for line in lines)
    usual_gap = statistics.median(gaps or [0.0])
    if len(lines) < MEDIAN_GAP_LINES:
        usual_gap = min(usual_gap, ORDINARY_GAP_SHARE * height)
    limit = usual_gap + PARAGRAPH_GAP_SHARE * height
    parts = [str(lines[0]["text"])]
    for gap, line in zip(gaps, lines[1:], strict=True):
        parts.append("\n\n" if gap > limit else "\n")
        parts.append(str(line["text"]))
    return "".join(parts)


def _metadata_title(metadata: dict[str, Any]) -> str | None:
    title = metadata.get("Title")
    if isinstance(title, str) and title.strip():
        return " ".join(title.split())
    return None


def _is_encryption_error(error: BaseException) -> bool:
    """Whether ``error``, or an error it wraps, says the PDF needs a password."""
    pending: list[BaseException] = [error]
    seen: set[int] = set()
    while pending:
        current = pending.pop()
        if isinstance(current, PDFEncryptionError):
            return True
        if id(current) in seen:
            continue
        seen.add(id(current))
        pending.extend(arg for arg in current.args if isinstance(arg, BaseException))
        pending.extend(link for link in (current.__cause__, current.__context__) if link)
    return False
