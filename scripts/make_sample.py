"""Regenerate the sample workspace's inputs (the repository's embedded default).

Usage: python scripts/make_sample.py [INPUTS] [--seed N]

Only the files a previous run wrote (listed in INPUTS/.sample) are deleted first; anything else
in the folder is left alone.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kcn_reports.sample import SAMPLE_MARKER, clear_sample, make_sample, sample_files

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Tạo lại dữ liệu mẫu trong thư mục inputs/.")
    parser.add_argument("inputs", nargs="?", type=Path, default=ROOT / "inputs",
                        help="thư mục đầu vào (mặc định: inputs/ của kho mã)")
    parser.add_argument("--seed", type=int, default=2016, help="hạt giống ngẫu nhiên (mặc định 2016)")
    args = parser.parse_args(argv)
    inputs: Path = args.inputs
    removed = clear_sample(inputs) if (inputs / SAMPLE_MARKER).is_file() else 0
    make_sample(inputs, seed=args.seed)
    print(f"Đã xóa {removed} tệp mẫu cũ, tạo {len(sample_files(inputs))} tệp mẫu trong {inputs}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
