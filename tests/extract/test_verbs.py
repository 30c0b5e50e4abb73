"""The verb right before a number says what it counts, in four languages."""

from __future__ import annotations

import pytest

from tests.extract.conftest import Analyse
from vigia.extract.verbs import governing_verb

Expected = set[tuple[object, ...]]


def _facts(text: str, analyse: Analyse) -> Expected:
    return {(f.country, f.indicator, f.value, f.year) for f in analyse(text).facts}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "1. Honduras; the government reported investigating 112 trafficking cases,"
            " prosecuting 58 alleged traffickers and convicting 21 traffickers in 2022.\n",
            {
                ("HND", "investigations", 112, 2022),
                ("HND", "persons_prosecuted", 58, 2022),
                ("HND", "convictions", 21, 2022),
            },
        ),
        (
            "1. Perú; el Ministerio Público informó que se procesó a 40 personas y se condenó a"
            " más de 12 tratantes.\n",
            {("PER", "persons_prosecuted", 40, None), ("PER", "convictions", 12, None)},
        ),
        (
            "1. Haïti; la justice a signalé qu'elle a condamné 9 trafiquants et poursuivi"
            " 30 personnes.\n",
            {("HTI", "convictions", 9, None), ("HTI", "persons_prosecuted", 30, None)},
        ),
        (
            "1. Brasil; a polícia informou que resgatou 33 mulheres e prendeu 14 suspeitos.\n",
            {("BRA", "victims_rescued", 33, None), ("BRA", "arrests", 14, None)},
        ),
    ],
)
def test_the_verb_before_a_number_gives_its_indicator(
    text: str, expected: Expected, analyse: Analyse
) -> None:
    assert _facts(text, analyse) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the personal "a" of Spanish: the object is people, whatever its noun
            "1. Perú; el sector capacitó a 2 800 efectivos policiales en el protocolo.\n",
            {("PER", "persons_trained", 2800, None)},
        ),
        (  # people by their trade
            "1. Jamaica; the ministry trained 350 customs officers.\n",
            {("JAM", "persons_trained", 350, None)},
        ),
        (  # territorial units are structure, not figures
            "1. Perú; la policía realizó operativos en 19 regiones del país.\n",
            set(),
        ),
        ("1. Perú; te puede interesar: 5 claves para identificar una oferta falsa.\n", set()),
        ("1. Jamaica; read more: 7 signs of a fake job offer.\n", set()),
    ],
)
def test_objects_that_are_people_and_units_of_territory(
    text: str, expected: Expected, analyse: Analyse
) -> None:
    assert _facts(text, analyse) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # compared after a part in brackets: the figure before the brackets, same noun
            "1. Costa Rica; the government reported investigating 45 cases (33 for sex"
            " trafficking and 12 for labor trafficking), compared with 54 cases in 2022.\n",
            {
                ("CRI", "investigations", 45, None),
                ("CRI", "other_count", 33, None),  # parts: accepted as uncatalogued counts
                ("CRI", "other_count", 12, None),
                ("CRI", "investigations", 54, 2022),
            },
        ),
        (  # in parallel after a conjunction: the same first word
            "1. Costa Rica; authorities identified 176 victims in 2023; 131 were women and 28"
            " were Nicaraguan nationals.\n",
            {
                ("CRI", "victims_identified", 176, 2023),
                ("CRI", "victims_identified", 131, 2023),
                ("CRI", "victims_identified", 28, 2023),
            },
        ),
        (  # the cue after a part inserted between commas
            "1. Guyana; Fourteen women, including eight nationals of another country, were"
            " rescued by the police.\n",
            {("GUY", "victims_rescued", 14, None), ("GUY", "other_count", 8, None)},
        ),
        (  # compared, with the time after it
            "1. Guyana; 87 victims were identified in 2022, up from 62 the year before.\n",
            {("GUY", "victims_identified", 87, 2022), ("GUY", "victims_identified", 62, 2021)},
        ),
        ("1. Guyana; the new shelter will accommodate up to 30 victims.\n", set()),
        ("1. Panamá; the shelter has space for 20 residents.\n", set()),
        (  # the next figure's verb is no cue of this one
            "1. Panamá; the campaigns reached 20,000 people and trained 620 officials.\n",
            {("PAN", "persons_trained", 620, None)},
        ),
        (  # a figure set in a number of countries is the world's
            "1. Brasil; segundo o UNODC, 69 mil vítimas foram detectadas em 141 países.\n",
            {(None, "victims_identified", 69000, None)},
        ),
        ("1. Haïti; la commission s'est réunie 5 fois.\n", {("HTI", "meetings_held", 5, None)}),
        ("1. Brasil; o comitê se reuniu 8 vezes.\n", {("BRA", "meetings_held", 8, None)}),
        ("1. Perú; la comisión sesionó 3 veces.\n", {("PER", "meetings_held", 3, None)}),
    ],
)
def test_comparisons_across_brackets_parallels_and_meetings(
    text: str, expected: Expected, analyse: Analyse
) -> None:
    assert _facts(text, analyse) == expected


def test_a_verb_with_a_noun_it_does_not_count_leaves_the_noun_to_decide(analyse: Analyse) -> None:
    text = "1. Chile; the police identified 3 criminal networks and dismantled them.\n"
    assert _facts(text, analyse) == {("CHL", "networks_dismantled", 3, None)}


@pytest.mark.parametrize(
    ("before", "language", "indicators"),
    [
        ("The courts convicted a total of", "en", ("convictions",)),
        ("se identificaron", "es", ("victims_identified",)),
        ("le pays a rapatrié au moins", "fr", ("victims_repatriated",)),
        ("The courts convicted, in all,", "en", ()),
        ("The report was published with", "en", ()),
    ],
)
def test_governing_verb(before: str, language: str, indicators: tuple[str, ...]) -> None:
    assert governing_verb(before + " ", language) == indicators


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "1. Honduras; authorities identified 187 victims in 2022, an increase from 152 in"
            " 2021.\n",
            {("HND", "victims_identified", 187, 2022), ("HND", "victims_identified", 152, 2021)},
        ),
        (
            "1. Perú; se rescató a 410 víctimas en 2019, frente a 380 en 2018.\n",
            {("PER", "victims_rescued", 410, 2019), ("PER", "victims_rescued", 380, 2018)},
        ),
        (
            "1. Haïti; 45 condamnations en 2019, contre 30 en 2018.\n",
            {("HTI", "convictions", 45, 2019), ("HTI", "convictions", 30, 2018)},
        ),
    ],
)
def test_a_figure_compared_with_the_one_before_repeats_its_measure_and_keeps_its_year(
    text: str, expected: Expected, analyse: Analyse
) -> None:
    assert _facts(text, analyse) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "1. Guatemala; de las 3,715 denuncias recibidas, 1,137 seguían en investigación y"
            " 408 fueron desestimadas.\n",
            {
                ("GTM", "complaints", 3715, None),
                ("GTM", "investigations", 1137, None),
                ("GTM", "cases_dismissed", 408, None),
            },
        ),
        (
            "1. Jamaica; of the cases reported, 45 remained under investigation.\n",
            {("JAM", "investigations", 45, None)},
        ),
        (
            "1. Haïti; 12 dossiers sont en cours d'instruction.\n",
            {("HTI", "investigations", 12, None)},
        ),
        (
            "1. Brasil; 30 inquéritos continuam em investigação.\n",
            {("BRA", "investigations", 30, None)},
        ),
    ],
)
def test_what_a_number_is_in_after_a_verb_of_state_gives_its_indicator(
    text: str, expected: Expected, analyse: Analyse
) -> None:
    assert _facts(text, analyse) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the year belongs to the figure it is compared with, not to the first
            "1. Jamaica; the government reported investigating 56 cases, compared with 41"
            " investigations in 2021.\n",
            {("JAM", "investigations", 56, None), ("JAM", "investigations", 41, 2021)},
        ),
        (  # a verb and a preposition at once: the verb's people, not the shelters
            "1. Jamaica; the government referred 12 to NGO shelters.\n",
            {("JAM", "victims_assisted", 12, None)},
        ),
        (  # an amount in its currency's name, then converted in brackets
            "1. Jamaica; the unit had a budget of 65 million Jamaican dollars ($420,000).\n",
            {("JAM", "budget", 65_000_000, None)},
        ),
    ],
)
def test_years_conversions_and_verbs_without_a_noun(
    text: str, expected: Expected, analyse: Analyse
) -> None:
    assert _facts(text, analyse) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # what is said of a later figure is not a cue for an earlier one
            "1. Guatemala; las autoridades identificaron a 512 víctimas, entre ellas 301 niños, y"
            " remitieron a 420 a servicios de atención.\n",
            {
                ("GTM", "victims_identified", 512, None),
                ("GTM", "victims_identified", 301, None),
                ("GTM", "victims_assisted", 420, None),
            },
        ),
        (  # a figure compared takes the year after it
            "1. Guatemala; el gobierno investigó 245 casos en 2021, en comparación con 210"
            " investigaciones y 29 condenas en 2020.\n",
            {
                ("GTM", "investigations", 245, 2021),
                ("GTM", "investigations", 210, 2020),
                ("GTM", "convictions", 29, 2020),
            },
        ),
        (  # participles after "ter"
            "1. Brasil; o governo informou ter processado 310 suspeitos e condenado 95"
            " traficantes.\n",
            {("BRA", "persons_prosecuted", 310, None), ("BRA", "convictions", 95, None)},
        ),
    ],
)
def test_cues_of_later_figures_comparisons_and_participles(
    text: str, expected: Expected, analyse: Analyse
) -> None:
    assert _facts(text, analyse) == expected
