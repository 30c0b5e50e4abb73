"""Counted nouns left out or narrowed by a predicate, in four languages (vigia.extract.heads).

Each sentence asserts the whole set of facts it yields, so that a rule that finds more also shows
what else it takes.
"""

from __future__ import annotations

import pytest

from tests.extract.conftest import Analyse
from tests.extract.test_facts import facts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the elided head with the word that follows: [sentencias] condenatorias
            "1. Honduras; en 2019 se dictaron 80 sentencias; de ellas, 50 fueron condenatorias"
            " y 30 absolutorias.\n",
            {
                ("HND", "judgments", 80, "exact", 2019),
                ("HND", "convictions", 50, "exact", 2019),
                ("HND", "acquittals", 30, "exact", 2019),
            },
        ),
        (
            "1. Brasil; foram proferidas 60 sentenças, das quais 45 condenatórias.\n",
            {("BRA", "judgments", 60, "exact", None), ("BRA", "convictions", 45, "exact", None)},
        ),
        (  # a predicate narrows the noun: convictions, not judgments
            "1. Panamá; 25 sentencias fueron condenatorias.\n",
            {("PAN", "convictions", 25, "exact", None)},
        ),
        (  # parts of a whole, with verbs and no noun of their own (but what they are in)
            "1. Honduras; de las 500 denuncias recibidas, 120 se archivaron y 80 siguen en"
            " investigación.\n",
            {
                ("HND", "complaints", 500, "exact", None),
                ("HND", "other_count", 120, "exact", None),
                ("HND", "investigations", 80, "exact", None),  # what it is in: investigation
            },
        ),
        (
            "1. Jamaica; of the 120 complaints received, 30 were dismissed and 12 are still under"
            " investigation.\n",
            {
                ("JAM", "complaints", 120, "exact", None),
                ("JAM", "cases_dismissed", 30, "exact", None),
                ("JAM", "investigations", 12, "exact", None),
            },
        ),
        (
            "1. Haïti; sur les 200 plaintes reçues, 50 ont été classées sans suite.\n",
            {
                ("HTI", "complaints", 200, "exact", None),
                ("HTI", "cases_archived", 50, "exact", None),
            },
        ),
        (
            "1. Brasil; das 300 denúncias recebidas, 120 foram arquivadas e 40 seguem em"
            " investigação.\n",
            {
                ("BRA", "complaints", 300, "exact", None),
                ("BRA", "cases_archived", 120, "exact", None),
                ("BRA", "investigations", 40, "exact", None),
            },
        ),
    ],
)
def test_a_number_without_its_noun_counts_the_one_before(
    text: str, expected: set[tuple[object, ...]], analyse: Analyse
) -> None:
    assert facts(text, analyse) == expected


@pytest.mark.parametrize(
    "text",
    [
        "1. Honduras; el año pasado 300 seguían sin respuesta.\n",  # a verb, no noun before
        "1. Honduras; de cada 100 denuncias, 4 terminan en condena.\n",  # a ratio's part
        "1. Jamaica; out of every 10 cases, 6 ended without a conviction.\n",
        "1. Haïti; sur chaque 100 plaintes, 4 aboutissent à une condamnation.\n",
        "1. Brasil; em cada 100 denúncias, 4 resultam em condenação.\n",
    ],
)
def test_a_number_followed_by_a_verb_or_part_of_a_ratio_is_no_figure(
    text: str, analyse: Analyse
) -> None:
    assert facts(text, analyse) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "1. México; se registraron 575 víctimas en 2018 y 668 en 2019.\n",
            {
                ("MEX", "victims_identified", 575, "exact", 2018),
                ("MEX", "victims_identified", 668, "exact", 2019),
            },
        ),
        (
            "1. Jamaica; police rescued 40 victims in 2018 and 52 in 2019.\n",
            {
                ("JAM", "victims_rescued", 40, "exact", 2018),
                ("JAM", "victims_rescued", 52, "exact", 2019),
            },
        ),
        (
            "1. Haïti; la police a libéré 40 victimes en 2018 et 52 en 2019.\n",
            {
                ("HTI", "victims_rescued", 40, "exact", 2018),
                ("HTI", "victims_rescued", 52, "exact", 2019),
            },
        ),
        (
            "1. Brasil; a polícia resgatou 40 vítimas em 2018 e 52 em 2019.\n",
            {
                ("BRA", "victims_rescued", 40, "exact", 2018),
                ("BRA", "victims_rescued", 52, "exact", 2019),
            },
        ),
    ],
)
def test_a_number_joined_to_a_figure_repeats_its_measure(
    text: str, expected: set[tuple[object, ...]], analyse: Analyse
) -> None:
    assert facts(text, analyse) == expected
