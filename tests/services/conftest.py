"""The service tests that need stored reports use the evaluation tests' fixtures."""

from tests.evaluate.reports import (  # noqa: F401 (fixtures)
    evaluation_session,
    reviewers,
    store_reports,
)
