"""How sure the extractor is of a fact: how often a figure read the same way is right.

Each fact carries a :class:`~vigia.domain.Reason`: how its indicator was read and how its owner
was found. ``src/vigia/data/confidence.json`` gives, for each way, the share of figures read that
way that match a hand annotation (``bench/confidence.py`` measures it on the annotated
documents); a fact's confidence is the lower of its two shares: it is no surer than its weakest
reading. The review queue shows the
least sure facts first.

Ways of reading the indicator:

- ``money``: an amount of money, a budget;
- ``noun_after``: the counted noun follows the number ("43 condamnations");
- ``predicate``: the noun after it, narrowed by its predicate ("142 sentencias fueron
  condenatorias");
- ``elided_head``: a noun before the number, left out after it ("víctimas: 575 en 2018");
- ``named_before``: the indicator named before the number with a total cue ("the number of
  victims rescued reached 13,500");
- ``repeated``: a number after a conjunction repeats the measure of the one before;
- ``counted`` and ``bare_count``: the number counts something no indicator names
  (``other_count``);
- ``article``: an indefinite article counts one ("Le Chili possède un foyer");
- ``learned``: the reranker trained on reviewed facts changed the indicator.

Ways of finding the owner: ``country_section`` and ``actor_section`` (the section's),
``clause_region`` (a country's section, but the figure's own clause speaks of the region or the
world), ``sentence_country``, ``sentence_region`` and ``sentence_actor`` (a general section; the
one place its sentence names).
"""

from __future__ import annotations

from functools import cache

from vigia.domain import Reason
from vigia.reference import load_data_file


@cache
def _shares() -> tuple[dict[str, float], dict[str, float]]:
    data = load_data_file("confidence.json")
    return dict(data["indicator"]), dict(data["owner"])


def confidence_of(reason: Reason) -> float:
    """The confidence of a fact read for ``reason``: from 0 (never right) to 1 (always)."""
    indicator, owner = _shares()
    return min(indicator[reason.indicator], owner[reason.owner])


def reasons() -> tuple[frozenset[str], frozenset[str]]:
    """The known codes: ways of reading an indicator, and of finding an owner."""
    indicator, owner = _shares()
    return frozenset(indicator), frozenset(owner)
