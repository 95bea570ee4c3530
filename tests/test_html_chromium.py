"""The printable pages rendered by a real headless Chromium (skipped without one).

Chromium prints the award lists to PDF on A4 landscape and takes a screenshot,
which is kept in the test's folder (and copied to $CREDIT_SCREENSHOTS when set)
for a person to look at.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from credit_cli.cli import credit
from credit_cli.command.sources import demo_snapshot_path
from credit_cli.connector.appraisal import AppraisalYear, Scorecard, ScoreLine
from credit_cli.connector.credit_data import fetch_exposure_full
from credit_cli.connector.models import CompanyInfo, PartnerExposure
from credit_cli.connector.transport import ReplayTransport
from credit_cli.reports.awards import write_awards_html
from credit_cli.reports.exposure_html import write_exposure_html

from tests.factories import make_card, make_year
from tests.test_cli import NO_ENV

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


# ------------------------------------------------------------ the exposure report's page

#: A4 landscape (297 mm) less the page's margins (10 mm each side), in CSS pixels.
A4_LANDSCAPE_CONTENT_PX = round((297 - 2 * 10) / 25.4 * 96)

#: Measures the page as printed (no body margin) at the printable width and writes what
#: it found into the DOM that Chromium dumps.
MEASURE = """
<script>
window.addEventListener("load", () => {
  document.body.style.margin = "0";
  const table = document.querySelector("table");
  const headers = [...document.querySelectorAll("thead th")].map((th) => {
    const style = getComputedStyle(th);
    const inner = th.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return {text: th.textContent.trim(), em: inner / parseFloat(style.fontSize)};
  });
  const names = [...document.querySelectorAll("tbody tr:not(.detail) td.customer")].map((td) => ({
    text: td.querySelector(".name").textContent,
    clipped: td.scrollWidth > td.clientWidth,
  }));
  document.body.setAttribute("data-measure", JSON.stringify({
    view: window.innerWidth,
    table: table.getBoundingClientRect().right,
    page: document.documentElement.scrollWidth,
    headers: headers,
    names: names,
  }));
});
</script>
"""


def _exposure_page(tmp_path: Path, lang: str) -> Path:
    """The exposure report of the built-in demo snapshot (the server's recorded answers)."""
    out = tmp_path / lang
    result = CliRunner(env=NO_ENV).invoke(
        credit, ["exposure", "--demo", "--lang", lang, "--format", "html", "--output", str(out)]
    )
    assert result.exit_code == 0, result.output
    return next(out.glob("*.html"))


def _demo_exposure(lang: str) -> tuple[CompanyInfo, list[PartnerExposure], dt.date]:
    """The built-in snapshot's exposure, as the command reads it."""
    replay = ReplayTransport.from_file(demo_snapshot_path(lang))
    meta = replay.metadata
    today = dt.date.fromisoformat(meta["today"])
    company, partners = fetch_exposure_full(
        replay,
        today,
        meta["context"],
        batch_size=int(meta["batch_size"]),
        user_id=meta.get("uid"),
        page_size=int(meta["page_size"]),
    )
    return company, partners, today


#: Layout only: the demo company has the check off, so its snapshot holds no reasons; a
#: reason as long as the check's longest, on every customer, must not widen the page.
LONG_REASON = {
    "zh_CN": "客户没有已批准的授信额度，公司设定对没有授信额度的客户拦截销售；请先提交授信申请。",
    "en": "The customer has no approved credit limit and the company blocks sales to "
    "customers without one; submit a credit application first.",
}


@pytest.mark.parametrize("reasons", [False, True], ids=["as-recorded", "with-reasons"])
@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_exposure_page_fits_an_a4_landscape_page_width(
    tmp_path: Path, lang: str, reasons: bool
) -> None:
    """Every column on one A4 landscape page width, headers never one character wide,
    customers' names whole (wrapped, never clipped)."""
    page = _exposure_page(tmp_path, lang)
    if reasons:
        company, partners, today = _demo_exposure(lang)
        blocked = [dataclasses.replace(p, block_reasons=(LONG_REASON[lang],)) for p in partners]
        page = write_exposure_html(tmp_path / "blocked.html", company, blocked, today, lang)
    html = page.read_text(encoding="utf-8")
    assert "@page { size: A4 landscape;" in html
    measured = tmp_path / f"measured_{lang}.html"
    measured.write_text(html.replace("</body>", MEASURE + "</body>"), encoding="utf-8")
    proc = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            f"--window-size={A4_LANDSCAPE_CONTENT_PX},794",
            "--virtual-time-budget=5000",
            "--dump-dom",
            measured.as_uri(),
        ],
        cwd=tmp_path,
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    )
    found = re.search(r'data-measure="([^"]*)"', proc.stdout)
    assert found, proc.stdout[-500:]
    data = json.loads(found.group(1).replace("&quot;", '"').replace("&amp;", "&"))
    assert data["view"] == A4_LANDSCAPE_CONTENT_PX
    assert data["table"] <= A4_LANDSCAPE_CONTENT_PX, data["table"]
    assert data["page"] <= A4_LANDSCAPE_CONTENT_PX, data["page"]
    narrow = [h for h in data["headers"] if h["em"] < 1.9]
    assert not narrow, narrow
    assert data["names"] and not [n for n in data["names"] if n["clipped"]]
    # the names are the snapshot's, whole
    _company, partners, _today = _demo_exposure(lang)
    assert [n["text"] for n in data["names"]] == [p.name for p in partners]


def test_exposure_page_prints_on_a4_landscape(tmp_path: Path) -> None:
    """Printed by Chromium: A4 landscape pages, and a screenshot of the page to look at."""
    page = _exposure_page(tmp_path, "zh_CN")
    pdf = tmp_path / "exposure.pdf"
    _chromium(f"--print-to-pdf={pdf}", "--no-pdf-header-footer", page.as_uri(), cwd=tmp_path)
    data = pdf.read_bytes()
    boxes = [line for line in data.split(b"/MediaBox")[1:] if line.lstrip(b" ").startswith(b"[")]
    assert boxes
    first = boxes[0].split(b"]")[0].strip(b" [").split()
    assert (round(float(first[2])), round(float(first[3]))) == (842, 595)
    png = tmp_path / "exposure_html.png"
    _chromium(f"--screenshot={png}", "--window-size=1123,794", page.as_uri(), cwd=tmp_path)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    target = os.environ.get("CREDIT_SCREENSHOTS")
    if target:
        Path(target).mkdir(parents=True, exist_ok=True)
        shutil.copy(png, Path(target) / "exposure_html.png")
