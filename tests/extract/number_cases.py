"""The cases of find_numbers, one table per language, for tests/extract/test_numbers_by_language.py.

Each table is a :class:`NumberCases`: what every field checks is said beside it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from vigia.domain import NumberKind, Qualifier

#: ``(text, value, qualifier)`` of each figure of a paragraph, in order.
Figures = list[tuple[str, float, Qualifier]]


@dataclass(frozen=True)
class NumberCases:
    """Sentences of one language and what find_numbers must read in them."""

    #: ``(sentence, fragment, value)``: an exact COUNT written in digits.
    digits: list[tuple[str, str, float]]
    #: ``(sentence, fragment, value)``: an exact COUNT written in words or with a scale.
    words: list[tuple[str, str, float]]
    #: ``(sentence, fragment, value)``: an approximate COUNT ("una docena", "a dozen").
    collectives: list[tuple[str, str, float]]
    #: Sentences with no number at all: articles and vague plurals.
    articles: list[str]
    #: ``(sentence, fragment)``: "one" kept as the COUNT 1 where it is a numeral.
    numerals: list[tuple[str, str]]
    #: ``(sentence, fragment, value, qualifier)``: a COUNT with its qualifier.
    qualifiers: list[tuple[str, str, float, Qualifier]]
    #: ``(sentence, fragment, value, value_min)``: an approximate COUNT range.
    ranges: list[tuple[str, str, float, float]]
    #: ``(sentence, fragment, value, unit)``: exact MONEY.
    money: list[tuple[str, str, float, str | None]]
    #: ``(sentence, fragment, kind, value)``: a number that is not a figure, with its kind.
    non_figures: list[tuple[str, str, NumberKind, float]]
    #: ``(sentence, [(text, kind), ...])``: every number of the sentence, in order.
    sequences: list[tuple[str, list[tuple[str, NumberKind]]]]
    #: ``(paragraph, figures)``: only the true counts and amounts of a paragraph.
    paragraph: tuple[str, Figures]
    #: ``(sentence, fragment, value, value_min)``: an AGE range.
    age_ranges: list[tuple[str, str, float, float]] = field(default_factory=list)
    #: ``(sentence, fragment, (kind, value, qualifier, value_min, unit))``: anything else.
    described: list[tuple[str, str, tuple[object, ...]]] = field(default_factory=list)


SPANISH = NumberCases(
    digits=[
        ("La fiscalía recibió 3.715 denuncias.", "3.715", 3715),
        ("Se rescataron 13 500 personas.", "13 500", 13500),
        ("Se atendió a 22\u202f000 migrantes.", "22\u202f000", 22000),
        ("Se formaron 1.250.000 estudiantes.", "1.250.000", 1_250_000),
        ("Hubo 82 víctimas identificadas.", "82", 82),
    ],
    words=[
        ("Se abrieron cinco albergues.", "cinco", 5),
        ("Se condenó a cuarenta y tres tratantes.", "cuarenta y tres", 43),
        ("Participaron dos mil quinientos jóvenes.", "dos mil quinientos", 2500),
        ("Se rescataron veintiún niños.", "veintiún", 21),
        ("Se identificaron 1,2 millones de migrantes.", "1,2 millones", 1_200_000),
        ("Se contaron dos millones de visitas.", "dos millones", 2_000_000),
    ],
    collectives=[
        ("Participó una docena de fiscales.", "una docena", 12),
        ("Asistieron una veintena de jueces.", "una veintena", 20),
        ("Se sumó un centenar de voluntarios.", "un centenar", 100),
        ("Llegó un millar de solicitudes.", "un millar", 1000),
    ],
    articles=[
        "Se creó una comisión y un albergue para uno de los grupos.",
        "Decenas de familias y cientos de niños recibieron miles de raciones.",
        "Cada uno de los ministerios envió millones de mensajes.",
    ],
    numerals=[
        ("Funciona un solo albergue.", "un"),
        ("Solo uno de los acusados fue condenado.", "uno"),
    ],
    qualifiers=[
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
        ("El ministerio destinará 40 millones al plan.", "40 millones", 40e6, Qualifier.PLANNED),
        ("Se inscribieron 300 participantes o más.", "300", 300, Qualifier.EXACT),
        ("Se inscribieron 300 o más participantes.", "300", 300, Qualifier.AT_LEAST),
    ],
    ranges=[
        ("Entre 10 y 12 personas fueron detenidas.", "10 y 12", 12, 10),
        ("Se ofrecieron de 15 a 20 talleres.", "15 a 20", 20, 15),
        ("Hubo 10-12 operativos.", "10-12", 12, 10),
        ("Se rescató entre dos y tres mil personas.", "dos y tres mil", 3000, 2000),
    ],
    money=[
        ("Se invirtieron US$16 mil millones.", "US$16 mil millones", 16e9, "USD"),
        ("El fondo recibió 2,5 millones de euros.", "2,5 millones de euros", 2.5e6, "EUR"),
        (
            "Se asignaron 300 millones de pesos mexicanos.",
            "300 millones de pesos mexicanos",
            3e8,
            "MXN",
        ),
        ("Costó 40 mil pesos colombianos.", "40 mil pesos colombianos", 40_000, "COP"),
        ("Se destinaron $ 40.000 al programa.", "$ 40.000", 40_000, "USD"),
        ("Se pagaron 500 dólares.", "500 dólares", 500, "USD"),
        ("La multa fue de 500 pesos.", "500 pesos", 500, None),
        ("Se estimó un costo de un billón de pesos.", "un billón de pesos", 1e12, None),
    ],
    non_figures=[
        ("El centro de llamadas 1561 atiende denuncias.", "1561", NumberKind.PHONE, 1561),
        ("Obliga a los tres órdenes de gobierno.", "tres", NumberKind.STRUCTURAL, 3),
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
    sequences=[
        (
            "Durante 2006 y 2007 operativos policiales rescataron a 45 víctimas.",
            [
                ("2006", NumberKind.YEAR),
                ("2007", NumberKind.YEAR),
                ("45", NumberKind.COUNT),
            ],
        ),
        (
            "1)La fiscalía abrió 30 casos.",
            [
                ("1", NumberKind.LIST_MARKER),
                ("30", NumberKind.COUNT),
            ],
        ),
        (
            "Línea directa 613-1811/633-3788 y 25 denuncias.",
            [
                ("613-1811", NumberKind.PHONE),
                ("633-3788", NumberKind.PHONE),
                ("25", NumberKind.COUNT),
            ],
        ),
        (
            "Cuatro de cada 100 víctimas y uno de cada cinco casos.",
            [
                ("Cuatro", NumberKind.RATIO),
                ("100", NumberKind.RATIO),
                ("uno", NumberKind.RATIO),
                ("cinco", NumberKind.RATIO),
            ],
        ),
        (
            "El plan 2010-2012 se aprobó los días 15 y 16 de octubre de 2012.",
            [
                ("2010", NumberKind.YEAR),
                ("2012", NumberKind.YEAR),
                ("15", NumberKind.DATE),
                ("16", NumberKind.DATE),
                ("2012", NumberKind.YEAR),
            ],
        ),
    ],
    paragraph=(
        "3. Perú; en 2011 la Comisión Multisectorial, creada por el Decreto Supremo 001, recibió"
        " 3.715 denuncias y logró la detención de 312 personas. Durante los últimos 4 años, más de"
        " 1.250 víctimas recibieron asistencia, el 45% de ellas menores de 18 años. La línea 145"
        " atendió unas 2.000 llamadas el 30 de julio. El plan, con tres ejes y una sola meta,"
        " prevé abrir 5 albergues antes de 2015 con US$ 2 millones (RTP-III/INF. 7/12).",
        [
            ("3.715", 3715, Qualifier.EXACT),
            ("312", 312, Qualifier.EXACT),
            ("1.250", 1250, Qualifier.AT_LEAST),
            ("2.000", 2000, Qualifier.APPROXIMATELY),
            ("una", 1, Qualifier.EXACT),
            ("5", 5, Qualifier.PLANNED),
            ("US$ 2 millones", 2e6, Qualifier.PLANNED),
        ],
    ),
    age_ranges=[("Atiende a niñas de 12 a 17 años.", "12 a 17", 17, 12)],
    described=[
        (
            "Se necesitan entre 10 y 12 millones de dólares.",
            "10 y 12 millones de dólares",
            (NumberKind.MONEY, 12e6, Qualifier.APPROXIMATELY, 10e6, "USD"),
        )
    ],
)

ENGLISH = NumberCases(
    digits=[
        ("Prosecutors received 3,715 complaints.", "3,715", 3715),
        ("The census counted 1,250,000 migrants.", "1,250,000", 1_250_000),
        ("An average of 9.5 cases was reported.", "9.5", 9.5),
        ("The unit identified 82 victims.", "82", 82),
    ],
    words=[
        ("The court convicted twelve traffickers.", "twelve", 12),
        ("It trained two hundred officers.", "two hundred", 200),
        ("It rescued twenty-two children.", "twenty-two", 22),
        ("It reached a thousand schools.", "a thousand", 1000),
        ("It screened 3.5 million travellers.", "3.5 million", 3_500_000),
        ("The campaign reached two million people.", "two million", 2_000_000),
    ],
    collectives=[("A dozen prosecutors joined the unit.", "A dozen", 12)],
    articles=[
        "A shelter and an office were opened for one of the groups.",
        "Dozens of families and hundreds of children received thousands of meals.",
        "No one was arrested; the victims helped one another.",
    ],
    numerals=[("Only one shelter is open.", "one")],
    qualifiers=[
        ("It trained more than 6,000 officials.", "6,000", 6000, Qualifier.AT_LEAST),
        ("It registered at least 40 cases.", "40", 40, Qualifier.AT_LEAST),
        ("Checks run at over 150 border posts.", "150", 150, Qualifier.AT_LEAST),
        ("It received fewer than 30 complaints.", "30", 30, Qualifier.AT_MOST),
        ("The shelter hosts up to 25 women.", "25", 25, Qualifier.AT_MOST),
        ("Police detained about 200 people.", "200", 200, Qualifier.APPROXIMATELY),
        ("Some 30 projects are under way.", "30", 30, Qualifier.APPROXIMATELY),
        ("Nearly 90 families were helped.", "90", 90, Qualifier.APPROXIMATELY),
        ("The unit will have 50 members.", "50", 50, Qualifier.PLANNED),
        ("The ministry is expected to open four shelters.", "four", 4, Qualifier.PLANNED),
        ("It trained 300 or more officers.", "300", 300, Qualifier.AT_LEAST),
    ],
    ranges=[
        ("Between 10 and 12 people were arrested.", "10 and 12", 12, 10),
        ("It held 15 to 20 workshops.", "15 to 20", 20, 15),
        ("There were 10-12 raids.", "10-12", 12, 10),
        ("Between two and three thousand people attended.", "two and three thousand", 3000, 2000),
    ],
    money=[
        ("It cost $9.9 billion (US$49.3 M) overall.", "$9.9 billion", 9.9e9, "USD"),
        ("It cost $9.9 billion (US$49.3 M) overall.", "US$49.3 M", 49.3e6, "USD"),
        ("The fund holds 3.5 million euros.", "3.5 million euros", 3.5e6, "EUR"),
        ("It gave 500 Canadian dollars.", "500 Canadian dollars", 500, "CAD"),
        ("It granted CAD 2,000 per family.", "CAD 2,000", 2000, "CAD"),
        ("It spent 40,000 Mexican pesos.", "40,000 Mexican pesos", 40_000, "MXN"),
        ("The fine was 500 pesos.", "500 pesos", 500, None),
        ("Brazil spent R$ 3 million.", "R$ 3 million", 3e6, "BRL"),
    ],
    non_figures=[
        ("Call Centre 1561 Radio broadcasts", "1561", NumberKind.PHONE, 1561),
        ("It binds the three orders of government.", "three", NumberKind.STRUCTURAL, 3),
        ("The law was passed in 2012.", "2012", NumberKind.YEAR, 2012),
        ("The target year 2017 was missed.", "2017", NumberKind.YEAR, 2017),
        ("Since 2008 the board has met.", "2008", NumberKind.YEAR, 2008),
        ("It assisted 1998 victims.", "1998", NumberKind.COUNT, 1998),
        ("It assisted over 2000 victims.", "2000", NumberKind.COUNT, 2000),
        ("The meeting opened on October 15, 2012.", "15", NumberKind.DATE, 15),
        ("The meeting opened on 16/10/2012.", "16/10/2012", NumberKind.DATE, 16),
        ("It has worked for 4 years.", "4", NumberKind.DURATION, 4),
        ("It changed in the last two years.", "two", NumberKind.DURATION, 2),
        ("The law was passed in less than 2 months.", "2", NumberKind.DURATION, 2),
        ("The pilot ran for six months.", "six", NumberKind.DURATION, 6),
        ("Women were 45% of the victims.", "45", NumberKind.PERCENTAGE, 45),
        ("Women were 45 per cent of the victims.", "45", NumberKind.PERCENTAGE, 45),
        ("Women were 45 percent of the victims.", "45", NumberKind.PERCENTAGE, 45),
        ("Call the hotline 1-888-373-7888 now.", "1-888-373-7888", NumberKind.PHONE, 18883737888),
        ("In an emergency call 911.", "911", NumberKind.PHONE, 911),
        ("Dial 2222-3333 for help.", "2222-3333", NumberKind.PHONE, 22223333),
        ("See document RTP-III/doc.7/12.", "7", NumberKind.DOCUMENT_CODE, 7),
        ("Resolution CP/RES. 1000 was adopted.", "1000", NumberKind.DOCUMENT_CODE, 1000),
        ("The G20 met.", "20", NumberKind.DOCUMENT_CODE, 20),
        ("Law 1257 protects women.", "1257", NumberKind.LAW_NUMBER, 1257),
        ("Public Law 106-386 was enacted.", "106-386", NumberKind.LAW_NUMBER, 106),
        ("Decree No. 15 set the rules.", "15", NumberKind.LAW_NUMBER, 15),
        ("Article 3 defines trafficking.", "3", NumberKind.LAW_NUMBER, 3),
        ("The plan has three axes.", "three", NumberKind.STRUCTURAL, 3),
        ("It rests on the three Ps.", "three", NumberKind.STRUCTURAL, 3),
        ("It lists 16 forms of exploitation.", "16", NumberKind.STRUCTURAL, 16),
        ("The report has 4 chapters.", "4", NumberKind.STRUCTURAL, 4),
        ("It has three components.", "three", NumberKind.STRUCTURAL, 3),
        ("This was the 3rd meeting.", "3rd", NumberKind.ORDINAL, 3),
        ("This was the first meeting.", "first", NumberKind.ORDINAL, 1),
        ("1. Guatemala; the country advanced.", "1", NumberKind.LIST_MARKER, 1),
        ("It protects children under 18.", "18", NumberKind.AGE, 18),
        ("It helped a 15-year-old girl.", "15", NumberKind.AGE, 15),
    ],
    sequences=[
        (
            "The 2006 and 2007 Budgets allocated $9 million.",
            [
                ("2006", NumberKind.YEAR),
                ("2007", NumberKind.YEAR),
                ("$9 million", NumberKind.MONEY),
            ],
        ),
        (
            "2)The police rescued 14 victims.",
            [
                ("2", NumberKind.LIST_MARKER),
                ("14", NumberKind.COUNT),
            ],
        ),
        (
            "Hotline 613-1811/633-3788 received 25 calls.",
            [
                ("613-1811", NumberKind.PHONE),
                ("633-3788", NumberKind.PHONE),
                ("25", NumberKind.COUNT),
            ],
        ),
        (
            "Four out of every 100 victims and one in five cases.",
            [
                ("Four", NumberKind.RATIO),
                ("100", NumberKind.RATIO),
                ("one", NumberKind.RATIO),
                ("five", NumberKind.RATIO),
            ],
        ),
        (
            "The plan (2010-2012) was approved on 15-16 October 2012.",
            [
                ("2010", NumberKind.YEAR),
                ("2012", NumberKind.YEAR),
                ("15", NumberKind.DATE),
                ("16", NumberKind.DATE),
                ("2012", NumberKind.YEAR),
            ],
        ),
    ],
    paragraph=(
        "4. Jamaica; since 2011 the task force, created under Law 1257, has received 214"
        " reports and secured 9 convictions. In the last 3 years over 1,250 victims were"
        " assisted, 45% of them under 18. The hotline 888-7000 took about 2,000 calls on"
        " October 30. The plan, with three pillars and only one budget line, will fund 5"
        " shelters by 2015 with US$2 million (RTP-III/INF. 14/12).",
        [
            ("214", 214, Qualifier.EXACT),
            ("9", 9, Qualifier.EXACT),
            ("1,250", 1250, Qualifier.AT_LEAST),
            ("2,000", 2000, Qualifier.APPROXIMATELY),
            ("one", 1, Qualifier.EXACT),
            ("5", 5, Qualifier.PLANNED),
            ("US$2 million", 2e6, Qualifier.PLANNED),
        ],
    ),
    age_ranges=[("It serves girls aged 12 to 17.", "12 to 17", 17, 12)],
)

FRENCH = NumberCases(
    digits=[
        ("Le parquet a reçu 3 715 plaintes.", "3 715", 3715),
        ("Le programme a formé 22\u00a0000 agents.", "22\u00a0000", 22000),
        ("Le programme a formé 22\u202f000 agents.", "22\u202f000", 22000),
        ("On a recensé 13,500 migrants.", "13,500", 13500),
        ("La moyenne est de 2,5 dossiers.", "2,5", 2.5),
        ("L’unité a identifié 82 victimes.", "82", 82),
    ],
    words=[
        ("La police a formé six mille gendarmes.", "six mille", 6000),
        ("Le tribunal a condamné vingt-deux trafiquants.", "vingt-deux", 22),
        ("On compte soixante et onze dossiers.", "soixante et onze", 71),
        ("Le pays a ouvert quatre-vingt-dix bureaux.", "quatre-vingt-dix", 90),
        ("La campagne a touché 1,2 million de jeunes.", "1,2 million", 1_200_000),
        ("La campagne a touché deux millions de jeunes.", "deux millions", 2_000_000),
    ],
    collectives=[
        ("Le conseil regroupe une vingtaine d’organismes.", "une vingtaine", 20),
        ("Une dizaine de juges ont participé.", "Une dizaine", 10),
        ("Une centaine de bénévoles ont aidé.", "Une centaine", 100),
        ("Un millier de personnes ont appelé.", "Un millier", 1000),
    ],
    articles=[
        "Le pays a créé une commission et un bureau, dont l’un pour les femmes.",
        "Des dizaines de familles et des milliers d’enfants ont reçu des millions de messages.",
        "Les ministres ont tous deux salué le plan, ainsi qu’une organisation.",
    ],
    numerals=[("Il existe un seul foyer.", "un"), ("Il n’y a qu’une seule unité.", "une")],
    qualifiers=[
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
        ("Le ministère consacrera 40 agents au plan.", "40", 40, Qualifier.PLANNED),
        ("Il y a de plus 14 experts.", "14", 14, Qualifier.EXACT),
    ],
    ranges=[
        ("Entre 10 et 12 personnes ont été arrêtées.", "10 et 12", 12, 10),
        ("On a organisé de 15 à 20 ateliers.", "15 à 20", 20, 15),
        ("Il y a eu 10-12 opérations.", "10-12", 12, 10),
    ],
    money=[
        ("Le fonds dispose de 5 millions d’euros.", "5 millions d’euros", 5e6, "EUR"),
        ("Le budget atteint 1,2 milliard de dollars.", "1,2 milliard de dollars", 1.2e9, "USD"),
        ("Ottawa a versé 300 000 dollars canadiens.", "300 000 dollars canadiens", 300_000, "CAD"),
        ("Le projet coûte 40 000 €.", "40 000 €", 40_000, "EUR"),
        (
            "Le Mexique a versé 2 millions de pesos mexicains.",
            "2 millions de pesos mexicains",
            2e6,
            "MXN",
        ),
        ("L’amende est de 500 pesos.", "500 pesos", 500, None),
    ],
    non_figures=[
        ("Le centre d'appels 1561 reçoit les plaintes.", "1561", NumberKind.PHONE, 1561),
        ("Elle lie les trois ordres de gouvernement.", "trois", NumberKind.STRUCTURAL, 3),
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
    sequences=[
        (
            "Durant 2006 et 2007 policiers et juges ont été formés.",
            [
                ("2006", NumberKind.YEAR),
                ("2007", NumberKind.YEAR),
            ],
        ),
        (
            "3)La police a libéré 12 victimes.",
            [
                ("3", NumberKind.LIST_MARKER),
                ("12", NumberKind.COUNT),
            ],
        ),
        (
            "Ligne directe 613-1811/633-3788 et 25 plaintes.",
            [
                ("613-1811", NumberKind.PHONE),
                ("633-3788", NumberKind.PHONE),
                ("25", NumberKind.COUNT),
            ],
        ),
        (
            "Le travail est axé sur 4 axes principaux 1- Prévention et 2- Protection.",
            [
                ("4", NumberKind.STRUCTURAL),
                ("1", NumberKind.LIST_MARKER),
                ("2", NumberKind.LIST_MARKER),
            ],
        ),
        (
            "Une victime sur 5 est mineure et 1 sur 3 est étrangère.",
            [
                ("Une", NumberKind.RATIO),
                ("5", NumberKind.RATIO),
                ("1", NumberKind.RATIO),
                ("3", NumberKind.RATIO),
            ],
        ),
        (
            "Le plan (2010-2012) a été adopté les 15 et 16 octobre 2012.",
            [
                ("2010", NumberKind.YEAR),
                ("2012", NumberKind.YEAR),
                ("15", NumberKind.DATE),
                ("16", NumberKind.DATE),
                ("2012", NumberKind.YEAR),
            ],
        ),
    ],
    paragraph=(
        "5. Pérou; depuis 2009, la commission créée par le décret 1069 a reçu 214 plaintes et"
        " obtenu 9 condamnations. Au cours des 3 dernières années, plus de 1 250 victimes ont été"
        " aidées, dont 45 % de moins de 18 ans. La ligne 119 a reçu quelque 2 000 appels le"
        " 30 juillet. Le plan, qui comporte trois axes et un seul fonds, possédera 5 foyers"
        " d’ici 2015 grâce à 2 millions d’euros (RTP-III/INF. 7/12).",
        [
            ("214", 214, Qualifier.EXACT),
            ("9", 9, Qualifier.EXACT),
            ("1 250", 1250, Qualifier.AT_LEAST),
            ("2 000", 2000, Qualifier.APPROXIMATELY),
            ("un", 1, Qualifier.EXACT),
            ("5", 5, Qualifier.PLANNED),
            ("2 millions d’euros", 2e6, Qualifier.PLANNED),
        ],
    ),
)

PORTUGUESE = NumberCases(
    digits=[
        ("O Ministério recebeu 3.715 denúncias.", "3.715", 3715),
        ("Foram capacitadas 40 270 pessoas.", "40 270", 40270),
        ("Foram atendidos 1.250.000 migrantes.", "1.250.000", 1_250_000),
        ("A média foi de 2,5 casos.", "2,5", 2.5),
        ("A polícia identificou 82 vítimas.", "82", 82),
    ],
    words=[
        ("Foram abertos cinco abrigos.", "cinco", 5),
        ("Foram capacitados dois mil agentes.", "dois mil", 2000),
        ("O tribunal condenou vinte e cinco réus.", "vinte e cinco", 25),
        ("Foram atendidas duzentas mulheres.", "duzentas", 200),
        ("A campanha atingiu 1,2 milhão de jovens.", "1,2 milhão", 1_200_000),
        ("A campanha atingiu três milhões de jovens.", "três milhões", 3_000_000),
    ],
    collectives=[
        ("Uma dezena de promotores participou.", "Uma dezena", 10),
        ("Uma dúzia de juízes esteve presente.", "Uma dúzia", 12),
        ("Uma centena de voluntários ajudou.", "Uma centena", 100),
        ("Um milhar de pessoas ligou.", "Um milhar", 1000),
    ],
    articles=[
        "O país criou uma comissão e um abrigo para cada um dos grupos.",
        "Dezenas de famílias e milhares de crianças receberam milhões de mensagens.",
    ],
    numerals=[("Existe apenas um abrigo.", "um"), ("Funciona uma única unidade.", "uma")],
    qualifiers=[
        ("Foram capacitados mais de 6.000 servidores.", "6.000", 6000, Qualifier.AT_LEAST),
        ("Houve pelo menos 40 casos.", "40", 40, Qualifier.AT_LEAST),
        ("Foram recebidas menos de 30 denúncias.", "30", 30, Qualifier.AT_MOST),
        ("O abrigo acolhe até 25 mulheres.", "25", 25, Qualifier.AT_MOST),
        ("A polícia deteve cerca de 200 pessoas.", "200", 200, Qualifier.APPROXIMATELY),
        ("Foram ajudadas quase 90 famílias.", "90", 90, Qualifier.APPROXIMATELY),
        ("Participaram em torno de 60 entidades.", "60", 60, Qualifier.APPROXIMATELY),
        ("A unidade terá 35 agentes.", "35", 35, Qualifier.PLANNED),
        ("O programa contará com dois novos centros.", "dois", 2, Qualifier.PLANNED),
        ("O governo investirá 12 milhões no plano.", "12 milhões", 12e6, Qualifier.PLANNED),
        ("Foram inscritos 300 ou mais participantes.", "300", 300, Qualifier.AT_LEAST),
    ],
    ranges=[
        ("Entre 10 e 12 pessoas foram presas.", "10 e 12", 12, 10),
        ("Foram realizadas de 15 a 20 oficinas.", "15 a 20", 20, 15),
        ("Houve 10-12 operações.", "10-12", 12, 10),
    ],
    money=[
        ("O fundo recebeu R$ 2 milhões.", "R$ 2 milhões", 2e6, "BRL"),
        ("O plano custa 3 bilhões de reais.", "3 bilhões de reais", 3e9, "BRL"),
        ("O projeto recebeu US$ 1,5 milhão.", "US$ 1,5 milhão", 1.5e6, "USD"),
        ("A União doou 2 milhões de euros.", "2 milhões de euros", 2e6, "EUR"),
        ("Foram pagos dois mil dólares.", "dois mil dólares", 2000, "USD"),
        ("A multa foi de 500 pesos.", "500 pesos", 500, None),
    ],
    non_figures=[
        ("A central de atendimento 1561 recebe denúncias.", "1561", NumberKind.PHONE, 1561),
        ("Vincula as três esferas de governo.", "três", NumberKind.STRUCTURAL, 3),
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
    sequences=[
        (
            "Durante 2006 e 2007 operações policiais resgataram 45 vítimas.",
            [
                ("2006", NumberKind.YEAR),
                ("2007", NumberKind.YEAR),
                ("45", NumberKind.COUNT),
            ],
        ),
        (
            "4)A polícia resgatou 20 vítimas.",
            [
                ("4", NumberKind.LIST_MARKER),
                ("20", NumberKind.COUNT),
            ],
        ),
        (
            "Linha direta 613-1811/633-3788 e 25 denúncias.",
            [
                ("613-1811", NumberKind.PHONE),
                ("633-3788", NumberKind.PHONE),
                ("25", NumberKind.COUNT),
            ],
        ),
        (
            "Um em cada quatro casos e 1 em cada 4 vítimas.",
            [
                ("Um", NumberKind.RATIO),
                ("quatro", NumberKind.RATIO),
                ("1", NumberKind.RATIO),
                ("4", NumberKind.RATIO),
            ],
        ),
        (
            "O plano 2010-2012 foi aprovado entre 2009 e 2010.",
            [
                ("2010", NumberKind.YEAR),
                ("2012", NumberKind.YEAR),
                ("2009", NumberKind.YEAR),
                ("2010", NumberKind.YEAR),
            ],
        ),
    ],
    paragraph=(
        "6. Brasil; desde 2013, a comissão criada pela Lei nº 13.344 recebeu 214 denúncias e"
        " obteve 9 condenações. Nos últimos 3 anos, mais de 1.250 vítimas foram atendidas, 45%"
        " delas menores de 18 anos. O Disque 100 recebeu cerca de 2.000 ligações em 30 de julho."
        " O plano, com três eixos e apenas um fundo, terá 5 abrigos até 2015 com R$ 2 milhões"
        " (RTP-III/INF. 16/12).",
        [
            ("214", 214, Qualifier.EXACT),
            ("9", 9, Qualifier.EXACT),
            ("1.250", 1250, Qualifier.AT_LEAST),
            ("2.000", 2000, Qualifier.APPROXIMATELY),
            ("um", 1, Qualifier.EXACT),
            ("5", 5, Qualifier.PLANNED),
            ("R$ 2 milhões", 2e6, Qualifier.PLANNED),
        ],
    ),
    age_ranges=[("Atende meninas de 12 a 17 anos.", "12 a 17", 17, 12)],
)

CASES = {"es": SPANISH, "en": ENGLISH, "fr": FRENCH, "pt": PORTUGUESE}
