"""Signed session cookies: vigia.web.sessions (the failed logins: tests/store/test_logins.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from vigia.web.sessions import LoginSession, SessionCodec

NOW = 1_800_000_000.0


def test_session_codec_gives_back_the_session_it_signed() -> None:
    codec = SessionCodec("key one")
    session = LoginSession.fresh(7, now=NOW)

    assert codec.decode(codec.encode(session), now=NOW + 60) == session


@pytest.mark.parametrize(
    "tamper",
    [
        lambda value: "x" + value,
        lambda value: value[: value.index(".") + 1] + value[value.index(".") + 5 :],
        lambda value: "e30" + value[value.index(".") :],
        lambda value: value.replace(".", ""),
        lambda value: value + ".extra",
        lambda value: "",
    ],
)
def test_session_codec_refuses_a_tampered_value(tamper: Callable[[str], str]) -> None:
    codec = SessionCodec("key one")
    value = codec.encode(LoginSession.fresh(7, now=NOW))

    assert codec.decode(tamper(value), now=NOW) is None


def test_session_codec_refuses_another_keys_value() -> None:
    value = SessionCodec("key one").encode(LoginSession.fresh(7, now=NOW))

    assert SessionCodec("key two").decode(value, now=NOW) is None


def test_session_codec_refuses_an_expired_session() -> None:
    codec = SessionCodec("key one", lifetime=3600)
    value = codec.encode(LoginSession.fresh(7, now=NOW))

    assert codec.decode(value, now=NOW + 3599) is not None
    assert codec.decode(value, now=NOW + 3601) is None


def test_session_codec_needs_a_key() -> None:
    with pytest.raises(ValueError, match="secret key"):
        SessionCodec("")


def test_login_session_accepts_only_its_own_token() -> None:
    session = LoginSession.fresh(None, now=NOW)

    assert session.accepts(session.csrf_token)
    assert not session.accepts(LoginSession.fresh(None, now=NOW).csrf_token)
    assert not session.accepts("")
    assert not session.accepts(None)
