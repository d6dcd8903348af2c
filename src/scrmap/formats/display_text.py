"""How text from recommendation files is shown: as text, whatever it holds.

Recommendation files are written by many hands, so their text is treated as hostile.
Escaping HTML stops markup running, but not a bidirectional control character: U+202E
turns "txt.exe" round on screen ("Trojan Source"), and an isolate left open reorders
the rest of the line. Such characters, and other invisible control characters, are
replaced by a visible ``[U+202E]`` so a reader sees that they are there and where.
Scripts written right to left (Arabic, Hebrew) are left as they are: they need no
control characters to show correctly.
"""

from __future__ import annotations

import re
from html import escape

_INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"  # C0 and C1 controls, but tab and newlines
    "\u061c\u200e\u200f"  # Arabic letter mark, left-to-right and right-to-left marks
    "\u202a-\u202e"  # embeddings and overrides
    "\u2066-\u2069]"  # isolates
)


def visible(text: str) -> str:
    """The text with bidirectional and other invisible control characters made visible."""
    return _INVISIBLE.sub(lambda m: f"[U+{ord(m.group()):04X}]", text)


def html_text(value: object) -> str:
    """Any value as HTML or SVG text (element content or a quoted attribute)."""
    return escape(visible("" if value is None else str(value)), quote=True)
