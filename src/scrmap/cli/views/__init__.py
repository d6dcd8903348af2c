"""Rich renderables for the terminal, one module per command's view.

Part of the CLI layer: the core never imports Rich. The console below reads no markup, so
"[bold]" or "[/]" in a recommendation, an id or a file name prints as written (and
"[link=...]" never becomes a hyperlink), and it escapes every control and format character
in what it prints (see `scrmap.display`), whichever renderable the text came in.
"""

from __future__ import annotations

import errno
from collections.abc import Iterable
from typing import Any, TypeVar

from rich.console import Console, ConsoleOptions, RenderableType
from rich.segment import Segment

from scrmap.display import terminal

T = TypeVar("T")

QUIET = "italic"
"""Text said in passing (notes, legends, near misses, counts of phrases): set apart by
italics, never dimmed. A terminal draws dim text at about half its contrast, under the
4.5:1 that text needs (WCAG 1.4.3) on the usual light and dark themes alike, and keeps it
dim under NO_COLOR, which removes colours only."""


def clean(value: T) -> T:
    """``value`` (a record: dicts, lists, strings) with every string made safe and one
    line. Done before Rich lays text out: a line break inside a case name or file name
    would otherwise start a line of its own, and a line starting `::error` is a command
    to GitHub Actions, which reads stdout too."""
    data: Any = value
    if isinstance(data, str):
        return terminal(data)  # type: ignore[return-value]
    if isinstance(data, dict):
        return {key: clean(item) for key, item in data.items()}  # type: ignore[return-value]
    if isinstance(data, list | tuple):
        return type(data)(clean(item) for item in data)  # type: ignore[return-value]
    return value


class SafeConsole(Console):
    """A console that renders no markup and no control character from the text it is given.

    Rich's own styling is not text: it travels in each segment's style and is turned into
    escape sequences only when written, after this filter.
    """

    def render(
        self, renderable: RenderableType, options: ConsoleOptions | None = None
    ) -> Iterable[Segment]:
        """Every segment of ``renderable``, its text made safe."""
        for segment in super().render(renderable, options):
            if segment.control or segment.text.isprintable() or segment.text == "\n":
                yield segment
            else:
                yield Segment(terminal(segment.text, newlines=True), segment.style)

    def _render_buffer(self, buffer: Iterable[Segment]) -> str:
        """The text Rich writes out; to a file or a pipe, each line without the spaces
        tables and padded blocks fill it with to the console's width.

        On a terminal they are unseen, but in a file, a pipe or a CI log every line would
        end in spaces: ``diff`` and ``grep 'word$'`` trip on them and editors flag them.
        (Rich pads each block's lines as it lays them out, so only the written text, not
        the segments, shows where a line ends.)
        """
        text = super()._render_buffer(buffer)
        if self.is_terminal or " \n" not in text:
            return text
        return "\n".join(line.rstrip(" ") for line in text.split("\n"))

    def on_broken_pipe(self) -> None:
        """A reader that stopped early (``| head -1``): raise the error every other writer
        raises, so that the console script ends the run with exit 0 for it in one place.

        Rich's own handler exits 1 itself, which the script cannot tell from findings.
        """
        self.quiet = True  # nothing more is drawn on the way out
        raise BrokenPipeError(errno.EPIPE, "Broken pipe")


def stdout_console() -> Console:
    """A safe console on stdout; Rich itself honours NO_COLOR and non-terminal output."""
    return SafeConsole(highlight=False, soft_wrap=False, markup=False, emoji=False)
