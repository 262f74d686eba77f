"""The shared template environment's own words: the `nonzero` test that keeps a sentence only
when its figure is there, and the year-on-year wording."""

from __future__ import annotations

import math

import pytest

from kcn_reports.context import Comparison
from kcn_reports.templating import compare, environment, nonzero


@pytest.mark.parametrize("value", [0, 0.0, None, math.nan, False])
def test_zero_and_missing_are_not_worth_a_sentence(value):
    assert nonzero(value) is False


@pytest.mark.parametrize("value", [1, -2, 0.5, 21_000, True])
def test_other_numbers_are(value):
    assert nonzero(value) is True


def test_templates_test_figures_with_it():
    env = environment(autoescape=False)
    template = env.from_string("{% if n is nonzero %}Vận động {{ n }} đảng viên.{% else %}"
                               "Chưa vận động.{% endif %}")
    assert template.render(n=0) == "Chưa vận động."
    assert template.render(n=None) == "Chưa vận động."
    assert template.render(n=10) == "Vận động 10 đảng viên."


def test_year_on_year_wording():
    workers = Comparison("labour.employees", "Tổng số lao động", "người", 39_945, 45_860, 5_915,
                         5_915 / 39_945)
    assert compare(workers) == "tăng 5.915 người (14,8%)"
    fewer = Comparison("unions.total", "Công đoàn", "CĐCS", 40, 38, -2, -2 / 40)
    assert compare(fewer) == "giảm 2 CĐCS (5%)"
    same = Comparison("youth.members", "Đoàn viên", "người", 10, 10, 0, 0.0)
    assert compare(same) == "không đổi"
    rate = Comparison("enterprises.rate", "Tỷ lệ", "%", 0.9464, 0.9333, 0.9333 - 0.9464, None,
                      percent=True)
    assert compare(rate) == "giảm 1,3 điểm phần trăm (từ 94,6% xuống 93,3%)"
    unknown = Comparison("enterprises.rate", "Tỷ lệ", "%", None, 0.9, None, None, percent=True)
    assert compare(unknown) == ""
