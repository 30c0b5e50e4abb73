"""Score an extraction (the contract's JSON data) against a hand annotation (the gold format)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


def _squash(text: str) -> str:
    return " ".join(text.split()).lower()


def _evidence_phrase(gold_fact: dict[str, Any]) -> str:
    for key, value in gold_fact.items():
        if key.startswith("evidence_"):
            return str(value)
    return ""


def _owner(item: dict[str, Any]) -> tuple[Any, Any, Any]:
    return item.get("country"), item.get("actor"), item.get("region")


@dataclass
class Score:
    sections_found: int = 0
    sections_total: int = 0
    sections_with_code: int = 0
    core_found: int = 0
    core_total: int = 0
    facts_found: int = 0
    facts_total: int = 0
    facts_extra: list[dict[str, Any]] = field(default_factory=list)
    facts_missed: list[dict[str, Any]] = field(default_factory=list)
    not_facts_taken: list[dict[str, Any]] = field(default_factory=list)
    events_found: int = 0
    events_total: int = 0
    roles_found: int = 0
    roles_total: int = 0
    links_found: int = 0
    links_total: int = 0
    officers_found: int = 0
    officers_total: int = 0
    decisions_found: int = 0
    decisions_total: int = 0
    requests_found: int = 0
    requests_total: int = 0

    def summary(self) -> str:
        parts = [
            f"sections {self.sections_found}/{self.sections_total}",
            f"codes {self.sections_with_code}",
            f"core {self.core_found}/{self.core_total}",
            f"facts {self.facts_found}/{self.facts_total}",
            f"extra {len(self.facts_extra)}",
            f"not-facts taken {len(self.not_facts_taken)}",
            f"events {self.events_found}/{self.events_total}",
            f"roles {self.roles_found}/{self.roles_total}",
            f"links {self.links_found}/{self.links_total}",
            f"officers {self.officers_found}/{self.officers_total}",
            f"decisions {self.decisions_found}/{self.decisions_total}",
            f"requests {self.requests_found}/{self.requests_total}",
        ]
        return ", ".join(parts)


def fact_matches(found: dict[str, Any], gold: dict[str, Any]) -> bool:
    """Same owner, value, indicator (or an accepted alternative), qualifier, and quoted sentence."""
    indicators = {gold["indicator"], *gold.get("also_accept", [])}
    phrase = _squash(_evidence_phrase(gold))
    return (
        _owner(found) == _owner(gold)
        and found["value"] == gold["value"]
        and found["indicator"] in indicators
        and found["qualifier"] == gold["qualifier"]
        and phrase in _squash(found["evidence"]["text"])
    )


def _score_sections(score: Score, found: list[dict[str, Any]], gold: list[dict[str, Any]]) -> None:
    countries = [section for section in found if section.get("country")]
    score.sections_total = len(gold)
    for expected in gold:
        index = expected["order"] - 1
        if index < len(countries) and countries[index]["country"] == expected["country"]:
            score.sections_found += 1
            if countries[index]["code"] == expected["code"]:
                score.sections_with_code += 1


def _score_facts(score: Score, found: list[dict[str, Any]], gold: list[dict[str, Any]]) -> None:
    score.facts_total = len(gold)
    score.core_total = sum(1 for fact in gold if fact.get("tier") == "core")
    for expected in gold:
        if any(fact_matches(fact, expected) for fact in found):
            score.facts_found += 1
            score.core_found += expected.get("tier") == "core"
        else:
            score.facts_missed.append(expected)
    for fact in found:
        if fact.get("country") and not any(fact_matches(fact, expected) for expected in gold):
            score.facts_extra.append(fact)


def _score_not_facts(score: Score, found: list[dict[str, Any]], gold: list[dict[str, Any]]) -> None:
    for trap in gold:
        for fact in found:
            if fact.get("country") == trap.get("country") and fact["value"] == trap["value"]:
                score.not_facts_taken.append({"trap": trap, "fact": fact})


def _score_meeting(score: Score, found: dict[str, Any], gold: dict[str, Any]) -> None:
    officers = {
        (o["role"], o["name"], o["country"], o["nominated_by"]) for o in found.get("officers", [])
    }
    expected = gold.get("officers", [])
    score.officers_total = len(expected)
    score.officers_found = sum(
        (o["role"], o["name"], o["country"], o["nominated_by"]) in officers for o in expected
    )
    decisions = [
        (set(d["proposed_by"]), set(d["supported_by"])) for d in found.get("decisions", [])
    ]
    score.decisions_total = len(gold.get("decisions", []))
    score.decisions_found = sum(
        (set(d["proposed_by"]), set(d["supported_by"])) in decisions
        for d in gold.get("decisions", [])
    )


def score_extraction(found: dict[str, Any], gold: dict[str, Any]) -> Score:
    score = Score()
    _score_sections(score, found["sections"], gold.get("sections", []))
    _score_facts(score, found["facts"], gold.get("facts", []))
    _score_not_facts(score, found["facts"], gold.get("not_facts", []))
    _score_meeting(score, found.get("meeting", {}), gold.get("meeting", {}))
    events = {(e["country"], e["kind"], e["year"]) for e in found["events"]}
    score.events_total = len(gold.get("events", []))
    score.events_found = sum(
        (e["country"], e["kind"], e["year"]) in events for e in gold.get("events", [])
    )
    roles = {(r["country"], r["role"]) for r in found["roles"]}
    expected_roles = [(c, r) for c, names in gold.get("roles", {}).items() for r in names]
    score.roles_total = len(expected_roles)
    score.roles_found = sum(pair in roles for pair in expected_roles)
    links = {(link["from"], link["to"]) for link in found["cooperation"]}
    score.links_total = len(gold.get("cooperation", []))
    score.links_found = sum(
        (link["from"], link["to"]) in links for link in gold.get("cooperation", [])
    )
    requests = {request["country"] for request in found["requests"]}
    score.requests_total = len(gold.get("requests_for_help", []))
    score.requests_found = sum(r["country"] in requests for r in gold.get("requests_for_help", []))
    return score
