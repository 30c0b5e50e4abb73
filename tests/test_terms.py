"""Words as search sees them: vigia.terms."""

from __future__ import annotations

from vigia.terms import (
    fts5_expression,
    highlighted,
    index_terms,
    parse_query,
    tsquery_expression,
)


def test_index_terms_are_stems_without_accents_or_common_words() -> None:
    assert index_terms("Los albergues acogieron a 40 víctimas.", "es") == "alberg acog 40 victim"
    assert index_terms("L'hébergement des victimes", "fr") == "heberg victim"
    assert index_terms("Shelters for victims", None) == "shelter victim"  # English by default


def test_a_query_in_english_brings_in_the_concepts_terms_in_every_language() -> None:
    query = parse_query("shelters for victims")
    shelter, victim = query.groups
    assert {("alberg",), ("heberg",), ("abrig",), ("shelter",)} <= shelter
    assert ("cas", "acog") in shelter  # "casa de acogida", a phrase
    assert {("victim",), ("vitim",)} <= victim


def test_a_word_of_no_concept_is_looked_for_in_each_languages_stem() -> None:
    (group,) = parse_query("Guatemaltecas").groups
    assert ("guatemaltec",) in group


def test_common_words_and_the_syntax_of_the_databases_are_left_out() -> None:
    assert parse_query("the of de la").groups == ()
    query = parse_query('"unit" OR (task*) -- NEAR')
    expression = fts5_expression(query)
    assert expression.count("(") == len(query.groups)
    assert '"' not in expression.replace('" OR "', "").strip('()"').replace('") AND ("', "")
    assert tsquery_expression(query).count("&") == len(query.groups) - 1


def test_highlighted_marks_the_words_whose_stems_were_asked_for() -> None:
    query = parse_query("shelters")
    pieces = highlighted("Le Chili possède un foyer pour les victimes.", "fr", query)
    assert [piece for piece, marked in pieces if marked] == ["foyer"]
    assert "".join(piece for piece, _ in pieces) == "Le Chili possède un foyer pour les victimes."
