"""Corpora of N distinct enterprise returns for the benchmark (spec §6 asks for both).

- Realistic (`make_corpus`): a handful of returns are filled with openpyxl into the blank form
  the way enterprises fill them (text numbers, yes/no variants, inserted rows); each of the N
  files is one of them with its tax code, name and employee count rewritten in the sheet XML,
  so every file has distinct content (the cache is keyed by content) while writing 10,000 files
  takes seconds, not minutes.
- Light (`make_light_corpus`): a plain 70-row return typed from scratch, one sheet, no
  instructions sheet, no styles, no validation: a title block, the identity lines, the
  indicator table with its section headings, notes and the signature block, each file written
  cell by cell with xlsxwriter and its own values.
"""

from __future__ import annotations

import io
import random
import sys
import tempfile
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

VARIANTS = 8


def _seed_forms(folder: Path) -> list[bytes]:
    from helpers import AS_CELLS, AS_TYPED, fill  # the same filling the tests use

    zones = ["Đình Trám", "KCN Quang Chau", "Song Khê - Nội Hoàng", "Vân Trung", "Hòa Phú", "Việt Hàn"]
    seeds = []
    for i in range(VARIANTS):
        base = dict(AS_TYPED if i % 2 else AS_CELLS)
        base.update({"zone": zones[i % len(zones)], "tax_code": "TAXCODE000",
                     "name": "Công ty TNHH NAMEMARK", "employees": "EMPLOYEESMARK",
                     "employees_female": "10", "union_members": "5"})
        if i % 3 == 0:
            base["ownership"] = "Doanh nghiệp trong nước"
        path = fill(folder / f"seed{i}.xlsx", base)
        seeds.append(path.read_bytes())
    return seeds


def _rewrite(data: bytes, replacements: dict[bytes, bytes]) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename.endswith(".xml"):
                for old, new in replacements.items():
                    content = content.replace(old, new)
            target.writestr(info, content)
    return out.getvalue()


def make_corpus(folder: Path, n: int, seed: int = 1) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as scratch:
        seeds = _seed_forms(Path(scratch))
    paths = []
    for i in range(n):
        data = _rewrite(seeds[i % len(seeds)], {
            b"TAXCODE000": f"24{i:08d}".encode(),
            b"NAMEMARK": f"Doanh nghiệp số {i}".encode(),
            b"EMPLOYEESMARK": f"{rng.randint(50, 9000):,}".replace(",", ".").encode(),
        })
        path = folder / f"{i // 500:02d}" / f"bao cao {i:05d}.xlsx"
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(data)
        paths.append(path)
    return paths


def _light_values(rng: random.Random, i: int) -> tuple[list[tuple[str, object]], dict[str, object]]:
    """(identity lines, indicator values by field key) of one light return."""
    zones = ["Đình Trám", "Quang Châu", "Song Khê - Nội Hoàng", "Vân Trung", "Hòa Phú", "Việt Hàn"]
    fdi = rng.random() < 0.6
    employees = rng.randint(30, 9000)
    female = int(employees * rng.uniform(0.2, 0.8))
    party = rng.randint(0, 40) if rng.random() < 0.5 else 0
    has_union = rng.random() < 0.8
    half = rng.random() < 0.5
    identity = [
        ("Tên doanh nghiệp", f"Công ty TNHH {rng.choice(['Điện tử', 'May mặc', 'Cơ khí', 'Nhựa'])} số {i}"),
        ("Mã số thuế", f"24{i:08d}"),
        ("Khu công nghiệp", zones[i % len(zones)]),
        ("Loại hình doanh nghiệp", "Doanh nghiệp có vốn đầu tư nước ngoài (FDI)" if fdi
         else "Doanh nghiệp trong nước"),
        ("Quốc gia/vùng lãnh thổ của nhà đầu tư", rng.choice(["Hàn Quốc", "Nhật Bản", "Trung Quốc",
                                                            "Đài Loan"]) if fdi else ""),
        ("Ngành nghề sản xuất, kinh doanh chính", rng.choice(["Linh kiện điện tử", "May mặc",
                                                             "Cơ khí chính xác", "Bao bì"])),
        ("Kỳ báo cáo", "6 tháng đầu năm 2016" if half else "Năm 2016"),
    ]
    values: dict[str, object] = {
        "revenue": round(rng.uniform(500, 900_000), 1),
        "exports": round(rng.uniform(0, 50_000), 1) if fdi else 0,
        "imports": round(rng.uniform(0, 40_000), 1) if fdi else 0,
        "budget_paid": round(rng.uniform(10, 20_000), 1),
        "employees": employees,
        "employees_female": female,
        "employees_foreign": rng.randint(0, 20) if fdi else 0,
        "avg_income": round(rng.uniform(4.5, 12), 2),
        "has_party_org": "Có" if party >= 3 else "Không",
        "party_members": party,
        "party_members_not_transferred": min(party, rng.randint(0, 3)),
        "owner_is_party_member": "Không",
        "candidates": rng.randint(0, 5),
        "has_union": "Có" if has_union else "Không",
        "union_founded_on": f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(2005, 2015)}"
        if has_union else "",
        "union_members": int(employees * rng.uniform(0.5, 0.95)) if has_union else 0,
        "has_youth_union": "Không",
        "youth_members": 0,
    }
    return identity, values


def write_light_return(path: Path, rng: random.Random,
                       i: int) -> tuple[list[tuple[str, object]], dict[str, object]]:
    """One plain return: a single unstyled sheet of 70 rows, typed cell by cell. Returns what
    was typed: (identity lines, indicator values by field key)."""
    import xlsxwriter

    from kcn_reports.formdef import INDICATORS

    identity, values = _light_values(rng, i)
    footer: list[tuple[str, object]] = [
        ("Người lập biểu", rng.choice(["Nguyễn Thị Hoa", "Trần Văn Nam", "Lê Thu Trang"])),
        ("Điện thoại", f"0912 {rng.randint(100, 999)} {rng.randint(100, 999)}"),
        ("Ngày lập", f"{rng.randint(1, 20):02d}/07/2016"),
    ]
    book = xlsxwriter.Workbook(str(path), {"in_memory": True})
    ws = book.add_worksheet("Báo cáo")
    lines: list[list[object]] = [
        [identity[0][1].upper(), None, None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
        [None, None, None, "Độc lập - Tự do - Hạnh phúc"],
        [],
        ["Mẫu số 01/DN-KCN"],
        ["BÁO CÁO TÌNH HÌNH SẢN XUẤT KINH DOANH, LAO ĐỘNG, TỔ CHỨC ĐẢNG VÀ ĐOÀN THỂ"],
        [],
    ]
    lines += [[f"{label}:", None, value] for label, value in identity]
    lines += [[], ["STT", "Chỉ tiêu", "Mã số", "Đơn vị tính", "Số liệu", "Ghi chú"]]
    section = ""
    number = 0
    for spec in INDICATORS:
        if spec.section != section:
            section = spec.section
            numeral, _, heading = section.partition(". ")
            lines.append([numeral, heading])  # "III" | "TỔ CHỨC ĐẢNG, ĐẢNG VIÊN"
        number += 1
        lines.append([number, spec.label, spec.code, spec.unit, values[spec.key]])
    lines += [
        [],
        ["Ghi chú:"],
        ["- Số liệu lao động tính đến ngày cuối kỳ báo cáo."],
        ["- Doanh thu, nộp ngân sách tính theo triệu đồng."],
        [],
        *([f"{label}: {value}"] for label, value in footer),
        [],
        [None, "NGƯỜI LẬP BIỂU", None, None, "GIÁM ĐỐC"],
        [None, "(Ký, ghi rõ họ tên)", None, None, "(Ký tên, đóng dấu)"],
    ]
    while len(lines) < 70:  # the signature space, as typed: blank lines, then the names
        lines.append([])
    lines[-1] = [None, "Nguyễn Thị Hoa", None, None, "Kim Min Soo"]
    for r, cells in enumerate(lines):
        for c, value in enumerate(cells):
            if value is not None and value != "":
                ws.write(r, c, value)
    book.close()
    return identity + footer, values


def make_light_corpus(folder: Path, n: int, seed: int = 1) -> list[Path]:
    """N light returns (see the module's docstring), each with its own values."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    paths = []
    for i in range(n):
        path = folder / f"{i // 500:02d}" / f"bao cao {i:05d}.xlsx"
        path.parent.mkdir(exist_ok=True)
        write_light_return(path, rng, i)
        paths.append(path)
    return paths


if __name__ == "__main__":
    make = make_light_corpus if sys.argv[3:] == ["light"] else make_corpus
    made = make(Path(sys.argv[1]), int(sys.argv[2]))
    print(f"{len(made)} files in {sys.argv[1]}")
