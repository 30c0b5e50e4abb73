"""Reference data: countries, actors, indicators, and checking values against them."""

import pytest

from vigia.reference import (
    UnknownReference,
    actors,
    check_country,
    check_indicator,
    closest_first,
    countries,
    indicators,
)

OAS_MEMBERS = frozenset(
    {"ATG", "ARG", "BHS", "BRB", "BLZ", "BOL", "BRA", "CAN", "CHL", "COL", "CRI", "CUB", "DMA"}
    | {"DOM", "ECU", "SLV", "GRD", "GTM", "GUY", "HTI", "HND", "JAM", "MEX", "NIC", "PAN", "PRY"}
    | {"PER", "KNA", "LCA", "VCT", "SUR", "TTO", "USA", "URY", "VEN"}
)


def test_countries_cover_iso_3166() -> None:
    table = countries()
    assert len(table) >= 249
    assert all(len(code) == 3 and code == country.iso3 for code, country in table.items())
    assert len({country.iso2 for country in table.values()}) == len(table)
    assert table["TTO"].iso2 == "TT"


def test_countries_mark_the_35_oas_members() -> None:
    members = {code for code, country in countries().items() if country.oas_member}
    assert members == OAS_MEMBERS


def test_countries_name_every_oas_member_in_four_languages() -> None:
    for code in OAS_MEMBERS:
        country = countries()[code]
        assert set(country.names) == {"es", "en", "fr", "pt"}, code
        assert all(country.names.values()), code
        assert set(country.long_forms) == {"es", "en", "fr", "pt"}, code


def test_countries_take_display_names_from_cldr() -> None:
    assert countries()["PER"].names == {"es": "Perú", "en": "Peru", "fr": "Pérou", "pt": "Peru"}


def test_countries_keep_official_long_forms() -> None:
    venezuela = countries()["VEN"].long_forms
    assert "République bolivarienne du Venezuela" in venezuela["fr"]
    assert "Estados Unidos Mexicanos" in countries()["MEX"].long_forms["es"]


def test_actors_are_organisations_with_names_in_four_languages() -> None:
    table = actors()
    assert {"OAS", "UNODC", "IOM", "CRM", "IIN", "EU", "DPS"} <= set(table)
    assert all(actor.kind == "organisation" for actor in table.values())
    assert all(set(actor.names) == {"es", "en", "fr", "pt"} for actor in table.values())
    assert "OMI" in table["IOM"].names["fr"]
    assert not set(table) & set(countries())


def test_closest_first_puts_containing_and_similar_values_first() -> None:
    ordered = closest_first(
        "victim", ["arrests", "victims_rescued", "convictions", "victim_services"]
    )
    assert ordered[:2] == ["victims_rescued", "victim_services"]
    assert set(ordered) == {"arrests", "victims_rescued", "convictions", "victim_services"}


def test_check_indicator_accepts_catalogue_names_and_refuses_others() -> None:
    assert check_indicator(" convictions ") == "convictions"
    with pytest.raises(UnknownReference, match="valid values: convictions,") as refused:
        check_indicator("conviction")
    assert set(refused.value.valid) == set(indicators())


def test_check_country_upper_cases_known_codes_and_lists_members_first() -> None:
    assert check_country("cri") == "CRI"
    with pytest.raises(UnknownReference, match="unknown country code 'CRR'") as refused:
        check_country("CRR")
    assert "CRI" in refused.value.valid[:5]
    assert countries()[refused.value.valid[6]].oas_member


def test_check_country_refuses_what_is_not_three_letters() -> None:
    with pytest.raises(ValueError, match="three-letter ISO 3166-1"):
        check_country("Costa Rica")
