"""Limits on what one file may cost to read, the same for ``vigia ingest`` and the server.

A file past a limit is refused with a message naming the limit, before the costly step: the file's
size before it is read, a DOCX's entries and expanded size before it is unpacked (zipfile never
inflates an entry past its declared size, so declared sizes bound the memory), the text's length
before extraction. Reading and extracting 2 million characters of reports took 36 s and 128 MB
at peak (``python bench/ingest_limits.py``), so the defaults keep one file under about a minute.
"""

from __future__ import annotations

import unicodedata
import zipfile
from dataclasses import dataclass

from vigia.ingest.errors import UnreadableContentError

MEGABYTE = 1024 * 1024

#: Characters that no text of a language holds, beyond a stray one: C0/C1 controls other than
#: tab and line ends, and the replacement character left by undecodable bytes.
ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")
REPLACEMENT_CHARACTER = "\ufffd"

#: Most of these among the visible characters, and the least share of letters, for text.
MAX_CONTROL_SHARE = 0.01
MIN_LETTER_SHARE = 0.25


@dataclass(frozen=True)
class ReadLimits:
    """How large a file, an unpacked archive and a text may be."""

    max_file_bytes: int = 50 * MEGABYTE
    max_archive_entries: int = 2_000
    max_expanded_bytes: int = 100 * MEGABYTE
    max_characters: int = 2_000_000


DEFAULT_LIMITS = ReadLimits()


def check_file_size(size: int, limits: ReadLimits) -> None:
    if size > limits.max_file_bytes:
        raise UnreadableContentError(
            f"file too large: {_megabytes(size)} (the limit is {_megabytes(limits.max_file_bytes)})"
        )


def check_archive(archive: zipfile.ZipFile, limits: ReadLimits) -> None:
    """Refuse an archive with too many entries or that would expand past the limit."""
    entries = archive.infolist()
    if len(entries) > limits.max_archive_entries:
        raise UnreadableContentError(
            f"archive with {len(entries):,} entries (the limit is {limits.max_archive_entries:,})"
        )
    expanded = sum(entry.file_size for entry in entries)
    if expanded > limits.max_expanded_bytes:
        raise UnreadableContentError(
            f"archive expands to {_megabytes(expanded)} "
            f"(the limit is {_megabytes(limits.max_expanded_bytes)}): possibly a zip bomb"
        )


def check_text(text: str, limits: ReadLimits) -> None:
    """Refuse text too long to extract, and characters that are not text of any language."""
    if len(text) > limits.max_characters:
        raise UnreadableContentError(
            f"text too long: {len(text):,} characters (the limit is {limits.max_characters:,}); "
            "split the document"
        )
    visible = [character for character in text if not character.isspace()]
    if not visible:
        return
    controls = sum(1 for character in visible if _is_control(character))
    letters = sum(1 for character in visible if character.isalpha())
    if controls > MAX_CONTROL_SHARE * len(visible) or letters < MIN_LETTER_SHARE * len(visible):
        raise UnreadableContentError("binary or garbled content, not text of a language")


def _is_control(character: str) -> bool:
    if character == REPLACEMENT_CHARACTER:
        return True
    return unicodedata.category(character) == "Cc" and character not in ALLOWED_CONTROLS


def _megabytes(size: int) -> str:
    return f"{size / MEGABYTE:,.1f} MB"
