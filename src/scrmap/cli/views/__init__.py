"""Rich renderables for the terminal, one module per command's view.

Part of the CLI layer: the core never imports Rich. Text from input files goes into
Rich as `Text` or escaped, never as markup, so "[bold]" in a recommendation prints as
written.
"""

from __future__ import annotations

from rich.console import Console


def stdout_console() -> Console:
    """A console on stdout; Rich itself honours NO_COLOR and non-terminal output."""
    return Console(highlight=False, soft_wrap=False)
