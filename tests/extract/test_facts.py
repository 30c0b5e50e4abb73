"""Facts in four languages: indicator, owner, qualifier, year and evidence."""

from __future__ import annotations

import pytest

from tests.extract.conftest import Analyse


def facts(text: str, analyse: Analyse) -> set[tuple[object, ...]]:
    document = analyse(text)
    return {
        (f.country or f.actor or f.region, f.indicator, f.value, str(f.qualifier), f.year)
        for f in document.facts
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "1. México; en 2013 se capacitó a más de 2.500 servidores públicos.\n",
            ("MEX", "persons_trained", 2500, "at_least", 2013),
        ),
        (
            "1. Jamaica; in 2014 the police rescued 46 victims.\n",
            ("JAM", "victims_rescued", 46, "exact", 2014),
        ),
        (
            "1. Haïti; la police a démantelé une dizaine de réseaux.\n",
            ("HTI", "networks_dismantled", 10, "approximately", None),
        ),
        (
            "1. Brasil; o Disque 100 recebeu cerca de 1.200 denúncias em 2015.\n",
            ("BRA", "complaints", 1200, "approximately", 2015),
        ),
        (
            "1. Guatemala; los tribunales dictaron 49 sentencias condenatorias.\n",
            ("GTM", "convictions", 49, "exact", None),
        ),
        (
            "1. Panamá; el país contará con tres albergues.\n",
            ("PAN", "shelters", 3, "planned", None),
        ),
        (
            "1. Canada; fewer than 20 suspected cases were reported to the police.\n",
            ("CAN", "complaints", 20, "at_most", None),
        ),
        (
            "1. Chile; Le nombre des victimes identifiées s’élève à 312.\n",
            ("CHL", "victims_identified", 312, "exact", None),
        ),
    ],
)
def test_facts_indicator_owner_qualifier_and_year(
    text: str, expected: tuple[object, ...], analyse: Analyse
) -> None:
    assert expected in facts(text, analyse)


def test_facts_money_is_a_budget_with_its_currency(analyse: Analyse) -> None:
    document = analyse("1. Guyana; the budget of $9.9 billion (US$49.3 M) includes victim care.\n")
    budgets = [(f.indicator, f.value, f.unit) for f in document.facts]
    assert budgets == [("budget", 9_900_000_000, "USD")]


def test_facts_money_after_a_converted_amount_is_a_figure_of_its_own(analyse: Analyse) -> None:
    document = analyse(
        "1. Guyana; the 2006 and 2007 budgets gave $9.9 billion (US$49.3 M) and $10.3 billion"
        " (US$51.6 M) respectively to public safety.\n"
    )
    assert [f.value for f in document.facts] == [9_900_000_000, 10_300_000_000]


def test_facts_range_keeps_both_bounds(analyse: Analyse) -> None:
    document = analyse(
        "1. The Bahamas; in 2014 the authorities identified between 10 and 12 victims.\n"
    )
    [fact] = document.facts
    assert (fact.value, fact.value_min, fact.indicator) == (12, 10, "victims_identified")


def test_facts_organisation_figures_go_to_no_country(analyse: Analyse) -> None:
    text = (
        "TERCERA PARTE\n\n•\nAna Ruiz, de la Organización Internacional para las Migraciones (OIM),"
        " presentó su informe: en Guatemala la OIM asistió a más de 300 víctimas.\n"
    )
    [fact] = analyse(text).facts
    assert (fact.country, fact.actor, fact.value) == (None, "IOM", 300)


def test_facts_hemispheric_figures_go_to_the_region(analyse: Analyse) -> None:
    text = "CONCLUSIONES\n\nEn el hemisferio se identificaron más de 3.000 víctimas en 2013.\n"
    [fact] = analyse(text).facts
    assert (fact.country, fact.region, fact.value) == (None, "Americas", 3000)


@pytest.mark.parametrize(
    "text",
    [
        "1. Perú; la línea 1818 funciona desde hace 5 años.\n",
        "1. Chile; el plan tiene tres ejes y se aprobó la Ley 20.507 en 2011.\n",
        "1. Brazil; 4 out of every 10 victims are women; 45% are children.\n",
        "1. France; les 3 dernières années, 16 formes d’exploitation.\n",
        "1. Paraguai; há 3 anos, a Lei nº 4.788, o Disque 100.\n",
    ],
)
def test_facts_never_from_non_figures(text: str, analyse: Analyse) -> None:
    assert analyse(text).facts == []


def test_facts_carry_evidence_and_provenance(analyse: Analyse) -> None:
    text = "1. Colombia; el país desarticuló 10 redes.\n"
    [fact] = analyse(text).facts
    assert text[fact.evidence.start : fact.evidence.end] == fact.evidence.text
    assert fact.evidence.text.endswith("10 redes.")
    assert (fact.provenance.component, fact.provenance.version) == ("facts", "3")


def test_facts_capacity_is_not_a_count(analyse: Analyse) -> None:
    text = "1. Jamaica; the shelter can house up to 20 women and children at a time.\n"
    assert analyse(text).facts == []
