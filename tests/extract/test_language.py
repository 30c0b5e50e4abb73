from pathlib import Path

import pytest

from vigia.domain import Document
from vigia.extract.language import add_language, detect_language, language_scores

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
FRENCH_REPORT = SHARED / "corpus" / "rtp3-rapporteur-report.fr.txt"

SENTENCES = {
    "es": [
        "El gobierno aprobó una nueva ley contra la trata en 2010.",
        "La policía rescató a doce víctimas en la frontera norte.",
        "Los fiscales presentaron cargos contra los tratantes del caso.",
        "No hay datos sobre las víctimas que fueron identificadas este año.",
        "El país cuenta con tres albergues para niños y adolescentes.",
        "La comisión nacional se reunió dos veces durante el año.",
        "Con el apoyo de la OIM se capacitó a 300 funcionarios.",
    ],
    "pt": [
        "O governo aprovou uma nova lei contra o tráfico em 2010.",
        "A polícia resgatou doze vítimas na fronteira norte do país.",
        "Os procuradores apresentaram denúncias contra os traficantes do caso.",
        "Não há dados sobre as vítimas que foram identificadas este ano.",
        "O país conta com três abrigos para crianças e adolescentes.",
        "A comissão nacional se reuniu duas vezes durante o ano.",
        "Com o apoio da OIM foram capacitados 300 funcionários.",
    ],
    "fr": [
        "Le gouvernement a adopté une nouvelle loi contre la traite en 2010.",
        "La police a secouru douze victimes à la frontière nord.",
        "Il n'existe pas de données sur les victimes identifiées cette année.",
        "Le pays dispose de trois foyers pour les enfants et les adolescents.",
        "La commission nationale s'est réunie deux fois pendant l'année.",
    ],
    "en": [
        "The government adopted a new law against trafficking in 2010.",
        "The police rescued twelve victims at the northern border.",
        "There are no data on the victims who were identified this year.",
        "The country has three shelters for children and adolescents.",
        "The national commission met twice during the year.",
    ],
}


@pytest.mark.parametrize(
    ("language", "sentence"),
    [(language, sentence) for language, sentences in SENTENCES.items() for sentence in sentences],
)
def test_detect_language_recognises_short_sentences(language: str, sentence: str) -> None:
    assert detect_language(sentence) == language


def test_detect_language_tells_close_spanish_and_portuguese_apart() -> None:
    spanish = "Las víctimas no fueron atendidas por el Estado en una casa de acogida."
    portuguese = "As vítimas não foram atendidas pelo Estado em uma casa de acolhida."
    assert (detect_language(spanish), detect_language(portuguese)) == ("es", "pt")


def test_detect_language_weights_distinctive_words() -> None:
    scores, recognised = language_scores("não uma em são")
    assert recognised == 4
    assert scores["pt"] > 3 * scores["es"]


@pytest.mark.parametrize("text", ["", "Guatemala", "de la", "2010 2011 2012", "RTP-III/INF. 22/12"])
def test_detect_language_gives_none_without_enough_words(text: str) -> None:
    assert detect_language(text) is None


def test_detect_language_recognises_the_french_report() -> None:
    if not FRENCH_REPORT.exists():
        pytest.skip(f"the shared French report is absent ({FRENCH_REPORT})")
    assert detect_language(FRENCH_REPORT.read_text(encoding="utf-8")) == "fr"


def test_add_language_sets_the_document_language() -> None:
    document = Document(path="nota.txt", text=SENTENCES["pt"][0], sha256="0")
    assert add_language(document).language == "pt"
