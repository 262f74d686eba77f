"""Every rule of spec §3: a return that breaks it, located and explained, and one that passes."""

from __future__ import annotations

import datetime as dt

import pytest
from helpers import AS_TYPED, fill, read

from kcn_reports.blank_form import input_cells
from kcn_reports.problems import CATALOG, ERROR, WARNING

# rule code -> (values that break it, the field the problem sits on)
BREAKS = {
    "exceeds-total": ({"employees_female": "1.300"}, "employees_female"),
    "union-members-without-union": ({"has_union": "Không", "union_founded_on": None,
                                     "union_members": "50"}, "union_members"),
    "union-date-without-union": ({"has_union": "Không", "union_members": "0",
                                  "union_founded_on": "05/03/2015"}, "union_founded_on"),
    "union-date-missing": ({"union_founded_on": None}, "union_founded_on"),
    "union-date-after-period": ({"union_founded_on": "15/07/2016"}, "union_founded_on"),
    "youth-members-without-youth-union": ({"has_youth_union": "Không", "youth_members": "25"},
                                          "youth_members"),
    "investor-country-missing": ({"investor_country": None}, "investor_country"),
    "party-org-too-small": ({"has_party_org": "Có", "party_members": "2",
                             "party_members_not_transferred": "0"}, "party_members"),
    "party-members-without-org": ({"party_members": "0", "has_party_org": "Không",
                                   "party_members_not_transferred": "3"},
                                  "party_members_not_transferred"),
    "period-year-unlikely": ({"period": "Năm 2035"}, "period"),
    "prepared-in-future": ({"prepared_on": "01/01/2035"}, "prepared_on"),
    "prepared-before-period": ({"prepared_on": "05/07/2014"}, "prepared_on"),
    # type and required-field rules
    "required-missing": ({"employees": None}, "employees"),
    "not-an-integer": ({"party_members": "4,5"}, "party_members"),
    "not-a-number": ({"revenue": "chưa có số liệu"}, "revenue"),
    "not-yes-no": ({"has_union": "đang làm thủ tục"}, "has_union"),
    "not-a-date": ({"union_founded_on": "đầu năm 2015"}, "union_founded_on"),
    "bad-tax-code": ({"tax_code": "01012345"}, "tax_code"),
    "unknown-zone": ({"zone": "Quế Võ"}, "zone"),
    "unknown-ownership": ({"ownership": "Hợp tác xã"}, "ownership"),
    "bad-period": ({"period": "Quý 3 năm 2016"}, "period"),
    "negative": ({"exports": "-5"}, "exports"),
}


@pytest.mark.parametrize("code", sorted(BREAKS))
def test_rule_broken_then_passing(tmp_path, code):
    changes, field = BREAKS[code]
    bad = read(fill(tmp_path / "sai.xlsx", {**AS_TYPED, **changes}), tmp_path)
    found = [p for p in bad.problems if p.code == code]
    assert found, [p.code for p in bad.problems]
    prob = found[0]
    assert prob.field == field
    assert prob.file == "sai.xlsx"
    assert prob.sheet == "Báo cáo"
    assert prob.cell == input_cells()[field]
    assert prob.message and prob.hint
    assert prob.severity == CATALOG[code].severity
    assert (bad.outcome == "rejected") == (prob.severity == ERROR)

    good = read(fill(tmp_path / "dung.xlsx", AS_TYPED), tmp_path)
    assert code not in {p.code for p in good.problems}
    assert good.outcome == "accepted"


def test_exceeds_message_names_both_values(tmp_path):
    outcome = read(fill(tmp_path / "x.xlsx", {**AS_TYPED, "employees_female": "1.300"}), tmp_path)
    [prob] = [p for p in outcome.problems if p.code == "exceeds-total"]
    assert "1300" in prob.message and "1234" in prob.message
    assert "Lao động nữ" in prob.message


def test_warnings_do_not_reject(tmp_path):
    changes, _ = BREAKS["party-org-too-small"]
    outcome = read(fill(tmp_path / "x.xlsx", {**AS_TYPED, **changes}), tmp_path)
    assert {p.severity for p in outcome.problems} == {WARNING}
    assert outcome.outcome == "accepted"


def test_union_date_on_last_day_of_period_passes(tmp_path):
    outcome = read(fill(tmp_path / "x.xlsx", {**AS_TYPED, "union_founded_on": "30/06/2016"}),
                   tmp_path)
    assert outcome.form.values["union_founded_on"] == dt.date(2016, 6, 30)
    assert "union-date-after-period" not in {p.code for p in outcome.problems}


def test_every_catalog_code_has_vietnamese_message_and_hint():
    for code, kind in CATALOG.items():
        assert kind.severity in (ERROR, WARNING), code
        assert kind.message.strip() and kind.hint.strip(), code
        assert any(ch in kind.message for ch in "ăâđêôơưáàảãạếềểễệ"), code
