"""Whose a figure is, from its own clause, in four languages (vigia.extract.scope).

A country's text quotes regional and world figures; they are not the country's. What a country
gives to a region stays its own. Each sentence asserts the whole set of facts it yields.
"""

from __future__ import annotations

import pytest

from tests.extract.conftest import Analyse
from tests.extract.test_facts import facts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "1. Guatemala; la trata genera en América Latina cerca de US$ 20 mil millones, y en"
            " 2020 el país identificó 300 víctimas.\n",
            {
                ("Americas", "budget", 20_000_000_000, "approximately", 2020),
                ("GTM", "victims_identified", 300, "exact", 2020),
            },
        ),
        (
            "1. Jamaica; about 25 million victims are exploited in the world, while the island"
            " identified 40 victims in 2019.\n",
            {
                ("World", "victims_identified", 25_000_000, "approximately", 2019),
                ("JAM", "victims_identified", 40, "exact", 2019),
            },
        ),
        (
            "1. Haïti; la traite touche plus de 2 millions de victimes dans le monde; le pays a"
            " identifié 150 victimes.\n",
            {
                ("World", "victims_identified", 2_000_000, "at_least", None),
                ("HTI", "victims_identified", 150, "exact", None),
            },
        ),
        (
            "1. Brasil; o tráfico afeta 2 milhões de vítimas na América Latina, e o país"
            " identificou 200 vítimas em 2018.\n",
            {
                ("Americas", "victims_identified", 2_000_000, "exact", 2018),
                ("BRA", "victims_identified", 200, "exact", 2018),
            },
        ),
    ],
)
def test_a_regional_or_world_figure_in_a_country_text_is_not_the_country_s(
    text: str, expected: set[tuple[object, ...]], analyse: Analyse
) -> None:
    assert facts(text, analyse) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "1. Estados Unidos; el Departamento de Estado destinó US$ 3 millones a proyectos en"
            " América Latina.\n",
            ("USA", "budget", 3_000_000, "exact", None),
        ),
        (
            "1. Canada; the government granted CAD 2 million to shelters in the Caribbean.\n",
            ("CAN", "budget", 2_000_000, "exact", None),
        ),
        (  # the country is named in the clause: its own figure
            "1. Honduras; en la región, Honduras identificó 80 víctimas.\n",
            ("HND", "victims_identified", 80, "exact", None),
        ),
    ],
)
def test_what_a_country_gives_to_a_region_or_says_of_itself_stays_its_own(
    text: str, expected: tuple[object, ...], analyse: Analyse
) -> None:
    assert facts(text, analyse) == {expected}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "1. Guatemala; el país identificó 668 víctimas. En Honduras se identificaron 120"
            " víctimas. Guatemala repatrió a 45 víctimas desde México.\n",
            {
                ("GTM", "victims_identified", 668, "exact", None),
                ("HND", "victims_identified", 120, "exact", None),
                ("GTM", "victims_repatriated", 45, "exact", None),
            },
        ),
        (
            "1. Jamaica; in Trinidad and Tobago, the police rescued 22 victims. Jamaica trained"
            " 40 officers in Barbados.\n",
            {
                ("TTO", "victims_rescued", 22, "exact", None),
                ("JAM", "persons_trained", 40, "exact", None),
            },
        ),
        (
            "1. Haïti; au Canada, 30 victimes ont été identifiées.\n",
            {("CAN", "victims_identified", 30, "exact", None)},
        ),
        (
            "1. Brasil; no Paraguai foram resgatadas 15 vítimas.\n",
            {("PRY", "victims_rescued", 15, "exact", None)},
        ),
    ],
)
def test_a_sentence_set_in_another_country_gives_that_country_its_figure(
    text: str, expected: set[tuple[object, ...]], analyse: Analyse
) -> None:
    assert facts(text, analyse) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "1. Guatemala; la OIM asistió a 300 víctimas en 2019. Con apoyo de la OIM se"
            " capacitó a 200 funcionarios.\n",
            {
                ("IOM", "victims_assisted", 300, "exact", 2019),
                ("GTM", "persons_trained", 200, "exact", None),
            },
        ),
        (
            "1. Jamaica; IOM assisted 12 victims. The police, with IOM support, rescued 20"
            " victims.\n",
            {
                ("IOM", "victims_assisted", 12, "exact", None),
                ("JAM", "victims_rescued", 20, "exact", None),
            },
        ),
        (
            "1. Haïti; l'OIM a assisté 90 victimes.\n",
            {("IOM", "victims_assisted", 90, "exact", None)},
        ),
        (
            "1. Brasil; a OIM atendeu 35 vítimas de tráfico de pessoas, que não tinham onde"
            " ficar.\n",
            {("IOM", "victims_assisted", 35, "exact", None)},
        ),
    ],
)
def test_an_organisation_that_opens_the_clause_as_its_subject_owns_the_figure(
    text: str, expected: set[tuple[object, ...]], analyse: Analyse
) -> None:
    assert facts(text, analyse) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "1. Guatemala; en Guatemala y Honduras se identificaron 300 víctimas. Guatemala y"
            " México firmaron un acuerdo y el país rescató a 45 víctimas.\n",
            {
                ("Americas", "victims_identified", 300, "exact", None),
                ("GTM", "victims_rescued", 45, "exact", None),
            },
        ),
        (
            "1. Jamaica; in Jamaica, Barbados and Belize, 500 officials were trained.\n",
            {("Americas", "persons_trained", 500, "exact", None)},
        ),
    ],
)
def test_a_figure_set_in_several_states_at_once_is_no_one_states(
    text: str, expected: set[tuple[object, ...]], analyse: Analyse
) -> None:
    assert facts(text, analyse) == expected
