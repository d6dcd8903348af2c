"""Output files: the same file as an input is refused before anything is written."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from scrmap.errors import OutputError
from scrmap.output import refuse_input, write_atomic


def test_the_same_file_by_any_name_is_refused(tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text("x")
    (tmp_path / "link.md").symlink_to(draft)
    for name in (draft, tmp_path / "." / "draft.md", tmp_path / "link.md"):
        with pytest.raises(OutputError) as info:
            refuse_input(name, ["<stdin>", str(draft)])
        assert (
            str(info.value)
            == f"{name}: is also an input ({draft}); name another file for the output"
        )


def test_new_other_and_special_outputs_pass(tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text("x")
    (tmp_path / "other.md").write_text("y")
    refuse_input(tmp_path / "new.md", [str(draft)])  # not written yet
    refuse_input(tmp_path / "other.md", [str(draft), "<stdin>", "missing.md"])
    refuse_input(Path(os.devnull), [os.devnull])  # not a regular file: nothing overwritten
    refuse_input(Path("-"), ["-"])


def test_a_write_that_fails_leaves_nothing(tmp_path: Path) -> None:
    """The temporary file is removed when the rename into place fails (a folder where the
    file should go: the command line refuses one before any work, the core as a last
    resort)."""
    target = tmp_path / "out.html"
    target.mkdir()
    with pytest.raises(OutputError) as info:
        write_atomic(target, b"<html>")
    assert str(info.value) == f"{target}: cannot write: Is a directory"
    assert [p.name for p in tmp_path.iterdir()] == ["out.html"]
    assert list(target.iterdir()) == []
