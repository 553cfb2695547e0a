"""Reading a corpus: a folder tree, JSON Lines, or Parquet → :class:`StoryInput` one by one.

* **folder tree** — every folder that holds files is a story (its path below the corpus
  folder is the story id); every file in it is a version (its name without the last
  suffix is the version id), plain text or a saved HTML page. Hidden files are skipped.
* **JSON Lines** (``.jsonl``, ``.ndjson``, optionally ``.gz``) — one version per line:
  ``{"story_id": …, "version_id": …, "timestamp": …, "source": …, "text": …}`` with
  ``html`` instead of ``text`` for a page; ``timestamp`` and ``source`` are optional.
* **Parquet** (``.parquet``, needs the ``parquet`` extra) — the same columns.
* **WARC** (``.warc``, ``.warc.gz``, needs the ``archive`` extra) — a web crawl: one story
  per article, one version per distinct capture (:class:`newsdiff.archive.WarcCorpus`).

In JSON Lines and Parquet a story's versions must stand on consecutive lines (rows), so
a corpus streams through in constant memory; a story id that comes back later is a
:class:`CorpusError`. Readers never parse articles: that is the job's work, done in the
workers.
"""

from __future__ import annotations

import gzip
import importlib
import json
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Literal, cast

from newsdiff.corpus.records import (
    CorpusError,
    StoryInput,
    VersionInput,
    natural_key,
    timestamp_text,
)
from newsdiff.errors import ExtraMissingError, NewsdiffError

Format = Literal["folder", "jsonl", "parquet", "warc"]
FORMATS: tuple[Format, ...] = ("folder", "jsonl", "parquet", "warc")
COLUMNS = ("story_id", "version_id", "timestamp", "source", "text", "html")
_BATCH_ROWS = 256


@dataclass(frozen=True)
class Corpus:
    """A corpus on disk: where it is and in which format.

    >>> corpus = open_corpus("stories/")          # doctest: +SKIP
    >>> for story in corpus.stories(): ...         # doctest: +SKIP
    """

    path: Path
    format: Format

    def stories(self) -> Iterator[StoryInput]:
        """The corpus's stories in file order (folder trees: sorted, numbers by value)."""
        if self.format == "folder":
            return _read_folder(self.path)
        if self.format == "jsonl":
            return _group(_jsonl_rows(self.path), self.path.name)
        if self.format == "warc":
            from newsdiff.archive.warc import WarcCorpus

            return WarcCorpus(self.path).stories()
        return _group(_parquet_rows(self.path), self.path.name)

    def count_versions(self) -> int | None:
        """How many versions the corpus holds, when that is cheap to learn (for progress)."""
        if self.format == "folder":
            return sum(len(files) for _, _, files in _story_folders(self.path))
        if self.format == "jsonl":
            if self.path.suffix == ".gz":
                return None
            with self.path.open("rb") as handle:
                return sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b""))
        if self.format == "warc":
            return None  # known only once the captures are grouped
        return int(_parquet().ParquetFile(self.path).metadata.num_rows)


def open_corpus(path: str | os.PathLike[str], format: Format | None = None) -> Corpus:
    """Open a corpus, telling its format from the path unless ``format`` is given."""
    where = Path(path)
    if not where.exists():
        raise CorpusError(f"{where}: no such file or folder")
    if format is None:
        if where.is_dir():
            format = "folder"
        elif where.name.endswith((".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")):
            format = "jsonl"
        elif where.suffix == ".parquet":
            format = "parquet"
        elif where.name.endswith((".warc", ".warc.gz")):
            format = "warc"
        else:
            raise CorpusError(
                f"{where}: cannot tell the corpus format from the name; expected a folder, "
                ".jsonl, .ndjson (optionally .gz), .parquet or .warc (optionally .gz)"
            )
    if format not in FORMATS:
        raise CorpusError(f"unknown corpus format {format!r} (one of {', '.join(FORMATS)})")
    if (format == "folder") != where.is_dir():
        raise CorpusError(
            f"{where}: a {format} corpus must be a {'folder' if format == 'folder' else 'file'}"
        )
    return Corpus(where, format)


CorpusSource = str | os.PathLike[str] | Corpus | Iterable[StoryInput]


def iter_stories(source: CorpusSource) -> Iterator[StoryInput]:
    """Stories from a path, a :class:`Corpus`, or an iterable of :class:`StoryInput`."""
    if isinstance(source, str | os.PathLike):
        return open_corpus(source).stories()
    if isinstance(source, Corpus):
        return source.stories()
    return iter(source)


def story_input(
    story_id: str,
    versions: Mapping[str, str | bytes],
    *,
    timestamps: Mapping[str, str] | None = None,
) -> StoryInput:
    """Build a :class:`StoryInput` from ``{version id: text}`` (and optional timestamps)."""
    stamps = timestamps or {}
    return StoryInput(
        id=story_id,
        versions=tuple(
            VersionInput(id=name, content=text, timestamp=stamps.get(name))
            for name, text in versions.items()
        ),
    )


# --- folder trees -----------------------------------------------------------------------


def _story_folders(root: Path) -> Iterator[tuple[str, Path, list[str]]]:
    """(story id, folder, sorted version file names) for every folder holding files."""
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted((d for d in dirs if not d.startswith(".")), key=natural_key)
        names = sorted(
            (f for f in files if not f.startswith(".") and os.path.isfile(os.path.join(folder, f))),
            key=natural_key,
        )
        if names:
            rel = Path(folder).relative_to(root).as_posix()
            yield (root.resolve().name if rel == "." else rel), Path(folder), names


def _read_folder(root: Path) -> Iterator[StoryInput]:
    for story_id, folder, names in _story_folders(root):
        versions = []
        problem = None
        for name in names:
            try:
                content = (folder / name).read_bytes()
            except OSError as exc:
                problem = f"{name}: cannot read ({exc.strerror})"
                continue
            stem = name.rsplit(".", 1)[0] if "." in name.lstrip(".") else name
            versions.append(VersionInput(id=stem, content=content))
        yield StoryInput(id=story_id, versions=tuple(versions), problem=problem)


# --- rows: JSON Lines and Parquet -------------------------------------------------------

# A row as read: its line (or row) number and the decoded object, or why it is unusable.
_Row = tuple[int, Mapping[str, Any] | str]


def _open_text(path: Path) -> IO[bytes]:
    if path.suffix == ".gz":
        return cast(IO[bytes], gzip.open(path, "rb"))
    return path.open("rb")


def _jsonl_rows(path: Path) -> Iterator[_Row]:
    with _open_text(path) as handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            try:
                row = json.loads(raw)
            except ValueError as exc:
                yield number, f"not valid JSON ({exc})"
                continue
            yield number, row if isinstance(row, dict) else "not a JSON object"


def _parquet() -> Any:
    try:
        return importlib.import_module("pyarrow.parquet")
    except ImportError:
        raise ExtraMissingError.needs("reading Parquet", "parquet", "pyarrow") from None


def _parquet_rows(path: Path) -> Iterator[_Row]:
    table = _parquet().ParquetFile(path)
    present = [c for c in COLUMNS if c in table.schema_arrow.names]
    number = 0
    for batch in table.iter_batches(batch_size=_BATCH_ROWS, columns=present):
        for row in batch.to_pylist():
            number += 1
            yield number, row


def _identifier(value: Any) -> str | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, str | int):
        return str(value) if str(value) else None
    return None


def _version(row: Mapping[str, Any]) -> VersionInput:
    """A row → a version; raises NewsdiffError saying what is wrong with it."""
    version_id = _identifier(row.get("version_id"))
    if version_id is None:
        raise CorpusError("no version_id (a non-empty string or integer)")
    text, page = row.get("text"), row.get("html")
    if (text is None) == (page is None):
        raise CorpusError(f"version {version_id!r}: give exactly one of 'text' and 'html'")
    content = text if page is None else page
    if not isinstance(content, str | bytes):
        raise CorpusError(f"version {version_id!r}: text must be a string")
    source = row.get("source")
    return VersionInput(
        id=version_id,
        content=content,
        html=page is not None,
        timestamp=timestamp_text(row.get("timestamp")),
        source=None if source is None else str(source),
    )


def _group(rows: Iterator[_Row], where: str) -> Iterator[StoryInput]:
    """Consecutive rows of one story → one StoryInput; unusable rows → error stories."""
    seen: set[str] = set()
    current: str | None = None
    versions: list[VersionInput] = []
    problems: list[str] = []

    def flush() -> StoryInput:
        problem = "; ".join(problems) if problems else None
        return StoryInput(id=current or "", versions=tuple(versions), problem=problem)

    for number, row in rows:
        if isinstance(row, str):
            yield StoryInput(id=f"{where}:{number}", versions=(), problem=f"line {number}: {row}")
            continue
        story_id = _identifier(row.get("story_id"))
        if story_id is None:
            yield StoryInput(
                id=f"{where}:{number}",
                versions=(),
                problem=f"line {number}: no story_id (a non-empty string or integer)",
            )
            continue
        if story_id != current:
            if current is not None:
                yield flush()
            if story_id in seen:
                raise CorpusError(
                    f"{where}, line {number}: story {story_id!r} comes back after other stories; "
                    "keep each story's versions on consecutive lines (sort by story_id)"
                )
            seen.add(story_id)
            current, versions, problems = story_id, [], []
        try:
            versions.append(_version(row))
        except NewsdiffError as exc:
            problems.append(f"line {number}: {exc}")
    if current is not None:
        yield flush()


def write_jsonl(stories: Iterable[StoryInput], path: str | os.PathLike[str]) -> int:
    """Write stories as a JSON Lines corpus (one version a line); returns versions written.

    Bytes are decoded as UTF-8 (undecodable bytes replaced).
    """
    count = 0
    with Path(path).open("w", encoding="utf-8", newline="\n") as out:
        for story in stories:
            for version in story.versions:
                content = version.content
                if isinstance(content, bytes):
                    content = content.decode("utf-8", errors="replace")
                row: dict[str, str] = {"story_id": story.id, "version_id": version.id}
                if version.timestamp is not None:
                    row["timestamp"] = version.timestamp
                if version.source is not None:
                    row["source"] = version.source
                row["html" if version.html else "text"] = content
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
                count += 1
    return count
