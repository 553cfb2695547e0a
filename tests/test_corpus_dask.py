"""Corpus mode on Dask: a LocalCluster writes exactly what a local run writes."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import Any

import pytest

from newsdiff.corpus import collate_corpus, run_corpus, synthetic_stories, write_jsonl
from newsdiff.corpus.dask_backend import records, story_bag
from newsdiff.corpus.output import CHANGES_FILE, STORIES_FILE

distributed: Any = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    # Threads keep the test quick; the benchmark runs worker processes.
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=False, dashboard_address=":0"
        ) as cluster,
        distributed.Client(cluster) as made,
    ):
        yield made


def test_dask_run_is_identical_to_local_run(tmp_path: Path, client: Any) -> None:
    corpus = tmp_path / "c.jsonl"
    write_jsonl(synthetic_stories(10, 3), corpus)
    local = run_corpus(corpus, tmp_path / "local")
    remote = run_corpus(corpus, tmp_path / "dask", client=client, chunk_size=1)
    assert (remote.stories, remote.versions, remote.failed) == (local.stories, 30, 0)
    for name in (STORIES_FILE, CHANGES_FILE):
        assert (tmp_path / "dask" / name).read_bytes() == (tmp_path / "local" / name).read_bytes()


def test_dask_iterator_streams(client: Any) -> None:
    stories = synthetic_stories(10_000, 2)  # lazily made: only a window reaches the cluster
    first = list(islice(collate_corpus(stories, client=client, chunk_size=1), 3))
    assert [r.story_id for r in first] == ["story-00000", "story-00001", "story-00002"]


def test_story_bag(client: Any) -> None:
    stories = list(synthetic_stories(4, 2))
    bag = story_bag(stories, partition_size=2)
    assert bag.npartitions == 2
    assert records(bag) == list(collate_corpus(stories))


def test_dask_worker_processes(tmp_path: Path) -> None:
    # What a real cluster does: stories and results cross process boundaries.
    stories = list(synthetic_stories(4, 2))
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        run_corpus(stories, tmp_path / "dask", client=client)
    run_corpus(stories, tmp_path / "local")
    for name in (STORIES_FILE, CHANGES_FILE):
        assert (tmp_path / "dask" / name).read_bytes() == (tmp_path / "local" / name).read_bytes()
