"""Bounded mutation testing: random damage to one valid return never breaks the check.

From the bytes of one good return, hypothesis makes byte flips, truncations, and deletions or
corruptions of zip members (raw bytes, cut XML, flipped XML). Whatever the damage, the check
runs to the end, lists the file exactly once, and says why when it does not accept it.
"""

from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path

import pytest
from helpers import AS_TYPED, fill
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kcn_reports.check import ACCEPTED, check_inputs
from kcn_reports.settings import load_settings

SETTINGS = load_settings(None)
NAME = "bao cao.xlsx"


@pytest.fixture(scope="module")
def original(tmp_path_factory) -> bytes:
    return fill(tmp_path_factory.mktemp("mutation") / NAME, AS_TYPED).read_bytes()


def flip_bytes(data: bytes, flips: list[tuple[float, int]]) -> bytes:
    out = bytearray(data)
    for where, mask in flips:
        out[int(where * (len(out) - 1))] ^= mask
    return bytes(out)


def rebuild(data: bytes, member: int, how: str, where: float, junk: bytes) -> bytes:
    """The zip with one member (by index) dropped, replaced by junk, cut, or flipped."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        infos = source.infolist()
        chosen = infos[member % len(infos)].filename
        for info in infos:
            content = source.read(info.filename)
            if info.filename == chosen:
                cut = int(where * len(content))
                if how == "delete":
                    continue
                if how == "junk":
                    content = junk
                elif how == "truncate":
                    content = content[:cut]
                else:  # flip: damaged XML, still inside a sound zip
                    content = content[:cut] + bytes(b ^ 0x5A for b in content[cut:cut + 8]) + content[cut + 8:]
            target.writestr(info.filename, content)
    return out.getvalue()


MUTATIONS = st.one_of(
    st.tuples(st.just("flip"),
              st.lists(st.tuples(st.floats(0, 1), st.integers(1, 255)), min_size=1, max_size=20)),
    st.tuples(st.just("truncate"), st.floats(0, 0.999)),
    st.tuples(st.just("member"), st.integers(0, 50),
              st.sampled_from(["delete", "junk", "truncate", "flip"]), st.floats(0, 1),
              st.binary(max_size=64)),
)


def mutate(data: bytes, mutation: tuple) -> bytes:
    kind = mutation[0]
    if kind == "flip":
        return flip_bytes(data, mutation[1])
    if kind == "truncate":
        return data[:int(mutation[1] * len(data))]
    _, member, how, where, junk = mutation
    return rebuild(data, member, how, where, junk)


@settings(max_examples=40, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(mutation=MUTATIONS)
def test_damaged_return_is_listed_once_with_a_reason(original, mutation):
    with tempfile.TemporaryDirectory(prefix="kcn-mutant-") as scratch:
        inputs = Path(scratch)
        (inputs / NAME).write_bytes(mutate(original, mutation))
        report = check_inputs(inputs, SETTINGS, jobs=1)
    assert [f.relpath for f in report.files] == [NAME]
    item = report.files[0]
    if item.outcome != ACCEPTED:
        assert item.reason.strip(), (item.outcome, [p.code for p in item.problems])
    assert not [p for p in item.problems if p.code == "internal-error"], \
        [p.message for p in item.problems]
