"""Query parameter checks: vigia.web.parameters."""

from __future__ import annotations

import pytest

from vigia.web.parameters import country_code, indicator_name, label


def test_country_code_upper_cases_three_letters() -> None:
    assert country_code(" cri ") == "CRI"


@pytest.mark.parametrize("value", ["", "CR", "CRIS", "C R", "ÇRI", "1RI"])
def test_country_code_refuses_other_values(value: str) -> None:
    with pytest.raises(ValueError, match="three-letter ISO 3166-1"):
        country_code(value)


def test_indicator_name_accepts_catalogue_names() -> None:
    assert indicator_name("convictions") == "convictions"


def test_country_code_refuses_codes_of_no_country() -> None:
    with pytest.raises(ValueError, match="unknown country code 'XXX'; valid values: ARG"):
        country_code("XXX")


def test_indicator_name_refuses_unknown_names_listing_the_closest_first() -> None:
    with pytest.raises(ValueError, match="valid values: convictions, "):
        indicator_name("Convictions")


def test_label_strips_blanks_and_refuses_control_characters() -> None:
    assert label(" published ") == "published"
    with pytest.raises(ValueError, match="control characters"):
        label("pub\x00lished")
