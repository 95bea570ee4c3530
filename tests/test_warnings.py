"""``credit warnings``: the server's early warnings laid out (connector/warnings.py),
written as XLSX and HTML in each language, and the command run offline from a snapshot
holding the server's answer (as ``credit pull`` records it)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner
from credit_cli.cli import credit
from credit_cli.connector import schema
from credit_cli.connector.transport import (
    AddonMissing,
    MissingModelError,
    RecordingTransport,
)
from credit_cli.connector.warnings import build_warnings, fetch_warnings
from credit_cli.reports.warnings import render_warnings_html, write_warnings_xlsx

from tests.test_cli import NO_ENV, assert_user_error

ANSWER: dict[str, Any] = {
    "company_id": 3,
    "company": "上海华诚钢材贸易有限公司",
    "currency": "CNY",
    "date": "2026-06-15",
    "lang": "zh_CN",
    "thresholds": {"watch": 2.0, "warning": 4.0, "severe": 7.0},
    "customers": [
        {
            "id": 7,
            "name": "合肥建材物流有限公司",
            "level": "severe",
            "level_label": "严重",
            "score": 7.0,
            "analyst": "王建国",
            "signals": [
                {
                    "type": "warning_list",
                    "type_label": "关联人员列入失信名单",
                    "evidence": "列入失信名单：孙立新。",
                    "weight": 4.0,
                    "since": "2026-06-15",
                    "last_seen": "2026-06-15",
                },
                {
                    "type": "grade_down",
                    "type_label": "信用等级下调",
                    "evidence": "信用等级由 A 降至 C（2026年06月05日，2 级）。",
                    "weight": 3.0,
                    "since": "2026-06-15",
                    "last_seen": "2026-06-15",
                },
            ],
            "rescues": [
                {
                    "name": "RS/2026/0001",
                    "state": "open",
                    "state_label": "进行中",
                    "outcome": False,
                    "outcome_label": "",
                    "responsible": "王建国",
                    "date_open": "2026-06-15",
                    "date_closed": False,
                    "actions_todo": 3,
                    "conclusion": "",
                }
            ],
        },
        {
            "id": 8,
            "name": "上海汽配销售有限公司",
            "level": "watch",
            "level_label": "关注",
            "score": 2.0,
            "analyst": "",
            "signals": [
                {
                    "type": "promise_broken",
                    "type_label": "违背付款承诺",
                    "evidence": "违背付款承诺 1 次。",
                    "weight": 2.0,
                    "since": "2026-06-15",
                    "last_seen": "2026-06-15",
                }
            ],
            "rescues": [],
        },
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
    data = build_warnings(fetch_warnings(server, None, CONTEXT))
    assert server.calls == [
        (
            schema.WARNINGS_MODEL,
            schema.WARNINGS_METHOD,
            [False, "zh_CN"],
            {"context": CONTEXT},
        )
    ]
    assert [c.name for c in data.customers] == ["合肥建材物流有限公司", "上海汽配销售有限公司"]
    assert (data.count("severe"), data.count("watch"), data.open_rescues) == (1, 1, 1)
    assert data.customers[0].signals[1].type_label == "信用等级下调"
    assert data.customers[0].rescues[0].actions_todo == 3


def test_no_addon_is_a_clear_error() -> None:
    with pytest.raises(AddonMissing, match="credit_warning"):
        fetch_warnings(_Server(missing=True), 3, CONTEXT)


def test_workbook_and_page(tmp_path: Path) -> None:
    data = build_warnings(ANSWER)
    path = write_warnings_xlsx(tmp_path / "w.xlsx", data, "zh_CN")
    book = openpyxl.load_workbook(path)
    signals, cases = book.worksheets
    rows = [r for r in signals.iter_rows(values_only=True) if r and r[0]]
    assert (
        "合肥建材物流有限公司",
        "严重",
        7.0,
        "王建国",
        "关联人员列入失信名单",
        "列入失信名单：孙立新。",
        4.0,
        "2026-06-15",
    ) in rows
    assert any(r and r[0] == "RS/2026/0001" for r in cases.iter_rows(values_only=True))
    html = render_warnings_html(data, "en")
    assert "Early warning and rescue" in html
    assert (
        "customers in early warning 2 (severe 1, warning 0, watch 1); rescue cases open 1" in html
    )
    assert html.count('class="customer"') == 2
    assert "&lt;" not in render_warnings_html(build_warnings({**ANSWER, "customers": []}), "zh_CN")


def _snapshot(path: Path) -> Path:
    recorder = RecordingTransport(
        _Server(ANSWER),
        metadata={"lang": "zh_CN", "uid": 2, "context": CONTEXT, "query": "credit pull"},
    )
    fetch_warnings(recorder, None, CONTEXT)
    return recorder.save(path)


def test_command_from_a_snapshot(tmp_path: Path) -> None:
    snapshot = _snapshot(tmp_path / "snap.json")
    out = tmp_path / "out"
    result = CliRunner(env=NO_ENV).invoke(
        credit, ["warnings", "--snapshot", str(snapshot), "--output", str(out), "--lang", "zh_CN"]
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [
        "credit_warnings_2026-06-15.html",
        "credit_warnings_2026-06-15.xlsx",
    ]
    assert "预警客户 2 户（严重 1，警告 0，关注 1），进行中的挽救案件 1 件" in result.stdout
    html = (out / "credit_warnings_2026-06-15.html").read_text(encoding="utf-8")
    assert "信用预警与挽救" in html and "孙立新" in html


def test_command_without_the_call_in_the_snapshot(tmp_path: Path) -> None:
    snapshot = RecordingTransport(
        _Server(ANSWER), metadata={"lang": "en", "uid": 2, "context": {"lang": "en_US"}}
    ).save(tmp_path / "empty.json")
    result = CliRunner(env=NO_ENV).invoke(
        credit,
        ["warnings", "--snapshot", str(snapshot), "--output", str(tmp_path / "o"), "--lang", "en"],
    )
    assert_user_error(result, "pull a new snapshot", code=5)
