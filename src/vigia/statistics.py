"""The statistics catalogue: the questions every state answers each year (``data/statistics.json``).

    catalogue = statistics_catalogue()
    element = catalogue.elements["victims_detected"]
    [cell.options for cell in catalogue.cells(element)][:2]
    # [(), (('sex', 'female'), ('age', 'adult'))]

A *data element* is one question (persons convicted, victims detected) with its definition in
four languages and the catalogue indicator it corresponds to. Its value is entered as a total and
for each cell of each of its *breakdowns*: a breakdown is a list of *categories* (sex, adult or
child, age group, form of exploitation, citizenship), and a cell one option of each. A *data set*
groups the elements asked for per period; its versions are kept side by side, a revision never
changing an older one. The validation rules are parsed by :mod:`vigia.evaluate.validation_rules`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from itertools import product
from typing import Any

from vigia.reference import indicators, load_data_file

#: A cell's options: (category, option) pairs in the breakdown's order; () is the total.
Options = tuple[tuple[str, str], ...]


class CatalogueError(ValueError):
    """The statistics catalogue contradicts itself (an unknown category, element or indicator)."""


@dataclass(frozen=True)
class Category:
    name: str
    labels: dict[str, str]
    options: tuple[str, ...]
    option_labels: dict[str, dict[str, str]]


@dataclass(frozen=True)
class DataElement:
    name: str
    labels: dict[str, str]
    definitions: dict[str, str]
    indicator: str | None
    breakdowns: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Cell:
    """One value of a form: an element's total (``options`` empty) or one cell of a breakdown."""

    element: str
    options: Options = ()


@dataclass(frozen=True)
class DataSet:
    code: str
    version: int
    period: str
    #: ``MM-DD`` of the year after the one reported: a form submitted by then is on time.
    due: str
    published: str
    labels: dict[str, str]
    elements: tuple[str, ...]


@dataclass(frozen=True)
class RuleSource:
    """A validation rule as written in the catalogue; parsed by vigia.evaluate.validation_rules."""

    name: str
    rule: str
    importance: str
    labels: dict[str, str]


@dataclass(frozen=True)
class OutlierRule:
    """A total more than ``factor`` times the median of the state's other years (at least
    ``least_years`` of them), or less than its ``factor``-th, is a warning worded by ``labels``."""

    factor: float
    least_years: int
    labels: dict[str, str]


@dataclass(frozen=True)
class StatisticsCatalogue:
    categories: dict[str, Category]
    elements: dict[str, DataElement]
    data_sets: tuple[DataSet, ...]
    rules: tuple[RuleSource, ...]
    outliers: OutlierRule

    def cells(self, element: DataElement) -> list[Cell]:
        """The element's total, then every cell of each breakdown, in the catalogue's order."""
        cells = [Cell(element.name)]
        for breakdown in element.breakdowns:
            choices = [self.categories[name].options for name in breakdown]
            cells.extend(
                Cell(element.name, tuple(zip(breakdown, combination, strict=True)))
                for combination in product(*choices)
            )
        return cells

    def cell(self, element: str, options: Mapping[str, str]) -> Cell:
        """The cell of ``element`` with ``options`` (category to option), in the order of the
        breakdown they make; one that makes none is answered in alphabetical order (and refused
        where a form is checked)."""
        known = self.elements.get(element)
        for breakdown in () if known is None else known.breakdowns:
            if len(breakdown) == len(options) and set(breakdown) == set(options):
                return Cell(element, tuple((name, options[name]) for name in breakdown))
        return Cell(element, tuple(sorted(options.items())))

    def data_set(self, code: str, version: int | None = None) -> DataSet:
        """The data set ``code`` at ``version`` (by default its latest); KeyError if none."""
        versions = [item for item in self.data_sets if item.code == code]
        if version is not None:
            versions = [item for item in versions if item.version == version]
        if not versions:
            raise KeyError(f"no data set {code!r}" + ("" if version is None else f" v{version}"))
        return max(versions, key=lambda item: item.version)


@cache
def statistics_catalogue() -> StatisticsCatalogue:
    """The catalogue shipped in ``vigia/data/statistics.json``, checked for consistency."""
    return build_catalogue(load_data_file("statistics.json"))


def build_catalogue(data: dict[str, Any]) -> StatisticsCatalogue:
    """A catalogue from its JSON form; :class:`CatalogueError` where it contradicts itself."""
    categories = {
        entry["name"]: Category(
            name=entry["name"],
            labels=entry["labels"],
            options=tuple(option["name"] for option in entry["options"]),
            option_labels={option["name"]: option["labels"] for option in entry["options"]},
        )
        for entry in data["categories"]
    }
    elements = {entry["name"]: _element(entry, categories) for entry in data["data_elements"]}
    data_sets = tuple(
        DataSet(
            code=entry["code"],
            version=int(entry["version"]),
            period=entry["period"],
            due=entry["due"],
            published=entry["published"],
            labels=entry["labels"],
            elements=tuple(entry["elements"]),
        )
        for entry in data["data_sets"]
    )
    for data_set in data_sets:
        unknown = [name for name in data_set.elements if name not in elements]
        if unknown:
            raise CatalogueError(f"data set {data_set.code}: unknown elements {unknown}")
    rules = tuple(
        RuleSource(entry["name"], entry["rule"], entry["importance"], entry["labels"])
        for entry in data["validation_rules"]
    )
    outliers = data["outliers"]
    outlier_rule = OutlierRule(
        float(outliers["factor"]), int(outliers["least_years"]), outliers["labels"]
    )
    return StatisticsCatalogue(categories, elements, data_sets, rules, outlier_rule)


def _element(entry: dict[str, Any], categories: dict[str, Category]) -> DataElement:
    indicator = entry.get("indicator")
    if indicator is not None and indicator not in indicators():
        raise CatalogueError(f"data element {entry['name']}: unknown indicator {indicator!r}")
    breakdowns = tuple(tuple(breakdown) for breakdown in entry["breakdowns"])
    for breakdown in breakdowns:
        unknown = [name for name in breakdown if name not in categories]
        if unknown:
            raise CatalogueError(f"data element {entry['name']}: unknown categories {unknown}")
    return DataElement(
        name=entry["name"],
        labels=entry["labels"],
        definitions=entry["definitions"],
        indicator=indicator,
        breakdowns=breakdowns,
    )
