"""``credit prospects`` against a live Odoo 18 with the credit_prospect add-on, as the
people who run it (tests/conftest.py's ``people``: made as admin, archived afterwards):
the files are the server's answer laid out, a salesperson gets their own customers only,
HR (no sales role) gets Odoo's refusal in one line, exit 5. How to run: see
tests/test_connector_live.py (``pytest -m live`` with CREDIT_ODOO_URL...)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from click.testing import CliRunner
from credit_cli.cli import credit
from credit_cli.connector.prospects import build_prospects, fetch_prospects
from credit_cli.connector.transport import OdooRpcTransport

from tests.live_support import LIVE_MARKS, AdminRpc, live_env

pytestmark = LIVE_MARKS


def _ranking(book: Path) -> list[tuple]:
    rows = list(openpyxl.load_workbook(book).worksheets[0].iter_rows(values_only=True))
    return [r for r in rows[4:] if isinstance(r[0], int)]


def test_the_files_are_the_servers_answer(tmp_path: Path, settings: dict[str, str]) -> None:
    out = tmp_path / "admin"
    result = CliRunner().invoke(
        credit, ["prospects", "--output", str(out), "--lang", "en"], env=live_env(settings)
    )
    assert result.exit_code == 0, result.output
    [book] = out.glob("credit_prospects_*.xlsx")
    assert [p.suffix for p in sorted(out.iterdir())] == [".html", ".xlsx"]
    live = OdooRpcTransport.connect(**settings)
    data = build_prospects(fetch_prospects(live, None, {"lang": "en_US"}))
    rows = _ranking(book)
    assert [(r[0], r[1]) for r in rows] == [(p.rank, p.name) for p in data.rows]
    scores = [p.score for p in data.rows]
    assert scores == sorted(scores, reverse=True)
    assert f"good payers {data.good_payers}" in result.stdout


def test_a_salesperson_gets_their_own_customers(
    tmp_path: Path, settings: dict[str, str], people: dict[str, dict[str, str]]
) -> None:
    admin = AdminRpc(settings)
    seller = admin("res.users", "search", [["login", "=", "credit.live.salesperson"]])
    company = admin("res.users", "read", seller, ["company_id"])[0]["company_id"][0]
    mine = admin(
        "res.partner",
        "create",
        {
            "name": "Credit Live Prospect Ltd",
            "is_company": True,
            "customer_rank": 1,
            "user_id": seller[0],
            "company_id": company,
        },
    )
    try:
        out = tmp_path / "seller"
        result = CliRunner().invoke(
            credit,
            ["prospects", "--output", str(out), "--lang", "en"],
            env=live_env(people["salesperson"]),
        )
        assert result.exit_code == 0, result.output
        [book] = out.glob("credit_prospects_*.xlsx")
        assert [r[1] for r in _ranking(book)] == ["Credit Live Prospect Ltd"]
    finally:
        admin("res.partner", "write", [mine], {"active": False})


def test_hr_is_refused(tmp_path: Path, people: dict[str, dict[str, str]]) -> None:
    out = tmp_path / "hr"
    result = CliRunner().invoke(
        credit, ["prospects", "--output", str(out)], env=live_env(people["hr"])
    )
    assert result.exit_code == 5, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("credit: error: Odoo refused "), result.stderr
    assert "credit.prospect" in lines[0]
    assert not out.exists() or list(out.iterdir()) == []
