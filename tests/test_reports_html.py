"""The HTML report: escaped, self-contained, labelled, with the right figures."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from credit_cli.connector.models import CompanyInfo
from credit_cli.reports.columns import COLUMNS, html_details, html_groups
from credit_cli.reports.exposure_html import (
    format_money,
    format_percent,
    render_exposure_html,
    write_exposure_html,
)
from credit_cli.reports.labels import labels_for

from tests.factories import TODAY, make_partner


class TableReader(HTMLParser):
    """The page's table by column key (``data-key``): header texts, and per body row and in
    the footer the text of each key, a value shown small under another included."""

    def __init__(self) -> None:
        super().__init__()
        self.section = ""
        self.groups: list[str] = []
        self.headers: dict[str, str] = {}
        self.cells: list[list[str]] = []  # the keys of each body row's cells, in order
        self.rows: list[tuple[str, dict[str, str]]] = []
        self.footer: dict[str, str] = {}
        self._open: list[tuple[str, str | None, list[str]]] = []
        self._in_groups = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag in ("thead", "tbody", "tfoot"):
            self.section = tag
        elif tag == "tr":
            self._in_groups = found.get("class") == "groups"
            detail = "detail" in (found.get("class") or "").split()
            if self.section == "tbody" and not detail:  # a detail line is its row's
                self.rows.append((found.get("class") or "", {}))
                self.cells.append([])
        if tag == "th" and self._in_groups and "data-group" in found:
            self._open.append((tag, "@group", []))
            return
        key = found.get("data-key")
        if key and tag == "td" and self.section == "tbody":
            self.cells[-1].append(key)
        self._open.append((tag, key, []))

    def handle_endtag(self, tag: str) -> None:
        while self._open:
            name, key, text = self._open.pop()
            if key:
                value = "".join(text).strip()
                if key == "@group":
                    self.groups.append(value)
                elif self.section == "thead":
                    self.headers[key] = value
                elif self.section == "tbody":
                    self.rows[-1][1][key] = value
                elif self.section == "tfoot":
                    self.footer[key] = value
            if name == tag:
                break

    def handle_data(self, data: str) -> None:
        for _name, key, text in reversed(self._open):
            if key:  # the innermost keyed element holds the text
                text.append(data)
                return


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
    assert read(html).rows[1][1]["name"] == "<b>Acme & Sons</b>"  # shown literally


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
    groups = html_groups(company)
    # a two-row header: the groups (the customer's heading spans both rows), then the cells
    assert reader.groups == [zh[g.label] for g in groups[1:]]
    assert reader.groups == ["信用状况", "风险敞口", "逾期", "信用检查"]
    assert reader.headers["name"] == zh["h_customer"]
    cells = [cell for group in groups for cell in group.cells]
    for cell in cells[1:]:
        assert reader.headers[cell.column.key] == zh[cell.heading]
    # every figure of the workbook is on the page, in a cell or small under one
    shown = {c.column.key for c in cells} | {b.key for c in cells for b in c.below}
    shown |= {column.key for column in html_details(company)}
    assert shown == {column.key for column in COLUMNS}
    assert len(reader.rows) == 3
    assert reader.cells == [[c.column.key for c in cells]] * 3
    first = reader.rows[0][1]
    assert first["limit_shown"] == "100,000.00"
    assert first["utilisation"] == "50.0%"
    assert first["next_review_date"] == "2025-06-30"
    assert "on_warning_list" not in first
    second = reader.rows[1][1]
    assert second["on_warning_list"] == "严重失信"
    assert second["available_shown"] == "-4,000.00"
    third = reader.rows[2][1]
    assert third["utilisation"] == ""
    assert "ref" not in third
    footer = reader.footer
    assert footer["name"] == "合计 · 客户数 3"
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
    reader = read(html)
    assert reader.headers["limit_shown"] == "Limit"
    assert reader.groups[0] == "Standing"


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
    third = reader.rows[2][1]
    assert third["score_shown"] == "—"
    assert third["limit_shown"] == "—"
    assert third["available_shown"] == "—"
    assert reader.rows[0][1]["score_shown"] == "82.5"


def test_overdue_cells_are_marked(company, partners) -> None:
    html = render_exposure_html(company, partners, TODAY)
    assert "td.overdue" in html
    assert html.count(' overdue" data-key="overdue"') == 1  # the second customer's amount


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
    rows = {row["name"]: row for _cls, row in reader.rows}
    assert rows["Unknown"]["would_block"] == "—"
    assert "block_reasons_text" not in rows["Unknown"]
    assert rows["Passes"]["would_block"] == ""
    assert "block_reasons_text" not in rows["Passes"]
    assert rows["Blocked"]["would_block"] == "Yes"
    assert rows["Blocked"]["block_reasons_text"] == "Credit grade <D> blocks sales."
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
    keys = ["ageing_0", "ageing_1", "ageing_2"]
    assert [reader.headers[k] for k in keys] == list(buckets)
    assert reader.groups[3] == labels_for("zh_CN")["h_ageing"]
    assert [reader.rows[0][1][k] for k in keys] == ["600.00", "0.00", "400.00"]
    assert [reader.footer[k] for k in keys] == ["600.00", "0.00", "400.00"]


def test_guarantee_cells_when_the_server_counts_guarantees(tmp_path: Path) -> None:
    company = CompanyInfo(name="华东机械有限公司", currency="CNY", guarantees=True)
    partners = [make_partner(name="Covered", guarantee_cover=8000.0, contingent_liability=1500.0)]
    path = write_exposure_html(tmp_path / "g.html", company, partners, TODAY)
    page = path.read_text(encoding="utf-8")
    assert "担保额" in page and "或有负债" in page
    assert "8,000.00" in page and "1,500.00" in page
