"""Every code the pages show has a name to translate."""

from __future__ import annotations

from vigia.extract.confidence import reasons
from vigia.publish.labels import codes, label


def test_every_reason_of_the_extractor_has_a_name() -> None:
    indicator_reasons, owner_reasons = reasons()
    assert set(codes("indicator_reason")) == indicator_reasons
    assert set(codes("owner_reason")) == owner_reasons


def test_an_unnamed_code_is_shown_as_it_is() -> None:
    assert label("owner_reason", "row_country", str.upper) == "THE COUNTRY ITS ROW NAMES"
    assert label("owner_reason", "a_new_reason", str.upper) == "a_new_reason"
    assert label("owner_reason", None, str.upper) == ""
