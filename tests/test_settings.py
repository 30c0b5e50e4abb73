"""Settings from the environment: vigia.settings."""

from __future__ import annotations

import pytest

from vigia.settings import DEFAULT_DATABASE_URL, Settings, SettingsError


def test_settings_defaults_without_variables() -> None:
    assert Settings.from_environment({}) == Settings(DEFAULT_DATABASE_URL, "127.0.0.1", 8000)


def test_settings_read_vigia_variables() -> None:
    environment = {
        "VIGIA_DATABASE_URL": "sqlite:///other.db",
        "VIGIA_HOST": "0.0.0.0",
        "VIGIA_PORT": " 8080 ",
    }

    assert Settings.from_environment(environment) == Settings("sqlite:///other.db", "0.0.0.0", 8080)


@pytest.mark.parametrize("port", ["http", "-1", "65536", "٨٠"])
def test_settings_refuse_a_port_that_is_not_one(port: str) -> None:
    with pytest.raises(SettingsError, match="VIGIA_PORT"):
        Settings.from_environment({"VIGIA_PORT": port})
