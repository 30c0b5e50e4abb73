"""Settings from the environment: vigia.settings."""

from __future__ import annotations

from pathlib import Path

import pytest

from vigia.settings import (
    DEFAULT_DATABASE_URL,
    Settings,
    SettingsError,
    instance_key,
    with_secret_key,
)


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


def test_settings_read_production_workers_instance_and_redis() -> None:
    environment = {
        "VIGIA_PRODUCTION": "1",
        "VIGIA_WORKERS": "4",
        "VIGIA_INSTANCE": "/srv/vigia",
        "VIGIA_REDIS_URL": "redis://127.0.0.1:6379/2",
    }

    settings = Settings.from_environment(environment)

    assert (settings.production, settings.workers, settings.instance) == (True, 4, "/srv/vigia")
    assert settings.redis_url == "redis://127.0.0.1:6379/2"
    assert Settings.from_environment({"VIGIA_REDIS_URL": ""}).redis_url is None


@pytest.mark.parametrize(
    ("name", "value"),
    [("VIGIA_WORKERS", "0"), ("VIGIA_WORKERS", "65"), ("VIGIA_WORKERS", "two"),
     ("VIGIA_PRODUCTION", "yes")],
)  # fmt: skip
def test_settings_refuse_workers_or_production_that_are_not_ones(name: str, value: str) -> None:
    with pytest.raises(SettingsError, match=name):
        Settings.from_environment({name: value})


def test_secret_key_made_once_for_the_instance_and_kept(tmp_path: Path) -> None:
    settings = Settings(instance=str(tmp_path / "instance"))

    first, again = with_secret_key(settings), with_secret_key(settings)

    assert first.secret_key and first.secret_key == again.secret_key
    assert (tmp_path / "instance" / "secret_key").stat().st_mode & 0o777 == 0o600
    given = Settings(secret_key="given", instance=str(tmp_path / "other"))
    assert with_secret_key(given).secret_key == "given"
    assert not (tmp_path / "other").exists()


def test_secret_key_is_required_in_production(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="VIGIA_SECRET_KEY must be set in production"):
        with_secret_key(Settings(production=True, instance=str(tmp_path)))
    assert list(tmp_path.iterdir()) == []


def test_secret_key_file_without_a_key_is_refused(tmp_path: Path) -> None:
    (tmp_path / "secret_key").write_text("\n", encoding="ascii")

    with pytest.raises(SettingsError, match="holds no key"):
        instance_key(tmp_path)
