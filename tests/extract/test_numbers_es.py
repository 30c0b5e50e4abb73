"""find_numbers on Spanish sentences."""

from __future__ import annotations

import re

import pytest

from vigia.domain import FIGURE_KINDS, NumberKind, NumberMention, Qualifier
from vigia.extract.numbers import find_numbers

LANGUAGE = "es"


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
        ("La fiscalía recibió 3.715 denuncias.", "3.715", 3715),
        ("Se rescataron 13 500 personas.", "13 500", 13500),
        ("Se atendió a 22\u202f000 migrantes.", "22\u202f000", 22000),
        ("Se formaron 1.250.000 estudiantes.", "1.250.000", 1_250_000),
        ("Hubo 82 víctimas identificadas.", "82", 82),
    ],
)
def test_find_numbers_reads_spanish_digits(sentence: str, fragment: str, value: float) -> None:
    found = mention(sentence, fragment)
    assert described(found) == (NumberKind.COUNT, value, Qualifier.EXACT, None, None)


@pytest.mark.parametrize(
    ("sentence", "fragment", "value"),
    [
        ("Se abrieron cinco albergues.", "cinco", 5),
        ("Se condenó a cuarenta y tres tratantes.", "cuarenta y tres", 43),
        ("Participaron dos mil quinientos jóvenes.", "dos mil quinientos", 2500),
        ("Se rescataron veintiún niños.", "veintiún", 21),
        ("Se identificaron 1,2 millones de migrantes.", "1,2 millones", 1_200_000),
        ("Se contaron dos millones de visitas.", "dos millones", 2_000_000),
    ],
)
def test_find_numbers_reads_spanish_number_words_and_scales(
    sentence: str, fragment: str, value: float
) -> None:
    found = mention(sentence, fragment)
    assert described(found) == (NumberKind.COUNT, value, Qualifier.EXACT, None, None)


@pytest.mark.parametrize(
    ("sentence", "fragment", "value"),
    [
        ("Participó una docena de fiscales.", "una docena", 12),
        ("Asistieron una veintena de jueces.", "una veintena", 20),
        ("Se sumó un centenar de voluntarios.", "un centenar", 100),
        ("Llegó un millar de solicitudes.", "un millar", 1000),
    ],
)
def test_find_numbers_reads_spanish_collectives_as_approximate(
    sentence: str, fragment: str, value: float
) -> None:
    found = mention(sentence, fragment)
    assert described(found) == (NumberKind.COUNT, value, Qualifier.APPROXIMATELY, None, None)


@pytest.mark.parametrize(
    "sentence",
    [
        "Se creó una comisión y un albergue para uno de los grupos.",
        "Decenas de familias y cientos de niños recibieron miles de raciones.",
        "Cada uno de los ministerios envió millones de mensajes.",
    ],
)
def test_find_numbers_skips_spanish_articles_and_vague_plurals(sentence: str) -> None:
    assert find_numbers(sentence, LANGUAGE) == []


@pytest.mark.parametrize(
    ("sentence", "fragment"),
    [("Funciona un solo albergue.", "un"), ("Solo uno de los acusados fue condenado.", "uno")],
)
def test_find_numbers_keeps_spanish_one_when_it_is_a_numeral(sentence: str, fragment: str) -> None:
    found = mention(sentence, fragment)
    assert (found.kind, found.value) == (NumberKind.COUNT, 1)


@pytest.mark.parametrize(
    ("sentence", "fragment", "value", "qualifier"),
    [
        ("Se capacitó a más de 6.000 funcionarios.", "6.000", 6000, Qualifier.AT_LEAST),
        ("Se registraron al menos 40 casos.", "40", 40, Qualifier.AT_LEAST),
        ("Se abrieron por lo menos tres oficinas.", "tres", 3, Qualifier.AT_LEAST),
        ("Se atendieron menos de 30 denuncias.", "30", 30, Qualifier.AT_MOST),
        ("El refugio acoge hasta 25 mujeres.", "25", 25, Qualifier.AT_MOST),
        ("Se detuvo a cerca de 200 personas.", "200", 200, Qualifier.APPROXIMATELY),
        ("Participaron unas veinte organizaciones.", "veinte", 20, Qualifier.APPROXIMATELY),
        ("Hubo aproximadamente 150 víctimas.", "150", 150, Qualifier.APPROXIMATELY),
        ("Se atendió a alrededor de 90 familias.", "90", 90, Qualifier.APPROXIMATELY),
        ("El programa contará con 12 psicólogos.", "12", 12, Qualifier.PLANNED),
        ("En 2020, el país tendrá tres albergues nuevos.", "tres", 3, Qualifier.PLANNED),
        ("Se esperan 300 participantes o más.", "300", 300, Qualifier.PLANNED),
        ("Se inscribieron 300 participantes o más.", "300", 300, Qualifier.EXACT),
        ("Se inscribieron 300 o más participantes.", "300", 300, Qualifier.AT_LEAST),
    ],
)
def test_find_numbers_reads_spanish_qualifiers(
    sentence: str, fragment: str, value: float, qualifier: Qualifier
) -> None:
    found = mention(sentence, fragment)
    assert described(found) == (NumberKind.COUNT, value, qualifier, None, None)


@pytest.mark.parametrize(
    ("sentence", "fragment", "value", "value_min"),
    [
        ("Entre 10 y 12 personas fueron detenidas.", "10 y 12", 12, 10),
        ("Se ofrecieron de 15 a 20 talleres.", "15 a 20", 20, 15),
        ("Hubo 10-12 operativos.", "10-12", 12, 10),
        ("Se rescató entre dos y tres mil personas.", "dos y tres mil", 3000, 2000),
    ],
)
def test_find_numbers_reads_spanish_ranges(
    sentence: str, fragment: str, value: float, value_min: float
) -> None:
    found = mention(sentence, fragment)
    assert described(found) == (NumberKind.COUNT, value, Qualifier.APPROXIMATELY, value_min, None)


@pytest.mark.parametrize(
    ("sentence", "fragment", "value", "unit"),
    [
        ("Se invirtieron US$16 mil millones.", "US$16 mil millones", 16e9, "USD"),
        ("El fondo recibió 2,5 millones de euros.", "2,5 millones de euros", 2.5e6, "EUR"),
        ("Se asignaron 300 millones de pesos mexicanos.", "300 millones de pesos mexicanos", 3e8,
         "MXN"),
        ("Costó 40 mil pesos colombianos.", "40 mil pesos colombianos", 40_000, "COP"),
        ("Se destinaron $ 40.000 al programa.", "$ 40.000", 40_000, "USD"),
        ("Se pagaron 500 dólares.", "500 dólares", 500, "USD"),
        ("La multa fue de 500 pesos.", "500 pesos", 500, None),
        ("Se estimó un costo de un billón de pesos.", "un billón de pesos", 1e12, None),
    ],
)  # fmt: skip
def test_find_numbers_reads_spanish_money(
    sentence: str, fragment: str, value: float, unit: str | None
) -> None:
    found = mention(sentence, fragment)
    assert described(found) == (NumberKind.MONEY, value, Qualifier.EXACT, None, unit)


def test_find_numbers_reads_a_spanish_money_range_with_a_shared_scale() -> None:
    found = mention(
        "Se necesitan entre 10 y 12 millones de dólares.", "10 y 12 millones de dólares"
    )
    assert described(found) == (NumberKind.MONEY, 12e6, Qualifier.APPROXIMATELY, 10e6, "USD")


@pytest.mark.parametrize(
    ("sentence", "fragment", "kind", "value"),
    [
        ("La ley se aprobó en 2005.", "2005", NumberKind.YEAR, 2005),
        ("Desde 2008 funciona la comisión.", "2008", NumberKind.YEAR, 2008),
        ("Según el informe de 2011, hubo avances.", "2011", NumberKind.YEAR, 2011),
        ("Se atendió a más de 2000 víctimas.", "2000", NumberKind.COUNT, 2000),
        ("Se atendió a 2000 personas.", "2000", NumberKind.COUNT, 2000),
        ("En los años 90 no había leyes.", "90", NumberKind.YEAR, 90),
        ("La reunión fue el 30 de julio.", "30", NumberKind.DATE, 30),
        ("Se firmó el 16/10/2012 en Lima.", "16/10/2012", NumberKind.DATE, 16),
        ("La sesión abrió a las 10:30 horas.", "10:30", NumberKind.DATE, 10),
        ("Durante 5 años se investigaron casos.", "5", NumberKind.DURATION, 5),
        ("Hace 10 años se creó la unidad.", "10", NumberKind.DURATION, 10),
        ("El refugio abre 48 horas seguidas.", "48", NumberKind.DURATION, 48),
        ("En los últimos tres años mejoró.", "tres", NumberKind.DURATION, 3),
        ("El 45% de las víctimas son mujeres.", "45", NumberKind.PERCENTAGE, 45),
        ("El 30 por ciento de los casos.", "30", NumberKind.PERCENTAGE, 30),
        ("Llame a la línea 800-10-TRATA.", "800-10-TRATA", NumberKind.PHONE, 80010),
        ("La línea 145 funciona siempre.", "145", NumberKind.PHONE, 145),
        ("Denuncie al número 100.", "100", NumberKind.PHONE, 100),
        ("Escriba al +52 55 1234 5678.", "+52 55 1234 5678", NumberKind.PHONE, 525512345678),
        ("Ver el documento RTP-III/INF. 22/12.", "22", NumberKind.DOCUMENT_CODE, 22),
        ("Según AG/RES. 2551 (XL-O/10), se actuó.", "2551", NumberKind.DOCUMENT_CODE, 2551),
        ("Durante la pandemia de COVID-19 se cerró.", "19", NumberKind.DOCUMENT_CODE, 19),
        ("La Ley 26.364 tipifica el delito.", "26.364", NumberKind.LAW_NUMBER, 26364),
        ("La Ley N° 985 de 2005 es clave.", "985", NumberKind.LAW_NUMBER, 985),
        ("El Decreto 1069 creó la comisión.", "1069", NumberKind.LAW_NUMBER, 1069),
        ("El artículo 145 del Código Penal.", "145", NumberKind.LAW_NUMBER, 145),
        ("El plan tiene tres ejes.", "tres", NumberKind.STRUCTURAL, 3),
        ("Se basa en cinco pilares.", "cinco", NumberKind.STRUCTURAL, 5),
        ("Reconoce 16 formas de explotación.", "16", NumberKind.STRUCTURAL, 16),
        ("El proyecto tiene dos componentes.", "dos", NumberKind.STRUCTURAL, 2),
        ("Fue la primera reunión.", "primera", NumberKind.ORDINAL, 1),
        ("Se presentó el 2º informe.", "2º", NumberKind.ORDINAL, 2),
        ("1. Guatemala; el país avanzó.", "1", NumberKind.LIST_MARKER, 1),
        ("2- Asistencia a las víctimas.", "2", NumberKind.LIST_MARKER, 2),
        ("Protege a menores de 18 años.", "18", NumberKind.AGE, 18),
    ],
)
def test_find_numbers_classifies_spanish_non_figures(
    sentence: str, fragment: str, kind: NumberKind, value: float
) -> None:
    found = mention(sentence, fragment)
    assert (found.kind, found.value) == (kind, value)


def test_find_numbers_reads_both_numbers_of_a_spanish_ratio() -> None:
    sentence = "Cuatro de cada 100 víctimas y uno de cada cinco casos."
    kinds = [(m.text, m.kind) for m in find_numbers(sentence, LANGUAGE)]
    assert kinds == [(text, NumberKind.RATIO) for text in ("Cuatro", "100", "uno", "cinco")]


def test_find_numbers_splits_spanish_year_and_date_ranges() -> None:
    sentence = "El plan 2010-2012 se aprobó los días 15 y 16 de octubre de 2012."
    found = [(m.text, m.kind) for m in find_numbers(sentence, LANGUAGE)]
    assert found == [
        ("2010", NumberKind.YEAR),
        ("2012", NumberKind.YEAR),
        ("15", NumberKind.DATE),
        ("16", NumberKind.DATE),
        ("2012", NumberKind.YEAR),
    ]


def test_find_numbers_reads_a_spanish_age_range() -> None:
    found = mention("Atiende a niñas de 12 a 17 años.", "12 a 17")
    assert (found.kind, found.value, found.value_min) == (NumberKind.AGE, 17, 12)


def test_find_numbers_keeps_only_true_counts_in_a_spanish_paragraph() -> None:
    paragraph = (
        "3. Perú; en 2011 la Comisión Multisectorial, creada por el Decreto Supremo 001, recibió"
        " 3.715 denuncias y logró la detención de 312 personas. Durante los últimos 4 años, más de"
        " 1.250 víctimas recibieron asistencia, el 45% de ellas menores de 18 años. La línea 145"
        " atendió unas 2.000 llamadas el 30 de julio. El plan, con tres ejes y una sola meta,"
        " prevé abrir 5 albergues antes de 2015 con US$ 2 millones (RTP-III/INF. 7/12)."
    )
    figures = [
        (m.text, m.value, m.qualifier)
        for m in find_numbers(paragraph, LANGUAGE)
        if m.kind in FIGURE_KINDS
    ]
    assert figures == [
        ("3.715", 3715, Qualifier.EXACT),
        ("312", 312, Qualifier.EXACT),
        ("1.250", 1250, Qualifier.AT_LEAST),
        ("2.000", 2000, Qualifier.APPROXIMATELY),
        ("una", 1, Qualifier.EXACT),
        ("5", 5, Qualifier.PLANNED),
        ("US$ 2 millones", 2e6, Qualifier.PLANNED),
    ]
