"""``credit prospects``: the server's ranking for sales laid out (connector/prospects.py),
written as XLSX and HTML in each language, and the command run offline, from a snapshot
holding a synthetic answer and from the answers a real server gave with the demo data
(tests/recorded/credit_prospects.*.json, scripts/record_prospects.py: their metadata name
the commit whose add-ons answered)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner
from credit_cli.cli import credit
from credit_cli.connector import schema
from credit_cli.connector.prospects import build_prospects, fetch_prospects
from credit_cli.connector.transport import AddonMissing, MissingModelError, RecordingTransport
from credit_cli.reports.prospects import render_prospects_html, write_prospects_xlsx

from tests.test_cli import NO_ENV, assert_user_error

RECORDED = Path(__file__).resolve().parent / "recorded"


def _row(rank: int, name: str, **values: Any) -> dict[str, Any]:
    row = {
        "rank": rank,
        "id": rank * 65536 + 3,
        "partner_id": rank + 40,
        "name": name,
        "ref": "",
        "kind": "customer",
        "kind_label": "客户",
        "salesperson": "赵敏",
        "grade": "A",
        "policy": "normal",
        "policy_label": "允许赊销",
        "on_warning_list": False,
        "good_payer": False,
        "can_propose": False,
        "credit_score": 76.0,
        "credit_limit": 200000.0,
        "guarantee_cover": 0.0,
        "exposure": 0.0,
        "overdue": 0.0,
        "available": 200000.0,
        "paid_amount": 0.0,
        "avg_days_late": None,
        "on_time_share": None,
        "sales_12m": 0.0,
        "sales_prev_12m": 0.0,
        "sales_growth": None,
        "score": 50.0,
        "proposed_limit": None,
    }
    row.update(values)
    return row


ANSWER: dict[str, Any] = {
    "company_id": 3,
    "company": "上海华诚钢材贸易有限公司",
    "currency": "CNY",
    "date": "2026-06-15",
    "lang": "zh_CN",
    "weights": {
        "grade": 30.0,
        "on_time": 25.0,
        "days_late": 15.0,
        "available": 15.0,
        "growth": 15.0,
    },
    "rule": {"max_days_late": 5.0, "min_on_time": 90.0, "raise_percent": 20.0},
    "guarantees": True,
    "rows": [
        _row(
            1,
            "宁波港联钢构有限公司",
            good_payer=True,
            can_propose=True,
            paid_amount=270000.0,
            avg_days_late=0.0,
            on_time_share=100.0,
            sales_12m=270000.0,
            sales_prev_12m=80000.0,
            sales_growth=237.5,
            score=95.0,
            proposed_limit=240000.0,
            guarantee_cover=10000.0,
            available=210000.0,
        ),
        _row(
            2,
            "江南纺织有限公司",
            exposure=180000.0,
            overdue=120000.0,
            available=120000.0,
            paid_amount=0.0,
            sales_12m=120000.0,
            score=61.2,
        ),
        _row(
            3,
            "东方机电股份有限公司",
            kind="prospect",
            kind_label="潜在客户",
            grade="",
            policy=False,
            policy_label="",
            credit_score=None,
            credit_limit=0.0,
            available=None,
            score=0.0,
        ),
    ],
}
CONTEXT = {"lang": "zh_CN", "tz": "Asia/Shanghai"}


class _Server:
    """A transport answering the one call of the command (or refusing the model)."""

    def __init__(self, answer: Any = None, missing: bool = False) -> None:
        self.answer = answer
        self.missing = missing
        self.calls: list[tuple[str, str, list[Any], dict[str, Any]]] = []

    def execute_kw(self, model: str, method: str, args: list[Any], kwargs: dict[str, Any]) -> Any:
        self.calls.append((model, method, args, kwargs))
        if self.missing:
            raise MissingModelError(f"no model {model}")
        return self.answer


def test_one_call_and_plain_data() -> None:
    server = _Server(ANSWER)
    data = build_prospects(fetch_prospects(server, None, CONTEXT))
    assert server.calls == [
        (schema.PROSPECTS_MODEL, schema.PROSPECTS_METHOD, [False, "zh_CN"], {"context": CONTEXT})
    ]
    assert [r.name for r in data.rows] == [
        "宁波港联钢构有限公司",
        "江南纺织有限公司",
        "东方机电股份有限公司",
    ]
    assert (data.good_payers, data.proposals, data.prospects) == (1, 1, 1)
    # nothing measured stays empty, never zero
    assert (data.rows[2].available, data.rows[2].avg_days_late) == (None, None)
    assert data.rows[0].proposed_limit == 240000.0


def test_no_addon_is_a_clear_error() -> None:
    with pytest.raises(AddonMissing, match="credit_prospect"):
        fetch_prospects(_Server(missing=True), 3, CONTEXT)


def test_workbook_and_page(tmp_path: Path) -> None:
    data = build_prospects(ANSWER)
    path = write_prospects_xlsx(tmp_path / "p.xlsx", data, "zh_CN")
    ranking, rules = openpyxl.load_workbook(path).worksheets
    rows = list(ranking.iter_rows(values_only=True))
    header = rows[3]
    assert header[:6] == ("排名", "客户", "客户编码", "类别", "销售员", "排名得分")
    assert "担保覆盖" in header  # the server counts guarantee cover
    first = dict(zip(header, rows[4], strict=True))
    assert first["客户"] == "宁波港联钢构有限公司"
    assert (first["优质付款客户"], first["建议授信额度"], first["担保覆盖"]) == ("✓", 240000, 10000)
    third = dict(zip(header, rows[6], strict=True))
    assert (third["可用额度"], third["平均逾期天数"], third["建议授信额度"]) == (None, None, None)
    assert ("权重：信用等级", "30.0") in list(rules.iter_rows(values_only=True))
    html = render_prospects_html(data, "en")
    assert "Credit data for sales: customer standing" in html
    assert "customers ranked 3 (prospects 1); good payers 1; limit increases to propose 1" in html
    assert html.count('class="good"') == 1 and html.count('class="bad"') == 1
    assert "Guarantee cover" in html
    # without the guarantees add-on there is no cover column
    plain = build_prospects({**ANSWER, "guarantees": False})
    assert "担保覆盖</th>" not in render_prospects_html(plain, "zh_CN")
    path = write_prospects_xlsx(tmp_path / "plain.xlsx", plain, "zh_CN")
    assert (
        "担保覆盖"
        not in list(openpyxl.load_workbook(path).worksheets[0].iter_rows(values_only=True))[3]
    )
    assert "没有可排名的客户。" in render_prospects_html(build_prospects({**ANSWER, "rows": []}))


def _snapshot(path: Path) -> Path:
    recorder = RecordingTransport(
        _Server(ANSWER),
        metadata={"lang": "zh_CN", "uid": 2, "context": CONTEXT, "query": "credit pull"},
    )
    fetch_prospects(recorder, None, CONTEXT)
    return recorder.save(path)


def test_command_from_a_snapshot(tmp_path: Path) -> None:
    snapshot = _snapshot(tmp_path / "snap.json")
    out = tmp_path / "out"
    result = CliRunner(env=NO_ENV).invoke(
        credit, ["prospects", "--snapshot", str(snapshot), "--output", str(out), "--lang", "zh_CN"]
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [
        "credit_prospects_2026-06-15.html",
        "credit_prospects_2026-06-15.xlsx",
    ]
    assert (
        "排名客户 3 户（潜在客户 1 户），优质付款客户 1 户，可建议提高授信额度 1 户"
        in result.stdout
    )
    html = (out / "credit_prospects_2026-06-15.html").read_text(encoding="utf-8")
    assert "征信助销：客户资信排名" in html and "宁波港联钢构有限公司" in html
    only_html = tmp_path / "only"
    result = CliRunner(env=NO_ENV).invoke(
        credit,
        ["prospects", "--snapshot", str(snapshot), "--output", str(only_html), "--format", "html"],
    )
    assert result.exit_code == 0, result.output
    assert [p.suffix for p in only_html.iterdir()] == [".html"]


def test_command_without_the_call_in_the_snapshot(tmp_path: Path) -> None:
    snapshot = RecordingTransport(
        _Server(ANSWER), metadata={"lang": "en", "uid": 2, "context": {"lang": "en_US"}}
    ).save(tmp_path / "empty.json")
    result = CliRunner(env=NO_ENV).invoke(
        credit,
        ["prospects", "--snapshot", str(snapshot), "--output", str(tmp_path / "o"), "--lang", "en"],
    )
    assert_user_error(result, "pull a new snapshot", code=5)


# ------------------------------------------------------------ a real server's answers


def _recorded(label: str) -> Path:
    path = RECORDED / f"credit_prospects.{label}.zh_CN.json"
    assert path.is_file(), f"{path} is missing: record it with scripts/record_prospects.py"
    origin = json.loads(path.read_text(encoding="utf-8"))["metadata"]["recorded_from"]
    assert len(origin["commit"]) == 40, "the recording names the commit that answered"
    return path


def _run_recorded(tmp_path: Path, label: str) -> tuple[Any, dict[str, Any]]:
    path = _recorded(label)
    out = tmp_path / label
    result = CliRunner(env=NO_ENV).invoke(
        credit, ["prospects", "--snapshot", str(path), "--output", str(out), "--lang", "zh_CN"]
    )
    assert result.exit_code == 0, result.output
    [book] = out.glob("credit_prospects_*.xlsx")
    rows = list(openpyxl.load_workbook(book).worksheets[0].iter_rows(values_only=True))
    header = rows[3]
    table = [
        dict(zip(header, r, strict=True)) for r in rows[4:] if r[0] not in (None, "合计 Total")
    ]
    return result, {"header": header, "rows": table}


def test_recorded_ranking_of_the_credit_manager(tmp_path: Path) -> None:
    """The demo company's customers ranked by the server: the good payer of the demo data
    first with its proposal, everyone's customers (the credit manager sees all)."""
    result, book = _run_recorded(tmp_path, "manager")
    rows = book["rows"]
    names = [r["客户"] for r in rows]
    assert names[0] == "宁波港联钢构有限公司"
    first = rows[0]
    assert (first["优质付款客户"], first["类别"]) == ("✓", "客户")
    assert first["信用等级"].startswith("A")
    assert first["建议授信额度"] == 240000
    scores = [r["排名得分"] for r in rows]
    assert scores == sorted(scores, reverse=True)
    assert [r["排名"] for r in rows] == list(range(1, len(rows) + 1))
    assert {"江南纺织有限公司", "华南五金贸易有限公司"} <= set(names)
    assert len({r["销售员"] for r in rows}) > 1
    assert "优质付款客户 1 户" in result.stdout


def test_recorded_ranking_of_a_salesperson(tmp_path: Path) -> None:
    """The demo salesperson (赵敏) gets their own customers only."""
    _result, book = _run_recorded(tmp_path, "salesperson")
    rows = book["rows"]
    assert rows and {r["销售员"] for r in rows} == {"赵敏"}
    assert rows[0]["客户"] == "宁波港联钢构有限公司"
