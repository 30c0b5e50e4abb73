"""Signed session cookies and the count of failed logins: vigia.web.sessions."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from vigia.web.sessions import LoginSession, LoginThrottle, SessionCodec, throttle_keys

NOW = 1_800_000_000.0


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


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


def test_login_throttle_blocks_a_key_after_the_limit_within_the_window() -> None:
    clock = Clock()
    throttle = LoginThrottle(limit=3, window=600, clock=clock)
    keys = throttle_keys("Someone@Example.org ", "10.0.0.1")

    for second in (0, 100, 200):
        clock.now = second
        assert throttle.wait(keys) == 0
        throttle.record_failure(keys)
    clock.now = 300

    assert throttle.wait(keys) == 300
    assert throttle.wait(["email:someone@example.org"]) == 300
    assert throttle.wait(["address:10.0.0.2"]) == 0


def test_login_throttle_lets_failures_leave_the_window() -> None:
    clock = Clock()
    throttle = LoginThrottle(limit=2, window=600, clock=clock)
    throttle.record_failure(["email:a@example.org"])
    clock.now = 500
    throttle.record_failure(["email:a@example.org"])

    clock.now = 601

    assert throttle.wait(["email:a@example.org"]) == 0


def test_login_throttle_forgets_a_key_after_success() -> None:
    throttle = LoginThrottle(limit=1, window=600)
    throttle.record_failure(["email:a@example.org"])

    throttle.forget(["email:a@example.org"])

    assert throttle.wait(["email:a@example.org"]) == 0


def test_login_throttle_remembers_a_bounded_number_of_keys() -> None:
    throttle = LoginThrottle(limit=1, window=600, capacity=2)
    for name in ("a", "b", "c"):
        throttle.record_failure([f"email:{name}@example.org"])

    assert throttle.wait(["email:a@example.org"]) == 0
    assert throttle.wait(["email:c@example.org"]) > 0
