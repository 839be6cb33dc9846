"""Any zip or tar archive of regular files with safe names: every member comes out once, under
`archive!name`, holding exactly its bytes, whatever the folders; a member whose name escapes
the archive is refused and nothing is written outside the work folder."""

from __future__ import annotations

import io
import tarfile
import tempfile
import zipfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from factfinder.intake.walk import expand

segment = st.from_regex(r"[a-z][a-z0-9_-]{0,7}", fullmatch=True)
names = st.lists(segment, min_size=1, max_size=3).map(lambda p: "/".join(p) + ".bin")
# Member bytes that are not themselves containers (a member that is a zip or gzip is expanded
# in turn, depth first: other tests cover that).
contents = st.text(alphabet="abcdefgh 0123\n", min_size=1, max_size=300).map(str.encode)
members = st.dictionaries(names, contents, min_size=1, max_size=5).filter(
    # a member may not also be a folder of another ("a.bin" and "a.bin/b.bin")
    lambda m: not any(other.startswith(name + "/") for name in m for other in m)
)


def archive_bytes(kind: str, files: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    if kind == "zip":
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, data in files.items():
                zf.writestr(name, data)
    else:
        with tarfile.open(fileobj=buf, mode="w:gz" if kind == "tar.gz" else "w") as tf:
            for name, data in files.items():
                info = tarfile.TarInfo(name)
                info.size = len(data)
                tf.addfile(info, io.BytesIO(data))
    return buf.getvalue()


def expand_bytes(
    name: str, data: bytes
) -> tuple[list[tuple[str, bytes | None, str | None]], set[Path]]:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        path = root / name
        path.write_bytes(data)
        work = root / "work"
        work.mkdir()
        out = []
        for part in list(expand(path, work))[1:]:
            label = part.label.removeprefix(f"{path}!")
            if part.ok:
                out.append((label, part.path.read_bytes(), None))
            else:
                assert part.error is not None
                out.append((label, None, part.error.problem))
        outside = {p.relative_to(root) for p in root.rglob("*")} - {Path(name), Path("work")}
        outside = {p for p in outside if Path("work") not in p.parents}
        return out, outside


@settings(max_examples=30)
@given(st.sampled_from(["zip", "tar", "tar.gz"]), members)
def test_every_member_comes_out_with_its_bytes(kind: str, files: dict[str, bytes]) -> None:
    got, outside = expand_bytes(f"a.{kind}", archive_bytes(kind, files))
    assert sorted(got) == sorted((name, data, None) for name, data in files.items())
    assert outside == set()


@settings(max_examples=20)
@given(
    st.sampled_from(["zip", "tar"]),
    members,
    st.sampled_from(["../evil.bin", "/abs.bin", "a/../../up.bin"]),
)
def test_an_escaping_member_is_refused_and_the_rest_come_out(
    kind: str, files: dict[str, bytes], hostile: str
) -> None:
    got, outside = expand_bytes(f"b.{kind}", archive_bytes(kind, {**files, hostile: b"payload"}))
    ok = sorted(g for g in got if g[2] is None)
    refused = [g for g in got if g[2] is not None]
    assert ok == sorted((name, data, None) for name, data in files.items())
    assert len(refused) == 1 and refused[0][0] == hostile
    assert outside == set()
