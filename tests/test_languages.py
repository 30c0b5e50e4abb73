"""Formatting in the four languages: vigia.languages."""

from __future__ import annotations

from datetime import date

from vigia.languages import format_day


def test_format_day_writes_the_date_in_full_in_each_language() -> None:
    day = date(2026, 12, 7)
    assert [format_day(day, language) for language in ("es", "en", "fr", "pt")] == [
        "7 de diciembre de 2026",
        "December 7, 2026",
        "7 décembre 2026",
        "7 de dezembro de 2026",
    ]
    assert format_day(None, "es") == ""
