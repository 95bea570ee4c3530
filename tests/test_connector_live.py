"""Against a live Odoo 18 with the credit add-ons (skipped without one).

Run with, for example::

    CREDIT_ODOO_URL=http://localhost:8069 CREDIT_ODOO_DB=credit_demo \\
    CREDIT_ODOO_USER=admin CREDIT_ODOO_PASSWORD=admin pytest -m live

The tests of a server without the add-ons use a database with only ``base``: the one
named by CREDIT_ODOO_BARE_URL and CREDIT_ODOO_BARE_DB (login admin/admin), else one they
create and serve themselves with the Odoo that scripts/odoo_env.py finds (about 20 s).
The tests that change the database (the company's check, the user's company, an
appraisal period) run last and put everything back.

The command is run as the people who run it, not only as admin: a credit manager, an HR
user, a collector and a salesperson, made here over XML-RPC as admin (the login in
CREDIT_ODOO_USER must be an administrator), each with a password of real length, and
archived at the end. What each may export is what Odoo's access rights let them read.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from credit_cli.cli import credit
from credit_cli.command.errors import exit_code_of
from credit_cli.connector.credit_data import fetch_exposure, fetch_exposure_full
from credit_cli.connector.transport import (
    ConnectorError,
    OdooRpcTransport,
    RecordingTransport,
)
from credit_cli.reports.columns import columns_for

from tests.live_support import LIVE_MARKS, REPO, live_env

pytestmark = LIVE_MARKS


def _check_figures(partners, limit_in_force: bool = False) -> None:
    assert partners, "the live database should have customers"
    for p in partners:
        # a guarantor's exposure counts what it guarantees for others (credit_guarantee);
        # cover comes off exposure only where the company says so
        owed = p.receivable + p.draft_invoices + p.unbilled_orders + (p.contingent_liability or 0)
        assert p.exposure in (
            pytest.approx(owed, abs=0.01),
            pytest.approx(owed - (p.guarantee_cover or 0), abs=0.01),
        ), p.name
        # the add-on's available credit is measured against the limit *in force*
        # (a temporary limit until its end), which only the full read returns
        if p.has_limit and limit_in_force:
            assert p.available == pytest.approx(p.credit_limit - p.exposure, abs=0.01), p.name


def test_fetch_exposure_full_live(live: OdooRpcTransport) -> None:
    recorder = RecordingTransport(live)
    company, partners = fetch_exposure_full(recorder, dt.date.today(), {"lang": "zh_CN"})
    assert company.name and company.currency
    _check_figures(partners, limit_in_force=True)
    # companies, ids, the guarantee fields the server has, per 500 customers a read and
    # the server's block preview, the ageing (the configured buckets and one read_group),
    # exceptions
    assert len(recorder.calls) == 2 + 1 + 2 * math.ceil(len(partners) / 500) + 2 + 1
    # the collections add-on's configured buckets, in order, as the server names them
    company_id = live.execute_kw("res.users", "read", [[live.uid], ["company_id"]], {})[0][
        "company_id"
    ][0]
    configured = live.execute_kw(
        "credit.collection.bucket",
        "search_read",
        [[["company_id", "=", company_id]]],
        {"fields": ["name"], "order": "days_from", "context": {"lang": "zh_CN"}},
    )
    assert company.ageing_buckets == tuple(b["name"] for b in configured)
    # the server has credit_block_preview: an answer (maybe "passes") for everyone
    assert isinstance(company.credit_check_on, bool)
    assert all(p.block_reasons is not None for p in partners)
    for p in partners:
        assert p.ageing is not None and len(p.ageing) == len(company.ageing_buckets)
        assert sum(p.ageing) == pytest.approx(p.receivable, abs=0.01), p.name
    assert partners == sorted(partners, key=lambda p: p.risk_key)


@pytest.mark.parametrize("batch_size", [500, 3])
def test_fetch_exposure_live(live: OdooRpcTransport, batch_size: int) -> None:
    recorder = RecordingTransport(live)
    company, partners = fetch_exposure(recorder, batch_size=batch_size)
    assert company.name and company.currency
    _check_figures(partners)
    # the company, the ids, the guarantee fields the server has, a read per batch
    assert len(recorder.calls) == 1 + 1 + 1 + math.ceil(len(partners) / batch_size)
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


def test_missing_method_is_told_apart(live: OdooRpcTransport) -> None:
    """What an older add-on answers for credit_block_preview: the report then shows "—"."""
    from credit_cli.connector.credit_data import fetch_block_preview
    from credit_cli.connector.transport import MissingMethodError

    with pytest.raises(MissingMethodError, match=r"no method res\.partner\.credit_no_such"):
        live.execute_kw("res.partner", "credit_no_such_method", [[]], {})
    assert fetch_block_preview(live, [], 1, {}) is not None  # this server has the method


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
            "LANG": "zh_CN.UTF-8",  # a Chinese locale: a Chinese report
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
    assert result.exit_code == 4  # login refused
    assert "Traceback" not in result.output
    assert result.stderr.strip().splitlines() == [
        f"credit: error: cannot log in to database {settings['db']!r} at {settings['url']} "
        f"as {settings['user']!r}: wrong login or password"
    ]
    assert not (tmp_path / "r.json").exists()


def test_cli_wrong_password_in_chinese(tmp_path: Path, settings: dict[str, str]) -> None:
    """Under a Chinese locale the refusal is told in Chinese, with the same exit code."""
    result = CliRunner().invoke(
        credit,
        ["exposure", "--output", str(tmp_path / "o")],
        env=live_env(settings, CREDIT_ODOO_PASSWORD="definitely-wrong", LANG="zh_CN.UTF-8"),
    )
    assert result.exit_code == 4  # login refused
    assert "Traceback" not in result.output
    assert result.stderr.strip().splitlines() == [
        f"credit：错误：无法以 {settings['user']!r} 登录 {settings['url']} 上的数据库 "
        f"{settings['db']!r}：用户名或密码错误"
    ]
    assert list((tmp_path / "o").glob("*")) == []


# ------------------------------------------------------------------- the new commands


@pytest.fixture(scope="module")
def snapshot(tmp_path_factory: pytest.TempPathFactory, settings: dict[str, str]) -> Path:
    path = tmp_path_factory.mktemp("pull") / "snapshot.json"
    result = CliRunner().invoke(credit, ["pull", "--output", str(path)], env=live_env(settings))
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture(scope="module")
def manager_snapshot(
    tmp_path_factory: pytest.TempPathFactory, people: dict[str, dict[str, str]]
) -> Path:
    """``credit pull`` as the credit manager, who runs it (with a password of real length)."""
    path = tmp_path_factory.mktemp("pull-manager") / "snapshot.json"
    result = CliRunner().invoke(
        credit, ["pull", "--lang", "zh_CN", "--output", str(path)], env=live_env(people["manager"])
    )
    assert result.exit_code == 0, result.output
    return path


def test_pull_makes_a_snapshot_without_secrets(
    manager_snapshot: Path, people: dict[str, dict[str, str]]
) -> None:
    manager = people["manager"]
    text = manager_snapshot.read_text(encoding="utf-8")
    document = json.loads(text)
    secret = manager["password"]
    # a short password (admin's "admin") would be found in any text or never: no check
    assert len(secret) >= 16 and secret not in (manager["user"], manager["db"])
    assert secret not in text
    assert not any("password" in key or "key" in key for key in document["metadata"])
    assert document["metadata"]["exposure_version"] == 4
    assert document["metadata"]["context"]["lang"] == "zh_CN"
    assert document["metadata"]["uid"] == OdooRpcTransport.connect(**manager).uid


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
    live = CliRunner().invoke(credit, [*command, "--output", str(live_out)], env=live_env(settings))
    if live.exit_code == 5 and (
        "no appraisal period" in live.stderr
        or "there is no appraisal period" in live.stderr
        or "no training sessions" in live.stderr
    ):
        pytest.skip(f"the live database has no data for {command[0]}: {live.stderr.strip()}")
    assert live.exit_code == 0, live.output
    offline = CliRunner().invoke(
        credit,
        [*command, "--snapshot", str(snapshot), "--output", str(snap_out)],
        env=live_env(settings, CREDIT_ODOO_URL=None),
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
        credit, ["scorecards", "--year", "1999", "--output", str(tmp_path)], env=live_env(settings)
    )
    assert result.exit_code == 5  # data missing
    assert result.stderr.strip().count("\n") == 0
    assert "1999" in result.stderr
    assert list(tmp_path.glob("*.xlsx")) == []


def test_wrong_database_is_one_line(tmp_path: Path, settings: dict[str, str]) -> None:
    result = CliRunner().invoke(
        credit,
        ["scorecards", "--output", str(tmp_path / "o")],
        env=live_env(settings, CREDIT_ODOO_DB="no_such_database_credit_test"),
    )
    assert result.exit_code == 4  # login refused: no such database
    assert "Traceback" not in result.output
    assert "no such database" in result.stderr
    assert list((tmp_path / "o").glob("*")) == []


def test_grades_come_back_in_the_users_language(live: OdooRpcTransport) -> None:
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


# ------------------------------------------------------------ a server without the add-ons


@pytest.fixture(scope="module")
def bare(settings: dict[str, str]) -> Iterator[dict[str, str]]:
    """Settings of an Odoo database with only ``base`` (named, or made and served here)."""
    url, db = os.environ.get("CREDIT_ODOO_BARE_URL"), os.environ.get("CREDIT_ODOO_BARE_DB")
    if url and db:
        yield {"url": url, "db": db, "user": "admin", "password": "admin"}
        return
    sys.path.insert(0, str(REPO / "scripts"))
    try:
        import odoo_env

        odoo = odoo_env.locate(lambda _message: None)
    except Exception as exc:  # noqa: BLE001 - any reason means: no Odoo to run here
        pytest.skip(f"no Odoo to make a database without the add-ons: {exc}")
    if odoo is None:
        pytest.skip("no Odoo to make a database without the add-ons (see scripts/odoo_env.py)")
    db = f"{settings['db']}_bare"[:63]
    pg, pg_env = odoo_env.pg_args(odoo.options)
    subprocess.run(["dropdb", "--if-exists", *pg, db], env=pg_env, capture_output=True)
    command = odoo.command(db)
    subprocess.run(
        [*command, "-i", "base", "--without-demo=all", "--stop-after-init"]
        + ["--http-port", str(odoo_env.free_port()), "--log-level", "warn"],
        check=True,
        capture_output=True,
        timeout=900,
    )
    try:
        with odoo_env.served(command, db) as url:
            if url is None:
                pytest.fail("the Odoo server of the database without the add-ons did not start")
            yield {"url": url, "db": db, "user": "admin", "password": "admin"}
    finally:
        subprocess.run(["dropdb", "--if-exists", *pg, db], env=pg_env, capture_output=True)


@pytest.mark.parametrize(
    ("command", "addon"),
    [
        (["scorecards"], "credit_appraisal"),
        (["awards"], "credit_appraisal"),
        (["hr-export"], "credit_appraisal"),
        (["training"], "credit_appraisal"),
        (["ageing"], "credit_collection"),
        (["exposure"], "credit_management"),
        (["pull", "--output", "@file"], "credit_management"),
    ],
)
def test_server_without_the_add_ons_is_exit_5_and_one_line(
    tmp_path: Path, bare: dict[str, str], command: list[str], addon: str
) -> None:
    target = tmp_path / "out"
    args = [str(target / "s.json") if arg == "@file" else arg for arg in command]
    if "--output" not in args:
        args += ["--output", str(target)]
    else:
        target.mkdir()
    # in English: this database has no Chinese either (see the next test)
    result = CliRunner().invoke(credit, [*args, "--lang", "en"], env=live_env(bare))
    assert result.exit_code == 5, result.output
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("credit: error: ")
    assert f"{addon} add-on" in lines[0] and "not installed" in lines[0], lines[0]
    assert not target.exists() or list(target.iterdir()) == []


# ------------------------------------------------------------ tests that change the database


def _company_of(live: OdooRpcTransport) -> int:
    return live.execute_kw("res.users", "read", [[live.uid]], {"fields": ["company_id"]})[0][
        "company_id"
    ][0]


def test_would_block_comes_from_the_servers_check(
    tmp_path: Path, settings: dict[str, str], live: OdooRpcTransport
) -> None:
    """The check switched on, with "block" for customers without a limit: the report shows
    the server's own reasons, in the report's language."""
    company_id = _company_of(live)
    keys = ["credit_check_sale", "credit_check_invoice", "credit_no_limit_policy"]
    before = live.execute_kw("res.company", "read", [[company_id]], {"fields": keys})[0]
    try:
        live.execute_kw(
            "res.company",
            "write",
            [[company_id], {"credit_check_sale": True, "credit_no_limit_policy": "block"}],
            {},
        )
        company, partners = fetch_exposure_full(
            live, dt.date.today(), {"lang": "zh_CN"}, user_id=live.uid
        )
        assert company.credit_check_on is True
        # a prepayment grade has its own reason instead
        unlimited = [p for p in partners if not p.has_limit and p.policy != "prepayment"]
        assert unlimited, "the demo data has customers without a limit"
        for p in unlimited:
            assert p.would_block is True
            assert any("没有已批准的授信额度" in reason for reason in p.block_reasons), p
        english = live.execute_kw(
            "res.partner",
            "credit_block_preview",
            [[p.partner_id for p in unlimited], company_id],
            {"context": {"lang": "en_US", "allowed_company_ids": [company_id]}},
        )
        assert english["checks"]["sale"] is True
        assert all(
            any("has no approved credit limit" in r for r in reasons)
            for reasons in english["reasons"].values()
        )
        result = CliRunner().invoke(
            credit,
            ["exposure", "--lang", "zh_CN", "--format", "xlsx", "--output", str(tmp_path)],
            env=live_env(settings),
        )
        assert result.exit_code == 0, result.output
        sheet = openpyxl.load_workbook(next(tmp_path.glob("*.xlsx"))).active
        columns = [c.label_key for c in columns_for(company)]
        rows = {
            sheet.cell(r, columns.index("name") + 1).value: r for r in range(7, 7 + len(partners))
        }
        for p in unlimited:
            row = rows[p.name]
            assert sheet.cell(row, columns.index("would_block") + 1).value == "是"
            assert (
                "没有已批准的授信额度" in sheet.cell(row, columns.index("block_reasons") + 1).value
            )
        assert sheet["B5"].value == "已启用"
    finally:
        live.execute_kw("res.company", "write", [[company_id], {k: before[k] for k in keys}], {})


def test_default_company_is_the_users_current_company(
    tmp_path: Path, settings: dict[str, str], live: OdooRpcTransport
) -> None:
    name = "Credit Live Test Second Company"
    found = live.execute_kw(
        "res.company",
        "search",
        [[["name", "=", name], ["active", "in", [True, False]]]],
        {},
    )
    if found:
        live.execute_kw("res.company", "write", [found, {"active": True}], {})
        second = found[0]
    else:
        second = live.execute_kw("res.company", "create", [{"name": name}], {})
    user = live.execute_kw(
        "res.users", "read", [[live.uid]], {"fields": ["company_id", "company_ids"]}
    )[0]
    first = user["company_id"]
    try:
        live.execute_kw(
            "res.users",
            "write",
            [[live.uid], {"company_ids": [(4, second)], "company_id": second}],
            {},
        )
        out = tmp_path / "default"
        result = CliRunner().invoke(
            credit, ["exposure", "--format", "xlsx", "--output", str(out)], env=live_env(settings)
        )
        assert result.exit_code == 0, result.output
        assert openpyxl.load_workbook(next(out.glob("*.xlsx"))).active["B2"].value == name
        # --company still chooses
        out = tmp_path / "chosen"
        result = CliRunner().invoke(
            credit,
            ["exposure", "--format", "xlsx", "--company", str(first[0]), "--output", str(out)],
            env=live_env(settings),
        )
        assert result.exit_code == 0, result.output
        assert openpyxl.load_workbook(next(out.glob("*.xlsx"))).active["B2"].value == first[1]
    finally:
        live.execute_kw(
            "res.users",
            "write",
            [[live.uid], {"company_id": first[0], "company_ids": [(6, 0, user["company_ids"])]}],
            {},
        )
        live.execute_kw("res.company", "write", [[second], {"active": False}], {})


def test_scorecards_recompute_asks_the_server(
    tmp_path: Path, settings: dict[str, str], live: OdooRpcTransport
) -> None:
    """--recompute runs the period's recompute on the server: its date moves on."""
    period_model = "credit.appraisal.period"
    year = 2099
    company_id = _company_of(live)
    found = live.execute_kw(
        period_model,
        "search",
        [[["year", "=", year], ["company_id", "=", company_id], ["state", "=", "open"]]],
        {},
    )
    period = found[0] if found else live.execute_kw(period_model, "create", [{"year": year}], {})
    # generated appraisals are records of the year, never deleted (nor their period): the
    # 2099 period stays in the test database, which is dropped after the run; a second
    # run reuses it
    live.execute_kw(period_model, "action_generate_appraisals", [[period]], {})
    before = live.execute_kw(period_model, "read", [[period]], {"fields": ["date_recomputed"]})
    time.sleep(1.1)  # the date is kept to the second
    result = CliRunner().invoke(
        credit,
        ["scorecards", "--recompute", "--year", str(year), "--progress"]
        + ["--output", str(tmp_path)],
        env=live_env(settings),
    )
    assert result.exit_code == 0, result.output
    assert f"recomputing appraisal period {year}" in result.stderr
    after = live.execute_kw(period_model, "read", [[period]], {"fields": ["date_recomputed"]})
    assert after[0]["date_recomputed"] > before[0]["date_recomputed"]
    book = openpyxl.load_workbook(tmp_path / f"credit_scorecards_{year}.xlsx")
    appraisals = live.execute_kw(
        "credit.appraisal", "search_count", [[["period_id", "=", period]]], {}
    )
    assert len(book.sheetnames) == 1 + appraisals


def test_server_without_the_language_is_one_line(
    tmp_path: Path, bare: dict[str, str], live: OdooRpcTransport
) -> None:
    """A language the database lacks: Odoo refuses what it would translate; said clearly."""
    with pytest.raises(ConnectorError) as info:
        live.execute_kw(
            "res.country",
            "search_read",
            [[]],
            {"fields": ["name"], "limit": 1, "context": {"lang": "xx_XX"}},
        )
    message = str(info.value)
    assert "xx_XX" in message and "Settings > Languages" in message and "--lang" in message
    assert exit_code_of(info.value) == 5
    # the bare database has no zh_CN (the default): one line either way, never a traceback
    result = CliRunner().invoke(
        credit, ["exposure", "--lang", "zh_CN", "--output", str(tmp_path / "o")], env=live_env(bare)
    )
    assert result.exit_code == 5, result.output
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.output
    assert list((tmp_path / "o").glob("*")) == []
