from tests.extract.conftest import Analyse


def links(document):  # type: ignore[no-untyped-def]
    return [(link.source, link.target, link.kind) for link in document.cooperation]


def test_cooperation_shared_practice_goes_from_the_section_country(analyse: Analyse) -> None:
    text = "1. Honduras; el país compartió buenas prácticas con Colombia y España.\n"
    document = analyse(text, until="cooperation")
    assert links(document) == [
        ("HND", "COL", "shared_practice"),
        ("HND", "ESP", "shared_practice"),
    ]


def test_cooperation_agent_named_before_the_cue_is_the_source(analyse: Analyse) -> None:
    text = (
        "1. United States; it praised the work of Costa Rica against sex tourism together with the"
        " Dominican Republic and Peru.\n"
    )
    document = analyse(text, until="cooperation")
    assert links(document) == [("CRI", "DOM", "joint_action"), ("CRI", "PER", "joint_action")]


def test_cooperation_funding_reaches_every_country_named(analyse: Analyse) -> None:
    text = "1. Canada; en Guatemala finance un projet, au Honduras il finance des refuges.\n"
    document = analyse(text, until="cooperation")
    assert links(document) == [("CAN", "GTM", "funding"), ("CAN", "HND", "funding")]


def test_cooperation_support_received_points_to_the_section_country(analyse: Analyse) -> None:
    text = "1. Paraguai; o país agradeceu a cooperação do Brasil na capacitação de policiais.\n"
    document = analyse(text, until="cooperation")
    assert links(document) == [("BRA", "PRY", "support_received")]


def test_cooperation_needs_another_country(analyse: Analyse) -> None:
    text = "1. Chile; el país coopera con la sociedad civil.\n"
    assert analyse(text, until="cooperation").cooperation == []
