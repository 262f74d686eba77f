"""Regenerate the reference tables in README.md from the code's definitions."""

from pathlib import Path

from kcn_reports.docs import refresh

README = Path(__file__).resolve().parents[1] / "README.md"

if __name__ == "__main__":
    text = README.read_text(encoding="utf-8")
    updated = refresh(text)
    if updated != text:
        README.write_text(updated, encoding="utf-8")
        print("README.md updated")
    else:
        print("README.md already up to date")
