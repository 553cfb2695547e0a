"""The corpus job on a ``dask.distributed`` cluster (the optional extra ``newsdiff[dask]``).

The client reads the corpus and hands it to the cluster a few waves at a time, each wave
a :mod:`dask.bag` whose partitions are chunks of stories; results come back in corpus
order, so a Dask run writes exactly what a local run writes, and memory stays flat on
both sides. Workers need newsdiff installed, not the corpus files.

>>> from distributed import Client, LocalCluster                      # doctest: +SKIP
>>> from newsdiff.corpus import run_corpus
>>> with LocalCluster(n_workers=2, threads_per_worker=1) as cluster, Client(cluster) as client:
...     run_corpus("corpus.jsonl", "out/", client=client)             # doctest: +SKIP

For analysis inside Dask, :func:`story_bag` gives the records as a bag to map, filter or
turn into a dataframe.
"""

from __future__ import annotations

import importlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from itertools import islice
from typing import TYPE_CHECKING, Any, TypeVar

from newsdiff.corpus.records import StoryInput, StoryRecord
from newsdiff.errors import ExtraMissingError

if TYPE_CHECKING:
    from distributed import Client

    from newsdiff.corpus.job import Canonical

T = TypeVar("T")
WAVES_AHEAD = 2
"""Waves in flight: one computing while the next is queued, so workers never wait."""
CHUNKS_PER_THREAD = 2
"""Chunks per worker thread in one wave."""
# dask and distributed are optional and largely untyped: their objects are Any here.
Bag = Any


def _module(name: str) -> Any:
    try:
        return importlib.import_module(name)
    except ImportError:
        raise ExtraMissingError.needs("running on Dask", "dask", "dask and distributed") from None


def connect(address: str) -> Client:
    """A client of the Dask scheduler at ``address`` (e.g. ``tcp://10.0.0.5:8786``)."""
    client: Client = _module("distributed").Client(address)
    return client


def _threads(client: Client) -> int:
    workers = client.scheduler_info().get("workers", {})
    return max(1, sum(int(w.get("nthreads", 1)) for w in workers.values()))


def _run_chunks(
    chunks: list[list[StoryInput]], work: Callable[[list[StoryInput]], list[T]]
) -> list[T]:
    # One bag partition holds one chunk (a list of stories).
    return [result for chunk in chunks for result in work(chunk)]


def dask_map(
    work: Callable[[list[StoryInput]], list[T]],
    chunks: Iterator[list[StoryInput]],
    client: Client,
) -> Iterator[list[T]]:
    """Apply ``work`` to every chunk on the cluster; results in chunk order."""
    bag = _module("dask.bag")
    cluster: Any = client  # distributed's Client methods are untyped
    per_wave = _threads(client) * CHUNKS_PER_THREAD
    pending: deque[Any] = deque()
    try:
        while wave := list(islice(chunks, per_wave)):
            parts = bag.from_sequence(wave, npartitions=len(wave))
            pending.extend(cluster.compute(parts.map_partitions(_run_chunks, work).to_delayed()))
            while len(pending) > per_wave * (WAVES_AHEAD - 1):
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        if pending:
            cluster.cancel(list(pending))


def story_bag(
    stories: Iterable[StoryInput], *, partition_size: int = 4, canonical: Canonical = "complete"
) -> Bag:
    """A :class:`dask.bag.Bag` of :class:`StoryRecord`, one per story, in order.

    The stories are held by the client until computed: fine for a notebook-sized corpus;
    :func:`~newsdiff.corpus.run_corpus` with ``client=`` streams a corpus of any size.
    """
    from newsdiff.corpus.job import collate_story

    bag = _module("dask.bag")
    return bag.from_sequence(list(stories), partition_size=partition_size).map(
        partial(collate_story, canonical=canonical)
    )


def records(bag: Bag) -> list[StoryRecord]:
    """Compute a :func:`story_bag` (on the current client, if any)."""
    return list(bag.compute())
