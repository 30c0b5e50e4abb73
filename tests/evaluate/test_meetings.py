"""Meetings as rounds: their order and their year."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from tests.evaluate.conftest import StoreReport
from vigia.evaluate.meetings import meeting_order, reporting_meetings, roman_to_int


@pytest.mark.parametrize(("numeral", "value"), [("III", 3), ("IV", 4), ("IX", 9), ("XIV", 14)])
def test_roman_to_int_reads_numerals(numeral: str, value: int) -> None:
    assert roman_to_int(numeral) == value


def test_meeting_order_puts_rounds_in_order() -> None:
    codes = ["RTP-X", "RTP-IV", "RTP-III", "RTP-V", "OTHER"]
    assert sorted(codes, key=meeting_order) == ["RTP-III", "RTP-IV", "RTP-V", "RTP-X", "OTHER"]


def test_reporting_meetings_are_those_with_the_states_section_oldest_first(
    session: Session, store_report: StoreReport
) -> None:
    store_report("relatorio-rtp5.pt.txt")
    store_report("rtp4-informe-relatoria.es.txt")
    assert reporting_meetings(session, "ARG") == ["RTP-IV", "RTP-V"]
    assert reporting_meetings(session, "GTM") == ["RTP-IV"]
    assert reporting_meetings(session, "FRA") == []
