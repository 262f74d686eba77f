"""One-command setup for a fresh machine with only Python 3.10+ (Windows, macOS, Linux).

    python run.py          # set up .venv, then generate the reports from the sample inputs
    python run.py test     # set up .venv with the dev tools, then lint, type-check and test
    python run.py ARGS...  # any other arguments go to kcn-reports (e.g. run.py check)

Uses only the standard library, so it runs before anything is installed.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def ensure_venv(dev: bool) -> Path:
    """Create .venv and install the project (with dev tools for tests) when pyproject changed."""
    if sys.version_info < (3, 10):  # noqa: UP036 - runs before the venv, on any Python
        sys.exit("Cần Python 3.10 trở lên (đang dùng %d.%d)." % sys.version_info[:2])  # noqa: UP031
    python = venv_python()
    if not python.exists():
        print("Đang tạo môi trường ảo .venv …", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    extra = ".[dev]" if dev else "."
    stamp = VENV / f".installed-{'dev' if dev else 'run'}"
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if not stamp.exists() or stamp.read_text() != digest:
        print("Đang cài đặt các thư viện (lần đầu mất vài phút) …", flush=True)
        for args in (["--upgrade", "pip"], ["-e", extra]):
            # Quiet unless it fails: build tools print warnings that only alarm an office user.
            done = subprocess.run([str(python), "-m", "pip", "install", "--quiet", *args],
                                  cwd=ROOT, capture_output=True, text=True)
            if done.returncode != 0:
                print(done.stdout + done.stderr)
                sys.exit("Cài đặt thư viện không thành công (xem thông báo ở trên).")
        stamp.write_text(digest)
    return python


def main(argv: list[str]) -> int:
    task = argv[0] if argv else "run"
    if task in ("-h", "--help") and len(argv) == 1:
        print(__doc__)
        return 0
    if task == "test":
        python = ensure_venv(dev=True)
        linted = [p for p in ("kcn_reports", "tests", "scripts", "benchmarks", "run.py")
                  if (ROOT / p).exists()]
        steps = [
            [str(python), "-m", "ruff", "check", *linted],
            [str(python), "-m", "mypy", "kcn_reports"],
            [str(python), "-m", "pytest", *argv[1:]],
        ]
        for step in steps:
            print("$", " ".join(Path(step[0]).name if i == 0 else a for i, a in enumerate(step)),
                  flush=True)
            code = subprocess.run(step, cwd=ROOT).returncode
            if code != 0:
                return code
        return 0
    python = ensure_venv(dev=False)
    if task == "run":
        command = [str(python), "-m", "kcn_reports", "--workspace", str(ROOT), "generate",
                   "--kind", "two-year", "--as-of", "2016-11-26", *argv[1:]]
    else:
        command = [str(python), "-m", "kcn_reports", *argv]
    return subprocess.run(command).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
