"""`kcn-reports templates check`: templates edited in Word and Excel, checked before a run needs
them. Broken copies of the default templates are made with python-docx / openpyxl the way Word
breaks them, and each issue must be found where it is."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from docx import Document
from docx.oxml import parse_xml

from kcn_reports.cli import cli
from kcn_reports.docs import reference_context
from kcn_reports.template_check import ERROR, WARNING, check_template
from kcn_reports.word_report import (
    ANNUAL_TEMPLATE,
    render_report,
    resource,
    write_default_templates,
)

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


@pytest.fixture(scope="module")
def defaults(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("mau") / "report_templates"
    write_default_templates(folder)
    (folder / "bieu_tong_hop.xlsx").write_bytes(resource("bieu_tong_hop.xlsx").read_bytes())
    return folder


@pytest.fixture(scope="module")
def context():
    return reference_context()


def _paragraphs(doc):
    yield from doc.paragraphs
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from cell.paragraphs


def edited(defaults: Path, out: Path, old: str, new: str) -> Path:
    """A copy of the annual template with the first run holding `old` retyped."""
    doc = Document(str(defaults / ANNUAL_TEMPLATE))
    for paragraph in _paragraphs(doc):
        for run in paragraph.runs:
            if old in run.text:
                run.text = run.text.replace(old, new, 1)
                doc.save(str(out))
                return out
    raise AssertionError(f"{old!r} not in the template")


def without_paragraph(defaults: Path, out: Path, text: str) -> Path:
    doc = Document(str(defaults / ANNUAL_TEMPLATE))
    paragraph = next(p for p in _paragraphs(doc) if p.text.strip() == text)
    paragraph._p.getparent().remove(paragraph._p)
    doc.save(str(out))
    return out


def with_paragraph_xml(out: Path, runs_xml: str) -> Path:
    """A document with one paragraph made of the given raw runs."""
    doc = Document()
    paragraph = doc.add_paragraph()
    for child in list(parse_xml(f"<w:root {W}>{runs_xml}</w:root>")):
        paragraph._p.append(child)
    doc.save(str(out))
    return out


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def errors(issues):
    return [i for i in issues if i.severity == ERROR]


# --- the default templates ------------------------------------------------------------------

def test_default_templates_have_no_issues(defaults, context):
    for path in sorted(defaults.iterdir()):
        assert check_template(path, context) == [], path.name


def test_cli_checks_every_template_of_the_workspace(defaults):
    result = CliRunner().invoke(cli, ["--workspace", str(defaults.parent), "templates", "check"])
    assert result.exit_code == 0, result.output
    assert "Mẫu bao_cao_nam.docx: không có vấn đề." in result.output
    assert "Mẫu bao_cao_hai_nam.docx: không có vấn đề." in result.output
    assert "Mẫu bieu_tong_hop.xlsx: không có vấn đề." in result.output
    assert "Đã kiểm tra 3 mẫu: 0 lỗi, 0 cảnh báo." in result.output


# --- Word's breakages -----------------------------------------------------------------------

def test_smart_quotes_in_a_tag_are_a_located_warning_and_still_render(defaults, context, tmp_path):
    tag = "{{ ' ' + outreach.team_text if outreach.team_text else '' }}"
    curly = "{{ ‘ ’ + outreach.team_text if outreach.team_text else ‘’ }}"
    path = edited(defaults, tmp_path / "nhay.docx", tag, curly)
    issues = check_template(path, context)
    assert len(issues) == 1
    issue = issues[0]
    assert issue.severity == WARNING
    assert "dấu nháy cong" in issue.message and "Straight quotes" in issue.message
    assert issue.where == "đoạn 4" and issue.excerpt == curly
    # Why a warning: docxtpl turns them back into straight quotes, the report still renders.
    render_report(path, replace(context, outreach=replace(context.outreach, team_text="gồm 7")),
                  tmp_path / "bao_cao.docx", chart_png=None)
    text = "\n".join(p.text for p in Document(str(tmp_path / "bao_cao.docx")).paragraphs)
    assert "phát triển tổ chức đảng và đảng viên gồm 7." in text


def test_tag_typed_apart_is_an_error(defaults, context, tmp_path):
    path = edited(defaults, tmp_path / "tach.docx", "{{ party.cells_end }}",
                  "{ { party.cells_end }}")
    [issue] = check_template(path, context)
    assert issue.severity == ERROR
    assert "«{ {»" in issue.message and "«{{»" in issue.message
    assert issue.where == "đoạn 7"


def test_dash_word_substituted_inside_a_tag(defaults, context, tmp_path):
    path = edited(defaults, tmp_path / "gach.docx", "party.cells_end - party.cells_start",
                  "party.cells_end – party.cells_start")
    [issue] = check_template(path, context)
    assert issue.severity == ERROR and "«–»" in issue.message and "«-»" in issue.message


def test_non_breaking_space_inside_a_tag_is_a_warning(defaults, context, tmp_path):
    path = edited(defaults, tmp_path / "nbsp.docx", "{{ party.cells_end }}",
                  "{{\u00a0party.cells_end\u00a0}}")
    [issue] = check_template(path, context)
    assert issue.severity == WARNING and "không ngắt" in issue.message


def test_field_between_the_braces_is_found(context, tmp_path):
    field = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE '
             '</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
             '<w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>')
    path = with_paragraph_xml(tmp_path / "truong.docx",
                              run("Có {") + field + run("{ party.cells_end }} chi bộ"))
    [issue] = check_template(path, context)
    assert issue.severity == ERROR and "trường (field)" in issue.message
    assert issue.where == "đoạn 1"


def test_tag_half_inside_a_hyperlink_is_an_error(context, tmp_path):
    path = with_paragraph_xml(tmp_path / "lienket.docx",
                              run("{") + '<w:hyperlink w:anchor="muc1">'
                              + run("{ party.cells_end }}") + "</w:hyperlink>")
    [issue] = check_template(path, context)
    assert issue.severity == ERROR and "liên kết (hyperlink)" in issue.message


def test_tag_split_across_runs_is_fine(context, tmp_path):
    path = with_paragraph_xml(tmp_path / "runs.docx",
                              run("{") + run("{ party.") + run("cells_end }") + run("}"))
    assert check_template(path, context) == []


def test_text_beside_a_paragraph_tag_would_be_lost(defaults, context, tmp_path):
    path = edited(defaults, tmp_path / "p.docx", "{%p if training.classes is nonzero %}",
                  "Ghi chú: {%p if training.classes is nonzero %}")
    [issue] = check_template(path, context)
    assert issue.severity == WARNING and "«Ghi chú:»" in issue.message


# --- Jinja syntax ---------------------------------------------------------------------------

def test_unclosed_for_is_reported_at_its_opening_tag(defaults, context, tmp_path):
    doc = Document(str(defaults / ANNUAL_TEMPLATE))
    index = next(i for i, p in enumerate(doc.paragraphs)
                 if p.text.startswith('{%p for item in next_targets["items"]'))
    path = without_paragraph(defaults, tmp_path / "for.docx", "{%p endfor %}")
    [issue] = check_template(path, context)
    assert issue.severity == ERROR
    assert "chưa được đóng" in issue.message and "{%p endfor %}" in issue.message
    assert issue.where == f"đoạn {index + 1}"
    assert issue.excerpt == '{%p for item in next_targets["items"] %}'


def test_unclosed_plain_for_and_if(context, tmp_path):
    path = with_paragraph_xml(tmp_path / "for.docx", run("{% for z in by_zone %}{{ z.zone }}")
                              + run(" {% if party.cells_end %}có{% endif %}"))
    [issue] = check_template(path, context)
    assert issue.severity == ERROR and issue.where == "đoạn 1"
    assert issue.message == "Thẻ «{% for … %}» chưa được đóng: thiếu «{% endfor %}»."
    assert issue.excerpt == "{% for z in by_zone %}"


def test_mismatched_block_forms_are_an_error(defaults, context, tmp_path):
    path = edited(defaults, tmp_path / "endif.docx", "{%p endif %}", "{% endif %}")
    [issue] = check_template(path, context)
    assert issue.severity == ERROR and "cùng dạng" in issue.message


def test_syntax_error_inside_one_tag(defaults, context, tmp_path):
    path = edited(defaults, tmp_path / "cuphap.docx", "{{ party.cells_end }}",
                  "{{ party.cells_end + }}")
    [issue] = check_template(path, context)
    assert issue.severity == ERROR and "cú pháp" in issue.message and issue.where == "đoạn 7"


def test_unclosed_print_tag(defaults, context, tmp_path):
    path = edited(defaults, tmp_path / "mo.docx", "{{ party.cells_end }}",
                  "{{ party.cells_end }")
    [issue] = check_template(path, context)
    assert issue.severity == ERROR and "không có «}}»" in issue.message


# --- names ----------------------------------------------------------------------------------

def test_unknown_attribute_path_with_a_suggestion(defaults, context, tmp_path):
    path = edited(defaults, tmp_path / "bien.docx", "{{ party.cells_end }}",
                  "{{ party.cells_endd }}")
    [issue] = check_template(path, context)
    assert issue.severity == ERROR
    assert issue.message == ("Không có số liệu «party.cells_endd». "
                             "Có phải là «party.cells_end»?")
    assert issue.where == "đoạn 7" and issue.excerpt == "{{ party.cells_endd }}"


def test_unknown_loop_attribute_located_in_its_table_cell(defaults, context, tmp_path):
    path = edited(defaults, tmp_path / "vonglap.docx", "{{ z.zone }}", "{{ z.zonee }}")
    [issue] = check_template(path, context)
    assert issue.severity == ERROR
    assert "«by_zone[].zonee»" in issue.message and "z.zonee" in issue.message
    # header block, movements, zones: the zone table is the third; its data row is the third.
    assert issue.where == "bảng 3, hàng 3, ô 1"


def test_unknown_top_level_variable(defaults, context, tmp_path):
    path = edited(defaults, tmp_path / "goc.docx", "{{ party.cells_end }}",
                  "{{ partyy.cells_end }}")
    [issue] = check_template(path, context)
    assert "Biến «partyy»" in issue.message and "«party»" in issue.message


def test_unknown_filter_with_a_suggestion(defaults, context, tmp_path):
    path = edited(defaults, tmp_path / "loc.docx", "| vn_number }}", "| vn_numbr }}")
    [issue] = check_template(path, context)
    assert issue.severity == ERROR
    assert issue.message == "Không có bộ lọc «vn_numbr». Có phải là «vn_number»?"
    assert issue.excerpt.endswith("| vn_numbr }}")


def test_sections_are_read_by_attribute_even_where_a_dict_has_a_method(defaults, context,
                                                                      tmp_path):
    # The context is typed (dataclasses), so next_targets.items is the list of targets, not
    # the dict method it was when the context was a dict.
    path = edited(defaults, tmp_path / "items.docx", 'next_targets["items"]',
                  "next_targets.items")
    assert check_template(path, context) == []
    targets = replace(context.next_targets, items=["thành lập 2 chi bộ"])
    render_report(path, replace(context, next_targets=targets), tmp_path / "r.docx", None)
    text = [p.text for p in Document(str(tmp_path / "r.docx")).paragraphs]
    assert "- thành lập 2 chi bộ." in text


def test_names_guarded_by_is_defined_are_the_templates_business(context, tmp_path):
    path = with_paragraph_xml(tmp_path / "defined.docx",
                              run("{% if extra is defined %}{{ extra }}{% endif %}"))
    assert check_template(path, context) == []


# --- Excel official table -------------------------------------------------------------------

def test_excel_placeholders_checked_against_the_context(defaults, context, tmp_path):
    book = openpyxl.load_workbook(defaults / "bieu_tong_hop.xlsx")
    sheet = book.worksheets[0]
    sheet["D11"] = "{{ party.cells_endd }}"
    sheet["D12"] = "{{ party.cells_in_fdi | vn_numbr }}"
    sheet["D13"] = "{{ party }}"
    sheet["D14"] = "{{ by_zone.0.zone }}"
    path = tmp_path / "bieu.xlsx"
    book.save(path)
    issues = check_template(path, context)
    where = {i.where: i for i in issues}
    assert set(where) == {f"sheet «{sheet.title}», ô D11", f"sheet «{sheet.title}», ô D12",
                          f"sheet «{sheet.title}», ô D13"}
    assert "party.cells_endd" in where[f"sheet «{sheet.title}», ô D11"].message
    assert "vn_number" in where[f"sheet «{sheet.title}», ô D12"].message
    assert "bảng số liệu" in where[f"sheet «{sheet.title}», ô D13"].message
    assert all(i.severity == ERROR for i in issues)


# --- the command ----------------------------------------------------------------------------

def test_cli_one_broken_file_exits_one_with_located_vietnamese_output(defaults, tmp_path):
    path = edited(defaults, tmp_path / "bien.docx", "{{ party.cells_end }}",
                  "{{ party.cells_endd }}")
    result = CliRunner().invoke(cli, ["templates", "check", str(path)])
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "Mẫu bien.docx: 1 lỗi, 0 cảnh báo.",
        "  - LỖI đoạn 7 «{{ party.cells_endd }}»: Không có số liệu «party.cells_endd». "
        "Có phải là «party.cells_end»?",
        "Đã kiểm tra 1 mẫu: 1 lỗi, 0 cảnh báo.",
    ]


def test_cli_warnings_only_exit_zero(defaults, tmp_path):
    path = edited(defaults, tmp_path / "nbsp.docx", "{{ party.cells_end }}",
                  "{{\u00a0party.cells_end }}")
    result = CliRunner().invoke(cli, ["templates", "check", str(path)])
    assert result.exit_code == 0, result.output
    assert "Cảnh báo đoạn 7" in result.output and "0 lỗi, 1 cảnh báo" in result.output


def test_cli_usage_errors_exit_two(tmp_path):
    runner = CliRunner()
    result = runner.invoke(cli, ["templates", "check", str(tmp_path / "khong-co.docx")])
    assert result.exit_code == 2 and "không tồn tại" in result.output
    (tmp_path / "ghi chu.txt").write_text("x", encoding="utf-8")
    result = runner.invoke(cli, ["templates", "check", str(tmp_path / "ghi chu.txt")])
    assert result.exit_code == 2 and "Chỉ kiểm tra được mẫu Word (.docx) hoặc Excel" in result.output
    result = runner.invoke(cli, ["--workspace", str(tmp_path), "templates", "check"])
    assert result.exit_code == 2 and "Không có mẫu nào" in result.output


def test_help_is_vietnamese():
    runner = CliRunner()
    result = runner.invoke(cli, ["templates", "--help"])
    assert result.exit_code == 0 and "Cách dùng:" in result.output
    assert "Các mẫu báo cáo trong thư mục report_templates/" in result.output
    result = runner.invoke(cli, ["templates", "check", "--help"])
    assert result.exit_code == 0
    assert "Kiểm tra mẫu Word (.docx) và mẫu biểu Excel (.xlsx)" in result.output
    assert "Thoát với mã 0 khi không có lỗi, 1 khi có lỗi, 2 khi sai cách dùng." in result.output
    assert "Show this message" not in result.output
