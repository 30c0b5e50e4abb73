from vigia.extract.sentences import split_sentences


def texts(text: str) -> list[str]:
    return [sentence.text for sentence in split_sentences(text)]


def test_split_sentences_at_full_stops_before_capitals() -> None:
    assert texts("La ley fue aprobada. El país creó una comisión.") == [
        "La ley fue aprobada.",
        "El país creó una comisión.",
    ]


def test_split_sentences_keeps_abbreviations_and_codes() -> None:
    text = "La Sra. Pérez presentó el informe (RTP-III/INF. 22/12). Mr. Smith spoke after."
    assert texts(text) == [
        "La Sra. Pérez presentó el informe (RTP-III/INF. 22/12).",
        "Mr. Smith spoke after.",
    ]


def test_split_sentences_keeps_list_numbers_with_their_item() -> None:
    assert texts("1. Guatemala; le pays agit.\n2. Paraguay; il existe une loi.") == [
        "1. Guatemala; le pays agit.",
        "2. Paraguay; il existe une loi.",
    ]


def test_split_sentences_joins_a_line_break_inside_a_sentence() -> None:
    sentences = split_sentences(
        "Le délit de traite \nau Nicaragua a donné lieu à 43 condamnations."
    )
    assert len(sentences) == 1
    assert sentences[0].text.endswith("condamnations.")


def test_split_sentences_breaks_at_blank_lines_headings_and_bullets() -> None:
    text = "PART TWO\nThe meeting continued\n\n•\nThe UNODC presented its work. It ended."
    assert texts(text) == [
        "PART TWO",
        "The meeting continued",
        "The UNODC presented its work.",
        "It ended.",
    ]


def test_split_sentences_offsets_index_the_text() -> None:
    text = "  Primera frase.  Segunda frase.\n\nTercera."
    for sentence in split_sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text


def test_split_sentences_makes_each_table_row_a_sentence() -> None:
    text = (
        "Persons prosecuted by year\n"
        "                      2018     2019\n"
        "Persons prosecuted      41       52\n"
        "Persons convicted\t12\t15\n"
        "Víctimas | 575 | 668\n"
        "the Ministry said it would publish\n"
        "more figures in  2021 and beyond."
    )
    assert texts(text) == [
        "Persons prosecuted by year",
        "2018     2019",
        "Persons prosecuted      41       52",
        "Persons convicted\t12\t15",
        "Víctimas | 575 | 668",
        "the Ministry said it would publish\nmore figures in  2021 and beyond.",
    ]


def test_split_sentences_makes_each_labelled_figure_a_sentence() -> None:
    text = "Results\nConvictions: 12\n- Victims rescued – 46\nThe ministry said: these\nare provisional."
    assert texts(text) == [
        "Results",
        "Convictions: 12",
        "- Victims rescued – 46",
        "The ministry said: these\nare provisional.",
    ]
