"""The README is the user's reference: its generated tables match the code, every command is
documented, and it opens with the two commands."""

from __future__ import annotations

from pathlib import Path

from kcn_reports.cli import cli
from kcn_reports.docs import refresh
from kcn_reports.formdef import FIELDS
from kcn_reports.problems import CATALOG

README = Path(__file__).resolve().parents[1] / "README.md"


def test_generated_tables_are_up_to_date():
    text = README.read_text(encoding="utf-8")
    assert refresh(text) == text, "run: python scripts/update_docs.py"


def test_every_field_code_and_command_documented():
    text = README.read_text(encoding="utf-8")
    for field in FIELDS:
        assert f"`{field.key}`" in text
    for code in CATALOG:
        assert f"`{code}`" in text
    for name in cli.commands:
        assert f"kcn-reports {name}" in text, name


def test_readme_opens_with_the_two_commands():
    lines = README.read_text(encoding="utf-8").splitlines()
    block = lines[lines.index("```") + 1:]
    assert block[:3] == ["python3 run.py", "python3 run.py test", "```"]
