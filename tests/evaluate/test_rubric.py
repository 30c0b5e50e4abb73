"""The published rubric: from evidence counts to ratings."""

from __future__ import annotations

from vigia.domain import EvidenceSentence, FigureEvidence, Rating
from vigia.evaluate.rubric import count_evidence, rate, rubric


def _sentence(start: int, confidence: float, document: str = "a.txt") -> EvidenceSentence:
    return EvidenceSentence(document, f"sentence {start}", start, start + 10, confidence)


def _figure() -> FigureEvidence:
    return FigureEvidence("a.txt", "convictions", 43, "43 condamnations")


def test_rate_no_evidence_is_no_information() -> None:
    assert rate([], []) == Rating.NO_INFORMATION


def test_rate_one_weak_sentence_is_mentioned_only() -> None:
    assert rate([_sentence(0, 0.4)], []) == Rating.MENTIONED_ONLY


def test_rate_a_figure_alone_is_mentioned_only() -> None:
    assert rate([], [_figure()]) == Rating.MENTIONED_ONLY


def test_rate_a_clear_sentence_with_another_is_some_evidence() -> None:
    assert rate([_sentence(0, 0.8), _sentence(20, 0.4)], []) == Rating.SOME_EVIDENCE


def test_rate_three_clear_sentences_are_substantial() -> None:
    sentences = [_sentence(start, 0.9) for start in (0, 20, 40)]
    assert rate(sentences, []) == Rating.SUBSTANTIAL_EVIDENCE


def test_rate_two_clear_sentences_and_a_figure_are_substantial() -> None:
    assert rate([_sentence(0, 0.8), _sentence(20, 0.96)], [_figure()]) == (
        Rating.SUBSTANTIAL_EVIDENCE
    )


def test_count_evidence_counts_a_sentence_mapped_twice_once() -> None:
    counts = count_evidence([_sentence(0, 0.4), _sentence(0, 0.8)], [])
    assert (counts.sentences, counts.strong_sentences) == (1, 1)


def test_rubric_describes_every_rating_in_four_languages() -> None:
    levels = rubric().levels
    assert [level.rating for level in levels] == list(Rating)
    for level in levels:
        assert set(level.labels) == set(level.descriptions) == {"es", "en", "fr", "pt"}
