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


def _commands(group=cli, prefix=()):
    import click

    for name, command in group.commands.items():
        yield (*prefix, name), command
        if isinstance(command, click.Group):
            yield from _commands(command, (*prefix, name))


def test_every_option_of_every_command_is_in_the_command_table():
    """The README's "Các lệnh" section names every command and each of its options (and the
    general options), so a clerk reading it knows everything `--help` would say."""
    import click

    text = README.read_text(encoding="utf-8")
    section = text[text.index("### Các lệnh"):]
    section = section[:section.index("\n### ", 1)]
    for option in cli.params:
        for name in option.opts:
            if name.startswith("--") and name != "--help":
                assert f"`{name}" in section, name
    for path, command in _commands():
        rows = [line for line in section.splitlines()
                if line.startswith(f"| `kcn-reports {' '.join(path)}")]
        if isinstance(command, click.Group):
            assert any(f"kcn-reports {' '.join(path)} " in line for line in section.splitlines()), path
            continue
        assert len(rows) == 1, path
        for param in command.params:
            names = [n for n in getattr(param, "opts", []) if n.startswith("--")]
            if isinstance(param, click.Argument):
                assert param.make_metavar(click.Context(command)) in rows[0], (path, param.name)
            elif names and names[0] not in ("--help", "--debug"):
                assert names[0] in rows[0], (path, names[0])
    assert "`--debug`" in section and "`--help`" in section


def test_figure_definitions_in_the_readme_are_the_codes():
    """The README's "Định nghĩa số liệu" is the text the code is written to: the membership
    rule, the periods, and each figure's declaration in the context."""
    from kcn_reports.context import all_figures
    from kcn_reports.figures import PERIOD_DEFINITIONS
    from kcn_reports.membership import DEFINITIONS

    text = README.read_text(encoding="utf-8")
    section = text[text.index("<!-- definitions:start -->"):text.index("<!-- definitions:end -->")]
    for sentence in (*DEFINITIONS, *PERIOD_DEFINITIONS):
        assert f"- {sentence}" in section
    for path, figure in all_figures().items():
        assert f"| `{path}` | {figure.label} | {figure.unit} | {figure.definition} |" in section


def test_default_templates_of_the_workspace_are_the_shipped_ones():
    """The repository is a workspace: its report_templates/ hold the package's defaults."""
    from kcn_reports.generate import OFFICIAL_TEMPLATE
    from kcn_reports.word_report import TEMPLATE_FILES, resource

    folder = README.parent / "report_templates"
    for name in (*TEMPLATE_FILES.values(), OFFICIAL_TEMPLATE):
        assert (folder / name).read_bytes() == resource(name).read_bytes(), name


def test_readme_opens_with_the_two_commands():
    lines = README.read_text(encoding="utf-8").splitlines()
    block = lines[lines.index("```") + 1:]
    assert block[:3] == ["python3 run.py", "python3 run.py test", "```"]
