"""Corrected resends and the three completeness cases, with returns typed by hand in a plain
layout of their own (not our blank form)."""

from __future__ import annotations

import datetime as dt
import json

import openpyxl
from by_hand import age, plain_return
from click.testing import CliRunner
from helpers import SETTINGS, write_ledger

from kcn_reports.check import check_inputs
from kcn_reports.cli import cli
from kcn_reports.excel_summary import write_problem_list
from kcn_reports.formdef import PERIOD_HALF, Period
from kcn_reports.screen import render_check

D = dt.date
PERIOD = Period(PERIOD_HALF, 2016)
LEDGER = [  # tax code, name, zone, ownership, country, started, stopped
    ["2400000011", "Công ty TNHH Sợi Đình Trám", "Đình Trám", "Trong nước", None, D(2012, 1, 1), None],
    ["2400000012", "Công ty CP Thép Quang Châu", "Quang Châu", "Trong nước", None, D(2012, 1, 1), None],
    ["2400000013", "Công ty TNHH Nhựa Vân Trung", "Vân Trung", "FDI", "Đài Loan", D(2012, 1, 1), None],
    ["2400000014", "Công ty TNHH May An Bình", "Vân Trung", "Trong nước", None, D(2012, 1, 1), None],
    ["2400000015", "CÔNG TY CỔ PHẦN MAY AN BÌNH", "Hòa Phú", "Trong nước", None, D(2012, 1, 1), None],
]


def values(tax: str | None, name: str, zone: str | None, **extra: object) -> dict:
    typed: dict = {
        "name": name, "tax_code": tax, "zone": zone, "ownership": "Doanh nghiệp trong nước",
        "period": "6 tháng đầu năm 2016", "prepared_on": "08/07/2016", "phone": "0240 3 555 111",
        "revenue": "12.500", "employees": "420", "employees_female": "250",
        "has_party_org": "Có", "party_members": "6", "has_union": "Có",
        "union_founded_on": "01/03/2014", "union_members": "380", "has_youth_union": "Không",
        "youth_members": "0",
    }
    typed.update(extra)
    return {k: v for k, v in typed.items() if v is not None}


def inputs_with_ledger(tmp_path):
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    write_ledger(inputs / "So theo doi.xlsx", enterprises=LEDGER)
    return inputs


def outcomes(report):
    return {f.relpath: f for f in report.files}


def test_corrected_resend_of_a_rejected_return_supersedes_it(tmp_path):
    inputs = inputs_with_ledger(tmp_path)
    first = plain_return(inputs / "soi dinh tram.xlsx", values(
        "2400000011", "Công ty TNHH Sợi Đình Trám", "Đình Trám", employees_female="520"))
    age(first, dt.datetime(2016, 7, 9, 9))
    fixed = plain_return(inputs / "soi dinh tram - sua.xlsx", values(
        "2400000011", "Công ty TNHH Sợi Đình Trám", "Đình Trám", prepared_on="15/07/2016"))
    age(fixed, dt.datetime(2016, 7, 15, 16))
    report = check_inputs(inputs, SETTINGS, jobs=1)
    files = outcomes(report)
    assert files["soi dinh tram - sua.xlsx"].outcome == "accepted"
    old = files["soi dinh tram.xlsx"]
    assert old.outcome == "superseded"
    assert old.reason == ("Đã có báo cáo mới hơn cùng kỳ: soi dinh tram - sua.xlsx; 1 lỗi của "
                          "tệp này không cần sửa nữa.")
    assert not report.has_errors  # the old error no longer counts: check exits 0
    zone = next(z for z in report.completeness.zones if z.zone == "Đình Trám")
    assert (zone.received, zone.rejected, zone.missing) == (1, (), ())
    result = CliRunner().invoke(cli, ["check", "--inputs", str(inputs)])
    assert result.exit_code == 0, result.output
    # (The one warning: this Sổ theo dõi lists no party cell.)
    assert "Lỗi: 0; cảnh báo: 1. (Không tính 1 lỗi của các tệp đã có bản gửi lại thay thế.)" \
        in result.output


def test_without_the_fix_the_older_rejected_file_would_still_count(tmp_path):
    """Same Ngày lập: the file time decides; the older file is the one superseded."""
    inputs = inputs_with_ledger(tmp_path)
    fixed = plain_return(inputs / "b.xlsx", values("2400000011", "Công ty TNHH Sợi Đình Trám",
                                                   "Đình Trám"))
    age(fixed, dt.datetime(2016, 7, 12, 8))
    wrong = plain_return(inputs / "a.xlsx", values("2400000011", "Công ty TNHH Sợi Đình Trám",
                                                   "Đình Trám", employees="nhiều"))
    age(wrong, dt.datetime(2016, 7, 10, 8))
    files = outcomes(check_inputs(inputs, SETTINGS, jobs=1))
    assert files["a.xlsx"].outcome == "superseded" and "b.xlsx" in files["a.xlsx"].reason
    assert files["b.xlsx"].outcome == "accepted"


def test_newest_return_decides_even_when_it_is_the_rejected_one(tmp_path):
    inputs = inputs_with_ledger(tmp_path)
    plain_return(inputs / "dung.xlsx", values("2400000012", "Công ty CP Thép Quang Châu",
                                              "Quang Châu"))
    plain_return(inputs / "sua lai.xlsx", values("2400000012", "Công ty CP Thép Quang Châu",
                                                 "Quang Châu", prepared_on="20/07/2016",
                                                 party_members="-3"))
    report = check_inputs(inputs, SETTINGS, jobs=1)
    files = outcomes(report)
    assert files["sua lai.xlsx"].outcome == "rejected"
    assert files["dung.xlsx"].outcome == "superseded"
    assert files["dung.xlsx"].reason.endswith("bản mới hơn bị loại, đang chờ doanh nghiệp sửa.")
    zone = next(z for z in report.completeness.zones if z.zone == "Quang Châu")
    assert zone.received == 0 and [r.file for r in zone.rejected] == ["sua lai.xlsx"]


def test_unreadable_tax_code_matched_by_name_then_superseded(tmp_path):
    inputs = inputs_with_ledger(tmp_path)
    # Tax code typed with a digit missing, name in capitals without diacritics.
    first = plain_return(inputs / "nhua.xlsx", values(
        "240000013", "CONG TY TNHH NHUA VAN TRUNG", "Vân Trung", ownership="FDI",
        investor_country="Đài Loan"))
    age(first, dt.datetime(2016, 7, 9, 9))
    report = check_inputs(inputs, SETTINGS, jobs=1)
    alone = outcomes(report)["nhua.xlsx"]
    assert alone.outcome == "rejected" and alone.tax_code is None
    assert alone.enterprise == "2400000013"
    note = next(p for p in alone.problems if p.code == "matched-by-name")
    assert note.message == ("Không đọc được mã số thuế; theo tên doanh nghiệp, đây là báo cáo "
                            "của 2400000013 Công ty TNHH Nhựa Vân Trung.")
    zone = next(z for z in report.completeness.zones if z.zone == "Vân Trung")
    assert [(r.tax_code, r.file, r.errors) for r in zone.rejected] == [
        ("2400000013", "nhua.xlsx", 1)]
    # The corrected return arrives.
    fixed = plain_return(inputs / "nhua (sua).xlsx", values(
        "2400000013", "Công ty TNHH Nhựa Vân Trung", "Vân Trung", ownership="FDI",
        investor_country="Đài Loan", prepared_on="18/07/2016"))
    age(fixed, dt.datetime(2016, 7, 18, 9))
    report = check_inputs(inputs, SETTINGS, jobs=1)
    files = outcomes(report)
    assert files["nhua.xlsx"].outcome == "superseded"
    assert "nhua (sua).xlsx" in files["nhua.xlsx"].reason
    assert not report.has_errors


def test_unreadable_tax_code_with_an_ambiguous_name_stays_rejected_with_a_hint(tmp_path):
    inputs = inputs_with_ledger(tmp_path)
    # Two enterprises of the ledger are "May An Bình" (other legal forms); no zone to tell.
    plain_return(inputs / "an binh.xlsx", values(None, "Cty May An Bình", None))
    plain_return(inputs / "an binh 2.xlsx", values("2400000014", "Công ty TNHH May An Bình",
                                                   "Vân Trung", prepared_on="20/07/2016"))
    report = check_inputs(inputs, SETTINGS, jobs=1)
    files = outcomes(report)
    unknown = files["an binh.xlsx"]
    assert unknown.outcome == "rejected" and unknown.enterprise is None
    hint = next(p for p in unknown.problems if p.code == "enterprise-unidentified")
    assert "trùng tên với 2400000014, 2400000015" in hint.message
    assert hint.hint.startswith("Liên hệ doanh nghiệp gửi tệp này")
    assert files["an binh 2.xlsx"].outcome == "accepted"
    assert report.has_errors  # the unmatched file still counts


def test_zone_tells_apart_two_enterprises_of_the_same_name(tmp_path):
    inputs = inputs_with_ledger(tmp_path)
    plain_return(inputs / "an binh.xlsx", values("", "Cty May An Bình", "KCN Hoa Phu"))
    report = check_inputs(inputs, SETTINGS, jobs=1)
    assert outcomes(report)["an binh.xlsx"].enterprise == "2400000015"


def test_unreadable_tax_code_and_unknown_name_says_so(tmp_path):
    inputs = inputs_with_ledger(tmp_path)
    plain_return(inputs / "la.xlsx", values("12345", "Công ty TNHH Không Ai Biết", "Đình Trám"))
    report = check_inputs(inputs, SETTINGS, jobs=1)
    item = outcomes(report)["la.xlsx"]
    assert item.outcome == "rejected"
    hint = next(p for p in item.problems if p.code == "enterprise-unidentified")
    assert "tên này không có trong Sổ theo dõi và các báo cáo khác" in hint.message
    assert all(z.rejected == () for z in report.completeness.zones)


def three_cases(tmp_path):
    """Đình Trám: accepted; Quang Châu: rejected; Vân Trung: one rejected (tax code unreadable,
    name matched), one nothing sent; Hòa Phú: nothing sent."""
    inputs = inputs_with_ledger(tmp_path)
    plain_return(inputs / "dt.xlsx", values("2400000011", "Công ty TNHH Sợi Đình Trám", "Đình Trám"))
    plain_return(inputs / "qc.xlsx", values("2400000012", "Công ty CP Thép Quang Châu",
                                            "Quang Châu", employees_female="520"))
    plain_return(inputs / "vt.xlsx", values("24000000I3", "Công ty TNHH Nhựa Vân Trung",
                                            "Vân Trung", ownership="FDI",
                                            investor_country="Đài Loan"))
    return inputs


def test_three_cases_on_screen(tmp_path):
    result = CliRunner().invoke(cli, ["check", "--inputs", str(three_cases(tmp_path))])
    assert result.exit_code == 1
    out = result.output
    assert ("Tình hình nộp báo cáo (6 tháng đầu năm 2016): 1/5 doanh nghiệp đã gửi báo cáo hợp lệ "
            "(20%); 2 doanh nghiệp nữa đã gửi nhưng báo cáo bị loại, đang chờ bản sửa; 2 doanh "
            "nghiệp chưa gửi.") in out
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Tình hình nộp báo cáo"))
    block = [" ".join(line.split()) for line in lines[start + 1:start + 12]]
    assert block[:10] == [
        "Đình Trám 1/1 100%",
        "Quang Châu 0/1 0%",
        "đã gửi, bị loại (1 lỗi): 2400000012 Công ty CP Thép Quang Châu — tệp qc.xlsx",
        "Song Khê – Nội Hoàng 0/0",
        "Vân Trung 0/2 0%",
        "đã gửi, bị loại (1 lỗi): 2400000013 Công ty TNHH Nhựa Vân Trung — tệp vt.xlsx",
        "chưa gửi: 2400000014 Công ty TNHH May An Bình",
        "Hòa Phú 0/1 0%",
        "chưa gửi: 2400000015 CÔNG TY CỔ PHẦN MAY AN BÌNH",
        "Việt Hàn 0/0",
    ]


def test_three_cases_in_json(tmp_path):
    result = CliRunner().invoke(cli, ["check", "--json", "--inputs", str(three_cases(tmp_path))])
    data = json.loads(result.output)["completeness"]
    assert (data["expected"], data["received"], data["rejected_count"], data["missing_count"]) \
        == (5, 1, 2, 2)
    zones = {z["zone"]: z for z in data["zones"]}
    assert zones["Đình Trám"]["missing"] == [] and zones["Đình Trám"]["rejected"] == []
    assert zones["Quang Châu"]["rejected"] == [{"tax_code": "2400000012",
                                                "name": "Công ty CP Thép Quang Châu",
                                                "file": "qc.xlsx", "errors": 1}]
    assert zones["Quang Châu"]["missing"] == []
    assert zones["Vân Trung"]["rejected"][0]["file"] == "vt.xlsx"
    assert zones["Vân Trung"]["missing"] == [{"tax_code": "2400000014",
                                              "name": "Công ty TNHH May An Bình"}]


def test_three_cases_in_the_problem_list_workbook(tmp_path):
    report = check_inputs(three_cases(tmp_path), SETTINGS, jobs=1)
    path = tmp_path / "Kiem-tra-du-lieu.xlsx"
    write_problem_list(path, report)
    sheet = openpyxl.load_workbook(path)["Nộp báo cáo"]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    header = next(r for r in rows if r[0] == "KCN")
    assert header[:6] == ["KCN", "Phải báo cáo", "Đã nhận (hợp lệ)", "Tỷ lệ (%)",
                          "Bị loại, chờ sửa", "Chưa gửi"]
    by_zone = {r[0]: r[1:6] for r in rows if r[0] in ("Đình Trám", "Quang Châu", "Vân Trung",
                                                       "Hòa Phú", "Tổng cộng")}
    assert by_zone == {"Đình Trám": [1, 1, 1, 0, 0], "Quang Châu": [1, 0, 0, 1, 0],
                       "Vân Trung": [2, 0, 0, 1, 1], "Hòa Phú": [1, 0, 0, 0, 1],
                       "Tổng cộng": [5, 1, 0.2, 2, 2]}
    title_rejected = "Doanh nghiệp đã gửi nhưng báo cáo bị loại (chờ bản sửa)"
    title_missing = "Doanh nghiệp chưa gửi báo cáo"
    col = next(i for i, v in enumerate(rows[2]) if v == title_rejected)
    missing_at = next(i for i, r in enumerate(rows) if r[col] == title_missing)
    listed = [r[col:col + 6] for r in rows[4:missing_at] if isinstance(r[col], int)]
    assert listed == [[1, "Quang Châu", "2400000012", "Công ty CP Thép Quang Châu", "qc.xlsx", 1],
                          [2, "Vân Trung", "2400000013", "Công ty TNHH Nhựa Vân Trung", "vt.xlsx", 1]]
    missing = [r[col:col + 4] for r in rows[missing_at + 2:] if isinstance(r[col], int)]
    assert missing == [[1, "Vân Trung", "2400000014", "Công ty TNHH May An Bình"],
                       [2, "Hòa Phú", "2400000015", "CÔNG TY CỔ PHẦN MAY AN BÌNH"]]
    assert "1/5 doanh nghiệp đã gửi báo cáo hợp lệ (20%); 2 doanh nghiệp nữa" in rows[1][0]


def test_screen_lists_a_superseded_rejected_file_without_its_old_errors(tmp_path):
    inputs = inputs_with_ledger(tmp_path)
    wrong = plain_return(inputs / "cu.xlsx", values("2400000011", "Công ty TNHH Sợi Đình Trám",
                                                    "Đình Trám", employees="nhiều"))
    age(wrong, dt.datetime(2016, 7, 9))
    plain_return(inputs / "moi.xlsx", values("2400000011", "Công ty TNHH Sợi Đình Trám",
                                             "Đình Trám", prepared_on="12/07/2016"))
    text = render_check(check_inputs(inputs, SETTINGS, jobs=1))
    assert "[Bị thay thế] cu.xlsx" in text
    assert "nhiều" not in text  # the settled error is not asked to be fixed again


def test_rejected_return_with_a_mistyped_tax_code_is_matched_by_name(tmp_path):
    inputs = inputs_with_ledger(tmp_path)
    # 2400000031 is nobody's: a digit typed wrong, and the return is rejected for its numbers.
    wrong = plain_return(inputs / "go.xlsx", values("2400000031", "Công ty TNHH Sợi Đình Trám",
                                                    "Đình Trám", employees="nhiều"))
    age(wrong, dt.datetime(2016, 7, 9, 9))
    report = check_inputs(inputs, SETTINGS, jobs=1)
    item = outcomes(report)["go.xlsx"]
    assert item.outcome == "rejected" and item.enterprise == "2400000011"
    note = next(p for p in item.problems if p.code == "matched-by-name")
    assert note.message == ("Mã số thuế 2400000031 không có trong Sổ theo dõi; theo tên doanh "
                            "nghiệp, đây là báo cáo của 2400000011 Công ty TNHH Sợi Đình Trám.")
    zone = next(z for z in report.completeness.zones if z.zone == "Đình Trám")
    assert [r.file for r in zone.rejected] == ["go.xlsx"] and zone.missing == ()
    fixed = plain_return(inputs / "go (sua).xlsx", values(
        "2400000011", "Công ty TNHH Sợi Đình Trám", "Đình Trám", prepared_on="14/07/2016"))
    age(fixed, dt.datetime(2016, 7, 14, 9))
    report = check_inputs(inputs, SETTINGS, jobs=1)
    assert outcomes(report)["go.xlsx"].outcome == "superseded"
    assert not report.has_errors


def test_an_accepted_return_of_an_unknown_tax_code_is_left_as_a_new_enterprise(tmp_path):
    inputs = inputs_with_ledger(tmp_path)
    plain_return(inputs / "moi.xlsx", values("2400000099", "Công ty TNHH Sợi Đình Trám 2",
                                             "Đình Trám"))
    item = outcomes(check_inputs(inputs, SETTINGS, jobs=1))["moi.xlsx"]
    assert item.outcome == "accepted" and item.enterprise == "2400000099"
    assert [p.code for p in item.problems] == ["unknown-enterprise"]


def test_rejected_return_without_a_period_is_superseded_by_the_next_return(tmp_path):
    inputs = inputs_with_ledger(tmp_path)
    first = plain_return(inputs / "thep.xlsx", values("2400000012", "Công ty CP Thép Quang Châu",
                                                      "Quang Châu", period=None))
    age(first, dt.datetime(2016, 7, 9, 9))
    report = check_inputs(inputs, SETTINGS, jobs=1, period=PERIOD)
    assert outcomes(report)["thep.xlsx"].outcome == "rejected"
    zone = next(z for z in report.completeness.zones if z.zone == "Quang Châu")
    assert [r.file for r in zone.rejected] == ["thep.xlsx"]  # sent, not "not sent"
    fixed = plain_return(inputs / "thep 2.xlsx", values(
        "2400000012", "Công ty CP Thép Quang Châu", "Quang Châu", prepared_on="15/07/2016"))
    age(fixed, dt.datetime(2016, 7, 15, 9))
    report = check_inputs(inputs, SETTINGS, jobs=1, period=PERIOD)
    old = outcomes(report)["thep.xlsx"]
    assert old.outcome == "superseded"
    assert old.reason == ("Không đọc được kỳ báo cáo của tệp này, nhưng doanh nghiệp đã gửi báo "
                          "cáo mới hơn: thep 2.xlsx; 1 lỗi của tệp này không cần sửa nữa.")
    assert not report.has_errors


def test_generate_summary_counts_errors_as_check_does(tmp_path):
    """After a corrected resend, `generate` no longer says the files have an error to fix."""
    from kcn_reports.generate import generate
    from kcn_reports.screen import render_generate

    inputs = inputs_with_ledger(tmp_path)
    wrong = plain_return(inputs / "cu.xlsx", values("2400000011", "Công ty TNHH Sợi Đình Trám",
                                                    "Đình Trám", employees="nhiều"))
    age(wrong, dt.datetime(2016, 7, 9))
    plain_return(inputs / "thep.xlsx", values("2400000012", "Công ty CP Thép Quang Châu",
                                              "Quang Châu"))
    result = generate(SETTINGS, "annual", inputs, tmp_path / "outputs", tmp_path / "mau",
                      year=2016, today=D(2016, 11, 26))
    assert "Có 1 lỗi trong các tệp" in render_generate(result)
    plain_return(inputs / "moi.xlsx", values("2400000011", "Công ty TNHH Sợi Đình Trám",
                                             "Đình Trám", prepared_on="12/07/2016"))
    result = generate(SETTINGS, "annual", inputs, tmp_path / "outputs", tmp_path / "mau",
                      year=2016, today=D(2016, 11, 26))
    assert "lỗi trong các tệp" not in render_generate(result)
