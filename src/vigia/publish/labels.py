"""What the pages and the reports call the codes stored in the database, as English messages to
translate.

Countries and indicators have their names in the reference data (``vigia/data``); the other codes
(event kinds, roles, statuses…) are named here. Each message is marked with :func:`N_` so that it
is found when the catalogues are checked, and translated when shown, by :func:`label`.
"""

from __future__ import annotations

from collections.abc import Callable


def N_(message: str) -> str:
    """Mark ``message`` for translation without translating it yet."""
    return message


LABELS: dict[str, dict[str, str]] = {
    "event": {
        "law_adopted": N_("Law adopted"),
        "law_amended": N_("Law amended"),
        "institution_created": N_("Institution created"),
        "plan_adopted": N_("Plan adopted"),
        "fund_created": N_("Fund created"),
        "treaty_ratified": N_("Treaty ratified"),
        "protocol_adopted": N_("Protocol adopted"),
        "campaign_launched": N_("Campaign launched"),
    },
    "role": {
        "origin": N_("Country of origin"),
        "transit": N_("Country of transit"),
        "destination": N_("Country of destination"),
    },
    "cooperation": {
        "shared_practice": N_("Shared practice"),
        "practice_adopted_by": N_("Practice adopted by"),
        "joint_protocol": N_("Joint protocol"),
        "joint_action": N_("Joint action"),
        "joint_commission": N_("Joint commission"),
        "joint_investigation": N_("Joint investigation"),
        "agreement": N_("Agreement"),
        "cooperation": N_("Cooperation"),
        "funding": N_("Funding"),
        "support_received": N_("Support received"),
    },
    "follow_up": {
        "implemented": N_("Implemented"),
        "in_progress": N_("In progress"),
        "not_started": N_("Not started"),
        "no_information": N_("No information"),
    },
    "officer": {
        "chair": N_("Chair"),
        "vice_chair": N_("Vice-chair"),
        "rapporteur": N_("Rapporteur"),
    },
    "status": {
        "proposed": N_("Proposed"),
        "confirmed": N_("Confirmed"),
        "corrected": N_("Corrected"),
        "rejected": N_("Rejected"),
        "published": N_("Published"),
    },
    "qualifier": {
        "exact": N_("exactly"),
        "at_least": N_("at least"),
        "at_most": N_("at most"),
        "approximately": N_("about"),
        "planned": N_("planned"),
    },
    "action": {
        "confirm": N_("Confirm"),
        "correct": N_("Correct"),
        "reject": N_("Reject"),
        "publish": N_("Publish"),
        "unpublish": N_("Unpublish"),
    },
    "indicator_reason": {
        "money": N_("an amount of money"),
        "verb_before": N_("the verb before the number"),
        "row_header": N_("the header of its row"),
        "column_header": N_("the header of its column"),
        "table_title": N_("the title of its table"),
        "noun_after": N_("the noun after the number"),
        "predicate": N_("the noun after the number, narrowed by its verb"),
        "state_after": N_("what the number is said to be in"),
        "elided_head": N_("a noun before the number"),
        "named_before": N_("a name before the number"),
        "repeated": N_("the figure before it"),
        "counted": N_("something counted that no indicator names"),
        "bare_count": N_("something counted that no indicator names"),
        "article": N_("an article that counts one"),
        "learned": N_("what reviewers taught it"),
    },
    "owner_reason": {
        "country_section": N_("the country's section"),
        "actor_section": N_("the organisation's section"),
        "clause_region": N_("a region named in its clause"),
        "clause_actor": N_("the organisation that is its clause's subject"),
        "sentence_places": N_("the several states its sentence is set in"),
        "sentence_place": N_("the other country its sentence is set in"),
        "sentence_country": N_("the one country its sentence names"),
        "sentence_region": N_("a region its sentence names"),
        "sentence_actor": N_("the organisation its sentence names"),
        "row_country": N_("the country its row names"),
        "column_country": N_("the country its column names"),
    },
    "difference": {
        "only_in_first": N_("Only in the first version"),
        "only_in_second": N_("Only in the second version"),
        "figures": N_("Figures differ"),
        "dates": N_("Dates differ"),
        "codes": N_("Document codes differ"),
        "names": N_("Countries or organisations differ"),
        "numbering": N_("List numbering differs"),
        "moved": N_("Moved"),
        "shorter_in_first": N_("Much shorter in the first version"),
        "shorter_in_second": N_("Much shorter in the second version"),
    },
    "search_kind": {
        "sentence": N_("Sentence"),
        "document": N_("Document"),
        "fact": N_("Figure"),
        "practice": N_("Good practice"),
    },
    "practice_kind": {
        "law": N_("Law"),
        "treaty": N_("Treaty"),
        "institution": N_("Institution"),
        "plan": N_("Plan"),
        "fund": N_("Fund"),
        "protocol": N_("Protocol"),
        "campaign": N_("Campaign"),
        "unit": N_("Specialised unit"),
        "shelter": N_("Shelter"),
        "hotline": N_("Hotline"),
        "training": N_("Training programme"),
    },
    "practice_status": {
        "proposed": N_("Proposed"),
        "public": N_("Public"),
        "hidden": N_("Hidden"),
    },
    "practice_notice": {
        "added": N_("The practice is added; the secretariat will decide whether it is public."),
        "described": N_("The practice's description is saved."),
        "publish": N_("The practice is public."),
        "hide": N_("The practice is hidden."),
    },
    "directory_kind": {
        "national_authority": N_("National authority"),
        "focal_point": N_("Focal point"),
    },
    "search_facet": {
        "country": N_("State"),
        "area": N_("Area of the Work Plan"),
        "meeting": N_("Meeting"),
        "kind": N_("Kind"),
    },
    "user_role": {
        "focal_point": N_("Focal point"),
        "secretariat": N_("Secretariat"),
        "administrator": N_("Administrator"),
        "case_manager": N_("Case manager"),
    },
}


def label(kind: str, code: str | None, gettext: Callable[[str], str]) -> str:
    """The translated name of ``code`` among the ``kind`` codes; the code itself if unnamed."""
    if code is None:
        return ""
    message = LABELS.get(kind, {}).get(code)
    return code if message is None else gettext(message)


def codes(kind: str) -> list[str]:
    """The codes of ``kind`` that have a name, in their order."""
    return list(LABELS.get(kind, {}))
