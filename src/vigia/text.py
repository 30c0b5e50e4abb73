"""Text helpers every stage shares."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """Lower case without accents, typographic apostrophes made plain: what keywords match."""
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()
