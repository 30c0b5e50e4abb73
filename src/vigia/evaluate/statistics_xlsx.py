"""Yearly statistics as a spreadsheet (XLSX): the same template and import as the CSV.

    data = statistics_workbook("CRI", 2024, "es")   # bytes of an .xlsx file to fill
    header, rows = workbook_rows(data)               # what import_statistics_rows reads

The workbook has one sheet, ``values``, in the CSV template's layout (``vigia.evaluate.
statistics_csv``): a header row, then one row per value the form asks for, ``value`` empty. The
header is frozen and the ``value`` column takes numbers of 0 or more. Rows for other states and
years may be added, as in the CSV. On import the first sheet is read, a formula by the value the
spreadsheet program last computed for it.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from vigia.errors import InvalidValue

#: What every XLSX (a ZIP archive) starts with.
XLSX_MAGIC = b"PK\x03\x04"
SHEET = "values"
#: The widest a template's column is drawn, in characters.
WIDEST = 60
Row = dict[str | None, str | None]


def is_workbook(data: bytes) -> bool:
    """Whether ``data`` looks like an XLSX file (rather than a CSV)."""
    return data.startswith(XLSX_MAGIC)


def statistics_workbook(header: list[str], rows: list[dict[str, object]]) -> bytes:
    """An XLSX file with ``rows`` under ``header``, ready to fill (see the module)."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None  # a new workbook has its sheet
    sheet.title = SHEET
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([row.get(name, "") for name in header])
    sheet.freeze_panes = "A2"
    for index, name in enumerate(header, start=1):
        longest = max([len(name), *(len(str(row.get(name, ""))) for row in rows)])
        sheet.column_dimensions[get_column_letter(index)].width = min(longest + 2, WIDEST)
    value = get_column_letter(header.index("value") + 1)
    numbers = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0")
    numbers.error = "A number, 0 or more"
    numbers.add(f"{value}2:{value}{max(len(rows), 1) + 1}")
    sheet.add_data_validation(numbers)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def workbook_rows(data: bytes) -> tuple[list[str], Iterator[tuple[int, Row]]]:
    """The first sheet's header and its rows as text, each with its line (row number)."""
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise InvalidValue(f"the file is not an XLSX workbook that can be read ({error})") from None
    sheet = workbook.worksheets[0]
    top = next(sheet.iter_rows(min_row=1, max_row=1, values_only=True), ())
    header = [_text(value) for value in top]
    while header and not header[-1]:
        header.pop()

    def rows() -> Iterator[tuple[int, Row]]:
        try:
            lines = sheet.iter_rows(min_row=2, max_col=max(len(header), 1), values_only=True)
            for line, values in enumerate(lines, start=2):
                texts = [_text(value) for value in values]
                if any(texts):
                    yield line, dict(zip(header, texts, strict=False))
        finally:
            workbook.close()

    return header, rows()


def _text(value: object) -> str:
    """A cell as the CSV would hold it: ``2024`` for the number 2024.0, ``''`` for nothing."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()
