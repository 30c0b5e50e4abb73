"""find_numbers on French sentences, and on the French meeting report of the shared corpus."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from vigia.domain import FIGURE_KINDS, NumberKind, NumberMention, Qualifier
from vigia.extract.numbers import find_numbers

LANGUAGE = "fr"
SHARED = Path(__file__).resolve().parents[2].parent / "shared"
REPORT = SHARED / "corpus" / "rtp3-rapporteur-report.fr.txt"
GOLD = SHARED / "gold" / "rtp3-rapporteur-report.gold.json"


def mention(sentence: str, fragment: str) -> NumberMention:
    """The mention whose text is ``fragment``, after checking every mention's offsets."""
    mentions = find_numbers(sentence, LANGUAGE)
    assert all(sentence[m.start : m.end] == m.text for m in mentions)
    found = [m for m in mentions if m.text == fragment]
    assert found, f"{fragment!r} not among {[m.text for m in mentions]}"
    place = re.search(rf"(?<!\w){re.escape(fragment)}(?!\w)", sentence)
    assert found[0].start == (place.start() if place else sentence.index(fragment))
    return found[0]


def described(found: NumberMention) -> tuple[object, ...]:
    return (found.kind, found.value, found.qualifier, found.value_min, found.unit)


@pytest.mark.parametrize(
    ("sentence", "fragment", "value"),
    [
        ("Le parquet a reçu 3 715 plaintes.", "3 715", 3715),
        ("Le programme a formé 22\u00a0000 agents.", "22\u00a0000", 22000),
        ("Le programme a formé 22\u202f000 agents.", "22\u202f000", 22000),
        ("On a recensé 13,500 migrants.", "13,500", 13500),
        ("La moyenne est de 2,5 dossiers.", "2,5", 2.5),
        ("L’unité a identifié 82 victimes.", "82", 82),
    ],
)
def test_find_numbers_reads_french_digits(sentence: str, fragment: str, value: float) -> None:
    found = mention(sentence, fragment)
    assert described(found) == (NumberKind.COUNT, value, Qualifier.EXACT, None, None)


@pytest.mark.parametrize(
    ("sentence", "fragment", "value"),
    [
        ("La police a formé six mille gendarmes.", "six mille", 6000),
        ("Le tribunal a condamné vingt-deux trafiquants.", "vingt-deux", 22),
        ("On compte soixante et onze dossiers.", "soixante et onze", 71),
        ("Le pays a ouvert quatre-vingt-dix bureaux.", "quatre-vingt-dix", 90),
        ("La campagne a touché 1,2 million de jeunes.", "1,2 million", 1_200_000),
        ("La campagne a touché deux millions de jeunes.", "deux millions", 2_000_000),
    ],
)
def test_find_numbers_reads_french_number_words_and_scales(
    sentence: str, fragment: str, value: float
) -> None:
    found = mention(sentence, fragment)
    assert described(found) == (NumberKind.COUNT, value, Qualifier.EXACT, None, None)


@pytest.mark.parametrize(
    ("sentence", "fragment", "value"),
    [
        ("Le conseil regroupe une vingtaine d’organismes.", "une vingtaine", 20),
        ("Une dizaine de juges ont participé.", "Une dizaine", 10),
        ("Une centaine de bénévoles ont aidé.", "Une centaine", 100),
        ("Un millier de personnes ont appelé.", "Un millier", 1000),
    ],
)
def test_find_numbers_reads_french_collectives_as_approximate(
    sentence: str, fragment: str, value: float
) -> None:
    found = mention(sentence, fragment)
    assert described(found) == (NumberKind.COUNT, value, Qualifier.APPROXIMATELY, None, None)


@pytest.mark.parametrize(
    "sentence",
    [
        "Le pays a créé une commission et un bureau, dont l’un pour les femmes.",
        "Des dizaines de familles et des milliers d’enfants ont reçu des millions de messages.",
        "Les ministres ont tous deux salué le plan, ainsi qu’une organisation.",
    ],
)
def test_find_numbers_skips_french_articles_and_vague_plurals(sentence: str) -> None:
    assert find_numbers(sentence, LANGUAGE) == []


@pytest.mark.parametrize(
    ("sentence", "fragment"),
    [("Il existe un seul foyer.", "un"), ("Il n’y a qu’une seule unité.", "une")],
)
def test_find_numbers_keeps_french_one_when_it_is_a_numeral(sentence: str, fragment: str) -> None:
    found = mention(sentence, fragment)
    assert (found.kind, found.value) == (NumberKind.COUNT, 1)


@pytest.mark.parametrize(
    ("sentence", "fragment", "value", "qualifier"),
    [
        ("Il a formé plus de 5 000 agents.", "5 000", 5000, Qualifier.AT_LEAST),
        ("On a recensé au moins 40 dossiers.", "40", 40, Qualifier.AT_LEAST),
        ("On compte aussi plus 320 projets.", "320", 320, Qualifier.AT_LEAST),
        ("On a reçu moins de 30 plaintes.", "30", 30, Qualifier.AT_MOST),
        ("Le foyer accueille jusqu’à 25 femmes.", "25", 25, Qualifier.AT_MOST),
        ("La police a interpellé environ 200 suspects.", "200", 200, Qualifier.APPROXIMATELY),
        ("On a aidé près de 90 familles.", "90", 90, Qualifier.APPROXIMATELY),
        ("Quelque 60 projets sont en cours.", "60", 60, Qualifier.APPROXIMATELY),
        ("Le service possédera 35 agents.", "35", 35, Qualifier.PLANNED),
        ("En 2016, la ville aura trois refuges.", "trois", 3, Qualifier.PLANNED),
        ("Le ministère prévoit 12 antennes régionales.", "12", 12, Qualifier.PLANNED),
        ("Il y a de plus 14 experts.", "14", 14, Qualifier.EXACT),
    ],
)
def test_find_numbers_reads_french_qualifiers(
    sentence: str, fragment: str, value: float, qualifier: Qualifier
) -> None:
    found = mention(sentence, fragment)
    assert described(found) == (NumberKind.COUNT, value, qualifier, None, None)


@pytest.mark.parametrize(
    ("sentence", "fragment", "value", "value_min"),
    [
        ("Entre 10 et 12 personnes ont été arrêtées.", "10 et 12", 12, 10),
        ("On a organisé de 15 à 20 ateliers.", "15 à 20", 20, 15),
        ("Il y a eu 10-12 opérations.", "10-12", 12, 10),
    ],
)
def test_find_numbers_reads_french_ranges(
    sentence: str, fragment: str, value: float, value_min: float
) -> None:
    found = mention(sentence, fragment)
    assert described(found) == (NumberKind.COUNT, value, Qualifier.APPROXIMATELY, value_min, None)


@pytest.mark.parametrize(
    ("sentence", "fragment", "value", "unit"),
    [
        ("Le fonds dispose de 5 millions d’euros.", "5 millions d’euros", 5e6, "EUR"),
        ("Le budget atteint 1,2 milliard de dollars.", "1,2 milliard de dollars", 1.2e9, "USD"),
        ("Ottawa a versé 300 000 dollars canadiens.", "300 000 dollars canadiens", 300_000, "CAD"),
        ("Le projet coûte 40 000 €.", "40 000 €", 40_000, "EUR"),
        ("Le Mexique a versé 2 millions de pesos mexicains.", "2 millions de pesos mexicains",
         2e6, "MXN"),
        ("L’amende est de 500 pesos.", "500 pesos", 500, None),
    ],
)  # fmt: skip
def test_find_numbers_reads_french_money(
    sentence: str, fragment: str, value: float, unit: str | None
) -> None:
    found = mention(sentence, fragment)
    assert described(found) == (NumberKind.MONEY, value, Qualifier.EXACT, None, unit)


@pytest.mark.parametrize(
    ("sentence", "fragment", "kind", "value"),
    [
        ("En 2005 a été créée une commission.", "2005", NumberKind.YEAR, 2005),
        ("La loi s’applique depuis 2008.", "2008", NumberKind.YEAR, 2008),
        ("Le rapport de 2011 le montre.", "2011", NumberKind.YEAR, 2011),
        ("Le programme a formé 2 000 personnes.", "2 000", NumberKind.COUNT, 2000),
        ("Le projet a été approuvé le 6 septembre.", "6", NumberKind.DATE, 6),
        ("Le texte est entré en vigueur le 1er janvier.", "1er", NumberKind.DATE, 1),
        ("Le décret date du 16/10/2012.", "16/10/2012", NumberKind.DATE, 16),
        ("La loi est en vigueur depuis 4 ans.", "4", NumberKind.DURATION, 4),
        ("Le pays a réagi en moins de 2 mois.", "2", NumberKind.DURATION, 2),
        ("Les résultats des 3 dernières années sont bons.", "3", NumberKind.DURATION, 3),
        ("Au cours des deux dernières années, tout a changé.", "deux", NumberKind.DURATION, 2),
        ("Les femmes sont 45 % des victimes.", "45", NumberKind.PERCENTAGE, 45),
        ("Les femmes sont 45 pour cent des victimes.", "45", NumberKind.PERCENTAGE, 45),
        ("Appelez la ligne 119 à toute heure.", "119", NumberKind.PHONE, 119),
        ("Le numéro vert 3919 est gratuit.", "3919", NumberKind.PHONE, 3919),
        ("Voir le rapport (RTP-III/INF. 22/12).", "22", NumberKind.DOCUMENT_CODE, 22),
        ("Voir le document RTP-IIIdoc.6/12.", "6", NumberKind.DOCUMENT_CODE, 6),
        ("La loi n° 2011-123 punit ce délit.", "2011-123", NumberKind.LAW_NUMBER, 2011),
        ("L’article 3 définit la traite.", "3", NumberKind.LAW_NUMBER, 3),
        ("Le plan comporte trois axes.", "trois", NumberKind.STRUCTURAL, 3),
        ("C’est l’un des cinq piliers.", "cinq", NumberKind.STRUCTURAL, 5),
        ("La stratégie a trois volets.", "trois", NumberKind.STRUCTURAL, 3),
        ("La loi agit en trois points: prévenir, punir, aider.", "trois", NumberKind.STRUCTURAL, 3),
        ("Le texte est en annexe 1.", "1", NumberKind.STRUCTURAL, 1),
        ("Au XXe siècle, rien n’existait.", "XXe", NumberKind.ORDINAL, 20),
        ("C’est la 2e réunion.", "2e", NumberKind.ORDINAL, 2),
        ("1. Guatemala; le pays progresse.", "1", NumberKind.LIST_MARKER, 1),
        ("Il vise les mineurs de moins de 18 ans.", "18", NumberKind.AGE, 18),
    ],
)
def test_find_numbers_classifies_french_non_figures(
    sentence: str, fragment: str, kind: NumberKind, value: float
) -> None:
    found = mention(sentence, fragment)
    assert (found.kind, found.value) == (kind, value)


def test_find_numbers_reads_french_inline_list_markers() -> None:
    sentence = "Le travail est axé sur 4 axes principaux 1- Prévention et 2- Protection."
    found = [(m.text, m.kind) for m in find_numbers(sentence, LANGUAGE)]
    assert found == [
        ("4", NumberKind.STRUCTURAL),
        ("1", NumberKind.LIST_MARKER),
        ("2", NumberKind.LIST_MARKER),
    ]


def test_find_numbers_reads_both_numbers_of_a_french_ratio() -> None:
    sentence = "Une victime sur 5 est mineure et 1 sur 3 est étrangère."
    kinds = [(m.text, m.kind) for m in find_numbers(sentence, LANGUAGE)]
    assert kinds == [(text, NumberKind.RATIO) for text in ("Une", "5", "1", "3")]


def test_find_numbers_splits_french_year_and_date_ranges() -> None:
    sentence = "Le plan (2010-2012) a été adopté les 15 et 16 octobre 2012."
    found = [(m.text, m.kind) for m in find_numbers(sentence, LANGUAGE)]
    assert found == [
        ("2010", NumberKind.YEAR),
        ("2012", NumberKind.YEAR),
        ("15", NumberKind.DATE),
        ("16", NumberKind.DATE),
        ("2012", NumberKind.YEAR),
    ]


def test_find_numbers_keeps_only_true_counts_in_a_french_paragraph() -> None:
    paragraph = (
        "5. Pérou; depuis 2009, la commission créée par le décret 1069 a reçu 214 plaintes et"
        " obtenu 9 condamnations. Au cours des 3 dernières années, plus de 1 250 victimes ont été"
        " aidées, dont 45 % de moins de 18 ans. La ligne 119 a reçu quelque 2 000 appels le"
        " 30 juillet. Le plan, qui comporte trois axes et un seul fonds, possédera 5 foyers"
        " d’ici 2015 grâce à 2 millions d’euros (RTP-III/INF. 7/12)."
    )
    figures = [
        (m.text, m.value, m.qualifier)
        for m in find_numbers(paragraph, LANGUAGE)
        if m.kind in FIGURE_KINDS
    ]
    assert figures == [
        ("214", 214, Qualifier.EXACT),
        ("9", 9, Qualifier.EXACT),
        ("1 250", 1250, Qualifier.AT_LEAST),
        ("2 000", 2000, Qualifier.APPROXIMATELY),
        ("un", 1, Qualifier.EXACT),
        ("5", 5, Qualifier.PLANNED),
        ("2 millions d’euros", 2e6, Qualifier.PLANNED),
    ]


def _report_and_gold_facts() -> tuple[str, list[dict[str, Any]]]:
    if not (REPORT.exists() and GOLD.exists()):
        pytest.skip(f"the shared corpus is not at {SHARED} (it lives beside the repository)")
    facts: list[dict[str, Any]] = json.loads(GOLD.read_text(encoding="utf-8"))["facts"]
    return REPORT.read_text(encoding="utf-8"), facts


def _line_numbers(report: str, position: int) -> list[NumberMention]:
    line_start = report.rfind("\n", 0, position) + 1
    line_end = report.find("\n", position)
    line_end = len(report) if line_end < 0 else line_end
    return find_numbers(report[line_start:line_end], LANGUAGE, offset=line_start)


def test_find_numbers_finds_every_gold_figure_of_the_french_report() -> None:
    report, facts = _report_and_gold_facts()
    missing = []
    for fact in facts:
        if fact["value"] == 1:
            continue  # "possède un foyer": an article that the facts component counts itself
        evidence = fact["evidence_fr"]
        position = report.find(evidence)
        assert position >= 0, evidence
        figures = {
            (mention.value, mention.qualifier.value)
            for mention in _line_numbers(report, position)
            if mention.kind in FIGURE_KINDS and position <= mention.start < position + len(evidence)
        }
        if (float(fact["value"]), fact["qualifier"]) not in figures:
            missing.append((evidence, fact["value"], fact["qualifier"], figures))
    assert missing == []


def test_find_numbers_finds_mostly_gold_figures_in_the_french_report() -> None:
    """At least 80% of the counts found back a gold fact (the gold leaves out a few true counts
    of organisations); durations, dates, codes and parts of plans are never counts."""
    report, facts = _report_and_gold_facts()
    evidence_spans = []
    for fact in facts:
        start = report.find(fact["evidence_fr"])
        evidence_spans.append((start, start + len(fact["evidence_fr"])))
    mentions = [
        mention
        for line_start in [0, *(m.end() for m in re.finditer("\n", report))]
        for mention in _line_numbers(report, line_start)
        if mention.kind in FIGURE_KINDS
    ]
    in_evidence = [m for m in mentions if any(a <= m.start < b for a, b in evidence_spans)]
    assert len(mentions) >= len(facts) - 1
    assert len(in_evidence) / len(mentions) >= 0.8
