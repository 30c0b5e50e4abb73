"""The evidence mapper: sentences of country sections to areas of the Work Plan."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.extract.area_agreement import agreement, load_annotation, mapped_areas, overall
from tests.extract.conftest import Analyse
from vigia.extract import extract
from vigia.extract.plan_areas import score_areas
from vigia.ingest import read_document
from vigia.plans import AREAS

ANNOTATION = (
    Path(__file__).parents[1] / "data" / "plan-mapping" / "rtp3-rapporteur-report.fr.areas.json"
)


def _areas(sentence: str, language: str) -> set[str]:
    return {score.area for score in score_areas(sentence, language)}


@pytest.mark.parametrize(
    ("language", "sentence", "area"),
    [
        ("es", "El Congreso aprobó la Ley contra la Trata de Personas en 2013.", "legislation"),
        ("en", "Parliament passed an anti-trafficking law last year.", "legislation"),
        (
            "fr",
            "Une commission interinstitutionnelle coordonne l'action de l'État.",
            "coordination",
        ),
        ("pt", "O Comitê Nacional coordena o plano nacional de enfrentamento.", "coordination"),
        ("es", "Se lanzó una campaña de sensibilización en las escuelas.", "prevention"),
        ("en", "An awareness campaign reached schools in the north.", "prevention"),
        ("fr", "Les victimes sont accueillies dans des foyers spécialisés.", "protection"),
        ("pt", "As vítimas resgatadas receberam assistência em abrigos.", "protection"),
        ("es", "La fiscalía obtuvo doce condenas por trata.", "prosecution"),
        ("en", "Prosecutors secured nine convictions for trafficking.", "prosecution"),
        ("fr", "Une formation a été offerte aux juges et aux procureurs.", "training"),
        ("pt", "Foram capacitados 300 agentes da polícia federal.", "training"),
        ("es", "Se firmó un memorando de entendimiento con el Perú.", "cooperation"),
        ("en", "The country signed a bilateral agreement with its neighbour.", "cooperation"),
        ("fr", "Un registre national des affaires recueille les statistiques.", "information"),
        ("pt", "O país criou um sistema de informação com dados estatísticos.", "information"),
    ],
)
def test_score_areas_finds_the_area_in_each_language(
    language: str, sentence: str, area: str
) -> None:
    assert area in _areas(sentence, language)


def test_score_areas_maps_a_sentence_without_evidence_to_no_area() -> None:
    assert _areas("The delegation thanked the host country for its hospitality.", "en") == set()


def test_score_areas_gives_a_strong_cue_more_confidence_than_a_weak_one() -> None:
    strong = score_areas("Se aprobó la ley.", "es")
    weak = score_areas("Se reformó la norma.", "es")
    assert strong[0].area == weak[0].area == "legislation"
    assert strong[0].confidence > weak[0].confidence


def test_score_areas_orders_areas_by_confidence() -> None:
    scores = score_areas(
        "Prosecutors and judges received training on investigating trafficking cases.", "en"
    )
    confidences = [score.confidence for score in scores]
    assert confidences == sorted(confidences, reverse=True)
    assert {"training", "prosecution"} <= {score.area for score in scores}


def test_plan_areas_maps_only_country_sections(analyse: Analyse) -> None:
    text = (
        "OPENING\n\nThe Chair opened the meeting and stressed prevention and training.\n\n"
        "1. Chile; the country adopted a new law against trafficking in persons. "
        "Police officers received training. (RTP-IV/INF. 3/14)\n"
    )
    document = analyse(text)
    assert document.mappings, "the Chilean section gives evidence"
    assert {mapping.country for mapping in document.mappings} == {"CHL"}
    assert {"legislation", "training"} <= {mapping.area for mapping in document.mappings}
    assert all(mapping.provenance.component == "plan_areas" for mapping in document.mappings)
    assert all(
        text[m.evidence.start : m.evidence.end] == m.evidence.text for m in document.mappings
    )


def test_plan_areas_agrees_with_the_annotation_of_the_french_report(shared_corpus: Path) -> None:
    expected = load_annotation(ANNOTATION)
    document = extract(read_document(shared_corpus / "rtp3-rapporteur-report.fr.txt"))
    results = agreement(expected, mapped_areas(document), AREAS)
    total = overall(results)
    assert total.f1 >= 0.6, (
        f"micro F1 {total.f1:.2f} (P {total.precision:.2f}, R {total.recall:.2f})"
    )
    assert all(item.f1 >= 0.4 for item in results), {
        item.area: round(item.f1, 2) for item in results
    }
