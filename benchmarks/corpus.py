"""A corpus of N distinct, varied enterprise returns for the benchmark.

A handful of returns are filled with openpyxl the way enterprises fill them (text numbers,
yes/no variants, inserted rows); each of the N files is one of them with its tax code, name and
employee count rewritten in the sheet XML, so every file has distinct content (the cache is
keyed by content) while writing 10,000 files takes seconds, not minutes.
"""

from __future__ import annotations

import io
import random
import sys
import tempfile
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

VARIANTS = 8


def _seed_forms(folder: Path) -> list[bytes]:
    from helpers import AS_CELLS, AS_TYPED, fill  # the same filling the tests use

    zones = ["Đình Trám", "KCN Quang Chau", "Song Khê - Nội Hoàng", "Vân Trung", "Hòa Phú", "Việt Hàn"]
    seeds = []
    for i in range(VARIANTS):
        base = dict(AS_TYPED if i % 2 else AS_CELLS)
        base.update({"zone": zones[i % len(zones)], "tax_code": "TAXCODE000",
                     "name": "Công ty TNHH NAMEMARK", "employees": "EMPLOYEESMARK",
                     "employees_female": "10", "union_members": "5"})
        if i % 3 == 0:
            base["ownership"] = "Doanh nghiệp trong nước"
        path = fill(folder / f"seed{i}.xlsx", base)
        seeds.append(path.read_bytes())
    return seeds


def _rewrite(data: bytes, replacements: dict[bytes, bytes]) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename.endswith(".xml"):
                for old, new in replacements.items():
                    content = content.replace(old, new)
            target.writestr(info, content)
    return out.getvalue()


def make_corpus(folder: Path, n: int, seed: int = 1) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as scratch:
        seeds = _seed_forms(Path(scratch))
    paths = []
    for i in range(n):
        data = _rewrite(seeds[i % len(seeds)], {
            b"TAXCODE000": f"24{i:08d}".encode(),
            b"NAMEMARK": f"Doanh nghiệp số {i}".encode(),
            b"EMPLOYEESMARK": f"{rng.randint(50, 9000):,}".replace(",", ".").encode(),
        })
        path = folder / f"{i // 500:02d}" / f"bao cao {i:05d}.xlsx"
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(data)
        paths.append(path)
    return paths


if __name__ == "__main__":
    made = make_corpus(Path(sys.argv[1]), int(sys.argv[2]))
    print(f"{len(made)} files in {sys.argv[1]}")
