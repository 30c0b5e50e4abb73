from tests.extract.conftest import Analyse

ENGLISH = """ELECTION OF OFFICERS

The delegation of Jamaica nominated Ms. Anne Brown, Director of the Unit of Trinidad and Tobago, as Chair of the meeting.

The delegation of Canada nominated Mr. Paul Green, Coordinator of the Task Force of Guyana, as Vice Chair.

The agenda (RTP-IV/doc.1/15) was adopted.

PART TWO

The delegation of Belize proposed the creation of a Caribbean network of prosecutors. The proposal was supported by the delegations of Jamaica and Barbados.
"""


def test_meeting_officers_with_who_nominated_them(analyse: Analyse) -> None:
    record = analyse(ENGLISH, until="meeting").meeting
    officers = [(o.role, o.name, o.country, o.nominated_by) for o in record.officers]
    assert officers == [
        ("chair", "Anne Brown", "TTO", "JAM"),
        ("vice_chair", "Paul Green", "GUY", "CAN"),
    ]


def test_meeting_documents_and_code(analyse: Analyse) -> None:
    record = analyse(ENGLISH, until="meeting").meeting
    assert record.code == "RTP-IV"
    assert record.documents == ["RTP-IV/doc.1/15"]


def test_meeting_decision_with_supporters_in_the_next_sentence(analyse: Analyse) -> None:
    record = analyse(ENGLISH, until="meeting").meeting
    assert [(d.proposed_by, d.supported_by) for d in record.decisions] == [
        (["BLZ"], ["JAM", "BRB"])
    ]
    assert record.decisions[0].what.startswith("the creation of a Caribbean network")
