import codecs

import pytest

from vigia.ingest.errors import UnreadableContentError
from vigia.ingest.text import decode_text, read_text, split_front_matter

SAMPLE = "Trata de personas: niñas, “víctimas” y acción – São Paulo, Genève.\n"


def test_decode_text_reads_utf8() -> None:
    assert decode_text(SAMPLE.encode("utf-8")) == SAMPLE


def test_decode_text_drops_the_utf8_byte_order_mark() -> None:
    assert decode_text(codecs.BOM_UTF8 + SAMPLE.encode("utf-8")) == SAMPLE


@pytest.mark.parametrize(
    ("mark", "encoding"),
    [
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
    ],
)
def test_decode_text_follows_the_byte_order_mark(mark: bytes, encoding: str) -> None:
    assert decode_text(mark + SAMPLE.encode(encoding)) == SAMPLE


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_decode_text_detects_utf16_without_byte_order_mark(encoding: str) -> None:
    assert decode_text(SAMPLE.encode(encoding)) == SAMPLE


def test_decode_text_reads_cp1252_curly_quotes_and_accents() -> None:
    text = "Le “plan” d’action – été\n"
    data = text.encode("cp1252")
    assert b"\x93" in data  # the curly quote is in cp1252's 0x80-0x9F range
    assert decode_text(data) == text


def test_decode_text_reads_latin1() -> None:
    text = "Ação conjunta em São Paulo, señal, garçon.\n"
    assert decode_text(text.encode("latin-1")) == text


def test_decode_text_falls_back_to_latin1_for_bytes_undefined_in_cp1252() -> None:
    assert decode_text(b"caf\xe9 \x81 fin") == "café \x81 fin"


def test_decode_text_normalises_crlf_and_lone_cr() -> None:
    assert decode_text(b"uno\r\ndos\rtres\n\r\ncuatro") == "uno\ndos\ntres\n\ncuatro"


def test_decode_text_composes_to_nfc() -> None:
    decomposed = "Re\u0301publique"
    assert decode_text(decomposed.encode("utf-8")) == "République"


def test_read_text_keeps_the_text_and_has_no_pages_or_title() -> None:
    extracted = read_text("Primera línea\r\nSegunda".encode())
    assert (extracted.text, extracted.title, extracted.page_starts) == (
        "Primera línea\nSegunda",
        None,
        [],
    )


def test_read_text_refuses_binary_content() -> None:
    with pytest.raises(UnreadableContentError) as caught:
        read_text(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    assert caught.value.reason == "binary content, not text"


def test_front_matter_is_read_as_metadata_not_as_text() -> None:
    data = (
        "# source: https://example.org/informe\n"
        "# title: Informe anual 2020\n"
        "# note: 575 victims in 2018\n"
        "Informe anual\n\nEn 2019 se identificaron 668 víctimas.\n"
    ).encode()

    extracted = read_text(data)

    assert extracted.title == "Informe anual 2020"
    assert extracted.text == "Informe anual\n\nEn 2019 se identificaron 668 víctimas.\n"
    assert "575" not in extracted.text


def test_a_single_comment_line_or_a_heading_stays_text() -> None:
    heading = "# Informe: trata de personas\n# Parte uno\nTexto.\n"
    single = "# source: https://example.org\nTexto.\n"

    assert read_text(heading.encode()).text == heading
    assert read_text(single.encode()).text == single
    assert split_front_matter("# a: 1\n# b: 2")[0] == {"a": "1", "b": "2"}
