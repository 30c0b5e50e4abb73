import pytest

from vigia.extract.roles import roles_in


@pytest.mark.parametrize(
    ("language", "sentence", "roles"),
    [
        (
            "fr",
            "Le pays est un pays de destination et d’origine de la traite.",
            ["origin", "destination"],
        ),
        (
            "es",
            "Uruguay se reconoce como país de origen, tránsito y destino.",
            ["origin", "transit", "destination"],
        ),
        ("en", "Jamaica is primarily a source country.", ["origin"]),
        (
            "en",
            "Belize described itself as a country of transit and destination.",
            ["transit", "destination"],
        ),
        ("pt", "O Brasil é país de origem e de destino de vítimas.", ["origin", "destination"]),
    ],
)
def test_roles_in_each_language(language: str, sentence: str, roles: list[str]) -> None:
    assert sorted(roles_in(sentence, language)) == sorted(roles)


def test_roles_in_ignores_roles_in_other_sentences_of_the_text() -> None:
    assert (
        roles_in("El país firmó un acuerdo. El destino de los fondos es la prevención.", "es") == []
    )
