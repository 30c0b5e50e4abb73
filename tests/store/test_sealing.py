"""Identifying fields sealed at rest: vigia.store.sealing."""

from __future__ import annotations

import pytest

from vigia.store.sealing import NoKey, Sealer, SealError, new_key_text

IDENTITY = {"name": "María Pérez", "document_number": "A-123", "notes": "Refugio 3"}


def test_a_sealed_identity_opens_with_its_key_and_shows_nothing_in_the_clear() -> None:
    sealer = Sealer.from_text(new_key_text("2026a"))

    key_id, blob = sealer.seal(IDENTITY)

    assert key_id == "2026a"
    assert b"Mar" not in blob and b"A-123" not in blob
    assert sealer.open(key_id, blob) == IDENTITY
    assert sealer.seal(IDENTITY)[1] != blob  # a fresh nonce each time


def test_after_rotation_the_new_key_seals_and_the_old_one_still_opens() -> None:
    old = new_key_text("old")
    _, blob = Sealer.from_text(old).seal(IDENTITY)
    rotated = Sealer.from_text(f"{new_key_text('new')},{old}")

    assert rotated.current == "new"
    assert rotated.open("old", blob) == IDENTITY
    assert rotated.seal(IDENTITY)[0] == "new"
    with pytest.raises(NoKey, match="'old' is not among"):
        Sealer.from_text(new_key_text("new")).open("old", blob)


def test_an_altered_blob_or_a_blob_under_another_keys_id_does_not_open() -> None:
    sealer = Sealer.from_text(f"{new_key_text('a')},{new_key_text('b')}")
    _, blob = sealer.seal(IDENTITY)
    altered = blob[:-1] + bytes([blob[-1] ^ 1])

    with pytest.raises(SealError):
        sealer.open("a", altered)
    with pytest.raises(SealError):
        sealer.open("b", blob)


ZEROS = "A" * 43 + "="  # base64 of 32 zero bytes


@pytest.mark.parametrize("text", ["a:notbase64!", "a:AAAA", f":{ZEROS}"])
def test_a_bad_key_setting_is_refused(text: str) -> None:
    with pytest.raises(SealError):
        Sealer.from_text(text)
    with pytest.raises(SealError, match="same id"):
        Sealer.from_text(f"{new_key_text('a')},{new_key_text('a')}")


def test_without_a_key_nothing_is_sealed() -> None:
    with pytest.raises(NoKey, match="VIGIA_CASE_KEYS"):
        Sealer.from_text("").seal(IDENTITY)
