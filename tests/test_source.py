"""Paths as input: compare, collate and parse read a file given as a Path, and a str that
names a file is refused instead of being compared as text."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import newsdiff
from newsdiff.demo import demo_versions
from newsdiff.errors import InputError
from newsdiff.parse import MAX_INPUT_CHARS


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    versions = demo_versions()
    old, new = tmp_path / "early.txt", tmp_path / "late.txt"
    old.write_bytes(versions["v2"])
    new.write_bytes(versions["v5"])
    return old, new


def test_compare_reads_paths_like_bytes(files: tuple[Path, Path]) -> None:
    old, new = files
    by_path = newsdiff.compare(old, new)
    assert by_path == newsdiff.compare(old.read_bytes(), new.read_bytes())
    assert by_path.stats.counts[newsdiff.ChangeKind.CHANGED] > 0


def test_collate_and_parse_read_paths(files: tuple[Path, Path]) -> None:
    old, new = files
    story = newsdiff.collate({"early": old, "late": new})
    assert story == newsdiff.collate({"early": old.read_bytes(), "late": new.read_bytes()})
    assert newsdiff.parse(old) == newsdiff.parse(old.read_bytes())


def test_any_path_like_object_is_read(files: tuple[Path, Path]) -> None:
    class Where(os.PathLike[str]):
        def __init__(self, path: Path) -> None:
            self.path = path

        def __fspath__(self) -> str:
            return str(self.path)

    assert newsdiff.parse(Where(files[0])) == newsdiff.parse(files[0])


def test_file_bytes_go_through_charset_detection(tmp_path: Path) -> None:
    text = "“Café prices rose,” the owner said — by 5 %."
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes(text.encode("cp1252"))
    utf16 = tmp_path / "utf16.txt"
    utf16.write_bytes(text.encode("utf-16"))
    assert newsdiff.parse(legacy).blocks[0].text == text
    assert newsdiff.parse(utf16).blocks[0].text == text


def test_unreadable_paths_raise_input_errors_naming_them(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"missing\.txt: no such file"):
        newsdiff.parse(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="is a folder"):
        newsdiff.compare(tmp_path, tmp_path)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(newsdiff.EmptyInputError):
        newsdiff.parse(empty)


def test_an_oversized_file_is_refused_without_reading_it_whole(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(MAX_INPUT_CHARS + 10)  # sparse: no disk used
    with pytest.raises(InputError, match="larger than the limit"):
        newsdiff.parse(big)


def test_a_str_naming_a_file_is_refused(
    files: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    old, new = files
    with pytest.raises(InputError, match=r"is the name of a file.*pass Path\(") as info:
        newsdiff.compare(str(old), str(new))
    assert "\n" not in str(info.value)
    monkeypatch.chdir(old.parent)
    with pytest.raises(InputError, match=r"early\.txt"):
        newsdiff.collate(["early.txt", "late.txt"])


def test_text_that_is_not_a_file_name_is_compared(
    files: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(files[0].parent)
    # One line that names no file, and several lines that start with a file's name.
    assert newsdiff.parse("The bridge closed.").blocks[0].text == "The bridge closed."
    assert len(newsdiff.parse("early.txt\n\nThe bridge closed on Friday.").blocks) == 2
    assert newsdiff.compare("The bridge closed.", "The bridge shut.").changes


def test_a_single_path_is_not_a_set_of_versions(files: tuple[Path, Path]) -> None:
    with pytest.raises(newsdiff.VersionError, match="several versions"):
        newsdiff.collate(files[0])  # type: ignore[arg-type]
