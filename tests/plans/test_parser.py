"""Importing a Work Plan from a document's text."""

from __future__ import annotations

from pathlib import Path

import pytest

from vigia.plans import validate_plan
from vigia.plans.model import GENERAL_SECRETARIAT, MEMBER_STATES, PlanObjective, WorkPlan
from vigia.plans.parser import (
    IMPORTED,
    TITLE_LENGTH,
    WorkPlanParseError,
    classify_area,
    heading_level,
    import_cues,
    parse_work_plan,
    short_title,
)

PLANS = Path(__file__).resolve().parents[1] / "data" / "plans"
SPANISH_PLAN = PLANS / "plan-regional-2030.es.txt"
FRENCH_PLAN = PLANS / "plan-hemispherique-2030.fr.txt"
SHARED_PLAN_NAME = "work-plan-ii-2015-objectives-principles.en.txt"


def _objectives(plan: WorkPlan) -> dict[str, list[PlanObjective]]:
    """Objectives of a plan by area."""
    return {area.area: list(area.objectives) for area in plan.areas}


def _area_of(plan: WorkPlan, words: str) -> str:
    """The area of the one objective whose title holds ``words``."""
    areas = [
        area.area
        for area in plan.areas
        for objective in area.objectives
        if words in next(iter(objective.titles.values()))
    ]
    assert len(areas) == 1, areas
    return areas[0]


def _activity_titles(plan: WorkPlan, responsible: str) -> list[str]:
    return [
        next(iter(activity.titles.values()))
        for _, _, activity in plan.activities()
        if activity.responsible == responsible
    ]


@pytest.fixture
def shared_plan(shared_corpus: Path) -> WorkPlan:
    path = shared_corpus / SHARED_PLAN_NAME
    if not path.is_file():
        pytest.skip(f"the shared summary of the second Work Plan is absent ({path})")
    return parse_work_plan(path.read_text(encoding="utf-8"), "WP-II", 2015, 2020, "en")


@pytest.fixture
def spanish_plan() -> WorkPlan:
    return parse_work_plan(SPANISH_PLAN.read_text(encoding="utf-8"), "WP-2030", 2030, 2034, "es")


@pytest.fixture
def french_plan() -> WorkPlan:
    return parse_work_plan(FRENCH_PLAN.read_text(encoding="utf-8"), "WP-2030", 2030, 2033, "fr")


# --- The shared summary of the second Work Plan ----------------------------------------------------


def test_parse_work_plan_finds_the_seven_objectives_of_the_second_plan(
    shared_plan: WorkPlan,
) -> None:
    objectives = [objective for area in shared_plan.areas for objective in area.objectives]
    assert len(objectives) == 7
    assert all(not objective.activities for objective in objectives)


def test_parse_work_plan_skips_the_principles_and_the_page_header(shared_plan: WorkPlan) -> None:
    titles = [next(iter(o.titles.values())) for a in shared_plan.areas for o in a.objectives]
    assert not any("dignity" in title or "Posted" in title for title in titles)


def test_parse_work_plan_puts_the_second_plan_objectives_in_their_areas(
    shared_plan: WorkPlan,
) -> None:
    assert _area_of(shared_plan, "To train professionals") == "training"
    assert _area_of(shared_plan, "interagency cooperation") == "cooperation"
    assert _area_of(shared_plan, "distribute reports") == "information"
    assert _area_of(shared_plan, "raise societal awareness") == "prevention"
    assert _area_of(shared_plan, "full implementation") == "legislation"


def test_parse_work_plan_titles_the_second_plan_from_its_title_line(shared_plan: WorkPlan) -> None:
    assert shared_plan.titles["en"].startswith("2nd Work Plan")
    assert shared_plan.source == IMPORTED
    assert validate_plan(shared_plan, languages=("en",)) == []


# --- Invented Spanish plan: objectives with lettered activities ----------------------------------


def test_parse_work_plan_reads_spanish_objectives_with_their_activities(
    spanish_plan: WorkPlan,
) -> None:
    protection = _objectives(spanish_plan)["protection"]
    assert [o.titles for o in protection] == [
        {"es": "Proteger a las víctimas y garantizar su recuperación"}
    ]
    activities = protection[0].activities
    assert [activity.code for activity in activities] == [
        "WP-2030.PROT.1.1",
        "WP-2030.PROT.1.2",
        "WP-2030.PROT.1.3",
    ]
    assert activities[2].titles["es"].endswith("durante todo el proceso")


def test_parse_work_plan_sends_unclear_spanish_objectives_to_coordination(
    spanish_plan: WorkPlan,
) -> None:
    assert _area_of(spanish_plan, "compromiso político") == "coordination"


def test_parse_work_plan_gives_the_spanish_secretariat_section_to_the_secretariat(
    spanish_plan: WorkPlan,
) -> None:
    secretariat = _activity_titles(spanish_plan, GENERAL_SECRETARIAT)
    assert len(secretariat) == 3
    assert secretariat[0].startswith("Organizará cursos en línea")
    assert "Revisar el código penal y las leyes migratorias" in _activity_titles(
        spanish_plan, MEMBER_STATES
    )
    course = spanish_plan.find_activity("WP-2030.TRAIN.2.1")
    assert course is not None and course.responsible == GENERAL_SECRETARIAT


def test_parse_work_plan_ignores_spanish_background_principles_and_header(
    spanish_plan: WorkPlan,
) -> None:
    titles = [title for _, _, a in spanish_plan.activities() for title in a.titles.values()]
    titles += [t for a in spanish_plan.areas for o in a.objectives for t in o.titles.values()]
    assert not any(word in " ".join(titles) for word in ("venció", "Fecha", "niñez"))


def test_parse_work_plan_titles_in_the_document_language_only(spanish_plan: WorkPlan) -> None:
    assert spanish_plan.titles == {
        "es": "Plan de trabajo regional contra la trata de personas 2030-2034"
    }
    assert {language for *_, a in spanish_plan.activities() for language in a.titles} == {"es"}
    assert validate_plan(spanish_plan, languages=("es",)) == []


# --- Invented French plan: one section per area --------------------------------------------------


def test_parse_work_plan_groups_french_actions_under_their_section(french_plan: WorkPlan) -> None:
    prevention = _objectives(french_plan)["prevention"]
    assert [o.titles["fr"] for o in prevention] == ["Prévention"]
    assert [a.code for a in prevention[0].activities] == ["WP-2030.PREV.1.1", "WP-2030.PREV.1.2"]
    assert _objectives(french_plan)["protection"][0].titles["fr"] == (
        "Protection et assistance aux victimes"
    )


def test_parse_work_plan_assigns_french_secretariat_activities(french_plan: WorkPlan) -> None:
    secretariat = _activity_titles(french_plan, GENERAL_SECRETARIAT)
    assert "Organisera des ateliers de formation pour les agents consulaires" in secretariat
    assert len(secretariat) == 4
    training = _objectives(french_plan)["training"][0]
    assert training.titles["fr"] == "Activités du secrétariat général – Formation"


def test_parse_work_plan_skips_french_principles(french_plan: WorkPlan) -> None:
    titles = " ".join(t for *_, a in french_plan.activities() for t in a.titles.values())
    assert "dignité" not in titles
    assert [area.area for area in french_plan.areas] == [
        "coordination",
        "prevention",
        "protection",
        "prosecution",
        "training",
        "cooperation",
        "information",
    ]


# --- Small documents and errors ------------------------------------------------------------------


def test_parse_work_plan_ignores_comment_lines() -> None:
    text = "# 1. Ratify the Protocol on trafficking\nACTIVITIES\n1. Open shelters for victims.\n"
    plan = parse_work_plan(text, "WP-T", 2030, 2031, "en")
    assert [title for *_, a in plan.activities() for title in a.titles.values()] == [
        "Open shelters for victims"
    ]


def test_parse_work_plan_reads_a_list_without_headings() -> None:
    text = "1. Sign agreements with neighbouring countries.\n2. Publish statistics every year.\n"
    plan = parse_work_plan(text, "WP-T", 2030, 2031, "en")
    assert [area.area for area in plan.areas] == ["cooperation", "information"]


def test_parse_work_plan_reads_portuguese_objectives() -> None:
    text = "OBJETIVOS\n1. Capacitar os servidores da polícia federal.\n2. Abrir abrigos para vítimas.\n"
    plan = parse_work_plan(text, "WP-T", 2030, 2031, "pt")
    assert [area.area for area in plan.areas] == ["protection", "training"]
    assert plan.areas[1].objectives[0].code == "WP-T.TRAIN.1"


def test_parse_work_plan_rejects_a_text_without_items() -> None:
    with pytest.raises(WorkPlanParseError, match="no objectives or activities found"):
        parse_work_plan("Minutes of the meeting.\nNothing was decided.\n", "WP-T", 2030, 2031, "en")


def test_parse_work_plan_rejects_a_text_with_only_principles() -> None:
    with pytest.raises(WorkPlanParseError):
        parse_work_plan("PRINCIPLES\n1. Human dignity.\n2. Equality.\n", "WP-T", 2030, 2031, "en")


def test_parse_work_plan_rejects_an_unknown_language() -> None:
    with pytest.raises(WorkPlanParseError, match="unsupported language 'de'"):
        parse_work_plan("1. Opfer schützen.", "WP-T", 2030, 2031, "de")


def test_parse_work_plan_rejects_a_plan_ending_before_it_starts() -> None:
    with pytest.raises(ValueError, match="cannot start"):
        parse_work_plan("ACTIVITIES\n1. Train judges.", "WP-T", 2031, 2030, "en")


def test_short_title_keeps_the_first_sentence() -> None:
    title = short_title("to open shelters in every province; and to fund them. Later steps follow.")
    assert title == "To open shelters in every province"


def test_short_title_cuts_long_sentences_at_a_word() -> None:
    title = short_title("Train " + "officials of every ministry " * 10)
    assert len(title) <= TITLE_LENGTH
    assert title.endswith("ministry…")


def test_classify_area_prefers_most_keywords_then_the_earliest() -> None:
    cues = import_cues("es")
    assert classify_area("Intercambiar información con países vecinos", cues) == "cooperation"
    assert classify_area("Capacitar a fiscales", cues) == "training"
    assert classify_area("Promover el diálogo", cues) is None


def test_heading_level_recognises_sections_subsections_and_lead_ins() -> None:
    cues = import_cues("fr")
    assert heading_level("IV. COOPÉRATION INTERNATIONALE", cues) == (
        1,
        "COOPÉRATION INTERNATIONALE",
    )
    assert heading_level("2. FORMATION", cues) == (1, "FORMATION")
    assert heading_level("B. Aide aux victimes", cues) == (2, "Aide aux victimes")
    assert heading_level("Le Secrétariat général :", cues) == (3, "Le Secrétariat général :")
    assert heading_level("2. Former les juges.", cues) is None
