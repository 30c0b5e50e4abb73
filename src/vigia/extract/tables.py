"""Tables: lines whose cells line up, read with the headers of each figure's row and column.

A statistical table says what a figure counts in its row's first cell ("Victims identified"),
its column's header ("2019", or "Convictions" when the rows are years) or its title; the words
around the number say nothing. Ingest gives HTML and DOCX tables one line per row with cells
separated by ``" | "``; plain text has tab-separated or space-aligned columns ("  " or more
between cells), Markdown tables pipes, and slides and lists a label and its figure on each line
("Sentencias condenatorias: 142"). A table is two or more such lines in a row (a blank
line between them is allowed: HTML and DOCX rows are paragraphs) with the same separator, one of
them at least holding a cell that is a figure and nothing else.

The first line is the header when none of its cells is a figure. A figure's column header is the
header cell above it: by position in aligned text (so that empty cells, which leave no trace
there, do not shift the columns), by index counted from the right otherwise (a header without a
label over the row headers has one cell fewer).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from vigia.domain import FIGURE_KINDS, Document, Header, NumberMention, Table, TableCell
from vigia.extract.pipeline import component

#: How cells are separated, tried in this order on each line.
_SEPARATORS = (
    ("pipe", re.compile(r"[ \t]*\|[ \t]*")),
    ("tab", re.compile(r" *\t *")),
    ("spaces", re.compile(r"[ \u00a0]{2,}")),
    ("label", re.compile(r"(?<=[^\W\d])[ \t]*[:–—=][ \t]+(?=\S)")),
)
#: A Markdown rule under a header ("|---|:---:|"), or a line of dashes: part of a table, no row.
_RULE = re.compile(r"[\s|:+=-]*-{3}[\s|:+=-]*")
#: What a figure's cell may hold besides its number: currency signs, footnote marks, brackets.
_AROUND_FIGURE = re.compile(r"[\s$€£*†()]*")


@dataclass(frozen=True)
class _Row:
    start: int
    end: int
    separator: str
    cells: tuple[tuple[int, int], ...]


def _lines(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for line in text.splitlines(keepends=True):
        end = start + len(line.rstrip("\r\n"))
        yield start, end
        start += len(line)


def _row(text: str, start: int, end: int) -> _Row | None:
    """The line as a row of two cells or more, if a separator splits it so."""
    line = text[start:end]
    for name, separator in _SEPARATORS:
        pieces = _pieces(line, separator, start)
        framed = line.strip().startswith("|") and line.strip().endswith("|")
        if name == "pipe" and framed:  # "| a | b |": the outer pipes frame the row
            pieces = pieces[1:-1]
        if name == "label" and len(pieces) != 2:
            continue  # "Convictions: 12", one label and its figure
        if len(pieces) >= 2 and any(left < right for left, right in pieces):
            return _Row(start, end, name, tuple(pieces))
    return None


def _pieces(line: str, separator: re.Pattern[str], offset: int) -> list[tuple[int, int]]:
    """The spans of the cells ``separator`` cuts ``line`` into, stripped; empty ones kept."""
    spans, start = [], 0
    for match in separator.finditer(line):
        spans.append(_stripped(line, start, match.start(), offset))
        start = match.end()
    spans.append(_stripped(line, start, len(line), offset))
    return spans


def _stripped(line: str, start: int, end: int, offset: int) -> tuple[int, int]:
    piece = line[start:end]
    left = len(piece) - len(piece.lstrip())
    right = len(piece.rstrip())
    if right <= left:
        return offset + start, offset + start
    return offset + start + left, offset + start + right


def _blocks(text: str) -> Iterator[list[_Row]]:
    """Runs of two rows or more with one separator; one blank line or a rule may come between."""
    block: list[_Row] = []
    blank = 0
    for start, end in _lines(text):
        line = text[start:end]
        if not line.strip():
            blank += 1
            if blank > 1:
                yield block
                block = []
            continue
        if _RULE.fullmatch(line) and block:
            continue
        blank = 0
        row = _row(text, start, end)
        if row and (not block or row.separator == block[-1].separator):
            block.append(row)
            continue
        yield block
        block = [row] if row else []
    yield block


def _figure_cells(row: _Row, numbers: dict[int, NumberMention], text: str) -> set[int]:
    """The indexes of the cells of ``row`` that hold a figure and nothing else."""
    found = set()
    for index, (start, end) in enumerate(row.cells):
        for position in range(start, end):
            mention = numbers.get(position)
            if mention is not None:
                break
        else:
            continue
        if mention.kind not in FIGURE_KINDS or mention.end > end:
            continue
        if _AROUND_FIGURE.fullmatch(text[start : mention.start] + text[mention.end : end]):
            found.add(index)
    return found


def _header(text: str, span: tuple[int, int] | None) -> Header | None:
    if span is None or span[0] == span[1]:
        return None
    return Header(span[0], text[span[0] : span[1]])


def _column(row: _Row, index: int, header: _Row | None) -> tuple[int, int] | None:
    """The header cell over cell ``index`` of ``row``."""
    if header is None:
        return None
    if row.separator == "spaces":  # aligned text: the header cell that overlaps it most
        start, end = (edge - row.start for edge in row.cells[index])

        def overlap(span: tuple[int, int]) -> int:
            left, right = (edge - header.start for edge in span)
            return min(end, right) - max(start, left)

        best = max(header.cells, key=overlap)
        return best if overlap(best) > 0 else None
    shift = len(row.cells) - len(header.cells)
    return header.cells[index - shift] if 0 <= index - shift < len(header.cells) else None


def _title(text: str, start: int) -> Header | None:
    """The line right before the table (one blank line may come between), if it has words."""
    before = text[:start].rstrip()
    if text.count("\n", len(before), start) > 2:
        return None
    line_start = before.rfind("\n") + 1
    line = before[line_start:]
    words = line.strip()
    if not words or len(words) > 300:
        return None
    return Header(line_start + len(line) - len(line.lstrip()), words)


def find_tables(document: Document) -> list[Table]:
    """The tables of ``document`` (its ``numbers`` tell figures from headers)."""
    numbers = {mention.start: mention for mention in document.numbers}
    tables = []
    for block in _blocks(document.text):
        if len(block) < 2:
            continue
        figures = [_figure_cells(row, numbers, document.text) for row in block]
        if not any(figures):
            continue
        header = None if figures[0] else block[0]
        cells = []
        for row, in_row in zip(block, figures, strict=True):
            first = row.cells[0]
            row_header = None if 0 in in_row else _header(document.text, first)
            for index in sorted(in_row):
                start, end = row.cells[index]
                column = _header(document.text, _column(row, index, header))
                cells.append(TableCell(start, end, row_header, column))
        if cells:
            start, end = block[0].start, block[-1].end
            tables.append(Table(start, end, cells, _title(document.text, start)))
    return tables


@component("tables", version="1", needs=["numbers"], adds=["tables"])
def add_tables(document: Document) -> Document:
    document.tables = find_tables(document)
    return document
