"""Score extraction output against a hand annotation (the gold format of ``docs/scoring.md``).

Both sides are the extraction contract's JSON shape (:mod:`vigia.publish.contract`): the found
side is what ``vigia extract`` prints for a document, the gold side a person's annotation of the
same document. A found fact matches a gold fact when it has the same owner (country, actor,
region), a value the annotation accepts (``value`` or one of ``also_values``), an indicator it
accepts (``indicator`` or one of ``also_accept``), the same qualifier, and its evidence contains
the annotation's quoted phrase (``evidence_<language>``), if it gives one.

- **recall**: annotated facts found, over all of them; **core** recall counts the ``core`` tier;
- **precision**: facts reported for a state that match an annotated fact, over all facts reported
  for a state (facts without a country, given to a region or an organisation, are counted apart);
- **traps**: numbers the annotation says must never become a figure (``not_facts``) that did
  (a fact that matches an annotated fact is never a trap, whatever its value).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

Data = dict[str, Any]


@dataclass
class Tally:
    """Found out of total, for one kind of thing (sections, events…)."""

    found: int = 0
    total: int = 0

    def __str__(self) -> str:
        return f"{self.found}/{self.total}"


@dataclass
class Score:
    """How one extraction compares with its annotation."""

    document: str = ""
    sections: Tally = field(default_factory=Tally)
    sections_with_code: int = 0
    core: Tally = field(default_factory=Tally)
    facts: Tally = field(default_factory=Tally)
    reported: int = 0
    correct: int = 0
    unowned: int = 0
    missed: list[Data] = field(default_factory=list)
    wrong: list[Data] = field(default_factory=list)
    traps: list[Data] = field(default_factory=list)
    events: Tally = field(default_factory=Tally)
    roles: Tally = field(default_factory=Tally)
    links: Tally = field(default_factory=Tally)
    officers: Tally = field(default_factory=Tally)
    decisions: Tally = field(default_factory=Tally)
    requests: Tally = field(default_factory=Tally)
    #: Per indicator: annotated, found, reported, correct.
    indicators: dict[str, Counter[str]] = field(default_factory=dict)
    #: Per reason a fact was read for (``indicator:noun_after``, ``owner:country_section``…):
    #: facts reported, and right (matching an annotated fact, whoever they are given to).
    reasons: dict[str, Counter[str]] = field(default_factory=dict)

    @property
    def precision(self) -> float | None:
        return self.correct / self.reported if self.reported else None

    def summary(self) -> str:
        parts = [
            f"sections {self.sections}",
            f"codes {self.sections_with_code}",
            f"core {self.core}",
            f"facts {self.facts}",
            f"wrong {len(self.wrong)}",
            f"traps {len(self.traps)}",
            f"events {self.events}",
            f"roles {self.roles}",
            f"links {self.links}",
            f"officers {self.officers}",
            f"decisions {self.decisions}",
            f"requests {self.requests}",
        ]
        return ", ".join(parts)


def fact_matches(found: Data, gold: Data) -> bool:
    """Same owner, an accepted value and indicator, the same qualifier, the quoted phrase."""
    return (
        _owner(found) == _owner(gold)
        and found["value"] in {gold["value"], *gold.get("also_values", [])}
        and found["indicator"] in {gold["indicator"], *gold.get("also_accept", [])}
        and found["qualifier"] == gold["qualifier"]
        and _squash(_evidence_phrase(gold)) in _squash(found["evidence"]["text"])
    )


def score_extraction(found: Data, gold: Data) -> Score:
    """Compare ``found`` (the contract's data of one document) with its annotation ``gold``."""
    score = Score(document=str(gold.get("document", "")))
    _score_sections(score, found.get("sections", []), gold.get("sections", []))
    _score_facts(score, found.get("facts", []), gold.get("facts", []))
    _score_traps(score, found.get("facts", []), gold)
    _score_meeting(score, found.get("meeting") or {}, gold.get("meeting") or {})
    _score_findings(score, found, gold)
    return score


def _squash(text: str) -> str:
    return " ".join(text.split()).lower()


def _evidence_phrase(gold_fact: Data) -> str:
    for key, value in gold_fact.items():
        if key.startswith("evidence_"):
            return str(value)
    return ""


def _owner(item: Data) -> tuple[Any, Any, Any]:
    return item.get("country"), item.get("actor"), item.get("region")


def _indicator(score: Score, name: str) -> Counter[str]:
    return score.indicators.setdefault(name, Counter())


def _score_sections(score: Score, found: list[Data], gold: list[Data]) -> None:
    countries = [section for section in found if section.get("country")]
    score.sections.total = len(gold)
    for expected in gold:
        index = expected["order"] - 1
        if index < len(countries) and countries[index]["country"] == expected["country"]:
            score.sections.found += 1
            score.sections_with_code += countries[index].get("code") == expected.get("code")


def _score_facts(score: Score, found: list[Data], gold: list[Data]) -> None:
    score.facts.total = len(gold)
    score.core.total = sum(1 for fact in gold if fact.get("tier") == "core")
    for expected in gold:
        counts = _indicator(score, expected["indicator"])
        counts["annotated"] += 1
        if any(fact_matches(fact, expected) for fact in found):
            score.facts.found += 1
            score.core.found += expected.get("tier") == "core"
            counts["found"] += 1
        else:
            score.missed.append(expected)
    for fact in found:
        _count_reasons(score, fact, any(fact_matches(fact, expected) for expected in gold))
        if not fact.get("country"):
            score.unowned += 1
            continue
        counts = _indicator(score, fact["indicator"])
        score.reported += 1
        counts["reported"] += 1
        if any(fact_matches(fact, expected) for expected in gold):
            score.correct += 1
            counts["correct"] += 1
        else:
            score.wrong.append(fact)


def _count_reasons(score: Score, fact: Data, right: bool) -> None:
    for side, code in (fact.get("reason") or {}).items():
        counts = score.reasons.setdefault(f"{side}:{code}", Counter())
        counts["reported"] += 1
        counts["right"] += right


def _score_traps(score: Score, found: list[Data], gold: Data) -> None:
    """A trap is hit by a fact with its owner and value that is not an annotated fact itself
    (a trap's "day one" does not make a true "one conviction" in the same text a trap)."""
    annotated = gold.get("facts", [])
    for trap in gold.get("not_facts", []):
        for fact in found:
            if fact.get("country") != trap.get("country") or fact["value"] != trap["value"]:
                continue
            if not any(fact_matches(fact, expected) for expected in annotated):
                score.traps.append({"trap": trap, "fact": fact})


def _score_meeting(score: Score, found: Data, gold: Data) -> None:
    def officer(item: Data) -> tuple[Any, ...]:
        return item["role"], item["name"], item["country"], item["nominated_by"]

    officers = {officer(item) for item in found.get("officers", [])}
    expected = gold.get("officers", [])
    score.officers = Tally(sum(officer(item) in officers for item in expected), len(expected))
    decisions = [
        (set(d["proposed_by"]), set(d["supported_by"])) for d in found.get("decisions", [])
    ]
    wanted = gold.get("decisions", [])
    score.decisions = Tally(
        sum((set(d["proposed_by"]), set(d["supported_by"])) in decisions for d in wanted),
        len(wanted),
    )


def _score_findings(score: Score, found: Data, gold: Data) -> None:
    events = {(e["country"], e["kind"], e["year"]) for e in found.get("events", [])}
    wanted_events = gold.get("events", [])
    score.events = Tally(
        sum((e["country"], e["kind"], e["year"]) in events for e in wanted_events),
        len(wanted_events),
    )
    roles = {(r["country"], r["role"]) for r in found.get("roles", [])}
    wanted_roles = [(c, r) for c, names in gold.get("roles", {}).items() for r in names]
    score.roles = Tally(sum(pair in roles for pair in wanted_roles), len(wanted_roles))
    links = {(link["from"], link["to"]) for link in found.get("cooperation", [])}
    wanted_links = gold.get("cooperation", [])
    score.links = Tally(
        sum((link["from"], link["to"]) in links for link in wanted_links), len(wanted_links)
    )
    requests = {request["country"] for request in found.get("requests", [])}
    wanted_requests = gold.get("requests_for_help", [])
    score.requests = Tally(
        sum(r["country"] in requests for r in wanted_requests), len(wanted_requests)
    )
