"""Vigía's settings, read once from the environment: the only place that looks at it."""

from __future__ import annotations

import os
from dataclasses import dataclass

DEFAULT_DATABASE_URL = "sqlite:///vigia.db"


@dataclass(frozen=True)
class Settings:
    database_url: str = DEFAULT_DATABASE_URL

    @classmethod
    def from_environment(cls) -> Settings:
        return cls(database_url=os.environ.get("VIGIA_DATABASE_URL", DEFAULT_DATABASE_URL))
