"""find_numbers on Portuguese sentences."""

from __future__ import annotations

import re

import pytest

from vigia.domain import FIGURE_KINDS, NumberKind, NumberMention, Qualifier
from vigia.extract.numbers import find_numbers

LANGUAGE = "pt"


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
        ("O Ministério recebeu 3.715 denúncias.", "3.715", 3715),
        ("Foram capacitadas 40 270 pessoas.", "40 270", 40270),
        ("Foram atendidos 1.250.000 migrantes.", "1.250.000", 1_250_000),
        ("A média foi de 2,5 casos.", "2,5", 2.5),
        ("A polícia identificou 82 vítimas.", "82", 82),
    ],
)
def test_find_numbers_reads_portuguese_digits(sentence: str, fragment: str, value: float) -> None:
    found = mention(sentence, fragment)
    assert described(found) == (NumberKind.COUNT, value, Qualifier.EXACT, None, None)


@pytest.mark.parametrize(
    ("sentence", "fragment", "value"),
    [
        ("Foram abertos cinco abrigos.", "cinco", 5),
        ("Foram capacitados dois mil agentes.", "dois mil", 2000),
        ("O tribunal condenou vinte e cinco réus.", "vinte e cinco", 25),
        ("Foram atendidas duzentas mulheres.", "duzentas", 200),
        ("A campanha atingiu 1,2 milhão de jovens.", "1,2 milhão", 1_200_000),
        ("A campanha atingiu três milhões de jovens.", "três milhões", 3_000_000),
    ],
)
def test_find_numbers_reads_portuguese_number_words_and_scales(
    sentence: str, fragment: str, value: float
) -> None:
    found = mention(sentence, fragment)
    assert described(found) == (NumberKind.COUNT, value, Qualifier.EXACT, None, None)


@pytest.mark.parametrize(
    ("sentence", "fragment", "value"),
    [
        ("Uma dezena de promotores participou.", "Uma dezena", 10),
        ("Uma dúzia de juízes esteve presente.", "Uma dúzia", 12),
        ("Uma centena de voluntários ajudou.", "Uma centena", 100),
        ("Um milhar de pessoas ligou.", "Um milhar", 1000),
    ],
)
def test_find_numbers_reads_portuguese_collectives_as_approximate(
    sentence: str, fragment: str, value: float
) -> None:
    found = mention(sentence, fragment)
    assert described(found) == (NumberKind.COUNT, value, Qualifier.APPROXIMATELY, None, None)


@pytest.mark.parametrize(
    "sentence",
    [
        "O país criou uma comissão e um abrigo para cada um dos grupos.",
        "Dezenas de famílias e milhares de crianças receberam milhões de mensagens.",
    ],
)
def test_find_numbers_skips_portuguese_articles_and_vague_plurals(sentence: str) -> None:
    assert find_numbers(sentence, LANGUAGE) == []


@pytest.mark.parametrize(
    ("sentence", "fragment"),
    [("Existe apenas um abrigo.", "um"), ("Funciona uma única unidade.", "uma")],
)
def test_find_numbers_keeps_portuguese_one_when_it_is_a_numeral(
    sentence: str, fragment: str
) -> None:
    found = mention(sentence, fragment)
    assert (found.kind, found.value) == (NumberKind.COUNT, 1)


@pytest.mark.parametrize(
    ("sentence", "fragment", "value", "qualifier"),
    [
        ("Foram capacitados mais de 6.000 servidores.", "6.000", 6000, Qualifier.AT_LEAST),
        ("Houve pelo menos 40 casos.", "40", 40, Qualifier.AT_LEAST),
        ("Foram recebidas menos de 30 denúncias.", "30", 30, Qualifier.AT_MOST),
        ("O abrigo acolhe até 25 mulheres.", "25", 25, Qualifier.AT_MOST),
        ("A polícia deteve cerca de 200 pessoas.", "200", 200, Qualifier.APPROXIMATELY),
        ("Foram ajudadas quase 90 famílias.", "90", 90, Qualifier.APPROXIMATELY),
        ("Participaram em torno de 60 entidades.", "60", 60, Qualifier.APPROXIMATELY),
        ("A unidade terá 35 agentes.", "35", 35, Qualifier.PLANNED),
        ("O programa contará com dois novos centros.", "dois", 2, Qualifier.PLANNED),
        ("Foram inscritos 300 ou mais participantes.", "300", 300, Qualifier.AT_LEAST),
    ],
)
def test_find_numbers_reads_portuguese_qualifiers(
    sentence: str, fragment: str, value: float, qualifier: Qualifier
) -> None:
    found = mention(sentence, fragment)
    assert described(found) == (NumberKind.COUNT, value, qualifier, None, None)


@pytest.mark.parametrize(
    ("sentence", "fragment", "value", "value_min"),
    [
        ("Entre 10 e 12 pessoas foram presas.", "10 e 12", 12, 10),
        ("Foram realizadas de 15 a 20 oficinas.", "15 a 20", 20, 15),
        ("Houve 10-12 operações.", "10-12", 12, 10),
    ],
)
def test_find_numbers_reads_portuguese_ranges(
    sentence: str, fragment: str, value: float, value_min: float
) -> None:
    found = mention(sentence, fragment)
    assert described(found) == (NumberKind.COUNT, value, Qualifier.APPROXIMATELY, value_min, None)


@pytest.mark.parametrize(
    ("sentence", "fragment", "value", "unit"),
    [
        ("O fundo recebeu R$ 2 milhões.", "R$ 2 milhões", 2e6, "BRL"),
        ("O plano custa 3 bilhões de reais.", "3 bilhões de reais", 3e9, "BRL"),
        ("O projeto recebeu US$ 1,5 milhão.", "US$ 1,5 milhão", 1.5e6, "USD"),
        ("A União doou 2 milhões de euros.", "2 milhões de euros", 2e6, "EUR"),
        ("Foram pagos dois mil dólares.", "dois mil dólares", 2000, "USD"),
        ("A multa foi de 500 pesos.", "500 pesos", 500, None),
    ],
)
def test_find_numbers_reads_portuguese_money(
    sentence: str, fragment: str, value: float, unit: str | None
) -> None:
    found = mention(sentence, fragment)
    assert described(found) == (NumberKind.MONEY, value, Qualifier.EXACT, None, unit)


@pytest.mark.parametrize(
    ("sentence", "fragment", "kind", "value"),
    [
        ("A lei foi aprovada em 2016.", "2016", NumberKind.YEAR, 2016),
        ("Desde 2008 a comissão funciona.", "2008", NumberKind.YEAR, 2008),
        ("Foram atendidas mais de 2000 vítimas.", "2000", NumberKind.COUNT, 2000),
        ("A reunião foi em 30 de julho.", "30", NumberKind.DATE, 30),
        ("A lei vigora desde 1º de janeiro.", "1º", NumberKind.DATE, 1),
        ("O decreto é de 16/10/2012.", "16/10/2012", NumberKind.DATE, 16),
        ("Isso ocorreu há 3 anos.", "3", NumberKind.DURATION, 3),
        ("O projeto durou 5 anos.", "5", NumberKind.DURATION, 5),
        ("O serviço funciona 24 horas.", "24", NumberKind.DURATION, 24),
        ("Nos últimos dois anos houve avanços.", "dois", NumberKind.DURATION, 2),
        ("As mulheres são 45% das vítimas.", "45", NumberKind.PERCENTAGE, 45),
        ("As mulheres são 45 por cento das vítimas.", "45", NumberKind.PERCENTAGE, 45),
        ("Denuncie pelo Disque 100.", "100", NumberKind.PHONE, 100),
        ("Ligue para a linha 180.", "180", NumberKind.PHONE, 180),
        ("Veja o documento RTP-III/INF. 16/12.", "16", NumberKind.DOCUMENT_CODE, 16),
        ("A Lei nº 13.344 trata do tema.", "13.344", NumberKind.LAW_NUMBER, 13344),
        ("O artigo 149 do Código Penal.", "149", NumberKind.LAW_NUMBER, 149),
        ("O plano tem três eixos.", "três", NumberKind.STRUCTURAL, 3),
        ("Ele se apoia em cinco pilares.", "cinco", NumberKind.STRUCTURAL, 5),
        ("A lei prevê 16 formas de exploração.", "16", NumberKind.STRUCTURAL, 16),
        ("Foi a primeira reunião.", "primeira", NumberKind.ORDINAL, 1),
        ("Saiu o 2º relatório.", "2º", NumberKind.ORDINAL, 2),
        ("1. Brasil; o país avançou.", "1", NumberKind.LIST_MARKER, 1),
        ("Protege crianças menores de 18 anos.", "18", NumberKind.AGE, 18),
    ],
)
def test_find_numbers_classifies_portuguese_non_figures(
    sentence: str, fragment: str, kind: NumberKind, value: float
) -> None:
    found = mention(sentence, fragment)
    assert (found.kind, found.value) == (kind, value)


def test_find_numbers_reads_both_numbers_of_a_portuguese_ratio() -> None:
    sentence = "Um em cada quatro casos e 1 em cada 4 vítimas."
    kinds = [(m.text, m.kind) for m in find_numbers(sentence, LANGUAGE)]
    assert kinds == [(text, NumberKind.RATIO) for text in ("Um", "quatro", "1", "4")]


def test_find_numbers_splits_portuguese_year_ranges() -> None:
    sentence = "O plano 2010-2012 foi aprovado entre 2009 e 2010."
    found = [(m.text, m.kind) for m in find_numbers(sentence, LANGUAGE)]
    assert found == [(year, NumberKind.YEAR) for year in ("2010", "2012", "2009", "2010")]


def test_find_numbers_reads_a_portuguese_age_range() -> None:
    found = mention("Atende meninas de 12 a 17 anos.", "12 a 17")
    assert (found.kind, found.value, found.value_min) == (NumberKind.AGE, 17, 12)


def test_find_numbers_keeps_only_true_counts_in_a_portuguese_paragraph() -> None:
    paragraph = (
        "6. Brasil; desde 2013, a comissão criada pela Lei nº 13.344 recebeu 214 denúncias e"
        " obteve 9 condenações. Nos últimos 3 anos, mais de 1.250 vítimas foram atendidas, 45%"
        " delas menores de 18 anos. O Disque 100 recebeu cerca de 2.000 ligações em 30 de julho."
        " O plano, com três eixos e apenas um fundo, terá 5 abrigos até 2015 com R$ 2 milhões"
        " (RTP-III/INF. 16/12)."
    )
    figures = [
        (m.text, m.value, m.qualifier)
        for m in find_numbers(paragraph, LANGUAGE)
        if m.kind in FIGURE_KINDS
    ]
    assert figures == [
        ("214", 214, Qualifier.EXACT),
        ("9", 9, Qualifier.EXACT),
        ("1.250", 1250, Qualifier.AT_LEAST),
        ("2.000", 2000, Qualifier.APPROXIMATELY),
        ("um", 1, Qualifier.EXACT),
        ("5", 5, Qualifier.PLANNED),
        ("R$ 2 milhões", 2e6, Qualifier.PLANNED),
    ]
