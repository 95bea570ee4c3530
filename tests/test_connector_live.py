"""Against a live Odoo 18 with the credit_management add-on (skipped without one).

Run with, for example::

    CREDIT_ODOO_URL=http://localhost:8069 CREDIT_ODOO_DB=credit_demo \\
    CREDIT_ODOO_USER=admin CREDIT_ODOO_PASSWORD=admin pytest -m live
"""

from __future__ import annotations

import math
import os
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from cli import credit
from connector.credit_data import fetch_exposure
from connector.transport import ConnectorError, OdooRpcTransport, RecordingTransport

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


def _check_figures(partners) -> None:
    assert partners, "the live database should have customers"
    for p in partners:
        assert p.exposure == pytest.approx(
            p.receivable + p.draft_invoices + p.unbilled_orders, abs=0.01
        ), p.name
        if p.has_limit:
            assert p.available == pytest.approx(p.credit_limit - p.exposure, abs=0.01), p.name


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
