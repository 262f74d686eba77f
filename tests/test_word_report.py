"""The Word report: open the rendered .docx and check its sentences, tables and layout."""

from __future__ import annotations

import datetime as dt
import re
import warnings
from dataclasses import fields, replace
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm

from kcn_reports.context import (
    EnterprisesSection,
    LabourSection,
    Manual,
    MovementRow,
    NextTargets,
    OrgSection,
    OutreachSection,
    PartySection,
    ReportContext,
    ReportSection,
    Signatory,
    TargetRow,
    TrainingSection,
    UnionsSection,
    YearOnYear,
    YouthSection,
    ZoneRow,
)
from kcn_reports.word_report import (
    ANNUAL_TEMPLATE,
    FONT,
    PLACEHOLDER_ASSESSMENT,
    PLACEHOLDER_SOLUTIONS,
    TWO_YEAR_TEMPLATE,
    ReportTemplateError,
    make_chart,
    render_report,
    template_variables,
    write_default_templates,
)

ZONES = [
    # zone, enterprises, employees, party members, union members
    ("Đình Trám", 30, 18_200, 52, 9_800),
    ("Quang Châu", 22, 15_400, 41, 6_150),
    ("Song Khê – Nội Hoàng", 12, 6_300, 32, 3_100),
    ("Vân Trung", 8, 4_100, 25, 2_300),
]
# cell, A, admitted, transferred in, other in, died, transferred out, other out
MOVEMENTS = [
    ("Chi bộ Cơ quan Ban Quản lý", 12, 4, 6, 0, 1, 2, 0),
    ("Chi bộ Các doanh nghiệp", 10, 12, 14, 1, 0, 2, 1),
    ("Chi bộ Công ty TNHH Hồng Hải", 8, 9, 10, 0, 0, 1, 0),
    ("Chi bộ Công ty CP Đình Trám", 5, 7, 6, 0, 0, 1, 0),
    ("Chi bộ Công ty TNHH Fuhong", 0, 6, 8, 0, 0, 0, 0),
    ("Chi bộ Công ty CP May Bắc Giang", 0, 6, 5, 0, 0, 0, 0),
    ("Chi bộ Công ty TNHH Vina Solar", 0, 6, 4, 0, 0, 0, 0),
    ("Chi bộ Công ty CP Quang Châu", 0, 5, 5, 0, 0, 0, 0),
    ("Chi bộ Công ty TNHH Việt Hàn", 0, 5, 4, 0, 0, 0, 0),
]
KEYS = ["a", "admitted", "transferred_in", "other_in", "died", "transferred_out", "other_out"]


def article_context() -> ReportContext:
    """The figures of the 2016 article (seed/article.txt), typed as the report reads them."""
    movements = []
    for cell, *numbers in MOVEMENTS:
        row = dict(zip(KEYS, numbers, strict=True))
        d = (row["a"] + row["admitted"] + row["transferred_in"] + row["other_in"] - row["died"]
             - row["transferred_out"] - row["other_out"])
        movements.append(MovementRow(cell, d=d, check="Khớp", **row))
    total = {k: sum(getattr(m, k) for m in movements) for k in [*KEYS, "d"]}
    by_zone = [ZoneRow(f"KCN {z}", enterprises=e, employees=w, party_members=p, union_members=u)
               for z, e, w, p, u in ZONES]
    by_zone_total = ZoneRow("Tổng cộng", **{
        k: sum(getattr(z, k) for z in by_zone)
        for k in ("enterprises", "employees", "party_members", "union_members")})
    return ReportContext(
        org=OrgSection(
            superior_body="Đảng bộ Khối các cơ quan tỉnh",
            issuing_body="Đảng ủy Các Khu công nghiệp",
            abbreviation="ĐU",
            place="Bắc Giang",
            party_org_name="Đảng bộ Các Khu công nghiệp tỉnh",
            signatory=Signatory("T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Nguyễn Văn Hùng"),
            recipients=[
                "Ban Thường vụ Tỉnh ủy (b/c)",
                "Ban Tổ chức Tỉnh ủy (b/c)",
                "Các chi bộ trực thuộc",
                "Lưu VP.",
            ],
        ),
        report=ReportSection(
            kind="two-year", start=dt.date(2014, 6, 30), end=dt.date(2016, 11, 26),
            date=dt.date(2016, 11, 28), as_at=dt.date(2016, 11, 26), number="", year=2016,
            years=2, years_text="02", years_qualifier="hơn",
            period_label="từ tháng 6/2014 đến tháng 11/2016", forms_period="2016-H1",
            forms_period_label="6 tháng đầu năm 2016", forms_partial=False,
        ),
        party=PartySection(
            cells_start=4, cells_end=9, cells_in_fdi=1, members_start=35, members_end=150,
            members_in_enterprises=150, members_in_fdi=35, domestic_owner_members=10,
            admitted=60, transferred_in=62, mobilised_transfer=10,
        ),
        outreach=OutreachSection(enterprises_approached=40, enterprises_approached_fdi=20,
                                 team_text="gồm 7 đồng chí"),
        training=TrainingSection(classes=4, attendees=215, attendees_fdi=80),
        unions=UnionsSection(founded=34, total=61, members=21_350),
        youth=YouthSection(organisations=18, members=2_460),
        labour=LabourSection(employees=44_000, female=29_500, foreign=310),
        enterprises=EnterprisesSection(expected=80, reported=72, fdi=50, domestic=22, rate=0.9),
        by_zone=by_zone,
        by_zone_total=by_zone_total,
        by_zone_detail=[],
        movements=movements,
        movements_total=MovementRow("Tổng cộng", check="Khớp", kind="total", **total),
        targets=[],
        next_targets=NextTargets(2017, [
            "Tổ chức từ 1-2 lớp bồi dưỡng lý luận chính trị dành cho đối tượng kết nạp đảng",
            "Thành lập 2 chi bộ trực thuộc, trong đó có 01 chi bộ trong doanh nghiệp FDI",
            "Kết nạp 50 quần chúng ưu tú vào Đảng",
        ]),
        manual=Manual(),
        year_on_year=YearOnYear(False, None, None, "", []),
    )


def annual_context() -> ReportContext:
    context = article_context()
    return replace(
        context,
        report=replace(context.report, kind="annual", start=dt.date(2015, 12, 31),
                       end=dt.date(2016, 12, 31), date=dt.date(2017, 1, 10),
                       as_at=dt.date(2016, 12, 31), number="15", years=1, years_text="01",
                       years_qualifier="", period_label="năm 2016"),
        party=replace(context.party, cells_start=7, members_start=110),
        targets=[
            TargetRow("training_classes_max", "Lớp bồi dưỡng nhận thức về Đảng", 2, 4, 2.0),
            TargetRow("admissions", "Kết nạp đảng viên mới", 40, 30, 0.75),
            TargetRow("new_cells", "Thành lập chi bộ mới", 2, 1, None),
        ],
    )


@pytest.fixture(scope="module")
def templates(tmp_path_factory) -> dict[str, Path]:
    paths = write_default_templates(tmp_path_factory.mktemp("templates"))
    return {p.name: p for p in paths}


@pytest.fixture(scope="module")
def chart_png() -> bytes:
    return make_chart(article_context())


def render(templates, name: str, context: dict, out: Path, chart: bytes | None) -> Document:
    render_report(templates[name], context, out, chart)
    return Document(str(out))


def all_paragraphs(document) -> list:
    """Body paragraphs and table-cell paragraphs, in document order."""
    found = []
    for block in document.element.body.iter(qn("w:p")):
        found.append(block)
    return found


def text_of(document) -> str:
    lines = []
    for p in all_paragraphs(document):
        lines.append("".join(t.text or "" for t in p.iter(qn("w:t"))))
    return "\n".join(lines)


def table_with(document, header: str):
    for table in document.tables:
        if any(header == cell.text for cell in table.rows[0].cells):
            return table
    raise AssertionError(f"no table with header {header!r}")


def rows_text(table) -> list[list[str]]:
    rows = []
    for row in table.rows:
        texts = []
        for cell in row.cells:
            if not texts or cell._tc is not texts[-1][0]:
                texts.append((cell._tc, cell.text))
        rows.append([t for _, t in texts])
    return rows


@pytest.fixture(scope="module")
def two_year(templates, chart_png, tmp_path_factory):
    out = tmp_path_factory.mktemp("out") / "Báo cáo 02 năm.docx"
    return render(templates, TWO_YEAR_TEMPLATE, article_context(), out, chart_png)


def test_two_year_report_reads_like_the_article(two_year):
    text = text_of(two_year)
    for phrase in [
        "Sau hơn 02 năm hoạt động, từ một Đảng bộ có 4 chi bộ, 35 đảng viên",
        "đến nay Đảng bộ Các Khu công nghiệp tỉnh đã có 9 chi bộ trực thuộc với 150 đảng viên",
        "(tăng 5 chi bộ và 115 đảng viên so với thời điểm tháng 6/2014)",
        "có 01 chi bộ thuộc doanh nghiệp có vốn đầu tư nước ngoài (FDI) và 35 đảng viên",
        "có 10 đảng viên là chủ doanh nghiệp trong nước",
        "tiếp cận và vận động ở 40 doanh nghiệp, trong đó có 20 doanh nghiệp có vốn đầu tư",
        "Tuyên truyền vận động 10 đảng viên",
        "Tổ chức 04 lớp bồi dưỡng nhận thức về Đảng cho hơn 200 quần chúng ưu tú, trong đó có "
        "80 quần chúng làm việc trong các doanh nghiệp FDI",
        "thành lập mới 34 tổ chức Công đoàn cơ sở",
        "trên 21 nghìn đoàn viên công đoàn",
        "Tổ tuyên truyền vận động phát triển tổ chức đảng và đảng viên gồm 7 đồng chí.",
        "tổng số lao động đang làm việc là 44.000 người",
        "Có 72/80 doanh nghiệp đã gửi báo cáo (90",
        "Mục tiêu năm 2017",
        "- Kết nạp 50 quần chúng ưu tú vào Đảng.",
        "Trên đây là báo cáo kết quả 02 năm phát triển tổ chức đảng, đảng viên tại Đảng bộ Các "
        "Khu công nghiệp tỉnh./.",
    ]:
        assert phrase in text, phrase
    assert "{{" not in text and "{%" not in text


def test_title_and_header_block(two_year):
    paragraphs = [p.text for p in two_year.paragraphs]
    assert "BÁO CÁO" in paragraphs
    assert (
        "Kết quả 02 năm phát triển tổ chức đảng, đảng viên\ntại Đảng bộ Các Khu công nghiệp tỉnh"
    ) in paragraphs
    header = two_year.tables[0]
    left = [p.text for p in header.cell(0, 0).paragraphs]
    assert left == ["ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH", "ĐẢNG ỦY CÁC KHU CÔNG NGHIỆP", "*"]
    assert re.fullmatch(r"Số\s+-BC/ĐU", header.cell(1, 0).text)
    party = header.cell(0, 1).paragraphs[0].runs[0]
    assert party.text == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert party.bold and party.underline and party.font.size.pt == 15
    date_run = header.cell(1, 1).paragraphs[0].runs[0]
    assert date_run.text == "Bắc Giang, ngày 28 tháng 11 năm 2016"
    assert date_run.italic
    issuing = header.cell(0, 0).paragraphs[1].runs[0]
    assert issuing.bold and issuing.font.size.pt == 14
    # The header table has no borders.
    borders = header._tbl.tblPr.find(qn("w:tblBorders"))
    assert {b.get(qn("w:val")) for b in borders} == {"nil"}


def test_zone_table_rows_and_total(two_year):
    rows = rows_text(table_with(two_year, "Khu công nghiệp"))
    assert rows[0] == [
        "Khu công nghiệp",
        "Số DN báo cáo",
        "Lao động",
        "Đảng viên làm việc tại DN (Mã số 10)",
        "Đoàn viên công đoàn",
    ]
    assert rows[1] == ["KCN Đình Trám", "30", "18.200", "52", "9.800"]
    assert rows[3] == ["KCN Song Khê – Nội Hoàng", "12", "6.300", "32", "3.100"]
    assert rows[-1] == ["Tổng cộng", "72", "44.000", "150", "21.350"]
    assert len(rows) == 1 + len(ZONES) + 1
    total_run = table_with(two_year, "Khu công nghiệp").rows[-1].cells[2].paragraphs[0].runs[0]
    assert total_run.bold
    number = table_with(two_year, "Khu công nghiệp").rows[1].cells[2].paragraphs[0]
    assert number.alignment == 2  # right


def test_movement_table_in_biểu_1_btctw_form(two_year):
    rows = rows_text(table_with(two_year, "Chi bộ"))
    assert rows[0] == ["Chi bộ", "A. Đầu kỳ", "B. Tăng", "C. Giảm", "D. Cuối kỳ"]
    # python-docx reports a vertically merged cell under the cell that starts the merge.
    assert rows[1] == [
        "Chi bộ",
        "A. Đầu kỳ",
        "Kết nạp",
        "Chuyển đến",
        "Khác",
        "Từ trần",
        "Chuyển đi",
        "Khác",
        "D. Cuối kỳ",
    ]
    assert rows[2] == ["Chi bộ Cơ quan Ban Quản lý", "12", "4", "6", "0", "1", "2", "0", "19"]
    assert rows[-1] == ["Tổng cộng", "35", "60", "62", "1", "1", "6", "1", "150"]
    assert len(rows) == 2 + len(MOVEMENTS) + 1


def test_page_is_a4_with_party_margins_and_numbers_from_page_two(two_year):
    section = two_year.sections[0]
    for value, expected in [
        (section.page_width, 210),
        (section.page_height, 297),
        (section.top_margin, 20),
        (section.bottom_margin, 20),
        (section.left_margin, 30),
        (section.right_margin, 15),
    ]:
        assert abs(value - Mm(expected)) <= Mm(0.5)
    assert section.different_first_page_header_footer
    instr = "".join(t.text for t in section.header._element.iter(qn("w:instrText")))
    assert instr.strip() == "PAGE"
    assert not list(section.first_page_header._element.iter(qn("w:instrText")))


def test_every_text_run_is_times_new_roman(two_year):
    runs = [r for p in two_year.paragraphs for r in p.runs if r.text.strip()]
    for table in two_year.tables:
        for row in table.rows:
            for cell in row.cells:
                runs += [r for p in cell.paragraphs for r in p.runs if r.text.strip()]
    assert len(runs) > 100
    for run in runs:
        fonts = run._element.rPr.rFonts
        assert run.font.name == FONT, run.text
        assert fonts.get(qn("w:eastAsia")) == FONT and fonts.get(qn("w:cs")) == FONT
    body = [p for p in two_year.paragraphs if p.text.startswith("Sau hơn 02 năm")][0]
    assert body.runs[0].font.size.pt == 14
    assert body.alignment == 3  # justified
    assert body.paragraph_format.first_line_indent >= Mm(10)


def test_signature_and_recipients(two_year):
    table = two_year.tables[-1]
    left = [p.text for p in table.cell(0, 0).paragraphs]
    assert left == [
        "Nơi nhận:",
        "- Ban Thường vụ Tỉnh ủy (b/c),",
        "- Ban Tổ chức Tỉnh ủy (b/c),",
        "- Các chi bộ trực thuộc,",
        "- Lưu VP.",
    ]
    right = [p.text for p in table.cell(0, 1).paragraphs if p.text]
    assert right == ["T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Nguyễn Văn Hùng"]
    assert table.cell(0, 0).paragraphs[0].runs[0].font.size.pt == 12


def test_chart_is_embedded_with_caption(two_year):
    assert len(two_year.inline_shapes) == 1
    assert abs(two_year.inline_shapes[0].width - Mm(160)) <= Mm(0.5)
    assert "Biểu đồ 1. Chi bộ, đảng viên tại thời điểm 30/06/2014 và 26/11/2016" in text_of(
        two_year
    )


def test_placeholders_when_manual_text_is_empty(two_year):
    text = text_of(two_year)
    assert "II. ĐÁNH GIÁ CHUNG" in text and "III. PHƯƠNG HƯỚNG, GIẢI PHÁP" in text
    highlighted = [
        r.text for p in two_year.paragraphs for r in p.runs if r.font.highlight_color is not None
    ]
    assert PLACEHOLDER_ASSESSMENT in highlighted
    assert PLACEHOLDER_SOLUTIONS in highlighted


def test_manual_text_replaces_placeholders(templates, chart_png, tmp_path):
    context = replace(article_context(), manual=Manual(
        assessment="Công tác phát triển đảng có chuyển biến rõ nét.\n\nCòn khó khăn ở DN FDI.",
        solutions="Tăng cường tuyên truyền chủ doanh nghiệp.",
    ))
    document = render(templates, TWO_YEAR_TEMPLATE, context, tmp_path / "r.docx", chart_png)
    text = text_of(document)
    assert PLACEHOLDER_ASSESSMENT not in text and PLACEHOLDER_SOLUTIONS not in text
    paragraphs = [p.text for p in document.paragraphs]
    assert "Công tác phát triển đảng có chuyển biến rõ nét." in paragraphs
    assert "Còn khó khăn ở DN FDI." in paragraphs
    assert "Tăng cường tuyên truyền chủ doanh nghiệp." in paragraphs
    assert not [
        r for p in document.paragraphs for r in p.runs if r.font.highlight_color is not None
    ]


def test_enterprise_text_is_escaped_not_executed(templates, chart_png, tmp_path):
    context = article_context()
    nasty = "A&B <Việt Nam> {{ x }} {% if %}"
    context = replace(
        context,
        by_zone=[replace(context.by_zone[0], zone=nasty), *context.by_zone[1:]],
        movements=[replace(context.movements[0],
                           cell="Chi bộ \x01Công ty \"Ánh Dương\" & 'Cộng sự'"),
                   *context.movements[1:]],
        manual=Manual(assessment="</w:t></w:r></w:p><w:p>x & y"))
    out = tmp_path / "escaped.docx"
    document = render(templates, TWO_YEAR_TEMPLATE, context, out, chart_png)
    assert rows_text(table_with(document, "Khu công nghiệp"))[1][0] == nasty
    assert rows_text(table_with(document, "Chi bộ"))[2][0] == (
        "Chi bộ Công ty \"Ánh Dương\" & 'Cộng sự'"
    )
    assert "</w:t></w:r></w:p><w:p>x & y" in [p.text for p in document.paragraphs]


def test_broken_template_raises_and_keeps_previous_output(templates, chart_png, tmp_path):
    out = tmp_path / "report.docx"
    out.write_bytes(b"previous")
    broken = tmp_path / "mau.docx"
    document = Document(str(templates[TWO_YEAR_TEMPLATE]))
    for paragraph in document.paragraphs:
        for r in paragraph.runs:
            r.text = r.text.replace("{{ party.cells_end }}", "{{ party.cells_endd }}")
    document.save(str(broken))
    with pytest.raises(ReportTemplateError, match="cells_endd"):
        render_report(broken, article_context(), out, chart_png)
    broken.unlink()
    assert out.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["report.docx"]


def test_annual_report(templates, chart_png, tmp_path):
    document = render(
        templates, ANNUAL_TEMPLATE, annual_context(), tmp_path / "nam.docx", chart_png
    )
    text = text_of(document)
    assert "Kết quả công tác phát triển tổ chức đảng, đảng viên năm 2016,\nmục tiêu năm 2017" in [
        p.text for p in document.paragraphs
    ]
    assert "9 chi bộ trực thuộc với 150 đảng viên (tăng 2 chi bộ và 40 đảng viên" in text
    assert "Số 15-BC/ĐU" in text
    assert "Bắc Giang, ngày 10 tháng 01 năm 2017" in text
    rows = rows_text(table_with(document, "Chỉ tiêu"))
    assert rows[0] == ["Chỉ tiêu", "Kế hoạch", "Thực hiện", "Tỷ lệ (%)"]
    assert rows[2][:3] == ["Kết nạp đảng viên mới", "40", "30"]
    assert rows[2][3].startswith("75")
    assert rows[3][3] == "–"
    assert len(rows) == 4
    assert "Sau hơn" not in text


def test_annual_report_without_targets_says_so(templates, chart_png, tmp_path):
    context = replace(annual_context(), targets=[])
    document = render(templates, ANNUAL_TEMPLATE, context, tmp_path / "nam.docx", chart_png)
    rows = rows_text(table_with(document, "Chỉ tiêu"))
    assert rows[1][0] == "(Chưa có chỉ tiêu năm trong Sổ theo dõi)"


def test_decrease_and_no_training_wording(templates, chart_png, tmp_path):
    context = annual_context()
    context = replace(context,
                      party=replace(context.party, cells_start=9, cells_end=8, members_start=150,
                                    members_end=140),
                      training=TrainingSection(classes=0, attendees=0, attendees_fdi=0))
    document = render(templates, ANNUAL_TEMPLATE, context, tmp_path / "nam.docx", chart_png)
    text = text_of(document)
    assert "(giảm 1 chi bộ và 10 đảng viên" in text
    assert "Trong kỳ chưa tổ chức lớp bồi dưỡng nhận thức về Đảng" in text
    assert "00 lớp" not in text


@pytest.mark.parametrize("name", [TWO_YEAR_TEMPLATE, ANNUAL_TEMPLATE])
def test_template_variables_are_all_in_the_context(templates, name):
    variables = template_variables(templates[name])
    assert variables <= {f.name for f in fields(ReportContext)}
    assert {"org", "report", "party", "by_zone", "movements", "manual"} <= variables


@pytest.mark.parametrize("name", [TWO_YEAR_TEMPLATE, ANNUAL_TEMPLATE])
def test_each_tag_sits_in_one_run(templates, name):
    document = Document(str(templates[name]))
    for paragraph in document.element.body.iter(qn("w:p")):
        for run in paragraph.iter(qn("w:r")):
            text = "".join(t.text or "" for t in run.iter(qn("w:t")))
            assert text.count("{{") == text.count("}}"), text
            assert text.count("{%") == text.count("%}"), text


def test_chart_png_is_16_cm_wide_at_150_dpi_with_vietnamese_glyphs():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        png = make_chart(article_context())
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width = int.from_bytes(png[16:20], "big")
    assert abs(width - round(16 / 2.54 * 150)) <= 2
    assert not [w for w in caught if "missing from" in str(w.message)]


def test_chart_without_zones():
    context = replace(article_context(), by_zone=[])
    assert make_chart(context)[:4] == b"\x89PNG"


def test_edited_template_cannot_reach_python_internals(tmp_path):
    """Templates are rendered sandboxed: an office member's edit cannot run code."""
    from jinja2.exceptions import SecurityError

    from kcn_reports.excel_summary import official_environment
    from kcn_reports.word_report import jinja_env

    for env in (jinja_env(), official_environment()):
        with pytest.raises(SecurityError):
            env.from_string("{{ ''.__class__.__mro__[1].__subclasses__() }}").render()
    env = jinja_env()
    assert env.from_string("{{ 21000 | vn_number }}").render() == "21.000"


@pytest.mark.parametrize(("members", "said"), [
    (21_350, "với trên 21 nghìn đoàn viên công đoàn"),  # the article's rounding
    (1_950, "với 1.950 đoàn viên công đoàn"),  # not "trên 1 nghìn": half of it dropped
    (12_000, "với 12 nghìn đoàn viên công đoàn"),
])
def test_union_members_are_rounded_only_when_many(templates, chart_png, tmp_path, members, said):
    context = article_context()
    context = replace(context, unions=replace(context.unions, members=members))
    for name in (ANNUAL_TEMPLATE, TWO_YEAR_TEMPLATE):
        document = render(templates, name, context, tmp_path / name, chart_png)
        assert said in text_of(document), name
