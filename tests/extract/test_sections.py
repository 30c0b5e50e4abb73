from tests.extract.conftest import Analyse

SPANISH = """INFORME

1. Argentina; el país aprobó la Ley en 2008. (RTP-IV/INF. 3/14)
2. Estado Plurinacional de Bolivia; el país cuenta con un plan.
Continúa en otra línea.

Sigue el informe de Bolivia en un segundo párrafo. (RTP-IV/INF. 4/14)

SEGUNDA PARTE

La delegación de Chile propuso crear una red.
"""


def country_sections(document):  # type: ignore[no-untyped-def]
    return [section for section in document.sections if section.kind == "country"]


def test_segment_numbered_country_list_with_codes(analyse: Analyse) -> None:
    document = analyse(SPANISH, until="sections")
    sections = country_sections(document)
    assert [(s.country, s.code, s.order) for s in sections] == [
        ("ARG", "RTP-IV/INF. 3/14", 1),
        ("BOL", "RTP-IV/INF. 4/14", 2),
    ]
    bolivia = document.text[sections[1].start : sections[1].end]
    assert "segundo párrafo" in bolivia and bolivia.endswith("(RTP-IV/INF. 4/14)")


def test_segment_leaves_the_rest_in_general_sections(analyse: Analyse) -> None:
    document = analyse(SPANISH, until="sections")
    section = document.section_at(SPANISH.index("La delegación de Chile"))
    assert section is not None and section.kind == "general" and section.country is None


def test_segment_organisation_contribution_is_an_actor_section(analyse: Analyse) -> None:
    text = (
        "TERCERA PARTE\n\n•\nMaría Pérez, de la Organización Internacional para las Migraciones"
        " (OIM), presentó el tema de la asistencia. En Guatemala se atendió a 300 víctimas.\n"
        "•\nJuan Díaz, de UNICEF, presentó su informe.\n"
    )
    document = analyse(text, until="sections")
    actors = [(s.actor, s.kind) for s in document.sections if s.kind == "actor"]
    assert actors == [("IOM", "actor"), ("UNICEF", "actor")]


def test_segment_single_country_article_takes_its_country_from_the_text(analyse: Analyse) -> None:
    text = (
        "Lima, 3 de mayo. El Ministerio del Interior del Perú informó que rescató a 40 víctimas."
        " Las autoridades del Perú reforzaron los controles en la frontera con Bolivia."
    )
    document = analyse(text, until="sections")
    assert [(s.kind, s.country) for s in document.sections] == [("country", "PER")]


def test_segment_headings_that_name_countries(analyse: Analyse) -> None:
    text = (
        "JAMAICA\n\nThe country trained 200 officers.\n\nBARBADOS\n\nA bill is before Parliament.\n"
    )
    document = analyse(text, until="sections")
    assert [s.country for s in country_sections(document)] == ["JAM", "BRB"]


def test_a_country_heading_runs_over_its_own_subheadings_to_the_next_part(
    analyse: Analyse,
) -> None:
    text = (
        "HONDURAS: Tier 2\n\n"
        "PROSECUTION\nThe government investigated 112 cases.\n\n"
        "PROTECTION\nAuthorities identified 187 victims.\n\n"
        "GUATEMALA: Tier 1\n\n"
        "PROSECUTION\nThe government investigated 90 cases.\n\n"
        "CONCLUSIONS\n\nBoth states reported.\n"
    )
    document = analyse(text, until="sections")
    spans = [
        (section.country, document.text[section.start : section.end].strip().split("\n")[-1])
        for section in country_sections(document)
    ]
    assert spans == [
        ("HND", "Authorities identified 187 victims."),
        ("GTM", "The government investigated 90 cases."),
    ]
    assert document.sections[-1].kind == "general"


def test_a_numbered_list_of_states_still_ends_at_any_part_heading(analyse: Analyse) -> None:
    text = "1. Chile; the country trained 30 judges.\n\nANNEX TABLES\n\nA figure of 45 cases.\n"
    document = analyse(text, until="sections")
    [chile] = country_sections(document)
    assert document.text[chile.start : chile.end].strip().endswith("30 judges.")


def test_segment_a_press_article_is_its_datelines_country_not_where_victims_come_from(
    analyse: Analyse,
) -> None:
    text = (
        "Tapachula, Chis.- La fiscalía rescató a 57 víctimas originarias de Guatemala y"
        " Honduras.\n\nEn Guatemala, el Ministerio Público reportó 1 023 denuncias.\n\n"
        "Operan en México 4 refugios.\n"
    )
    sections = country_sections(analyse(text, until="sections"))
    assert [(s.country, s.start, s.end) for s in sections] == [("MEX", 0, len(text))]


def test_segment_people_from_a_country_do_not_make_the_text_that_countrys(
    analyse: Analyse,
) -> None:
    text = (
        "The unit rescued 23 victims, 19 of whom were nationals of Venezuela.\n"
        "Venezuela's consulate was informed. Trinidad and Tobago's police arrested 5 suspects.\n"
    )
    # Venezuela once as origin (nothing) and once as a mention; Trinidad and Tobago once
    assert country_sections(analyse(text, until="sections")) == []
