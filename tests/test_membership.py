"""Cells and members at a date: the one rule, on hand-made Sổ and on generated ones (hypothesis),
where Biểu 1-BTCTW must always add up to the text's numbers and every row that does not add up
must be named by the check — the run's invariants can only fail on a bug."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from kcn_reports.ledger import Ledger, Row
from kcn_reports.ledgerdef import MOVEMENT_TYPES
from kcn_reports.membership import Membership
from kcn_reports.settings import Baseline

D = dt.date


def ledger(cells, movements) -> Ledger:
    """A Sổ already read: cells (name, founded, dissolved, members), movements (date, cell,
    type key, count)."""
    book = Ledger("So.xlsx")
    book.rows["cells"] = [
        Row({"name": name, "type": "enterprise", "tax_code": None, "founded_on": founded,
             "dissolved_on": dissolved, "members": members},
            {"name": f"A{i}", "members": f"F{i}", "dissolved_on": f"E{i}"})
        for i, (name, founded, dissolved, members) in enumerate(cells, 2)]
    book.rows["movements"] = [
        Row({"date": day, "cell": cell, "type": kind, "count": count, "tax_code": None,
             "note": None}, {"date": f"A{i}"})
        for i, (day, cell, kind, count) in enumerate(movements, 2)]
    return book


def test_counts_rolled_back_by_the_log():
    book = ledger([("Cơ quan", D(2010, 1, 1), None, 20), ("Mới", D(2016, 5, 1), None, 5)],
                  [(D(2016, 2, 1), "Cơ quan", "admitted", 2), (D(2016, 5, 1), "Mới",
                   "transferred_in", 5), (D(2016, 8, 1), "Cơ quan", "died", 1)])
    members = Membership(book, Baseline())
    assert members.members_at(D(2015, 12, 31)) == 19  # 20 − 2 + 1
    assert members.members_at(D(2016, 6, 30)) == 26  # 21 + 5
    assert members.members_at(D(2016, 12, 31)) == 25
    assert members.cells_at(D(2015, 12, 31)) == 1 and members.cells_at(D(2016, 12, 31)) == 2
    assert members.discrepancies() == []


def test_a_dissolved_cell_that_still_has_members_is_named():
    book = ledger([("Cũ", D(2010, 1, 1), D(2016, 6, 1), None), ("Cơ quan", D(2010, 1, 1),
                   None, 10)],
                  [(D(2015, 3, 1), "Cũ", "admitted", 4), (D(2016, 6, 1), "Cũ",
                   "transferred_out", 3)])
    members = Membership(book, Baseline(D(2014, 12, 31), 2, 10))
    [found] = members.discrepancies()
    assert found.cell == "Cũ" and found.problem.code == "cell-dissolved-with-members"
    assert "giải thể ngày 01/06/2016 nhưng theo Sổ theo dõi vẫn còn 1 đảng viên" in (
        found.problem.message)
    rows, total = members.table(D(2015, 12, 31), D(2016, 12, 31), {"Cũ"})
    old = next(r for r in rows if r.cell == "Cũ")
    assert (old.a, old.transferred_out, old.d) == (4, 3, 0) and old.check.startswith("Lệch")


def test_without_any_count_the_baseline_carries_the_numbers():
    book = ledger([("Cơ quan", D(2010, 1, 1), None, None)],
                  [(D(2016, 2, 1), "Cơ quan", "admitted", 2)])
    members = Membership(book, Baseline(D(2015, 6, 30), 3, 30))
    assert members.members_at(D(2015, 6, 30)) == 30
    assert members.members_at(D(2016, 12, 31)) == 32
    assert members.cells_at(D(2016, 12, 31)) == 3
    rows, total = members.table(D(2015, 12, 31), D(2016, 12, 31))
    gap = next(r for r in rows if r.kind == "gap")
    assert (gap.cell, gap.a, gap.d, gap.check) == (
        "Chưa ghi theo chi bộ (theo mốc ban đầu)", 30, 30, "Khớp")
    assert (total.a, total.admitted, total.d) == (30, 2, 32)


names = st.sampled_from(["Một", "Hai", "Ba", "Bốn"])
days = st.dates(D(2013, 1, 1), D(2017, 12, 31))
cells = st.lists(st.tuples(names, days, st.one_of(st.none(), days),
                           st.one_of(st.none(), st.integers(0, 40))),
                 max_size=5, unique_by=lambda c: c[0])
movements = st.lists(st.tuples(days, names, st.sampled_from(sorted(MOVEMENT_TYPES)),
                               st.integers(1, 6)), max_size=25)
baselines = st.one_of(st.just(Baseline()),
                      st.builds(Baseline, st.dates(D(2013, 6, 30), D(2015, 6, 30)),
                                st.integers(0, 6), st.integers(0, 60)))


@settings(max_examples=300, deadline=None)
@given(cells, movements, baselines, st.dates(D(2013, 1, 1), D(2017, 6, 30)),
       st.integers(1, 900))
def test_table_always_adds_up_to_the_text_and_its_gaps_are_named(cells, moves, base, start,
                                                                  days):
    cells = [(name, founded, dissolved if dissolved and dissolved >= founded else None, count)
             for name, founded, dissolved, count in cells]
    members = Membership(ledger(cells, moves), base)
    if base.date is not None and start < base.date:
        start = base.date  # such reports are refused (before the baseline)
    end = start + dt.timedelta(days=days)
    found = members.discrepancies(members.floor_for(start))
    flagged = {d.cell for d in found}
    rows, total = members.table(start, end, flagged)
    assert sum(r.a for r in rows) == members.members_at(start) == total.a
    assert sum(r.d for r in rows) == members.members_at(end) == total.d
    for row in rows:
        if not row.reconciles:
            assert ("" if row.kind == "gap" else row.cell) in flagged, row
    # The check itself (no period) names at least what it can see from its own floor.
    assert set(members.discrepancies()) >= {d for d in found if d.cell == ""}
