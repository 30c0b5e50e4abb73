"""The names of the Work Plan's areas and of the rubric's ratings in one language, and a figure's
value as written in it, for the site's pages and for the published reports."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from vigia.domain import Rating
from vigia.evaluate.rubric import rubric
from vigia.languages import format_number, translations
from vigia.plans import AREAS, area_labels
from vigia.publish.model import Figure

#: How a qualifier is written before a figure's value.
QUALIFIER_SIGNS = {"at_least": "≥ ", "at_most": "≤ ", "approximately": "≈ "}


@dataclass(frozen=True)
class Vocabulary:
    """The names of the areas and ratings in one language (areas in the plan's order)."""

    areas: dict[str, str]
    ratings: dict[str, str]
    descriptions: dict[str, str]

    def area(self, area: str | None) -> str:
        """The area's label; the id itself for an unknown one."""
        return "" if area is None else self.areas.get(area, area)

    def rating(self, rating: Rating | str | None) -> str:
        """The rating's label in the rubric; the code itself for an unknown one."""
        if rating is None:
            return ""
        code = str(rating.value if isinstance(rating, Rating) else rating)
        return self.ratings.get(code, code)

    def description(self, rating: Rating | str) -> str:
        code = str(rating.value if isinstance(rating, Rating) else rating)
        return self.descriptions.get(code, "")


def vocabulary(language: str) -> Vocabulary:
    """Area labels (:func:`vigia.plans.area_labels`) and the rubric's ratings in ``language``."""
    labels = area_labels()
    levels = rubric().levels
    return Vocabulary(
        areas={area: title_in(labels.get(area, {}), language) or area for area in AREAS},
        ratings={level.rating.value: title_in(level.labels, language) for level in levels},
        descriptions={
            level.rating.value: title_in(level.descriptions, language) for level in levels
        },
    )


def title_in(titles: Mapping[str, str], language: str) -> str:
    """The title in ``language``, else in any language there is (imported plans have one)."""
    if titles.get(language):
        return titles[language]
    return next((text for text in titles.values() if text), "")


def figure_value(figure: Figure, language: str) -> str:
    """A figure's value as a report writes it in ``language``: "≥ 6 000", "10–12", "5 (planned)"."""
    text = QUALIFIER_SIGNS.get(figure.qualifier, "")
    if figure.value_min is not None:
        text += format_number(figure.value_min, language) + "–"
    text += format_number(figure.value, language)
    if figure.unit and figure.unit not in ("persons", "count", "cases"):
        text += f" {figure.unit}"
    if figure.qualifier == "planned":
        text += f" ({translations(language).gettext('planned')})"
    return text
