"""Reading a file into a :class:`~vigia.domain.Document`: format sniffing and dispatch."""

from __future__ import annotations

import hashlib
import io
import re
import stat
import unicodedata
import zipfile
from collections.abc import Callable
from pathlib import Path

from vigia.domain import Document
from vigia.ingest.content import ExtractedText
from vigia.ingest.docx import read_docx
from vigia.ingest.errors import UnreadableContentError, UnreadableFileError
from vigia.ingest.html import read_html
from vigia.ingest.limits import (
    DEFAULT_LIMITS,
    ReadLimits,
    check_archive,
    check_file_size,
    check_text,
)
from vigia.ingest.pdf import read_pdf
from vigia.ingest.text import BYTE_ORDER_MARKS, read_text

PLAIN_TEXT = "text/plain"
HTML = "text/html"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF = "application/pdf"

READERS: dict[str, Callable[[bytes], ExtractedText]] = {
    PLAIN_TEXT: read_text,
    HTML: read_html,
    DOCX: read_docx,
    PDF: read_pdf,
}

MEDIA_TYPES_BY_SUFFIX = {
    ".txt": PLAIN_TEXT,
    ".text": PLAIN_TEXT,
    ".md": PLAIN_TEXT,
    ".html": HTML,
    ".htm": HTML,
    ".docx": DOCX,
    ".pdf": PDF,
}
SUPPORTED = ", ".join(MEDIA_TYPES_BY_SUFFIX)

#: A PDF header may follow a little junk: readers accept it within the first kilobyte.
PDF_MAGIC = b"%PDF-"
PDF_MAGIC_WINDOW = 1024
ZIP_MAGIC = b"PK\x03\x04"
WORD_MAIN_PART = "word/document.xml"
#: OLE compound files: legacy .doc, and also password-protected .docx.
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
CORRUPT_DOCX = "corrupt or unreadable DOCX"
LEGACY_DOC = "legacy Word .doc format is not supported: save it as .docx"
PROTECTED_DOCX = "password-protected or legacy Word file: remove the password and save it as .docx"

HTML_SNIFF_LENGTH = 1024
HTML_START = re.compile(
    r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]", re.I | re.S
)

TITLE_LENGTH = 200


def read_document(path: Path, limits: ReadLimits = DEFAULT_LIMITS) -> Document:
    """Read the file at ``path`` into a :class:`Document` holding its text.

    Raises :class:`UnreadableFileError`, naming the file and the reason, for a file that is
    missing, empty, damaged, encrypted, without text, of an unsupported type, past one of the
    ``limits``, or whose characters are not text of a language (binary or garbled bytes).
    """
    return document_from_bytes(path, read_file_bytes(path, limits), limits)


def document_from_bytes(path: Path, data: bytes, limits: ReadLimits = DEFAULT_LIMITS) -> Document:
    """:func:`read_document` of a file whose bytes were read already (by another process, or
    another machine: the archive workers get the bytes, not the path)."""
    if not data:
        raise UnreadableFileError(path, "empty file")
    try:
        media_type = sniff_media_type(data, path.suffix)
        if media_type == DOCX:
            _check_archive(data, limits)
        extracted = READERS[media_type](data)
        check_text(extracted.text, limits)
    except UnreadableContentError as error:
        raise UnreadableFileError(path, error.reason) from error
    except Exception as error:  # a last guard: a bad file must never crash the caller
        detail = " ".join(str(error).split())
        reason = f"unreadable file ({type(error).__name__}: {detail})"
        raise UnreadableFileError(path, reason) from error
    if not extracted.text.strip():
        empty = "empty file (only whitespace)" if media_type == PLAIN_TEXT else "no text found"
        raise UnreadableFileError(path, empty)
    return Document(
        path=str(path),
        text=extracted.text,
        sha256=hashlib.sha256(data).hexdigest(),
        media_type=media_type,
        page_starts=list(extracted.page_starts),
        title=_title(extracted),
    )


def sniff_media_type(data: bytes, suffix: str) -> str:
    """The media type of ``data``: by its content first, else by the file name's ``suffix``.

    Raises :class:`UnreadableContentError` for a type Vigía cannot read.
    """
    suffix = suffix.lower()
    if PDF_MAGIC in data[:PDF_MAGIC_WINDOW]:
        return PDF
    if data.startswith(ZIP_MAGIC) and _holds_word_document(data):
        return DOCX
    if data.startswith(OLE_MAGIC) and suffix in (".doc", ".docx"):
        raise UnreadableContentError(LEGACY_DOC if suffix == ".doc" else PROTECTED_DOCX)
    if looks_like_html(data):
        return HTML
    if suffix == ".doc":
        raise UnreadableContentError(LEGACY_DOC)
    if suffix in MEDIA_TYPES_BY_SUFFIX:
        return MEDIA_TYPES_BY_SUFFIX[suffix]
    if not suffix:
        raise UnreadableContentError(f"no file extension and unknown type (supported: {SUPPORTED})")
    raise UnreadableContentError(f"unsupported file type '{suffix}' (supported: {SUPPORTED})")


def looks_like_html(data: bytes) -> bool:
    """Whether ``data`` opens with ``<!doctype html`` or ``<html`` (after a BOM, XML
    declaration or comments), in any of the usual encodings."""
    head = data[:HTML_SNIFF_LENGTH]
    for mark, _ in BYTE_ORDER_MARKS:
        head = head.removeprefix(mark)
    text = head.replace(b"\x00", b"").decode("latin-1")
    return HTML_START.match(text) is not None


def first_line_title(text: str) -> str | None:
    """The first non-empty line of ``text``, stripped and cut to 200 characters."""
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:TITLE_LENGTH].rstrip()
    return None


def _title(extracted: ExtractedText) -> str | None:
    title = extracted.title or first_line_title(extracted.text)
    return unicodedata.normalize("NFC", title.strip()[:TITLE_LENGTH].rstrip()) if title else None


def _holds_word_document(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return WORD_MAIN_PART in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return False


def _check_archive(data: bytes, limits: ReadLimits) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise UnreadableContentError(CORRUPT_DOCX) from None
    with archive:
        check_archive(archive, limits)


def read_file_bytes(path: Path, limits: ReadLimits = DEFAULT_LIMITS) -> bytes:
    """The bytes of the regular file at ``path``, within ``limits``' size; else
    :class:`UnreadableFileError` (missing, a folder, too large, unreadable)."""
    try:
        status = path.stat()
    except FileNotFoundError:
        raise UnreadableFileError(path, "file not found") from None
    except OSError as error:
        raise UnreadableFileError(path, f"cannot read file ({error.strerror})") from error
    if stat.S_ISDIR(status.st_mode):
        raise UnreadableFileError(path, "is a directory, not a file")
    if not stat.S_ISREG(status.st_mode):
        raise UnreadableFileError(path, "not a regular file")
    try:
        check_file_size(status.st_size, limits)
    except UnreadableContentError as error:
        raise UnreadableFileError(path, error.reason) from None
    try:
        return path.read_bytes()
    except OSError as error:
        raise UnreadableFileError(path, f"cannot read file ({error.strerror})") from error
