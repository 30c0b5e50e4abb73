"""Errors raised when a file cannot be turned into text."""

from __future__ import annotations

import os


class UnreadableFileError(Exception):
    """A file Vigía cannot read: ``str(error)`` is ``"<path>: <reason>"`` on one line."""

    def __init__(self, path: str | os.PathLike[str], reason: str) -> None:
        super().__init__(str(path), reason)
        self.path = str(path)
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


class UnreadableContentError(Exception):
    """Raised by a format reader on bytes it cannot read; the caller adds the path."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
