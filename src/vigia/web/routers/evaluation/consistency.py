"""``/api/v1/consistency``: figures that disagree between documents."""

from __future__ import annotations

from vigia.evaluate.consistency import Inconsistency, finding_message, list_inconsistencies
from vigia.permissions import can_read_unpublished
from vigia.web.dependencies import DatabaseSession
from vigia.web.evaluation_schemas import FindingList, FindingResource
from vigia.web.parameters import CountryParameter
from vigia.web.routers.evaluation.common import (
    LanguageParameter,
    SignedInPrincipal,
    evaluation_router,
)

router = evaluation_router()


@router.get("/consistency", response_model=FindingList, summary="Consistency flags")
def get_consistency(
    session: DatabaseSession,
    principal: SignedInPrincipal,
    country: CountryParameter = None,
    language: LanguageParameter = "en",
) -> FindingList:
    """Figures that do not fit together, of the states whose unpublished facts you may read."""
    flags = list_inconsistencies(session, country)
    items = [
        _finding(flag, language) for flag in flags if can_read_unpublished(principal, flag.country)
    ]
    return FindingList(items=items, total=len(items))


def _finding(flag: Inconsistency, language: str) -> FindingResource:
    return FindingResource(
        code=flag.code,
        message=finding_message(flag, language),
        country=flag.country,
        area=flag.area,
        indicator=flag.indicator,
        year=flag.year,
        values=flag.values,
        evidence=list(flag.evidence),
        documents=list(flag.documents),
        meetings=list(flag.meetings),
    )
