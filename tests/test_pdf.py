"""PDF through LibreOffice when it is installed, and a clear note on how to get it when not."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from kcn_reports import generate as generate_module
from kcn_reports.generate import PDF_HELP, generate
from kcn_reports.sample import make_sample
from kcn_reports.settings import load_settings

SETTINGS = load_settings(None)


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    root = tmp_path_factory.mktemp("pdf")
    make_sample(root / "inputs")
    return root


def run(root):
    return generate(SETTINGS, "annual", root / "inputs", root / "outputs", root / "report_templates",
                    year=2016, pdf=True, today=dt.date(2017, 1, 5), jobs=1)


def test_without_libreoffice_the_note_says_how_to_get_it(sample, monkeypatch):
    monkeypatch.setattr(generate_module, "find_soffice", lambda: None)
    result = run(sample)
    assert PDF_HELP in result.notes and "LibreOffice" in PDF_HELP
    assert not any(p.suffix == ".pdf" for p in result.outputs)
    assert any(p.suffix == ".docx" for p in result.outputs)


@pytest.mark.skipif(not (shutil.which("soffice") or shutil.which("libreoffice")),
                    reason="LibreOffice is not installed")
def test_with_libreoffice_a_pdf_of_the_report(sample):
    result = run(sample)
    pdf = next(p for p in result.outputs if p.suffix == ".pdf")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 20_000
