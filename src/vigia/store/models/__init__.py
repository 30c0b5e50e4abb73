"""Database tables, as SQLAlchemy typed declarative models.

One row of ``documents`` per distinct file content (``sha256``); everything extracted from it hangs
off that row and goes with it (``ON DELETE CASCADE``). Facts, events, roles, cooperation links and
help requests point at an ``evidence`` row: the sentence and offsets they came from. Meetings are
shared between documents, so they are not a document's children; what a document says about a
meeting (officers, documents tabled, decisions) is.

The schema itself is created by the Alembic migrations in ``vigia/store/migrations``; these models
must stay in step with them (a test compares the two). One module per part of the schema; every
table is importable from here.
"""

from __future__ import annotations

from vigia.store.models.accounts import (
    EMAIL,
    FOCAL_POINT,
    ROLES,
    ApiTokenRow,
    AuditLogRow,
    LoginFailureRow,
    LoginSessionRow,
    UserRow,
)
from vigia.store.models.base import CODE, LABEL, LARGEST_ID, NAMING_CONVENTION, Base, is_row_id
from vigia.store.models.documents import (
    CONFIRMED,
    CORRECTED,
    DOCUMENT_CHILD_TABLES,
    FACT_STATUSES,
    PROPOSED,
    PUBLISHED,
    REJECTED,
    CooperationLinkRow,
    DecisionRow,
    DocumentRow,
    EventRow,
    EvidenceRow,
    FactRow,
    HelpRequestRow,
    MeetingDocumentRow,
    MeetingRow,
    OfficerRow,
    RoleRow,
    SectionRow,
)
from vigia.store.models.follow_up import (
    FOLLOW_UP_STATUSES,
    MAPPING_STATUSES,
    RATINGS,
    RECOMMENDATION_STATUSES,
    AreaMappingRow,
    FollowUpRow,
    MappedDocumentRow,
    ObservationRow,
    RatingReviewRow,
    RecommendationRow,
    WorkPlanRow,
)
from vigia.store.models.jobs import JOB_STATUSES, ExtractionJobRow

__all__ = [
    "CODE",
    "CONFIRMED",
    "CORRECTED",
    "DOCUMENT_CHILD_TABLES",
    "EMAIL",
    "FACT_STATUSES",
    "FOCAL_POINT",
    "FOLLOW_UP_STATUSES",
    "JOB_STATUSES",
    "LABEL",
    "LARGEST_ID",
    "MAPPING_STATUSES",
    "NAMING_CONVENTION",
    "PROPOSED",
    "PUBLISHED",
    "RATINGS",
    "RECOMMENDATION_STATUSES",
    "REJECTED",
    "ROLES",
    "ApiTokenRow",
    "AreaMappingRow",
    "AuditLogRow",
    "Base",
    "CooperationLinkRow",
    "DecisionRow",
    "DocumentRow",
    "EventRow",
    "EvidenceRow",
    "ExtractionJobRow",
    "FactRow",
    "FollowUpRow",
    "HelpRequestRow",
    "LoginFailureRow",
    "LoginSessionRow",
    "MappedDocumentRow",
    "MeetingDocumentRow",
    "MeetingRow",
    "ObservationRow",
    "OfficerRow",
    "RatingReviewRow",
    "RecommendationRow",
    "RoleRow",
    "SectionRow",
    "UserRow",
    "WorkPlanRow",
    "is_row_id",
]
