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
    ApiTokenRow,
    AuditLogRow,
    LoginFailureRow,
    LoginSessionRow,
    UserRow,
)
from vigia.store.models.base import CODE, LABEL, NAMING_CONVENTION, Base
from vigia.store.models.cases import CaseRow, ReleaseRow
from vigia.store.models.directory import DirectoryEntryRow
from vigia.store.models.documents import (
    DOCUMENT_CHILD_TABLES,
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
    AreaMappingRow,
    FollowUpRow,
    MappedDocumentRow,
    ObservationRow,
    RatingReviewRow,
    RecommendationRow,
    WorkPlanRow,
)
from vigia.store.models.jobs import ExtractionJobRow
from vigia.store.models.practices import PracticeRow
from vigia.store.models.publishing import ReportEditionRow, ReportFileRow
from vigia.store.models.search import SearchEntryRow
from vigia.store.models.statistics import ComparabilityNoteRow, DataValueRow, StatisticsFormRow
from vigia.store.models.versions import DataVersionRow

__all__ = [
    "CODE",
    "DOCUMENT_CHILD_TABLES",
    "EMAIL",
    "LABEL",
    "NAMING_CONVENTION",
    "ApiTokenRow",
    "AreaMappingRow",
    "AuditLogRow",
    "Base",
    "CaseRow",
    "ComparabilityNoteRow",
    "CooperationLinkRow",
    "DataValueRow",
    "DataVersionRow",
    "DecisionRow",
    "DirectoryEntryRow",
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
    "PracticeRow",
    "RatingReviewRow",
    "RecommendationRow",
    "ReleaseRow",
    "ReportEditionRow",
    "ReportFileRow",
    "RoleRow",
    "SearchEntryRow",
    "SectionRow",
    "StatisticsFormRow",
    "UserRow",
    "WorkPlanRow",
]
