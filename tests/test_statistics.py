"""The statistics catalogue: vigia.statistics and data/statistics.json."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from vigia.domain import LANGUAGES
from vigia.reference import indicators, load_data_file
from vigia.statistics import CatalogueError, Cell, build_catalogue, statistics_catalogue


def test_every_element_says_what_it_counts_in_four_languages() -> None:
    catalogue = statistics_catalogue()

    for element in catalogue.elements.values():
        assert set(element.labels) == set(element.definitions) == set(LANGUAGES), element.name
        assert element.indicator is None or element.indicator in indicators()
    for category in catalogue.categories.values():
        assert set(category.labels) == set(LANGUAGES)
        assert all(set(labels) == set(LANGUAGES) for labels in category.option_labels.values())
    for rule in catalogue.rules:
        assert set(rule.labels) == set(LANGUAGES), rule.name


def test_victims_are_asked_in_total_and_by_each_breakdown() -> None:
    catalogue = statistics_catalogue()
    cells = catalogue.cells(catalogue.elements["victims_detected"])

    # the total, sex x age (3 x 3), age groups (6), forms of exploitation (8), citizenship (4)
    assert len(cells) == 1 + 9 + 6 + 8 + 4
    assert cells[0] == Cell("victims_detected")
    assert Cell("victims_detected", (("sex", "female"), ("age", "child"))) in cells
    assert len(set(cells)) == len(cells)


def test_the_latest_version_of_a_data_set_is_the_default() -> None:
    catalogue = statistics_catalogue()

    data_set = catalogue.data_set("tip-annual")

    assert data_set.version == 1 and data_set.period == "year"
    assert "victims_detected" in data_set.elements
    with pytest.raises(KeyError, match="no data set 'tip-annual' v9"):
        catalogue.data_set("tip-annual", 9)


def _changed(change: Any) -> dict[str, Any]:
    data: dict[str, Any] = copy.deepcopy(load_data_file("statistics.json"))
    change(data)
    return data


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["data_elements"][1]["breakdowns"].append(["colour"]), "unknown categories"),
        (lambda d: d["data_sets"][0]["elements"].append("ghosts"), "unknown elements"),
        (lambda d: d["data_elements"][0].update(indicator="nothing"), "unknown indicator"),
    ],
)
def test_a_catalogue_that_contradicts_itself_is_refused(change: Any, message: str) -> None:
    with pytest.raises(CatalogueError, match=message):
        build_catalogue(_changed(change))
