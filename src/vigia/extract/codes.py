"""Find document codes: meeting documents ("RTP-III/doc.7/12"), national reports
("RTP-III/INF. 22/12") and resolutions ("AG/RES. 2551 (XL-O/10)")."""

from __future__ import annotations

import re
from collections import Counter

from vigia.domain import Document, DocumentCode
from vigia.extract.pipeline import component

_MEETING_DOCUMENT = re.compile(
    r"(?P<meeting>\b[A-Z]{2,}-[IVXLC]+)\s*/?\s*(?P<type>INF|[Dd]oc|DOC|CRP)\.?\s*\d+\s*/\s*\d{2}"
    r"(?:,?\s*(?:rev|Rev|corr|Corr|add|Add)\.?\s*\d+)*"
)
_RESOLUTION = re.compile(
    r"\b(?:AG|CP|CJI|CIDI)/(?:RES|DEC)\.\s*\d+(?:\s*\([^)\n]{1,20}\))?"
    r"|\bOEA/Ser\.[A-Z](?:/[A-Z0-9.]+)+"
)


def find_codes(text: str) -> list[DocumentCode]:
    found = [
        DocumentCode(match.start(), match.end(), match.group(0))
        for pattern in (_MEETING_DOCUMENT, _RESOLUTION)
        for match in pattern.finditer(text)
    ]
    return sorted(found, key=lambda code: code.start)


def is_national_report(code: str) -> bool:
    """Whether a code names an information document (a national report or contribution)."""
    match = _MEETING_DOCUMENT.match(code)
    return bool(match and match.group("type") == "INF")


def is_meeting_document(code: str) -> bool:
    match = _MEETING_DOCUMENT.match(code)
    return bool(match and match.group("type") != "INF")


def meeting_code(codes: list[DocumentCode]) -> str | None:
    """The meeting most of the document's codes belong to ("RTP-III")."""
    meetings = Counter(
        match.group("meeting") for code in codes if (match := _MEETING_DOCUMENT.match(code.code))
    )
    return meetings.most_common(1)[0][0] if meetings else None


@component("codes", version="1", needs=["text"], adds=["codes"])
def add_codes(document: Document) -> Document:
    document.codes = find_codes(document.text)
    return document
