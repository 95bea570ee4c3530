"""The HTML report: escaped, self-contained, labelled, with the right figures."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from credit_cli.connector.models import CompanyInfo
from credit_cli.reports.columns import COLUMNS
from credit_cli.reports.exposure_html import (
    format_money,
    format_percent,
    render_exposure_html,
    write_exposure_html,
)
from credit_cli.reports.labels import labels_for

from tests.factories import TODAY, make_partner


class TableReader(HTMLParser):
    """Collect header cells, body rows (with their class) and footer cells."""

    def __init__(self) -> None:
        super().__init__()
        self.section = ""
        self.headers: list[str] = []
        self.rows: list[tuple[str, list[str]]] = []
        self.footer: list[str] = []
        self._cell: list[str] | None = None
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        if tag in ("thead", "tbody", "tfoot"):
            self.section = tag
        elif tag == "tr" and self.section == "tbody":
            self.rows.append((dict(attrs).get("class") or "", []))
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            text = "".join(self._cell).strip()
            if self.section == "thead":
                self.headers.append(text)
            elif self.section == "tbody":
                self.rows[-1][1].append(text)
            elif self.section == "tfoot":
                self.footer.append(text)
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def read(html: str) -> TableReader:
    reader = TableReader()
    reader.feed(html)
    return reader


def test_formatters() -> None:
    assert format_money(1234567.5) == "1,234,567.50"
    assert format_money(-4000) == "-4,000.00"
    assert format_money(None) == ""
    assert format_percent(1.2) == "120.0%"
    assert format_percent(None) == ""


def test_names_are_escaped(company, partners) -> None:
    html = render_exposure_html(company, partners, TODAY)
    assert "<b>Acme" not in html
    assert "&lt;b&gt;Acme &amp; Sons&lt;/b&gt;" in html
    assert read(html).rows[1][1][1] == "<b>Acme & Sons</b>"  # shown literally


def test_company_name_is_escaped() -> None:
    html = render_exposure_html(CompanyInfo("<script>x</script>", "CNY"), [], TODAY)
    assert "<script>" not in html
    assert "&lt;script&gt;x&lt;/script&gt;" in html


def test_self_contained_page(company, partners) -> None:
    html = render_exposure_html(company, partners, TODAY)
    assert html.startswith("<!DOCTYPE html>")
    assert '<html lang="zh-CN">' in html
    assert '<meta charset="utf-8">' in html
    assert "<style>" in html
    assert not re.search(r"<(script|link)\b", html)
    assert not re.search(r"(src|href)=", html)


def test_headers_rows_and_totals(company, partners) -> None:
    reader = read(render_exposure_html(company, partners, TODAY))
    zh = labels_for("zh_CN")
    assert reader.headers == [zh[column.label_key] for column in COLUMNS]
    assert len(reader.rows) == 3
    keys = [column.label_key for column in COLUMNS]
    first = dict(zip(keys, reader.rows[0][1], strict=True))
    assert first["credit_limit"] == "100,000.00"
    assert first["utilisation"] == "50.0%"
    assert first["next_review_date"] == "2025-06-30"
    assert first["on_warning_list"] == ""
    second = dict(zip(keys, reader.rows[1][1], strict=True))
    assert second["on_warning_list"] == "是"
    assert second["available"] == "-4,000.00"
    third = dict(zip(keys, reader.rows[2][1], strict=True))
    assert third["utilisation"] == ""
    assert third["ref"] == ""
    footer = dict(zip(keys, reader.footer, strict=True))
    assert footer["ref"] == "合计"
    assert footer["exposure"] == "75,200.00"
    assert footer["overdue"] == "7,500.00"
    assert footer["utilisation"] == ""


def test_over_limit_row_is_marked(company, partners) -> None:
    reader = read(render_exposure_html(company, partners, TODAY))
    assert [cls for cls, _ in reader.rows] == ["", "over-limit", ""]
    assert "tr.over-limit td" in render_exposure_html(company, partners, TODAY)


def test_review_due_is_marked(company, partners) -> None:
    html = render_exposure_html(company, partners, TODAY)
    assert html.count('class="date review-due"') == 1


def test_english(company, partners) -> None:
    html = render_exposure_html(company, partners, TODAY, lang="en")
    assert '<html lang="en">' in html
    assert "Customer credit exposure" in html
    assert read(html).headers[6] == "Credit limit"


def test_no_customers_message() -> None:
    html = render_exposure_html(CompanyInfo("C", "EUR"), [], TODAY, lang="en")
    assert "No customers." in html
    assert "<table>" not in html


def test_write_returns_path_and_writes_utf8(tmp_path: Path, company) -> None:
    target = tmp_path / "exposure.html"
    written = write_exposure_html(target, company, [make_partner(name="北京客户")], TODAY)
    assert written == target
    assert "北京客户" in target.read_text(encoding="utf-8")


def test_unknown_language(tmp_path: Path, company) -> None:
    with pytest.raises(ValueError):
        write_exposure_html(tmp_path / "x.html", company, [], TODAY, lang="de")
    assert list(tmp_path.iterdir()) == []


def test_no_score_and_no_limit_show_a_dash(company, partners) -> None:
    reader = read(render_exposure_html(company, partners, TODAY))
    keys = [column.label_key for column in COLUMNS]
    third = dict(zip(keys, reader.rows[2][1], strict=True))
    assert third["score"] == "—"
    assert third["credit_limit"] == "—"
    assert third["available"] == "—"
    first = dict(zip(keys, reader.rows[0][1], strict=True))
    assert first["score"] == "82.5"


def test_overdue_cells_are_marked(company, partners) -> None:
    html = render_exposure_html(company, partners, TODAY)
    assert "td.overdue" in html
    assert html.count(' overdue">') >= 1  # the second customer's overdue amount


def test_would_block_shows_the_servers_reasons_or_a_dash() -> None:
    partners = [
        make_partner(partner_id=1, name="Unknown", block_reasons=None),
        make_partner(partner_id=2, name="Passes", block_reasons=()),
        make_partner(
            partner_id=3, name="Blocked", block_reasons=("Credit grade <D> blocks sales.",)
        ),
    ]
    company = CompanyInfo("C", "CNY", credit_check_on=True)
    html = render_exposure_html(company, partners, TODAY, "en")
    reader = read(html)
    keys = [column.label_key for column in COLUMNS]
    rows = {row[1][keys.index("name")]: dict(zip(keys, row[1], strict=True)) for row in reader.rows}
    assert (rows["Unknown"]["would_block"], rows["Unknown"]["block_reasons"]) == ("—", "—")
    assert (rows["Passes"]["would_block"], rows["Passes"]["block_reasons"]) == ("", "")
    assert rows["Blocked"]["would_block"] == "Yes"
    assert rows["Blocked"]["block_reasons"] == "Credit grade <D> blocks sales."
    assert "&lt;D&gt;" in html  # escaped
    assert "Credit check: on" in html


def test_ageing_columns_are_the_servers_buckets() -> None:
    """One column per bucket the server has, headed by its name (escaped), summed."""
    buckets = ("Not overdue", "1-30 days", "<31+ days>")
    company = CompanyInfo("C", "CNY", ageing_buckets=buckets)
    partner = make_partner(receivable=1000.0, overdue=400.0, ageing=(600.0, 0.0, 400.0))
    html = render_exposure_html(company, [partner], TODAY)
    assert "&lt;31+ days&gt;" in html
    reader = read(html)
    start = reader.headers.index("Not overdue")
    assert reader.headers[start : start + 3] == list(buckets)
    assert reader.rows[0][1][start : start + 3] == ["600.00", "0.00", "400.00"]
    assert reader.footer[start : start + 3] == ["600.00", "0.00", "400.00"]
