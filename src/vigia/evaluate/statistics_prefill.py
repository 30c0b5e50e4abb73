"""What the reports already say for a statistics form: figures offered to pre-fill it, never typed.

    offers = report_figures(session, "CRI", 2013)
    offers["persons_convicted"]   # [Offer(value=52.0, shown='52', sentence='…', document='…')]

For each question whose catalogue indicator the extraction knows (``persons_convicted`` and
``convictions``…), the stored figures of the same state and year, not rejected, each with the
sentence and document it came from. The form shows them beside the total; a person chooses one.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from vigia.evaluate.consistency import shown_figure, stored_figures
from vigia.statistics import statistics_catalogue


@dataclass(frozen=True)
class Offer:
    value: float
    shown: str
    sentence: str
    document: str


def report_figures(session: Session, country: str, year: int) -> dict[str, list[Offer]]:
    """The reports' figures for each question of ``country``'s form for ``year``."""
    by_indicator: dict[str, list[str]] = {}
    for name, element in statistics_catalogue().elements.items():
        if element.indicator is not None:
            by_indicator.setdefault(element.indicator, []).append(name)
    offers: dict[str, list[Offer]] = {}
    for figure in stored_figures(session, country):
        if figure.year != year or figure.indicator not in by_indicator:
            continue
        offer = Offer(figure.value, shown_figure(figure), figure.sentence, figure.document)
        for name in by_indicator[figure.indicator]:
            if offer not in offers.setdefault(name, []):
                offers[name].append(offer)
    return offers
