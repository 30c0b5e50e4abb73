from tests.extract.conftest import Analyse


def events(text: str, analyse: Analyse) -> list[tuple[str | None, str, int | None]]:
    document = analyse(text, until="events")
    return [(event.country, event.kind, event.year) for event in document.events]


def test_events_in_french_with_years(analyse: Analyse) -> None:
    text = (
        "1. Argentine; une Loi contre la traite est en application depuis 2008. En 2005 a été créée"
        " une commission interinstitutionnelle. Depuis 2011, il existe un fonds d’assistance.\n"
    )
    assert events(text, analyse) == [
        ("ARG", "law_adopted", 2008),
        ("ARG", "institution_created", 2005),
        ("ARG", "fund_created", 2011),
    ]


def test_events_in_spanish_skip_bills_and_drafts(analyse: Analyse) -> None:
    text = (
        "1. Perú; el Congreso aprobó la Ley contra la trata en 2007. Existe un proyecto de ley en"
        " discusión. El plan nacional 2011-2016 fue aprobado.\n"
    )
    assert events(text, analyse) == [("PER", "law_adopted", 2007), ("PER", "plan_adopted", 2011)]


def test_events_in_english_amendment_and_campaign(analyse: Analyse) -> None:
    text = (
        "1. Jamaica; the Act of 2007 was amended in 2013. The government launched a national"
        " campaign in 2014.\n"
    )
    assert set(events(text, analyse)) == {
        ("JAM", "law_amended", 2013),
        ("JAM", "law_adopted", 2007),
        ("JAM", "campaign_launched", 2014),
    }


def test_events_in_portuguese_same_year(analyse: Analyse) -> None:
    text = (
        "1. Brasil; em 2016 o país aprovou a Lei nº 13.344. No mesmo ano foi criado o comitê"
        " nacional.\n"
    )
    assert events(text, analyse) == [
        ("BRA", "law_adopted", 2016),
        ("BRA", "institution_created", 2016),
    ]


def test_events_only_in_country_sections(analyse: Analyse) -> None:
    text = "CONCLUSIONES\n\nLos Estados aprobaron la Ley Modelo en 2010.\n"
    assert events(text, analyse) == []
