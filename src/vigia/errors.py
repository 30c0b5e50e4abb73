"""Refusals: what a user asked for that Vigía will not do, with a message fit to show them.

Raised by the review of facts, the Work Plan follow-up and their reads; the web layer maps them to
HTTP statuses (403, 404, 409, 422) and the CLI to exit statuses.
"""

from __future__ import annotations


class ReviewError(Exception):
    """A review refused. ``str()`` is fit to show a user; ``fact_id`` names the fact, if one."""

    def __init__(self, message: str, fact_id: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.fact_id = fact_id


class PermissionDenied(ReviewError):
    """The principal may not do this (to this fact)."""


class NotFound(ReviewError):
    """No such fact (or none the principal may see)."""


class InvalidTransition(ReviewError):
    """The fact's status does not allow this action."""


class InvalidValue(ReviewError):
    """A value given is not acceptable: an unknown indicator, a negative figure, no note…"""


class InvalidDocumentError(ValueError):
    """A document holding something that cannot be stored (a value that is not a number…)."""


class PublishingError(Exception):
    """A report cannot be written in the format asked: a library it needs is missing."""
