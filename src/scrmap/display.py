"""Text from input files made safe to print: nothing in it may act on a terminal or a CI log.

A recommendation file can hold terminal escape sequences (which retitle the window or hide
text), right-to-left overrides (which reorder what a reader sees), zero-width characters,
and line breaks inside a file name or key (which on stderr would start a line of their own,
and GitHub Actions runs a line starting `::error` as a workflow command). Every such
character is shown by its code point, ``[U+001B]`` or ``[U+202E]``, so that it is visible and
inert.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Sequence

_UNSAFE = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs"})
"""Control, format (bidi overrides, zero-width), line/paragraph separator and lone
surrogate characters: none may reach a terminal as it is."""


def _escape(char: str) -> str:
    # The notation of the HTML report and spreadsheets (formats.display_text): one
    # convention wherever scrmap shows such a character.
    return f"[U+{ord(char):04X}]"


def is_unsafe(char: str) -> bool:
    """Whether ``char`` must not reach a terminal as it is."""
    return unicodedata.category(char) in _UNSAFE


def terminal(text: str, newlines: bool = False, tabs: bool = False) -> str:
    """``text`` with every unsafe character escaped; line breaks kept only if
    ``newlines``, tabs kept if ``tabs`` (a document's cell) and otherwise a space."""
    if text.isprintable():  # the common case: nothing to escape
        return text
    return "".join(
        char
        if (char == "\n" and newlines) or (char == "\t" and tabs)
        else " "
        if char == "\t"
        else _escape(char)
        if is_unsafe(char)
        else char
        for char in text
    )


def inert_json(text: str, yaml: bool = False) -> str:
    """JSON text (or YAML's double-quoted strings, when ``yaml``) with the unsafe characters
    that JSON leaves as they are (DEL, C1 controls such as U+009B, which some terminals run
    as an escape, right-to-left overrides, zero-width characters, U+2028) written as
    escapes: the same strings to any parser, but inert on a terminal or in a CI log.

    Line breaks are the layout's own (JSON escapes those inside strings) and are kept. YAML
    has no surrogate pairs, so there a character past U+FFFF is written ``\\UXXXXXXXX``."""
    # The common case, at C speed: nothing to escape (no-break spaces are not "printable").
    if text.replace("\n", " ").isprintable():
        return text
    table = {
        ord(char): (
            f"\\U{ord(char):08X}" if yaml and ord(char) > 0xFFFF else json.dumps(char)[1:-1]
        )
        for char in set(text)
        if char != "\n" and is_unsafe(char)
    }
    return text.translate(table) if table else text


def yaml_string(text: str) -> str:
    """``text`` as a double-quoted YAML string (JSON's string syntax is YAML's), non-ASCII
    kept but for what would act on a terminal (`inert_json`)."""
    return inert_json(json.dumps(text, ensure_ascii=False), yaml=True)


LISTED = 4
"""How many names a sentence lists before "and N others"."""


def joined_names(names: Sequence[str], joiner: str = "or") -> str:
    """Names joined for a sentence: "2.4 or 4.1", "2.4, 3.1 or 4.1", and past `LISTED`,
    "2.4, 3.1, 3.2, 4.1 and 2 others", so a message stays one line."""
    if len(names) > LISTED:
        rest = len(names) - LISTED
        return f"{', '.join(names[:LISTED])} and {rest} other{'s' * (rest != 1)}"
    if len(names) == 1:
        return names[0]
    return f"{', '.join(names[:-1])} {joiner} {names[-1]}"
