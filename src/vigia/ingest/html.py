"""HTML: visible text as paragraphs separated by blank lines, and the page title."""

from __future__ import annotations

import codecs
import re
import unicodedata

from bs4 import BeautifulSoup, Tag
from bs4.element import NavigableString, PageElement, PreformattedString

from vigia.ingest.content import ExtractedText
from vigia.ingest.text import BYTE_ORDER_MARKS, decode_text, normalise_text

#: Elements whose content is never shown as text.
DROPPED_ELEMENTS = frozenset(
    {"head", "script", "style", "noscript", "template", "nav", "header", "footer"}
)

#: Elements that start and end a paragraph of their own.
BLOCK_ELEMENTS = frozenset(
    {"html", "body", "main", "section", "article", "aside", "div", "p", "br", "hr", "pre"}
    | {"h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd"}
    | {"blockquote", "address", "figure", "figcaption", "form", "fieldset"}
    | {"table", "caption", "thead", "tbody", "tfoot", "tr"}
)

#: Table cells: the cells of one row share a paragraph, separated by ``CELL_SEPARATOR``; an empty
#: cell stays, between two separators, so that the cells after it keep their column.
CELL_ELEMENTS = frozenset({"td", "th"})
CELL_SEPARATOR = " | "

#: Where to look for a ``<meta charset>`` declaration.
CHARSET_SNIFF_LENGTH = 4096
META_CHARSET = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)

#: Whitespace that HTML collapses (not the no-break space, which it keeps).
HTML_WHITESPACE = re.compile(r"[ \t\n\r\f]+")


def read_html(data: bytes) -> ExtractedText:
    """Read an HTML page: its visible text, and its ``<title>`` or else its first ``<h1>``."""
    soup = BeautifulSoup(decode_html(data), "lxml")
    title = _element_text(soup.find("title")) or _element_text(soup.find("h1"))
    text = unicodedata.normalize("NFC", "\n\n".join(_paragraphs(soup)))
    return ExtractedText(text, title or None)


def decode_html(data: bytes) -> str:
    """Decode HTML bytes with their byte order mark, else their meta charset, else by guessing.

    As browsers do, a page declared Latin-1 or ASCII is read as Windows-1252.
    """
    encoding = None if _has_byte_order_mark(data) else declared_charset(data)
    if encoding is not None:
        try:
            return normalise_text(data.decode(encoding))
        except UnicodeDecodeError:
            pass
    return decode_text(data)


def declared_charset(data: bytes) -> str | None:
    """The Python codec named by the page's ``<meta>`` charset, if it names a usable one."""
    match = META_CHARSET.search(data[:CHARSET_SNIFF_LENGTH])
    if match is None:
        return None
    try:
        name = codecs.lookup(match.group(1).decode("ascii")).name
    except LookupError:
        return None
    if name.startswith(("utf-16", "utf-32")):
        return None  # a meta tag readable as ASCII cannot be UTF-16 or UTF-32
    if name in ("latin-1", "iso8859-1", "ascii"):
        return "cp1252"
    return name


def _has_byte_order_mark(data: bytes) -> bool:
    return any(data.startswith(mark) for mark, _ in BYTE_ORDER_MARKS)


def _element_text(element: PageElement | None) -> str:
    if element is None:
        return ""
    return " ".join(element.get_text(" ").split())


def _paragraphs(soup: BeautifulSoup) -> list[str]:
    """Walk the tree in document order, cutting a paragraph at each block boundary."""
    collector = _ParagraphCollector()
    stack: list[tuple[PageElement, bool]] = [(soup, False)]
    while stack:
        node, leaving = stack.pop()
        if isinstance(node, Tag):
            if leaving:
                collector.leave(node.name)
            elif node.name not in DROPPED_ELEMENTS and not node.has_attr("hidden"):
                collector.enter(node.name)
                stack.append((node, True))
                stack.extend((child, False) for child in reversed(node.contents))
        elif isinstance(node, NavigableString) and not isinstance(node, PreformattedString):
            collector.add(str(node))
    collector.end_paragraph()
    return collector.paragraphs


class _ParagraphCollector:
    """Gathers text pieces into cells and paragraphs."""

    def __init__(self) -> None:
        self.paragraphs: list[str] = []
        self._cells: list[str | None] = []
        self._pieces: list[str] = []

    def add(self, text: str) -> None:
        self._pieces.append(text)

    def enter(self, name: str) -> None:
        if name in BLOCK_ELEMENTS:
            self.end_paragraph()
        elif name in CELL_ELEMENTS:
            self._end_cell()

    def leave(self, name: str) -> None:
        if name in CELL_ELEMENTS:
            self._end_cell(is_cell=True)
        else:
            self.enter(name)

    def end_paragraph(self) -> None:
        self._end_cell()
        cells = [cell for cell in self._cells if cell is not None]
        if any(cells):
            self.paragraphs.append(CELL_SEPARATOR.join(cells))
        self._cells = []

    def _end_cell(self, is_cell: bool = False) -> None:
        """End the text gathered so far: a table cell's (kept even when empty, so that the cells
        after it stay in their columns), or text between cells and blocks (kept when not empty)."""
        text = HTML_WHITESPACE.sub(" ", "".join(self._pieces)).strip()
        self._cells.append(text if text or is_cell else None)
        self._pieces = []
