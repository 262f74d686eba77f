from __future__ import annotations

from pathlib import Path

import pytest
from helpers import SETTINGS

from kcn_reports.check import CheckReport, check_inputs
from kcn_reports.sample import make_sample

ROOT = Path(__file__).resolve().parents[1]
WILD = ROOT.parent / "shared" / "wild"


@pytest.fixture
def wild_dir() -> Path:
    if not WILD.is_dir():
        pytest.skip("../shared/wild is not beside this checkout")
    return WILD


@pytest.fixture(scope="session")
def sample(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, CheckReport]:
    """The sample workspace's inputs and their check, built once for every test that reads
    them (none changes them)."""
    inputs = tmp_path_factory.mktemp("sample") / "inputs"
    make_sample(inputs)
    return inputs, check_inputs(inputs, SETTINGS, jobs=1)
