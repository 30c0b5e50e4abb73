import pytest

from vigia.extract.requests import request_topic


@pytest.mark.parametrize(
    ("language", "sentence", "start"),
    [
        ("fr", "Il lui serait utile de savoir ce que les autres pays ont réalisé.", "serait utile"),
        ("es", "La delegación solicitó asistencia técnica para crear un registro.", "solicitó"),
        ("en", "The delegation asked for technical assistance to build a database.", "asked for"),
        ("pt", "O país solicitou apoio para capacitar inspetores do trabalho.", "solicitou"),
    ],
)
def test_request_topic_in_each_language(language: str, sentence: str, start: str) -> None:
    topic = request_topic(sentence, language)
    assert topic is not None and topic.startswith(start)


def test_request_topic_none_without_a_request() -> None:
    assert request_topic("The country adopted a national plan in 2012.", "en") is None
