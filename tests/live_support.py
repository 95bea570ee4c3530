"""What the live tests share: their marks, the command's environment, the role users.

Imported by tests/conftest.py (the ``settings``, ``live`` and ``people`` fixtures) and by
the live test modules; nothing here runs without a live Odoo (see test_connector_live.py).
"""

from __future__ import annotations

import os
import xmlrpc.client
from pathlib import Path
from typing import Any

import openpyxl
import pytest

REPO = Path(__file__).resolve().parents[1]

#: The marks of every live test module.
LIVE_MARKS = [
    pytest.mark.live,
    pytest.mark.skipif(
        not os.environ.get("CREDIT_ODOO_URL"),
        reason="live Odoo tests need CREDIT_ODOO_URL (and _DB, _USER, _PASSWORD)",
    ),
]

LIVE_ENV_KEYS = ("url", "db", "user", "password")


def live_env(settings: dict[str, str], **overrides: str) -> dict[str, str | None]:
    env: dict[str, str | None] = {
        "CREDIT_ODOO_URL": settings["url"],
        "CREDIT_ODOO_DB": settings["db"],
        "CREDIT_ODOO_USER": settings["user"],
        "CREDIT_ODOO_PASSWORD": settings["password"],
        "CREDIT_ODOO_API_KEY": None,
        "CREDIT_CONFIG": None,
        "XDG_CONFIG_HOME": "/nonexistent/credit-live-test",
        # an English locale, as conftest gives every test: a fixture made once per module
        # (a pulled snapshot) runs outside that per-test locale, under the machine's, and a
        # locale naming no language (C.UTF-8) speaks Chinese
        "LANGUAGE": None,
        "LC_ALL": None,
        "LC_MESSAGES": None,
        "LANG": "en_US.UTF-8",
    }
    env.update(overrides)
    return env


#: Who runs the command, by the group that makes them who they are (the add-ons'
#: security XML; each implies the roles below it, the salesperson's implies Sales Staff).
ROLES: dict[str, str] = {
    "manager": "credit_management.group_credit_manager",
    "hr": "credit_appraisal.group_credit_hr",
    "collector": "credit_management.group_credit_collector",
    "salesperson": "sales_team.group_sale_salesman",
}


class AdminRpc:
    """XML-RPC as the administrator of the live database (the settings' login)."""

    def __init__(self, settings: dict[str, str]) -> None:
        self.db, self.password = settings["db"], settings["password"]
        common = xmlrpc.client.ServerProxy(f"{settings['url']}/xmlrpc/2/common")
        self.uid = common.login(self.db, settings["user"], self.password)
        assert self.uid, f"cannot log in as {settings['user']} to make the role users"
        self.models = xmlrpc.client.ServerProxy(f"{settings['url']}/xmlrpc/2/object")

    def __call__(self, model: str, method: str, *args: Any, **kwargs: Any) -> Any:
        return self.models.execute_kw(
            self.db, self.uid, self.password, model, method, list(args), kwargs
        )

    def ref(self, xmlid: str) -> int:
        module, name = xmlid.split(".")
        rows = self(
            "ir.model.data",
            "search_read",
            [["module", "=", module], ["name", "=", name]],
            fields=["res_id"],
        )
        assert rows, f"no {xmlid} on the live database"
        return rows[0]["res_id"]


def workbooks_equal(first: Path, second: Path) -> None:
    """The same sheets with the same cell values."""
    a, b = openpyxl.load_workbook(first), openpyxl.load_workbook(second)
    assert a.sheetnames == b.sheetnames, (first.name, a.sheetnames, b.sheetnames)
    for name in a.sheetnames:
        rows_a = [[c.value for c in row] for row in a[name].iter_rows()]
        rows_b = [[c.value for c in row] for row in b[name].iter_rows()]
        assert rows_a == rows_b, (first.name, name)
