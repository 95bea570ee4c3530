"""Against a live Odoo 18 with the credit_management add-on (skipped without one).

Run with, for example::

    CREDIT_ODOO_URL=http://localhost:8069 CREDIT_ODOO_DB=credit_demo \\
    CREDIT_ODOO_USER=admin CREDIT_ODOO_PASSWORD=admin pytest -m live
"""

from __future__ import annotations

import json
import math
import os
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from credit_cli.cli import credit
from credit_cli.connector.credit_data import fetch_exposure
from credit_cli.connector.transport import ConnectorError, OdooRpcTransport, RecordingTransport

pytestmark = [
    pytest.mark.live,
    pytest.mark.skipif(
        not os.environ.get("CREDIT_ODOO_URL"),
        reason="live Odoo tests need CREDIT_ODOO_URL (and _DB, _USER, _PASSWORD)",
    ),
]


@pytest.fixture(scope="module")
def settings() -> dict[str, str]:
    return {
        "url": os.environ["CREDIT_ODOO_URL"],
        "db": os.environ.get("CREDIT_ODOO_DB", ""),
        "user": os.environ.get("CREDIT_ODOO_USER", ""),
        "password": os.environ.get("CREDIT_ODOO_PASSWORD", ""),
    }


@pytest.fixture(scope="module")
def live(settings: dict[str, str]) -> OdooRpcTransport:
    return OdooRpcTransport.connect(**settings)


def _check_figures(partners, limit_in_force: bool = False) -> None:
    assert partners, "the live database should have customers"
    for p in partners:
        assert p.exposure == pytest.approx(
            p.receivable + p.draft_invoices + p.unbilled_orders, abs=0.01
        ), p.name
        # the add-on's available credit is measured against the limit *in force*
        # (a temporary limit until its end), which only the full read returns
        if p.has_limit and limit_in_force:
            assert p.available == pytest.approx(p.credit_limit - p.exposure, abs=0.01), p.name


def test_fetch_exposure_full_live(live: OdooRpcTransport) -> None:
    import datetime as dt

    from credit_cli.connector.credit_data import fetch_exposure_full

    recorder = RecordingTransport(live)
    company, partners = fetch_exposure_full(recorder, dt.date.today(), {"lang": "zh_CN"})
    assert company.name and company.currency
    _check_figures(partners, limit_in_force=True)
    # companies, ids, one read per 500 customers, 5 ageing buckets, exceptions
    assert len(recorder.calls) == 2 + math.ceil(len(partners) / 500) + 5 + 1
    for p in partners:
        if p.ageing is not None and p.receivable:
            assert sum(p.ageing) == pytest.approx(p.receivable, abs=0.01), p.name
    assert partners == sorted(partners, key=lambda p: p.risk_key)


@pytest.mark.parametrize("batch_size", [500, 3])
def test_fetch_exposure_live(live: OdooRpcTransport, batch_size: int) -> None:
    recorder = RecordingTransport(live)
    company, partners = fetch_exposure(recorder, batch_size=batch_size)
    assert company.name and company.currency
    _check_figures(partners)
    assert len(recorder.calls) == 1 + 1 + math.ceil(len(partners) / batch_size)
    assert len({p.partner_id for p in partners}) == len(partners)


def test_batch_size_does_not_change_the_result(live: OdooRpcTransport) -> None:
    assert fetch_exposure(live, batch_size=2) == fetch_exposure(live, batch_size=500)


def test_server_is_odoo_18(live: OdooRpcTransport) -> None:
    assert live.server_version.startswith("18.")


def test_wrong_password(settings: dict[str, str]) -> None:
    with pytest.raises(ConnectorError, match="wrong login or password"):
        OdooRpcTransport.connect(**{**settings, "password": settings["password"] + "-wrong"})


def test_unknown_database(settings: dict[str, str]) -> None:
    with pytest.raises(
        ConnectorError,
        match="cannot log in to database 'no_such_database_credit_test' .*: no such database",
    ):
        OdooRpcTransport.connect(**{**settings, "db": "no_such_database_credit_test"})


def test_server_side_error_names_the_call(live: OdooRpcTransport) -> None:
    with pytest.raises(ConnectorError, match=r"Odoo refused res\.partner\.read: .*no_such_field"):
        live.execute_kw("res.partner", "read", [[1]], {"fields": ["no_such_field"]})


def test_cli_exposure_live(tmp_path: Path, settings: dict[str, str]) -> None:
    result = CliRunner().invoke(
        credit,
        ["exposure", "--output", str(tmp_path), "--format", "xlsx", "--today", "2025-03-31"],
        env={
            "CREDIT_ODOO_URL": settings["url"],
            "CREDIT_ODOO_DB": settings["db"],
            "CREDIT_ODOO_USER": settings["user"],
            "CREDIT_ODOO_PASSWORD": settings["password"],
        },
    )
    assert result.exit_code == 0, result.output
    sheet = openpyxl.load_workbook(tmp_path / "credit_exposure_2025-03-31.xlsx").active
    assert sheet["A1"].value == "客户授信风险敞口报表"


def test_cli_wrong_password_is_one_line(tmp_path: Path, settings: dict[str, str]) -> None:
    result = CliRunner().invoke(
        credit,
        ["record", "--output", str(tmp_path / "r.json")],
        env={
            "CREDIT_ODOO_URL": settings["url"],
            "CREDIT_ODOO_DB": settings["db"],
            "CREDIT_ODOO_USER": settings["user"],
            "CREDIT_ODOO_PASSWORD": "definitely-wrong",
        },
    )
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert result.stderr.strip().splitlines() == [
        f"credit: error: cannot log in to database {settings['db']!r} at {settings['url']} "
        f"as {settings['user']!r}: wrong login or password"
    ]
    assert not (tmp_path / "r.json").exists()


# ------------------------------------------------------------------- the new commands

LIVE_ENV_KEYS = ("url", "db", "user", "password")


def _env(settings: dict[str, str], **overrides: str) -> dict[str, str | None]:
    env: dict[str, str | None] = {
        "CREDIT_ODOO_URL": settings["url"],
        "CREDIT_ODOO_DB": settings["db"],
        "CREDIT_ODOO_USER": settings["user"],
        "CREDIT_ODOO_PASSWORD": settings["password"],
        "CREDIT_ODOO_API_KEY": None,
        "CREDIT_CONFIG": None,
        "XDG_CONFIG_HOME": "/nonexistent/credit-live-test",
    }
    env.update(overrides)
    return env


@pytest.fixture(scope="module")
def snapshot(tmp_path_factory: pytest.TempPathFactory, settings: dict[str, str]) -> Path:
    path = tmp_path_factory.mktemp("pull") / "snapshot.json"
    result = CliRunner().invoke(credit, ["pull", "--output", str(path)], env=_env(settings))
    assert result.exit_code == 0, result.output
    return path


def test_pull_makes_a_snapshot_without_secrets(snapshot: Path, settings: dict[str, str]) -> None:
    text = snapshot.read_text(encoding="utf-8")
    document = json.loads(text)
    secret = settings["password"]
    assert not any("password" in key or "key" in key for key in document["metadata"])
    if secret not in (settings["user"], settings["db"]) and len(secret) >= 8:
        assert secret not in text
    assert document["metadata"]["exposure_version"] == 2
    assert document["metadata"]["context"]["lang"] == "zh_CN"


def test_pull_round_trips_grow_with_models_not_records(snapshot: Path) -> None:
    document = json.loads(snapshot.read_text(encoding="utf-8"))
    calls = document["calls"]
    per_model: dict[str, int] = {}
    for call in calls:
        per_model[call["model"]] = per_model.get(call["model"], 0) + 1
    # every dataset read is one search_read per page of 2000 records
    for call in calls:
        if call["method"] == "search_read" and call["model"] not in ("res.company", "ir.model"):
            assert call["kwargs"]["limit"] == document["metadata"]["page_size"]
            assert "fields" in call["kwargs"]
    assert len(calls) < 60, per_model


@pytest.mark.parametrize(
    "command",
    [
        ["exposure", "--format", "both"],
        ["scorecards"],
        ["awards"],
        ["training"],
        ["hr-export"],
        ["ageing"],
    ],
)
def test_every_report_live_and_from_its_snapshot(
    tmp_path: Path, settings: dict[str, str], snapshot: Path, command: list[str]
) -> None:
    """The same report from the live server and from the snapshot: identical cells."""
    live_out, snap_out = tmp_path / "live", tmp_path / "snap"
    live = CliRunner().invoke(credit, [*command, "--output", str(live_out)], env=_env(settings))
    if live.exit_code == 2 and (
        "no appraisal period" in live.stderr
        or "there is no appraisal period" in live.stderr
        or "no training sessions" in live.stderr
    ):
        pytest.skip(f"the live database has no data for {command[0]}: {live.stderr.strip()}")
    assert live.exit_code == 0, live.output
    offline = CliRunner().invoke(
        credit,
        [*command, "--snapshot", str(snapshot), "--output", str(snap_out)],
        env=_env(settings, CREDIT_ODOO_URL=None),
    )
    assert offline.exit_code == 0, offline.output
    for produced in sorted(live_out.glob("*.xlsx")):
        twin = snap_out / produced.name
        if not twin.exists():  # a file named by date: the snapshot's date may differ
            continue
        a = openpyxl.load_workbook(produced)
        b = openpyxl.load_workbook(twin)
        assert a.sheetnames == b.sheetnames
        for name in a.sheetnames:
            rows_a = [[c.value for c in row] for row in a[name].iter_rows()]
            rows_b = [[c.value for c in row] for row in b[name].iter_rows()]
            assert rows_a == rows_b, (produced.name, name)


def test_year_without_period_is_one_line(tmp_path: Path, settings: dict[str, str]) -> None:
    result = CliRunner().invoke(
        credit, ["scorecards", "--year", "1999", "--output", str(tmp_path)], env=_env(settings)
    )
    assert result.exit_code == 2
    assert result.stderr.strip().count("\n") == 0
    assert "1999" in result.stderr
    assert list(tmp_path.glob("*.xlsx")) == []


def test_wrong_database_is_one_line(tmp_path: Path, settings: dict[str, str]) -> None:
    result = CliRunner().invoke(
        credit,
        ["scorecards", "--output", str(tmp_path / "o")],
        env=_env(settings, CREDIT_ODOO_DB="no_such_database_credit_test"),
    )
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert "no such database" in result.stderr
    assert list((tmp_path / "o").glob("*")) == []


def test_grades_come_back_in_the_users_language(live: OdooRpcTransport) -> None:
    import datetime as dt

    from credit_cli.connector.credit_data import fetch_exposure_full

    today = dt.date.today()
    _c, zh = fetch_exposure_full(live, today, {"lang": "zh_CN"})
    _c, en = fetch_exposure_full(live, today, {"lang": "en_US"})
    zh_grades = {p.partner_id: p.grade for p in zh if p.grade}
    en_grades = {p.partner_id: p.grade for p in en if p.grade}
    assert zh_grades.keys() == en_grades.keys()
    installed = live.execute_kw(
        "res.lang", "search_read", [[["code", "=", "zh_CN"]]], {"fields": ["active"]}
    )
    if zh_grades and installed and installed[0]["active"]:
        assert zh_grades != en_grades
