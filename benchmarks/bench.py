"""Benchmark against the baselines of spec §6, measured in the same run as whole processes.

    python benchmarks/bench.py            # both corpora of 2,000 forms, and 10,000 realistic
    python benchmarks/bench.py --n 300 --big 0 --corpus light

Two corpora (spec §6: the read targets hold on both): realistic returns (the blank form filled
in) and light ones (a plain 70-row form, no instructions sheet, no styles); see corpus.py. For
each: the naive pandas/openpyxl read, python-calamine's bare read, `check` cold and cached, and
`check --json` cached (what the JSON output adds). Prints each time (the median of several runs
for the short ones), the CPU time of the process and its children, peak memory (largest single
process, POSIX only) and the ratios against the targets. Nothing here is a test: timings on
shared machines vary, so no test asserts them. The corpora are dated an hour back, as returns
received earlier are.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import make_corpus, make_light_corpus  # noqa: E402

NAIVE = """
import sys, pandas as pd
files = open(sys.argv[1], encoding="utf-8").read().splitlines()
pd.concat(pd.read_excel(f, engine="openpyxl") for f in files)
"""
BARE = """
import sys
from python_calamine import CalamineWorkbook
files = open(sys.argv[1], encoding="utf-8").read().splitlines()
for f in files:
    CalamineWorkbook.from_path(f).get_sheet_by_index(0).to_python()
"""
# Runs a command as its child and reports the child's peak resident memory (largest process
# of the tree that it waited for: the main process or one worker).
MEASURE = """
import json, subprocess, sys, time
start = time.perf_counter()
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
elapsed = time.perf_counter() - start
try:
    import resource
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    peak, cpu = usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime
except ImportError:
    peak = cpu = None
print(json.dumps({"seconds": elapsed, "peak_mb": peak, "cpu": cpu, "code": code}))
"""


def measure(command: list[str], env: dict[str, str], repeat: int = 1,
            before: list[str] | None = None) -> dict:
    """Median of `repeat` runs (shared machines are noisy); `before` runs ahead of each."""
    runs = []
    for _ in range(repeat):
        if before:
            subprocess.run(before, env=env, check=True, capture_output=True)
        out = subprocess.run([sys.executable, "-c", MEASURE, *command], capture_output=True,
                             text=True, env=env, check=True).stdout
        runs.append(json.loads(out))
    runs.sort(key=lambda r: r["seconds"])
    return runs[len(runs) // 2]


def age(files: list[Path]) -> None:
    """Date the corpus an hour back, as returns received earlier are (the cache does not trust
    the times of files changed in the last seconds, and reads those by content)."""
    then = time.time() - 3600
    for path in files:
        os.utime(path, (then, then))


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "kcn_reports", *args]


def row(label: str, result: dict, per: int | None = None) -> str:
    peak = f"{result['peak_mb']:.0f} MB" if result.get("peak_mb") else "—"
    cpu = f"{result['cpu']:.2f} s" if result.get("cpu") is not None else "—"
    rate = f"{per / result['seconds']:,.0f} tệp/s" if per else ""
    return f"  {label:<44} {result['seconds']:8.2f} s  {cpu:>8}  {peak:>8}  {rate}"


CORPORA = {
    "realistic": ("Mẫu thực tế (mẫu trống, doanh nghiệp điền)", make_corpus),
    "light": ("Mẫu nhẹ (70 dòng, không định dạng, không sheet hướng dẫn)", make_light_corpus),
}


def read_times(corpus: Path, files: list[Path], env: dict[str, str], naive: bool) -> dict:
    """The read baselines and `check` (cold, cached, and cached with --json) on one corpus."""
    listing = corpus.parent / f"{corpus.name}.txt"
    listing.write_text("\n".join(str(f) for f in files), encoding="utf-8")
    clear_cache = [sys.executable, "-c", "import shutil, sys; shutil.rmtree(sys.argv[1], True)",
                   env["KCN_REPORTS_CACHE"]]
    results = {}
    if naive:
        results["naive"] = measure([sys.executable, "-c", NAIVE, str(listing)], env)
    results["bare"] = measure([sys.executable, "-c", BARE, str(listing)], env, 3)
    results["check_cold"] = measure(cli("check", "--inputs", str(corpus)), env, 3,
                                    before=clear_cache)
    results["check_warm"] = measure(cli("check", "--inputs", str(corpus)), env, 3)
    results["check_json"] = measure(cli("check", "--inputs", str(corpus), "--json"), env, 3)
    return results


HEADER = f"  {'':<44} {'thời gian':>10}  {'CPU':>8}  {'bộ nhớ':>8}"


def print_reads(results: dict, n: int) -> None:
    print(HEADER)
    if "naive" in results:
        print(row("pd.concat(pd.read_excel(engine='openpyxl'))", results["naive"], n))
    print(row("python-calamine, đọc trần", results["bare"], n))
    print(row("kcn-reports check (lần đầu)", results["check_cold"], n))
    print(row("kcn-reports check (lần hai, có cache)", results["check_warm"], n))
    print(row("kcn-reports check --json (có cache)", results["check_json"], n))


def print_read_targets(results: dict) -> None:
    cold = results["check_cold"]["seconds"]
    if "naive" in results:
        ratio = results["naive"]["seconds"] / cold
        print(f"  nhanh hơn cách đọc ngây thơ: {ratio:.1f}× (mục tiêu ≥ 20×)")
    print(f"  so với python-calamine đọc trần: {cold / results['bare']['seconds']:.2f}× "
          f"(mục tiêu ≤ 2×)")
    print(f"  lần hai nhanh hơn lần đầu: {cold / results['check_warm']['seconds']:.1f}× "
          f"(mục tiêu ≥ 5×)")
    extra = results["check_json"]["seconds"] - results["check_warm"]["seconds"]
    print(f"  in JSON thêm {extra:.2f} s ({extra / cold:.0%} thời gian lần đầu)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--big", type=int, default=10000, help="0 to skip the 10,000-form run")
    parser.add_argument("--skip-naive", action="store_true")
    parser.add_argument("--corpus", choices=["both", *CORPORA], default="both")
    args = parser.parse_args()

    root = Path(tempfile.mkdtemp(prefix="kcn-bench-"))
    # The corpus is the sample province's: its settings make the workspace.
    from kcn_reports.settings import DEFAULT_SETTINGS

    (root / "kcn_reports.toml").write_text(DEFAULT_SETTINGS, encoding="utf-8")
    env = {**os.environ, "KCN_REPORTS_CACHE": str(root / "cache")}
    # As installed: pip compiles the bytecode of what it installs, so the program is measured
    # with its bytecode compiled, not re-compiled from source at every start.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(HERE.parent / "kcn_reports")],
                   env=env, check=True, stdout=subprocess.DEVNULL)
    n = args.n
    kinds = list(CORPORA) if args.corpus == "both" else [args.corpus]
    try:
        print(f"Máy: {os.cpu_count()} lõi; Python {sys.version.split()[0]}")
        python = measure([sys.executable, "-c", "pass"], env, 5)
        help_ = measure(cli("--help"), env, 5)
        print("\nMỗi dòng là một tiến trình riêng; CPU = thời gian CPU của nó và các tiến trình con.")
        print(HEADER)
        print(row("python -c pass", python))
        print(row("kcn-reports --help", help_))
        startup = help_["seconds"] - python["seconds"]
        print(f"  kcn-reports --help: {help_['seconds'] * 1000:.0f} ms, trong đó khởi động "
              f"Python {python['seconds'] * 1000:.0f} ms (mục tiêu ≤ 150 ms; phần của chương "
              f"trình {startup * 1000:.0f} ms)")
        failures: list[str] = []
        for kind in kinds:
            title, make = CORPORA[kind]
            corpus = root / kind
            started = time.perf_counter()
            files = make(corpus, n)
            age(files)
            print(f"\n{title}: {len(files)} tệp, tạo trong {time.perf_counter() - started:.1f} s")
            results = read_times(corpus, files, env, not args.skip_naive)
            print_reads(results, n)
            if kind == "realistic":
                out = root / "out"
                results["generate"] = measure(cli("--no-cache", "--workspace", str(root),
                                                  "generate", "--kind", "annual", "--year",
                                                  "2016", "--inputs", str(corpus), "--out",
                                                  str(out)), env)
                print(row("kcn-reports generate", results["generate"], n))
                if args.big:
                    shutil.rmtree(corpus)
                    big_files = make(corpus, args.big)
                    age(big_files)
                    results["generate_big"] = measure(cli(
                        "--no-cache", "--workspace", str(root), "generate", "--kind", "annual",
                        "--year", "2016", "--inputs", str(corpus), "--out", str(out)), env)
                    print(row(f"kcn-reports generate ({len(big_files)} tệp)",
                              results["generate_big"], len(big_files)))
            print("So với mục tiêu (spec §6):")
            print_read_targets(results)
            if "generate_big" in results:
                scale = results["generate_big"]["seconds"] / results["generate"]["seconds"]
                print(f"  generate {args.big} / {n} tệp: {scale:.2f}× thời gian "
                      f"(mục tiêu ≤ {5.5 * args.big / 10000 * 2000 / n:.1f}×)")
                peak = results["generate_big"]["peak_mb"]
                if peak:
                    print(f"  bộ nhớ đỉnh generate {args.big} tệp: {peak:.0f} MB "
                          f"(mục tiêu ≤ 300 MB)")
            failures += [f"{kind}/{k}" for k, v in results.items() if v["code"] not in (0, 1)]
            shutil.rmtree(corpus, ignore_errors=True)
        if failures:
            print(f"\nCác lệnh thất bại: {', '.join(failures)}")
            return 1
        return 0
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
