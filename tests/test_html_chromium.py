"""The printable pages rendered by a real headless Chromium (skipped without one).

Chromium prints the award lists to PDF on A4 landscape and takes a screenshot,
which is kept in the test's folder (and copied to $CREDIT_SCREENSHOTS when set)
for a person to look at.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from credit_cli.connector.appraisal import AppraisalYear, Scorecard, ScoreLine
from credit_cli.reports.awards import write_awards_html

from tests.factories import make_card, make_year

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no headless Chromium on this machine")


def _year() -> AppraisalYear:
    def card(aid: int, name: str, total: float, tier: str, **kw) -> Scorecard:
        line = ScoreLine("1.1", "S", "item", 100.0, total, True, "", "")
        return make_card(aid, name, total, tier, lines=(line,), state="submitted", **kw)

    return make_year(
        (
            card(1, "王芳", 96.5, "advanced"),
            card(2, "李强", 91.0, "excellent"),
            card(3, "陈静", 84.0, "commendation"),
            card(4, "张伟", 52.0, "fail", failure_number=2, penalty="revocation"),
        ),
        company="华东机械有限公司",
        period_state="submitted",
    )


def _chromium(*args: str, cwd: Path) -> None:
    subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
        timeout=120,
    )


def test_award_page_prints_on_a4_landscape(tmp_path: Path) -> None:
    html = write_awards_html(tmp_path / "awards.html", _year())
    pdf = tmp_path / "awards.pdf"
    _chromium(f"--print-to-pdf={pdf}", "--no-pdf-header-footer", html.as_uri(), cwd=tmp_path)
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    # one page per list; A4 landscape is 842 x 595 points
    boxes = [line for line in data.split(b"/MediaBox")[1:] if line.lstrip(b" ").startswith(b"[")]
    assert boxes, "no page in the PDF"
    first = boxes[0].split(b"]")[0].strip(b" [").split()
    width, height = float(first[2]), float(first[3])
    assert (round(width), round(height)) == (842, 595)
    assert len(boxes) == 2


def test_award_page_screenshot(tmp_path: Path) -> None:
    html = write_awards_html(tmp_path / "awards.html", _year())
    png = tmp_path / "awards.png"
    _chromium(f"--screenshot={png}", "--window-size=1123,794", html.as_uri(), cwd=tmp_path)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    target = os.environ.get("CREDIT_SCREENSHOTS")
    if target:
        Path(target).mkdir(parents=True, exist_ok=True)
        shutil.copy(png, Path(target) / "awards.png")
