"""The publication tests use the evaluation tests' stored reports and reviewers."""

from tests.evaluate.reports import (  # noqa: F401 (fixtures)
    evaluation_session,
    reviewers,
    store_reports,
)
