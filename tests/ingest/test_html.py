import pytest

from vigia.ingest.html import declared_charset, decode_html, read_html

PAGE = """<!DOCTYPE html>
<html>
<head>
  <title>  Informe   regional </title>
  <style>p { color: red; }</style>
  <script>var cifra = 1234;</script>
</head>
<body>
  <header>Portal institucional</header>
  <nav><a href="/">Inicio</a></nav>
  <h1>Trata de personas</h1>
  <p>Se identificaron
     <b>45</b>   víctimas en 2011.</p>
  <div>Costa Rica &amp; Panamá&nbsp;firmaron un acuerdo &eacute;jemplar.<br>Segunda línea</div>
  <noscript>Active JavaScript</noscript>
  <!-- comentario oculto -->
  <ol><li>1. Prevención</li><li>2. Protección</li></ol>
  <table>
    <tr><th>País</th><th>Víctimas</th></tr>
    <tr><td>Guatemala</td><td>120</td></tr>
  </table>
  <p hidden>Texto oculto</p>
  <footer>Derechos reservados</footer>
</body>
</html>
"""


def test_read_html_keeps_visible_text_as_paragraphs() -> None:
    extracted = read_html(PAGE.encode("utf-8"))
    assert extracted.text == (
        "Trata de personas\n\n"
        "Se identificaron 45 víctimas en 2011.\n\n"
        "Costa Rica & Panamá\xa0firmaron un acuerdo éjemplar.\n\n"
        "Segunda línea\n\n"
        "1. Prevención\n\n"
        "2. Protección\n\n"
        "País | Víctimas\n\n"
        "Guatemala | 120"
    )


def test_read_html_takes_the_title_element() -> None:
    assert read_html(PAGE.encode("utf-8")).title == "Informe regional"


def test_read_html_falls_back_to_the_first_h1_for_the_title() -> None:
    extracted = read_html(b"<body><h1>Rapport  <i>annuel</i></h1><h1>Autre</h1></body>")
    assert extracted.title == "Rapport annuel"


def test_read_html_without_title_or_h1_has_no_title() -> None:
    assert read_html(b"<html><body><p>Texto</p></body></html>").title is None


def test_read_html_honours_a_latin1_meta_charset_as_windows_1252() -> None:
    data = (
        b'<html><head><meta charset="iso-8859-1"></head>'
        b"<body><p>\x93Acci\xf3n\x94 r\xe1pida</p></body></html>"
    )
    assert read_html(data).text == "“Acción” rápida"


def test_read_html_honours_an_http_equiv_charset() -> None:
    data = (
        b'<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">'
        b"</head><body><p>Ni\xc3\xb1as</p></body></html>"
    )
    assert read_html(data).text == "Niñas"


def test_decode_html_guesses_when_the_declared_charset_is_wrong() -> None:
    data = b'<meta charset="utf-8"><p>Gen\xe8ve</p>'
    assert decode_html(data) == '<meta charset="utf-8"><p>Genève</p>'


def test_decode_html_prefers_the_byte_order_mark() -> None:
    html = '<meta charset="iso-8859-1"><p>Niños</p>'
    assert decode_html(b"\xef\xbb\xbf" + html.encode("utf-8")) == html


@pytest.mark.parametrize(
    ("head", "codec"),
    [
        (b'<meta charset="windows-1252">', "cp1252"),
        (b"<meta charset=UTF-8>", "utf-8"),
        (b'<meta charset="utf-16">', None),
        (b'<meta charset="no-such-charset">', None),
        (b"<p>sin declaracion</p>", None),
    ],
)
def test_declared_charset_names_a_python_codec(head: bytes, codec: str | None) -> None:
    assert declared_charset(head) == codec


def test_read_html_separates_blocks_without_whitespace_between_them() -> None:
    data = b"<body><section><p>Uno</p><p>Dos</p></section><article>Tres</article></body>"
    assert read_html(data).text == "Uno\n\nDos\n\nTres"


def test_read_html_composes_entities_to_nfc() -> None:
    assert read_html(b"<p>Re&#769;publique</p>").text == "République"


def test_read_html_keeps_empty_cells_so_that_the_columns_stay_in_place() -> None:
    page = (
        "<table><tr><th></th><th>2018</th><th>2019</th><th>2020</th></tr>\n"
        "  <tr><td>Procesados</td><td>42</td><td> </td><td>60</td></tr>\n"
        "  <tr><td></td><td></td><td></td><td></td></tr></table>"
    )
    assert read_html(page.encode("utf-8")).text == (
        " | 2018 | 2019 | 2020\n\nProcesados | 42 |  | 60"
    )
