"""Plain text: decoding bytes of unknown encoding into normalised Unicode text."""

from __future__ import annotations

import codecs
import re
import unicodedata

from vigia.ingest.content import ExtractedText
from vigia.ingest.errors import UnreadableContentError

#: Byte order marks, longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: How many leading bytes to look at when guessing UTF-16 without a byte order mark.
SNIFF_LENGTH = 4096

#: Share of two-byte units that must carry a NUL on one side to call the data UTF-16, and the
#: most the other side may carry (characters such as U+0100 put a NUL on that side).
UTF16_NUL_SHARE = 0.25
UTF16_STRAY_NUL_SHARE = 0.01

LINE_BREAKS = re.compile(r"\r\n?")
#: A line of front matter: ``# key: value``, the key a lower-case word. A file whose first lines
#: are two or more of them (a collection's record of where the text comes from) has them read
#: as the file's metadata, not as its text.
FRONT_MATTER_LINE = re.compile(r"#[ \t]*([a-z][a-z0-9_-]*)[ \t]*:[ \t]*(.*)")
FRONT_MATTER_LEAST = 2


def decode_text(data: bytes) -> str:
    """Decode ``data`` and normalise it: no BOM, ``"\\n"`` line ends, Unicode NFC.

    The encoding is, in order: the one a byte order mark names; UTF-16 when NUL bytes fall
    on one side of the two-byte units; UTF-8 when the bytes are valid UTF-8; Windows-1252
    when they are valid in it (curly quotes and dashes live in 0x80-0x9F); Latin-1 otherwise.
    """
    return normalise_text(_decode(data))


def normalise_text(text: str) -> str:
    """Drop a leading BOM, turn CRLF and lone CR into ``"\\n"`` and compose to NFC."""
    text = LINE_BREAKS.sub("\n", text.removeprefix("\ufeff"))
    return unicodedata.normalize("NFC", text)


def read_text(data: bytes) -> ExtractedText:
    """Read a plain text file; binary content (NUL characters) is refused."""
    text = decode_text(data)
    if "\x00" in text:
        raise UnreadableContentError("binary content, not text")
    fields, body = split_front_matter(text)
    return ExtractedText(body, title=fields.get("title") or None)


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """The front matter opening ``text`` (its ``key: value`` pairs) and the text after it; no
    pairs and the whole text when it does not open with :data:`FRONT_MATTER_LEAST` such lines."""
    lines = text.split("\n")
    fields: dict[str, str] = {}
    count = 0
    for line in lines:
        found = FRONT_MATTER_LINE.fullmatch(line.strip())
        if found is None:
            break
        fields.setdefault(found.group(1), found.group(2).strip())
        count += 1
    if count < FRONT_MATTER_LEAST:
        return {}, text
    return fields, "\n".join(lines[count:])


def _decode(data: bytes) -> str:
    for mark, encoding in BYTE_ORDER_MARKS:
        if data.startswith(mark):
            return data[len(mark) :].decode(encoding, errors="replace")
    utf16 = _utf16_without_mark(data)
    if utf16 is not None:
        return utf16
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _utf16_without_mark(data: bytes) -> str | None:
    """Decode ``data`` as UTF-16 if its NUL bytes say so, else None."""
    sample = data[: SNIFF_LENGTH - SNIFF_LENGTH % 2]
    units = len(sample) // 2
    if units == 0:
        return None
    nul_first = sample[0::2].count(0)
    nul_second = sample[1::2].count(0)
    many, few = units * UTF16_NUL_SHARE, units * UTF16_STRAY_NUL_SHARE
    encoding = None
    if nul_second >= many and nul_first <= few:
        encoding = "utf-16-le"
    elif nul_first >= many and nul_second <= few:
        encoding = "utf-16-be"
    if encoding is None or len(data) % 2:
        return None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None
