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

from html import escape

from scrmap.display import terminal


def visible(text: str) -> str:
    """The text with bidirectional and other invisible control characters made visible:
    the terminal's own escaping (`scrmap.display`), line breaks and tabs kept, so one convention
    holds wherever scrmap shows text."""
    return terminal(text, newlines=True, tabs=True)


def html_text(value: object) -> str:
    """Any value as HTML or SVG text (element content or a quoted attribute)."""
    return escape(visible("" if value is None else str(value)), quote=True)
