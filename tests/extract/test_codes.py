from vigia.extract.codes import find_codes, is_meeting_document, is_national_report, meeting_code


def test_find_codes_reads_meeting_codes_in_their_variants() -> None:
    text = (
        "(RTP-III/INF. 22/12) l'ordre du jour (RTP-III/doc.2/12 rev. 1), le rapport (RTP-IIIdoc.6/12)"
        " et le compendium (RTP-III/doc. 9/12 rev. 1), résolution AG/RES. 2551 (XL-O/10)."
    )
    assert [code.code for code in find_codes(text)] == [
        "RTP-III/INF. 22/12",
        "RTP-III/doc.2/12 rev. 1",
        "RTP-IIIdoc.6/12",
        "RTP-III/doc. 9/12 rev. 1",
        "AG/RES. 2551 (XL-O/10)",
    ]


def test_codes_tell_national_reports_from_meeting_documents() -> None:
    assert is_national_report("RTP-IV/INF. 3/14")
    assert not is_national_report("RTP-IV/doc.2/14")
    assert is_meeting_document("RTP-IV/doc.2/14 rev. 1")
    assert not is_meeting_document("AG/RES. 2551 (XL-O/10)")


def test_meeting_code_is_the_most_frequent_prefix() -> None:
    codes = find_codes("RTP-IV/doc.1/14, RTP-IV/INF. 2/14 and REMJA-VIII/doc.3/10")
    assert meeting_code(codes) == "RTP-IV"
    assert meeting_code([]) is None
