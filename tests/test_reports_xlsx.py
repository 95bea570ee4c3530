"""The XLSX report read back with openpyxl: layout, values, formats and formulas."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from credit_cli.connector.models import CompanyInfo
from credit_cli.reports.columns import COLUMNS, columns_for
from credit_cli.reports.exposure_xlsx import FIRST_DATA_ROW, HEADER_ROW, write_exposure_xlsx
from credit_cli.reports.labels import labels_for

from tests.factories import TODAY, make_partner

KEYS = [column.label_key for column in COLUMNS]


def col(key: str) -> int:
    """1-based openpyxl column of ``key``."""
    return KEYS.index(key) + 1


def letter(key: str) -> str:
    return openpyxl.utils.get_column_letter(col(key))


@pytest.fixture
def sheet(tmp_path: Path, company, partners):
    path = write_exposure_xlsx(tmp_path / "exposure.xlsx", company, partners, TODAY)
    assert path == tmp_path / "exposure.xlsx"
    workbook = openpyxl.load_workbook(path)
    assert len(workbook.worksheets) == 1
    return workbook.active


HEADER = HEADER_ROW + 1  # openpyxl rows are 1-based
FIRST = FIRST_DATA_ROW + 1


def test_title_company_and_date(sheet) -> None:
    zh = labels_for("zh_CN")
    assert sheet.title == zh["sheet_name"]
    assert sheet["A1"].value == zh["title"]
    assert (sheet["A2"].value, sheet["B2"].value) == (zh["company"], "华东机械有限公司")
    assert (sheet["A3"].value, sheet["B3"].value) == (zh["currency"], "CNY")
    assert (sheet["A4"].value, sheet["B4"].value) == (zh["report_date"], "2025-03-31")


def test_header_row_in_chinese(sheet) -> None:
    headers = [sheet.cell(HEADER, c).value for c in range(1, len(COLUMNS) + 1)]
    assert headers == [labels_for("zh_CN")[c.label_key] for c in COLUMNS]
    assert "授信额度" in headers and "信用等级" in headers and "逾期金额" in headers


def test_rows_hold_typed_values(sheet) -> None:
    first, second, third = FIRST, FIRST + 1, FIRST + 2
    assert sheet.cell(first, col("name")).value == "Customer"
    assert sheet.cell(first, col("credit_limit")).value == 100000.0
    assert sheet.cell(first, col("exposure")).value == 50000.0
    assert sheet.cell(first, col("utilisation")).value == pytest.approx(0.5)
    assert sheet.cell(first, col("next_review_date")).value == dt.datetime(2025, 6, 30)
    assert sheet.cell(first, col("on_warning_list")).value is None
    # names are text, even with markup characters
    assert sheet.cell(second, col("name")).value == "<b>Acme & Sons</b>"
    assert sheet.cell(second, col("credit_code")).value is None
    assert sheet.cell(second, col("on_warning_list")).value == "是"
    assert sheet.cell(second, col("available")).value == -4000.0
    # no limit: no utilisation
    assert sheet.cell(third, col("utilisation")).value is None
    assert sheet.cell(third, col("ref")).value is None


def test_number_formats(sheet) -> None:
    assert sheet.cell(FIRST, col("exposure")).number_format == "#,##0.00"
    assert sheet.cell(FIRST, col("utilisation")).number_format == "0.0%"
    assert sheet.cell(FIRST, col("next_review_date")).number_format == "yyyy-mm-dd"


def test_over_limit_row_is_red_and_others_are_not(sheet) -> None:
    over = FIRST + 1
    for c in range(1, len(COLUMNS) + 1):
        cell = sheet.cell(over, c)
        assert cell.font.color is not None and cell.font.color.rgb == "FF9C0006", c
        assert cell.fill.fgColor.rgb == "FFFFC7CE", c
    for row in (FIRST, FIRST + 2):
        cell = sheet.cell(row, col("exposure"))
        assert cell.fill.fgColor.rgb != "FFFFC7CE"


def test_review_due_date_is_bold(sheet) -> None:
    assert sheet.cell(FIRST + 1, col("next_review_date")).font.bold is True
    assert not sheet.cell(FIRST, col("next_review_date")).font.bold


def test_totals_row_has_sum_formulas(sheet) -> None:
    totals = FIRST + 3
    assert sheet.cell(totals, 1).value == "合计"
    assert sheet.cell(totals, col("name")).value == "客户数: 3"
    for key in ("credit_limit", "receivable", "exposure", "available", "overdue"):
        expected = f"=SUM({letter(key)}{FIRST}:{letter(key)}{FIRST + 2})"
        assert sheet.cell(totals, col(key)).value == expected, key
        assert sheet.cell(totals, col(key)).font.bold is True
    assert sheet.cell(totals, col("utilisation")).value is None


def test_cached_totals_match_the_rows(tmp_path: Path, company, partners) -> None:
    path = write_exposure_xlsx(tmp_path / "e.xlsx", company, partners, TODAY)
    values = openpyxl.load_workbook(path, data_only=True).active
    assert values.cell(FIRST + 3, col("exposure")).value == pytest.approx(75200.0)
    assert values.cell(FIRST + 3, col("overdue")).value == pytest.approx(7500.0)


def test_frozen_panes_and_autofilter(sheet) -> None:
    assert sheet.freeze_panes == f"C{FIRST}"
    last = openpyxl.utils.get_column_letter(len(COLUMNS))
    assert sheet.auto_filter.ref == f"A{HEADER}:{last}{FIRST + 2}"


def test_english_labels(tmp_path: Path, company, partners) -> None:
    path = write_exposure_xlsx(tmp_path / "e.xlsx", company, partners, TODAY, lang="en")
    sheet = openpyxl.load_workbook(path).active
    assert sheet["A1"].value == "Customer credit exposure"
    assert sheet.cell(HEADER, col("credit_limit")).value == "Credit limit"
    assert sheet.cell(FIRST + 1, col("on_warning_list")).value == "Yes"
    assert sheet.cell(FIRST + 3, 1).value == "Total"


def test_formula_like_name_stays_text(tmp_path: Path) -> None:
    partner = make_partner(name='=HYPERLINK("http://x")')
    path = write_exposure_xlsx(tmp_path / "e.xlsx", CompanyInfo("C", "EUR"), [partner], TODAY)
    cell = openpyxl.load_workbook(path).active.cell(FIRST, col("name"))
    assert cell.data_type == "s"
    assert cell.value == '=HYPERLINK("http://x")'


def test_no_customers(tmp_path: Path) -> None:
    path = write_exposure_xlsx(tmp_path / "e.xlsx", CompanyInfo("C", "EUR"), [], TODAY)
    sheet = openpyxl.load_workbook(path).active
    assert sheet.cell(FIRST, 1).value == "合计"
    assert sheet.cell(FIRST, col("exposure")).value == 0


def test_unknown_language_writes_nothing(tmp_path: Path, company, partners) -> None:
    with pytest.raises(ValueError):
        write_exposure_xlsx(tmp_path / "e.xlsx", company, partners, TODAY, lang="fr")
    assert list(tmp_path.iterdir()) == []


def test_no_score_and_no_limit_are_a_dash_not_zero(sheet) -> None:
    third = FIRST + 2
    assert sheet.cell(third, col("score")).value == "—"
    assert sheet.cell(third, col("credit_limit")).value == "—"
    assert sheet.cell(third, col("available")).value == "—"
    assert sheet.cell(FIRST, col("score")).value == 82.5


#: Bucket names as a server gives them (the collections add-on's, configured per company).
BUCKETS = ("未逾期", "逾期1-30天", "逾期31-60天", "逾期90天以上")


def test_new_columns_from_a_version_2_partner(tmp_path: Path) -> None:
    company = CompanyInfo("华东机械有限公司", "CNY", ageing_buckets=BUCKETS)
    keys = [column.label_key for column in columns_for(company)]

    def col(key: str) -> int:
        return keys.index(key) + 1

    partner = make_partner(
        policy="prepayment",
        temporary_until=dt.date(2025, 4, 30),
        overdue=7000.0,
        receivable=30000.0,
        days_overdue=45,
        ageing=(23000.0, 0.0, 7000.0, 0.0),
        pending_exceptions=2,
        scored=True,
        block_reasons=("Credit grade C requires prepayment.", "Overdue receivables exceed."),
    )
    path = write_exposure_xlsx(tmp_path / "e.xlsx", company, [partner], TODAY)
    ws = openpyxl.load_workbook(path).active
    assert ws.cell(FIRST, col("policy")).value == "预付款"
    assert ws.cell(FIRST, col("temporary_until")).value == dt.datetime(2025, 4, 30)
    assert ws.cell(FIRST, col("overdue_share")).value == pytest.approx(7000 / 30000)
    assert ws.cell(FIRST, col("days_overdue")).value == 45
    # one column per bucket of the server, headed by its name, after the days overdue
    first = col("days_overdue") + 1
    assert [ws.cell(HEADER, first + i).value for i in range(len(BUCKETS))] == list(BUCKETS)
    assert [ws.cell(FIRST, col(f"ageing_{i}")).value for i in range(4)] == [
        23000.0,
        0.0,
        7000.0,
        0.0,
    ]
    assert (
        ws.cell(HEADER, col("pending_exceptions")).value
        == labels_for("zh_CN")["pending_exceptions"]
    )
    assert ws.cell(FIRST, col("pending_exceptions")).value == 2
    # the server's check said so (never guessed from the policy on this side)
    assert ws.cell(FIRST, col("would_block")).value == "是"
    assert ws.cell(FIRST, col("block_reasons")).value == (
        "Credit grade C requires prepayment. Overdue receivables exceed."
    )
    assert ws.cell(FIRST, col("overdue")).font.color.rgb.endswith("C00000")
    # overdue buckets are marked, the first (not overdue) is not
    assert ws.cell(FIRST, col("ageing_2")).font.color.rgb.endswith("C00000")
    assert not (ws.cell(FIRST, col("ageing_0")).font.color or None) or not str(
        ws.cell(FIRST, col("ageing_0")).font.color.rgb
    ).endswith("C00000")
    column = openpyxl.utils.get_column_letter(col("ageing_2"))
    assert ws.cell(FIRST + 1, col("ageing_2")).value == f"=SUM({column}{FIRST}:{column}{FIRST})"


@pytest.mark.parametrize(
    ("reasons", "flag", "text"),
    [(None, "—", "—"), ((), None, None), (("Credit grade D blocks sales.",), "是", None)],
)
def test_would_block_is_the_servers_answer_or_a_dash(tmp_path: Path, reasons, flag, text) -> None:
    """None (an older server or snapshot): "—", not a guess; () passes; reasons block."""
    partner = make_partner(policy="blocked", on_warning_list=True, block_reasons=reasons)
    checked = CompanyInfo("C", "CNY", credit_check_on=None if reasons is None else True)
    path = write_exposure_xlsx(tmp_path / "e.xlsx", checked, [partner], TODAY)
    ws = openpyxl.load_workbook(path).active
    assert ws.cell(FIRST, col("would_block")).value == flag
    assert ws.cell(FIRST, col("block_reasons")).value == (text or (reasons[0] if reasons else None))
    assert ws["A5"].value == "信用检查"
    assert ws["B5"].value == ("已启用" if reasons is not None else "—")
    assert partner.would_block is (None if reasons is None else bool(reasons))


def test_check_switched_off_is_said(tmp_path: Path) -> None:
    company = CompanyInfo("C", "CNY", credit_check_on=False)
    path = write_exposure_xlsx(
        tmp_path / "e.xlsx", company, [make_partner(block_reasons=())], TODAY
    )
    ws = openpyxl.load_workbook(path).active
    assert ws["B5"].value == "未启用（不拦截）"


def test_guarantee_columns_when_the_server_counts_guarantees(tmp_path: Path) -> None:
    """Cover and contingent liability follow the exposure, summed, "—" where unknown."""
    company = CompanyInfo(name="华东机械有限公司", currency="CNY", guarantees=True)
    partners = [
        make_partner(name="Covered", guarantee_cover=8000.0, contingent_liability=0.0),
        make_partner(name="Guarantor", guarantee_cover=0.0, contingent_liability=1500.0),
    ]
    path = write_exposure_xlsx(tmp_path / "g.xlsx", company, partners, TODAY)
    sheet = openpyxl.load_workbook(path).active
    keys = [c.label_key for c in columns_for(company)]
    headers = [sheet.cell(HEADER, c).value for c in range(1, len(keys) + 1)]
    at = keys.index("guarantee_cover") + 1
    assert headers[at - 1 : at + 1] == ["担保额", "或有负债"]
    assert keys[at - 2] == "exposure"
    assert [sheet.cell(FIRST + i, at).value for i in range(2)] == [8000.0, 0.0]
    assert [sheet.cell(FIRST + i, at + 1).value for i in range(2)] == [0.0, 1500.0]
    total = sheet.cell(FIRST + 2, at).value
    assert str(total).startswith("=SUM(")
