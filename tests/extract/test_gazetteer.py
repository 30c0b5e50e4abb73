import json
import re
from pathlib import Path

import pytest

from vigia.domain import Document, PlaceMention
from vigia.extract.gazetteer import Gazetteer, add_places, country_code, default_gazetteer

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
REPORT = SHARED / "corpus" / "rtp3-rapporteur-report.fr.txt"
GOLD = SHARED / "gold" / "rtp3-rapporteur-report.gold.json"


def found(text: str) -> list[tuple[str, str | None]]:
    places = default_gazetteer().find_places(text)
    return [(place.text, place.country or place.actor) for place in places]


def codes_in(text: str) -> str:
    """The ISO3 or actor codes of the places found in ``text``, space-separated."""
    return " ".join(code or "-" for _, code in found(text))


def test_find_places_gives_exact_offsets() -> None:
    text = "Durante 2011, Guatemala y la República Dominicana firmaron un acuerdo con la OIM."
    places = default_gazetteer().find_places(text)
    assert places == [
        PlaceMention(14, 23, "Guatemala", country="GTM"),
        PlaceMention(29, 49, "República Dominicana", country="DOM"),
        PlaceMention(77, 80, "OIM", actor="IOM"),
    ]


def test_find_places_shifts_offsets_by_the_given_offset() -> None:
    document = "Premier paragraphe. Le Pérou et la Colombie ont coopéré."
    sentence_start = document.index("Le Pérou")
    places = default_gazetteer().find_places(document[sentence_start:], offset=sentence_start)
    assert [document[place.start : place.end] for place in places] == ["Pérou", "Colombie"]
    assert [place.country for place in places] == ["PER", "COL"]


def test_find_places_leaves_french_articles_and_elisions_out() -> None:
    text = (
        "Les délégations de l'Argentine, de l’Uruguay, du Nicaragua, des États-Unis, "
        "aux Bahamas et de la Trinité-et-Tobago ont pris la parole."
    )
    assert found(text) == [
        ("Argentine", "ARG"),
        ("Uruguay", "URY"),
        ("Nicaragua", "NIC"),
        ("États-Unis", "USA"),
        ("Bahamas", "BHS"),
        ("Trinité-et-Tobago", "TTO"),
    ]


def test_find_places_tolerates_case_accents_and_hyphens() -> None:
    text = "MEXICO, México, Pérou, Perou, Trinité et Tobago, Trinidad & Tobago y el Perú."
    assert codes_in(text) == "MEX MEX PER PER TTO TTO PER"
    assert found("el Perú")[0][0] == "Perú"


def test_find_places_tells_mexico_from_the_united_states() -> None:
    text = "Los Estados Unidos Mexicanos y los Estados Unidos de América firmaron; também os EUA."
    assert found(text) == [
        ("Estados Unidos Mexicanos", "MEX"),
        ("Estados Unidos de América", "USA"),
        ("EUA", "USA"),
    ]


def test_find_places_tells_dominica_from_the_dominican_republic() -> None:
    text = (
        "Dominica and the Dominican Republic; Dominica y República Dominicana; "
        "la Dominique et la République dominicaine; a Dominica e a República Dominicana."
    )
    assert codes_in(text) == "DMA DOM DMA DOM DMA DOM DMA DOM"


def test_find_places_tells_the_guineas_and_niger_apart() -> None:
    text = (
        "Guinea, Equatorial Guinea, Guinea-Bissau and Papua New Guinea; Niger and Nigeria; "
        "la Guinée équatoriale; Guinea Ecuatorial; Papua-Nova Guiné."
    )
    assert codes_in(text) == "GIN GNQ GNB PNG NER NGA GNQ GNQ PNG"


def test_find_places_ignores_common_words_that_are_also_country_names() -> None:
    text = (
        "At the reunion a man ate turkey in a jersey; hanging chad. "
        "La réunion a commencé. La reunión empezó tarde. A reunião terminou. "
        "La délégation argentine et la delegación argentina; chile con carne."
    )
    assert found(text) == []


def test_find_places_matches_capitalised_ambiguous_names() -> None:
    text = "Georgia, Jordan, Chad, Turkey, Jersey, Guernsey and the Isle of Man signed."
    assert codes_in(text) == "GEO JOR TCD TUR JEY GGY IMN"


def test_find_places_never_takes_a_meeting_for_reunion_island() -> None:
    text = "TROISIÈME RÉUNION; la Quatrième Réunion; la Tercera Reunión; île de la Réunion."
    assert found(text) == [("île de la Réunion", "REU")]


def test_find_places_never_matches_inside_a_longer_word() -> None:
    text = "Nigerian, cubanos, peruanos, Chilean, Mexicanas, Canadá."
    assert found(text) == [("Canadá", "CAN")]


def test_find_places_drops_places_that_contain_a_country_name() -> None:
    text = "New Mexico, Nuevo México, British Columbia, Colombie-Britannique and Mexico."
    assert found(text) == [("Mexico", "MEX")]


def test_find_places_needs_an_article_before_dominique_and_salvador() -> None:
    text = "Dominique Martin a parlé de la Dominique; Salvador Pérez du Salvador."
    assert found(text) == [("Dominique", "DMA"), ("Salvador", "SLV")]
    assert found("El Salvador")[0] == ("El Salvador", "SLV")


def test_find_places_matches_acronyms_only_in_capitals() -> None:
    text = "La OEA, la OIM y la CRM; l'OMI; oea y oim en minúsculas; EE.UU. y EEUU; USA; us."
    assert found(text) == [
        ("OEA", "OAS"),
        ("OIM", "IOM"),
        ("CRM", "CRM"),
        ("OMI", "IOM"),
        ("EE.UU.", "USA"),
        ("EEUU", "USA"),
        ("USA", "USA"),
    ]


def test_find_places_matches_actor_full_names_in_any_case() -> None:
    text = (
        "L'Office des Nations Unies contre la drogue et le crime, la Oficina de las Naciones "
        "Unidas contra la Droga y el Delito, the regional conference on migration, "
        "a União Europeia e ONU Mulheres."
    )
    assert codes_in(text) == "UNODC UNODC CRM EU UNWOMEN"


def test_find_places_prefers_an_organisation_named_after_a_country() -> None:
    text = "USAID, the United States Agency for International Development, and the United States."
    assert found(text) == [
        ("USAID", "USAID"),
        ("United States Agency for International Development", "USAID"),
        ("United States", "USA"),
    ]


def test_find_places_matches_long_forms() -> None:
    text = (
        "République bolivarienne du Venezuela, Commonwealth of The Bahamas, "
        "Estado Plurinacional de Bolivia, República Federativa do Brasil, "
        "República Oriental del Uruguay."
    )
    assert codes_in(text) == "VEN BHS BOL BRA URY"


def test_gazetteer_builds_from_given_countries_and_actors() -> None:
    from vigia.reference import actors, countries

    small = Gazetteer({"PER": countries()["PER"]}, {"IOM": actors()["IOM"]})
    assert [(place.country, place.actor) for place in small.find_places("OIM en Perú y Chile")] == [
        (None, "IOM"),
        ("PER", None),
    ]


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Trinité-et-Tobago", "TTO"),
        ("Trinidad y Tobago", "TTO"),
        ("Trinidad and Tobago", "TTO"),
        ("Trinidad e Tobago", "TTO"),
        ("República Dominicana", "DOM"),
        ("Dominica", "DMA"),
        ("des États-Unis", "USA"),
        ("EE.UU.", "USA"),
        ("Estados Unidos da América", "USA"),
        ("Estados Unidos Mexicanos", "MEX"),
        ("l’Uruguay", "URY"),
        ("République orientale de l'Uruguay", "URY"),
        ("Perou", "PER"),
        ("St. Lucia", "LCA"),
        ("Saint-Kitts-et-Nevis", "KNA"),
        ("São Cristóvão e Névis", "KNA"),
        ("The Bahamas", "BHS"),
        ("Guatemala;", "GTM"),
        ("España", "ESP"),
        ("Royaume d'Espagne", "ESP"),
        ("VEN", "VEN"),
    ],
)
def test_country_code_resolves_names_in_four_languages(name: str, code: str) -> None:
    assert country_code(name) == code


@pytest.mark.parametrize("name", ["Réunion", "la réunion", "Bogotá", "OEA", "Guatemala City", ""])
def test_country_code_gives_none_for_what_is_not_a_country(name: str) -> None:
    assert country_code(name) is None


def test_add_places_fills_the_document() -> None:
    document = Document(path="note.txt", text="Le Canada et le Mexique.", sha256="0")
    assert [place.country for place in add_places(document).places] == ["CAN", "MEX"]


def test_find_places_finds_every_country_of_the_french_report() -> None:
    if not REPORT.exists() or not GOLD.exists():
        pytest.skip(f"the shared French report or its annotation is absent ({SHARED})")
    text = REPORT.read_text(encoding="utf-8")
    expected = [section["country"] for section in json.loads(GOLD.read_text("utf-8"))["sections"]]
    headings = re.findall(r"^\s*\d{1,2}\.\s+([^;\n]{3,60});", text, flags=re.MULTILINE)
    places = default_gazetteer().find_places(text)
    assert [country_code(heading) for heading in headings[: len(expected)]] == expected
    assert len(expected) == 21
    assert set(expected) <= {place.country for place in places}
    assert all(text[place.start : place.end] == place.text for place in places)
    assert not [place for place in places if place.country == "REU"]
