"""The case register's vocabulary, read from ``data/cases.json``: the codes a victim record takes.

    vocabulary = case_vocabulary()
    vocabulary.exploitation_of(["forced_labour", "sexual_exploitation"])  # "sexual_and_labour"
    vocabulary.ctdc_flags["isForcedLabour"]  # ("forms", "forced_labour")

The fields follow IOM's Human Trafficking Case Data Standard as CTDC publishes it. Shared by the
stages that read, count and publish records, like :mod:`vigia.statistics`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from vigia.reference import load_data_file

#: The list fields of a record, whose values are codes of the vocabulary's lists of that name.
LIST_FIELDS = ("forms", "means_of_control", "labour_types", "sex_types", "recruiter_relations")
UNKNOWN = "unknown"


@dataclass(frozen=True)
class CaseVocabulary:
    sexes: dict[str, dict[str, str]]
    #: Age group → whether it is a child's (None: unknown), in CTDC's order.
    age_groups: dict[str, bool | None]
    forms: dict[str, dict[str, str]]
    exploitation: dict[str, dict[str, str]]
    lists: dict[str, tuple[str, ...]]
    identifying_fields: tuple[str, ...]
    ctdc_columns: dict[str, str]
    ctdc_flags: dict[str, tuple[str, str]]
    ctdc_required: tuple[str, ...]
    ctdc_missing: frozenset[str]
    ctdc_unknown_country: frozenset[str]
    ctdc_sexes: dict[str, str]
    template_columns: tuple[str, ...]
    template_required: tuple[str, ...]
    list_separator: str

    def exploitation_of(self, forms: list[str]) -> str:
        """The one category a case is counted under in published tables."""
        sexual = "sexual_exploitation" in forms
        labour = "forced_labour" in forms
        if sexual and labour:
            return "sexual_and_labour"
        if sexual or labour:
            return "sexual_exploitation" if sexual else "forced_labour"
        return "other" if forms else UNKNOWN


@cache
def case_vocabulary() -> CaseVocabulary:
    data: dict[str, Any] = load_data_file("cases.json")
    ctdc, template = data["ctdc"], data["template"]
    forms = data["forms"]
    return CaseVocabulary(
        sexes=data["sexes"],
        age_groups={name: entry["child"] for name, entry in data["age_groups"].items()},
        forms=forms,
        exploitation=data["exploitation"],
        lists={"forms": tuple(forms)}
        | {name: tuple(data[name]) for name in LIST_FIELDS if name != "forms"},
        identifying_fields=tuple(data["identifying_fields"]),
        ctdc_columns=ctdc["columns"],
        ctdc_flags={column: (field, code) for column, (field, code) in ctdc["flags"].items()},
        ctdc_required=tuple(ctdc["required"]),
        ctdc_missing=frozenset(ctdc["missing"]),
        ctdc_unknown_country=frozenset(ctdc["unknown_country"]),
        ctdc_sexes=ctdc["sexes"],
        template_columns=tuple(template["columns"]),
        template_required=tuple(template["required"]),
        list_separator=template["list_separator"],
    )
