"""Worker processes of the linker, and the quick pickling of the values they are sent."""

from __future__ import annotations

import gc
import math
import pickle

import pytest

from factfinder.link.parallel import WorkerError, Workers
from factfinder.link.sources import SourceKey
from factfinder.model import Casualties, ClaimRef, DateWindow, Place, Range


def test_map_keeps_order_and_map_unordered_gives_every_result() -> None:
    numbers = [3000, 1, 2, 3, 4, 5, 6, 7]
    with Workers(2) as pool:
        assert list(pool.map(math.factorial, numbers)) == [math.factorial(n) for n in numbers]
        got = list(pool.map_unordered(math.factorial, numbers, ahead=2))
    assert sorted(got) == sorted(math.factorial(n) for n in numbers)
    assert len(got) == len(numbers)


def test_one_process_runs_in_place() -> None:
    with Workers(1) as pool:
        assert list(pool.map_unordered(len, ["ab", "c"])) == [2, 1]


def test_a_failing_job_is_reported_with_its_error() -> None:
    with Workers(2) as pool, pytest.raises(WorkerError, match="invalid literal"):
        list(pool.map_unordered(int, ["1", "x", "3"]))


def _young_objects(_chunk: object) -> tuple[bool, int]:
    return gc.isenabled(), gc.get_count()[0]


def test_workers_never_collect_and_leave_this_process_alone() -> None:
    # A chunk is unpickled all at once: a collector on would walk it again and again (and
    # count young objects from 0 after each collection).
    chunk = [(i, str(i)) for i in range(20000)]
    with Workers(2) as pool:
        got = list(pool.map(_young_objects, [chunk, chunk]))
    assert [enabled for enabled, _ in got] == [False, False]
    assert all(young > 20000 for _, young in got)
    assert gc.isenabled()


def test_quick_pickle_round_trips_values_and_keeps_equality() -> None:
    values = [
        ClaimRef("doc-1", 2),
        Place("Hajin", 34.694, 40.830, 170063, "Deir ez-Zor", "SY", "town"),
        Range(26, None, "at least 26"),
        Casualties(total=Range(26, 30, "26 to 30"), civilians=Range(14, None, "14")),
        DateWindow(None, None, "unknown"),
        SourceKey("party:government", "Syrian Foreign Ministry", "party", "government", None),
    ]
    for value in values:
        back = pickle.loads(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        assert back == value and hash(back) == hash(value) and type(back) is type(value)
    with pytest.raises(AttributeError):
        ClaimRef("doc-1", 2).id = "other"  # type: ignore[misc]
