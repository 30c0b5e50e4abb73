"""Peak memory and time of reading hostile or oversized files, as `vigia ingest` reads them.

    python bench/ingest_limits.py [--megabytes 20]

Builds, in a temporary folder: a plain text of that size, a DOCX of that size (its main part
stored uncompressed, so it is not refused as a zip bomb), a 0.4 MB zip bomb that expands to about
450 MB, and our example reports repeated up to just under the character limit. Each is read, then
extracted when it is accepted, in a fresh process; prints the outcome, the wall time and that
process's peak resident memory.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from vigia.ingest.limits import DEFAULT_LIMITS

SENTENCE = (
    "En 2019 la fiscalía abrió 45 investigaciones por trata de personas y capacitó a más de "
    "600 funcionarios públicos en 12 provincias. "
)

CHILD = """
import json, resource, sys, time
from pathlib import Path
from vigia.services.extraction import extract_document
from vigia.ingest import UnreadableFileError, read_document
started = time.perf_counter()
try:
    document = read_document(Path(sys.argv[1]))
    facts = len(extract_document(document).facts)
    outcome = f"read {len(document.text):,} characters, {facts:,} facts"
except UnreadableFileError as error:
    outcome = f"refused: {error.reason}"
seconds = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"outcome": outcome, "seconds": seconds, "peak_mb": peak}))
"""


def _text(path: Path, size: int) -> Path:
    repeats = size // len(SENTENCE.encode("utf-8")) + 1
    path.write_bytes((SENTENCE * repeats).encode("utf-8")[:size])
    return path


def _reports(path: Path, characters: int) -> Path:
    """Our example reports, repeated up to ``characters``: real sections, figures and countries."""
    reports = sorted(Path(__file__).parent.parent.glob("tests/data/reports/*.txt"))
    text = "\n\n".join(report.read_text(encoding="utf-8") for report in reports)
    path.write_text((text * (characters // len(text) + 1))[:characters], encoding="utf-8")
    return path


def _docx(path: Path, size: int) -> Path:
    paragraph = f"<w:p><w:r><w:t>{SENTENCE}</w:t></w:r></w:p>".encode()
    body = paragraph * (size // len(paragraph))
    namespace = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", PACKAGE_RELATIONSHIPS)
        archive.writestr(
            "word/document.xml",
            f"<w:document {namespace}><w:body>".encode() + body + b"</w:body></w:document>",
        )
    return path


def _zip_bomb(path: Path, expanded: int) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        with archive.open("word/document.xml", "w") as part:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(expanded // len(chunk)):
                part.write(chunk)
    return path


CONTENT_TYPES = (
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-'
    'package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
PACKAGE_RELATIONSHIPS = (
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
    'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
    "</Relationships>"
)


def _measure(path: Path) -> dict[str, object]:
    completed = subprocess.run(
        [sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, check=True
    )
    result: dict[str, object] = json.loads(completed.stdout)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=int, default=20)
    size = parser.parse_args().megabytes * 1024 * 1024
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        cases = {
            f"{size / 2**20:.0f} MB text": _text(root / "large.txt", size),
            f"{size / 2**20:.0f} MB DOCX": _docx(root / "large.docx", size),
            "zip bomb": _zip_bomb(root / "bomb.docx", 450 * 1024 * 1024),
            "reports at the character limit": _reports(
                root / "limit.txt", DEFAULT_LIMITS.max_characters - 1000
            ),
        }
        print(f"{'file':<30} {'size':>10} {'seconds':>8} {'peak MB':>8}  outcome")
        for name, path in cases.items():
            figures = _measure(path)
            print(
                f"{name:<30} {path.stat().st_size / 2**20:>8.2f}MB {figures['seconds']:>8.2f} "
                f"{figures['peak_mb']:>8.0f}  {figures['outcome']}"
            )


if __name__ == "__main__":
    main()
