"""The built gazetteer kept between runs: read back when the code and data are the same, built
anew when the cache file is unreadable, never touched with FACTFINDER_CACHE=off."""

from __future__ import annotations

from pathlib import Path

import pytest

from factfinder.geo import gazetteer as gz


class _Built:
    """Counts builds; returns the process's gazetteer (already built) as the build result."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> gz.Gazetteer:
        self.calls += 1
        return gz.Gazetteer.get()


def test_the_second_run_reads_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTFINDER_CACHE", str(tmp_path))
    build = _Built()
    first = gz._cached(build)
    files = list(tmp_path.glob("gazetteer-*.pickle"))
    assert build.calls == 1 and len(files) == 1
    again = gz._cached(build)
    assert build.calls == 1  # read back, not built
    assert len(again.entries) == len(first.entries)
    assert again.by_key.keys() == first.by_key.keys()


def test_an_unreadable_cache_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTFINDER_CACHE", str(tmp_path))
    build = _Built()
    gz._cached(build)
    (path,) = tmp_path.glob("gazetteer-*.pickle")
    path.write_bytes(b"not a pickle")
    gz._cached(build)
    assert build.calls == 2
    assert path.read_bytes() != b"not a pickle"


def test_a_cache_of_another_build_is_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FACTFINDER_CACHE", str(tmp_path))
    stale = tmp_path / "gazetteer-0123456789abcdef.pickle"
    stale.write_bytes(b"old")
    gz._cached(_Built())
    assert not stale.exists()
    assert len(list(tmp_path.glob("gazetteer-*.pickle"))) == 1


def test_off_never_reads_or_writes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTFINDER_CACHE", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    build = _Built()
    gz._cached(build)
    gz._cached(build)
    assert build.calls == 2
    assert not any(tmp_path.rglob("*"))


@pytest.mark.slow
def test_a_fresh_build_equals_the_process_gazetteer() -> None:
    # The process's gazetteer may come from the cache: a build from the data files must give the
    # same places and the same indexes, or a cached pickle would hide a change of the build.
    built = gz.Gazetteer.load()
    cached = gz.Gazetteer.get()
    assert built.entries == cached.entries
    assert built.by_key == cached.by_key
    assert built.by_skeleton == cached.by_skeleton
    assert built.wof_skeleton == cached.wof_skeleton
    assert built.by_soft == cached.by_soft
    assert built.capital_of == cached.capital_of
    assert built.max_tokens == cached.max_tokens
    damascus = [e for e in built.lookup("Damascus") if e.kind == "city"]
    assert damascus and damascus[0].country == "SY" and damascus[0].admin1 == "Damascus"
