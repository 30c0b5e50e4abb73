import codecs
import hashlib
import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx.document
import pytest

from vigia.ingest import DOCX, HTML, PDF, PLAIN_TEXT, UnreadableFileError, read_document

PdfBuilder = Callable[..., bytes]

SUPPORTED = "(supported: .txt, .text, .md, .html, .htm, .docx, .pdf)"
CORPUS_REPORT = Path(__file__).parents[3] / "shared" / "corpus" / "rtp3-rapporteur-report.fr.txt"


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def unreadable_reason(path: Path) -> str:
    with pytest.raises(UnreadableFileError) as caught:
        read_document(path)
    assert caught.value.path == str(path)
    assert str(caught.value) == f"{path}: {caught.value.reason}"
    return caught.value.reason


def test_read_document_fills_the_reader_fields_for_text(tmp_path: Path) -> None:
    data = "\n  Informe de Panamá  \r\nSe identificaron 12 víctimas.\r\n".encode("utf-16")
    path = write(tmp_path, "informe.txt", data)
    document = read_document(path)
    assert document.path == str(path)
    assert document.text == "\n  Informe de Panamá  \nSe identificaron 12 víctimas.\n"
    assert document.sha256 == hashlib.sha256(data).hexdigest()
    assert document.media_type == PLAIN_TEXT
    assert document.page_starts == []
    assert document.title == "Informe de Panamá"


def test_read_document_cuts_a_first_line_title_to_200_characters(tmp_path: Path) -> None:
    path = write(tmp_path, "notes.md", ("palabra " * 40 + "\nfin").encode())
    title = read_document(path).title
    assert title == ("palabra " * 25).strip()
    assert title is not None and len(title) <= 200


def test_read_document_reads_markdown_and_cp1252(tmp_path: Path) -> None:
    path = write(tmp_path, "nota.md", "“Éxito” – café\n".encode("cp1252"))
    assert read_document(path).text == "“Éxito” – café\n"


def test_read_document_reads_html(tmp_path: Path) -> None:
    data = b"<html><head><title>Portada</title></head><body><p>Uno</p><p>Dos</p></body></html>"
    document = read_document(write(tmp_path, "page.htm", data))
    assert (document.media_type, document.title, document.text) == (HTML, "Portada", "Uno\n\nDos")


def test_read_document_reads_docx(tmp_path: Path, report_docx: docx.document.Document) -> None:
    path = tmp_path / "informe.docx"
    report_docx.save(str(path))
    document = read_document(path)
    assert document.media_type == DOCX
    assert document.title == "Informe nacional de Costa Rica"
    assert document.text.startswith("Informe nacional de Costa Rica\n\nSe capacitó")


def test_read_document_reads_pdf_with_pages(tmp_path: Path, make_pdf: PdfBuilder) -> None:
    data = make_pdf([[["Première page."]], [["Segunda página."]]], title="Rapport")
    document = read_document(write(tmp_path, "rapport.pdf", data))
    assert document.media_type == PDF
    assert document.text == "Première page.\n\nSegunda página."
    assert document.page_starts == [0, 16]
    assert document.page_at(document.text.index("Segunda")) == 2
    assert document.title == "Rapport"


def test_read_document_sniffs_content_before_the_extension(
    tmp_path: Path, make_pdf: PdfBuilder, report_docx: docx.document.Document
) -> None:
    buffer = io.BytesIO()
    report_docx.save(buffer)
    pdf = write(tmp_path, "really-a-pdf.txt", make_pdf([[["Hola."]]]))
    word = write(tmp_path, "really-a-docx.bin", buffer.getvalue())
    page = write(tmp_path, "really-html.txt", b"\n<!DOCTYPE html><p>Hola</p>")
    page_utf16 = write(tmp_path, "page.doc", "<html><p>Olá</p></html>".encode("utf-16"))
    assert [read_document(path).media_type for path in (pdf, word, page, page_utf16)] == [
        PDF,
        DOCX,
        HTML,
        HTML,
    ]
    assert read_document(page_utf16).text == "Olá"


def test_read_document_refuses_a_missing_file(tmp_path: Path) -> None:
    assert unreadable_reason(tmp_path / "absent.txt") == "file not found"


def test_read_document_refuses_a_directory(tmp_path: Path) -> None:
    assert unreadable_reason(tmp_path) == "is a directory, not a file"


def test_read_document_refuses_an_empty_file(tmp_path: Path) -> None:
    assert unreadable_reason(write(tmp_path, "empty.txt", b"")) == "empty file"


def test_read_document_refuses_a_file_of_whitespace(tmp_path: Path) -> None:
    path = write(tmp_path, "blank.txt", codecs.BOM_UTF16_LE + " \r\n\t".encode("utf-16-le"))
    assert unreadable_reason(path) == "empty file (only whitespace)"


def test_read_document_refuses_html_without_visible_text(tmp_path: Path) -> None:
    path = write(tmp_path, "blank.html", b"<html><script>x = 1</script><p> </p></html>")
    assert unreadable_reason(path) == "no text found"


def test_read_document_refuses_an_unsupported_extension(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    path = write(tmp_path, "cifras.XLSX", buffer.getvalue())
    assert unreadable_reason(path) == f"unsupported file type '.xlsx' {SUPPORTED}"


def test_read_document_refuses_a_file_without_extension(tmp_path: Path) -> None:
    reason = unreadable_reason(write(tmp_path, "README", b"texto"))
    assert reason == f"no file extension and unknown type {SUPPORTED}"


def test_read_document_refuses_a_legacy_doc(tmp_path: Path) -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    reason = "legacy Word .doc format is not supported: save it as .docx"
    assert unreadable_reason(write(tmp_path, "old.doc", ole)) == reason
    assert unreadable_reason(write(tmp_path, "plain.doc", b"just text")) == reason


def test_read_document_refuses_a_password_protected_docx(tmp_path: Path) -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    assert unreadable_reason(write(tmp_path, "locked.docx", ole)) == (
        "password-protected or legacy Word file: remove the password and save it as .docx"
    )


def test_read_document_refuses_a_corrupt_docx(tmp_path: Path) -> None:
    path = write(tmp_path, "broken.docx", b"PK\x03\x04\x14\x00garbage")
    assert unreadable_reason(path) == "corrupt or unreadable DOCX"


def test_read_document_refuses_binary_bytes_named_txt(tmp_path: Path) -> None:
    path = write(tmp_path, "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert unreadable_reason(path) == "binary content, not text"


def test_read_document_names_pdf_problems(
    tmp_path: Path, make_pdf: PdfBuilder, image_only_pdf: bytes
) -> None:
    locked = make_pdf([[["Secreto."]]], owner_password="o", user_password="u")
    truncated = make_pdf([[["Texto."]]])[:200]
    assert [
        unreadable_reason(write(tmp_path, "scan.pdf", image_only_pdf)),
        unreadable_reason(write(tmp_path, "locked.pdf", locked)),
        unreadable_reason(write(tmp_path, "truncated.pdf", truncated)),
        unreadable_reason(write(tmp_path, "garbage.pdf", b"\x00\x01garbage" * 50)),
    ] == [
        "PDF has no text layer (scanned pages?): it needs OCR first",
        "encrypted PDF: remove the password first",
        "corrupt or unreadable PDF",
        "corrupt or unreadable PDF",
    ]


def test_unreadable_file_error_is_one_line_naming_file_and_reason() -> None:
    error = UnreadableFileError(Path("dir/report.pdf"), "corrupt or unreadable PDF")
    assert (error.path, error.reason) == ("dir/report.pdf", "corrupt or unreadable PDF")
    assert str(error) == "dir/report.pdf: corrupt or unreadable PDF"


@pytest.mark.skipif(not CORPUS_REPORT.exists(), reason=f"corpus file absent: {CORPUS_REPORT}")
def test_read_document_reads_the_corpus_report() -> None:
    document = read_document(CORPUS_REPORT)
    raw = CORPUS_REPORT.read_bytes()
    assert document.sha256 == hashlib.sha256(raw).hexdigest()
    assert document.media_type == PLAIN_TEXT
    assert "\r" not in document.text
    assert document.title == raw.decode("utf-8-sig").strip().splitlines()[0].strip()[:200].rstrip()
