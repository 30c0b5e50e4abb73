"""A comparison of two language versions, as JSON data and as plain text.

    comparison_data(comparison)  # {"first": {...}, "second": {...}, "differences": [...]}
    render_text(comparison)  # what ``vigia compare`` prints

Paragraphs are numbered from 1, as a reader counts them; each difference carries both passages.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from typing import Any

from vigia.publish.labels import label
from vigia.versions import Difference, Paragraph, VersionComparison

WIDTH = 100


def _identity(message: str) -> str:
    return message


def comparison_data(comparison: VersionComparison) -> dict[str, Any]:
    """The comparison as JSON-ready data: each version's language and paragraph count, and each
    difference with its kind, both passages and what each has that the other lacks."""
    return {
        "first": {"language": comparison.first_language, "paragraphs": len(comparison.first)},
        "second": {"language": comparison.second_language, "paragraphs": len(comparison.second)},
        "aligned": sum(1 for link in comparison.links if link.first and link.second),
        "differences": [_difference_data(d) for d in comparison.differences],
    }


def _difference_data(difference: Difference) -> dict[str, Any]:
    return {
        "kind": difference.kind.value,
        "first": [_paragraph_data(p) for p in difference.first],
        "second": [_paragraph_data(p) for p in difference.second],
        "only_first": list(difference.only_first),
        "only_second": list(difference.only_second),
    }


def _paragraph_data(paragraph: Paragraph) -> dict[str, Any]:
    return {
        "number": paragraph.index + 1,
        "start": paragraph.start,
        "end": paragraph.end,
        "text": paragraph.text,
    }


def difference_title(difference: Difference, gettext: Callable[[str], str] = _identity) -> str:
    """The difference's kind, and what each version has that the other lacks ("500 / 300")."""
    title = label("difference", difference.kind.value, gettext)
    if difference.only_first or difference.only_second:
        first = ", ".join(difference.only_first) or "—"
        second = ", ".join(difference.only_second) or "—"
        title += f": {first} / {second}"
    return title


def render_text(comparison: VersionComparison) -> str:
    """The comparison as ``vigia compare`` prints it: a summary line, then each difference with
    the first version's passage above the second's."""
    first, second = comparison.first_language, comparison.second_language
    count = len(comparison.differences)
    lines = [
        f"{first} → {second}: {len(comparison.first)} and {len(comparison.second)} paragraphs, "
        f"{count} difference{'' if count == 1 else 's'}"
    ]
    for number, difference in enumerate(comparison.differences, 1):
        lines += ["", f"{number}. {difference_title(difference)}"]
        lines += _passages(first, difference.first)
        lines += _passages(second, difference.second)
    return "\n".join(lines)


def _passages(language: str, paragraphs: tuple[Paragraph, ...]) -> list[str]:
    if not paragraphs:
        return [f"   {language}: (none)"]
    lines = []
    for paragraph in paragraphs:
        head = f"   {language} ¶{paragraph.index + 1}: "
        lines += textwrap.wrap(
            paragraph.text, WIDTH, initial_indent=head, subsequent_indent=" " * len(head)
        )
    return lines


def marked(text: str, marks: tuple[str, ...]) -> list[tuple[str, bool]]:
    """``text`` cut into pieces, each True where it is one of ``marks`` (the first place each is
    found, left to right), so that a page can highlight what differs."""
    spans: list[tuple[int, int]] = []
    for mark in marks:
        start = text.find(mark)
        while start >= 0 and any(s < start + len(mark) and start < e for s, e in spans):
            start = text.find(mark, start + 1)
        if mark and start >= 0:
            spans.append((start, start + len(mark)))
    pieces: list[tuple[str, bool]] = []
    position = 0
    for start, end in sorted(spans):
        if start > position:
            pieces.append((text[position:start], False))
        pieces.append((text[start:end], True))
        position = end
    if position < len(text):
        pieces.append((text[position:], False))
    return pieces
