from vigia.reference import actors, countries

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
