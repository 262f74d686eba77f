from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
WILD = ROOT.parent / "shared" / "wild"


@pytest.fixture
def wild_dir() -> Path:
    if not WILD.is_dir():
        pytest.skip("../shared/wild is not beside this checkout")
    return WILD
