"""Word footnotes for python-docx, which has no API for them.

A :class:`Footnotes` collects the notes while the document is written: :meth:`Footnotes.cite` puts
a footnote reference (Word numbers it) after a figure, event or link, and :meth:`Footnotes.attach`
adds the footnotes part (``word/footnotes.xml``) to the document once it is written. Each
citation is a footnote of its own, since a Word footnote has one reference: a source cited twice
(a cooperation link on both states' profiles) is written twice. The notes are plain paragraphs in a
small size, so that they need no style the default template lacks.
"""

from __future__ import annotations

from docx.document import Document
from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.text.paragraph import Paragraph

FOOTNOTES_PART = "/word/footnotes.xml"
#: The note's size, in half-points, and the space after it, in twentieths of a point.
NOTE_SIZE = "18"
NOTE_SPACING = "60"
#: The two notes every footnotes part starts with: the line above the notes, and its continuation.
SEPARATORS = (
    f"<w:footnotes {nsdecls('w')}>"
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0"/></w:pPr>'
    "<w:r><w:separator/></w:r></w:p></w:footnote>"
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0"/>'
    "</w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"
    "</w:footnotes>"
)


class Footnotes:
    """The footnotes of one document, and the text each report footnote number stands for."""

    def __init__(self, texts: dict[int, str]) -> None:
        self._texts = texts
        self._root: BaseOxmlElement = parse_xml(SEPARATORS)
        self._count = 0

    @property
    def count(self) -> int:
        return self._count

    def cite(self, paragraph: Paragraph, number: int) -> None:
        """A footnote with the text of report footnote ``number``, referenced at the end of
        ``paragraph``."""
        self._count += 1
        note_id = str(self._count)
        reference = paragraph.add_run()._r
        reference.append(_superscript())
        reference.append(_w("footnoteReference", id=note_id))
        self._root.append(_note(note_id, self._texts[number]))

    def attach(self, document: Document) -> None:
        """Add the footnotes part to ``document`` (once, after the last citation)."""
        package = document.part.package
        part = XmlPart(PackURI(FOOTNOTES_PART), CONTENT_TYPE.WML_FOOTNOTES, self._root, package)
        document.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)


def _w(tag: str, *children: BaseOxmlElement, **attributes: str) -> BaseOxmlElement:
    """``<w:tag w:name="value"…>children</w:tag>``."""
    element = OxmlElement(f"w:{tag}")
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), value)
    for child in children:
        element.append(child)
    return element


def _superscript() -> BaseOxmlElement:
    return _w("rPr", _w("vertAlign", val="superscript"))


def _note(note_id: str, text: str) -> BaseOxmlElement:
    """``<w:footnote>``: Word's number of the note, then ``text`` in a small size."""
    words = _w("t")
    words.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    words.text = f" {text}"
    return _w(
        "footnote",
        _w(
            "p",
            _w("pPr", _w("spacing", after=NOTE_SPACING)),
            _w("r", _superscript(), _w("footnoteRef")),
            _w("r", _w("rPr", _w("sz", val=NOTE_SIZE)), words),
        ),
        id=note_id,
    )
