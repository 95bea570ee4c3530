"""Shared fixtures: the recorded demo data (real Odoo answers) and hand-made report rows.

Report writers are tested with PartnerExposure values built here; anything that
stands for an Odoo answer comes only from ``connector/recorded/demo_exposure.json``,
which ``credit record`` captured from a real Odoo 18 with the add-on's demo data.
The live tests' fixtures (``settings``, ``live``, ``people``: pytest -m live) are here
too, so that every live test module shares them; they read nothing until requested.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
from credit_cli.command.sources import demo_recording_path
from credit_cli.connector.models import CompanyInfo, PartnerExposure
from credit_cli.connector.transport import OdooRpcTransport

from tests.factories import DEMO_MISSING, make_partner
from tests.live_support import ROLES, AdminRpc


def pytest_report_header(config: pytest.Config) -> list[str]:
    if not demo_recording_path().is_file():
        return ["!" * 20, DEMO_MISSING, "!" * 20]
    return [f"recorded demo data: {demo_recording_path()}"]


def in_ci() -> bool:
    """CI=true (or 1, yes): where a test that did not run is a failure, not a skip."""
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


class SkipCollector:
    """Keeps every skipped test of the session (node id, reason), collection skips too."""

    def __init__(self) -> None:
        self.skipped: list[tuple[str, str]] = []

    def _note(self, report: pytest.TestReport | pytest.CollectReport) -> None:
        if not report.skipped or hasattr(report, "wasxfail"):
            return
        reason = str(report.longrepr)
        if isinstance(report.longrepr, tuple) and len(report.longrepr) == 3:
            reason = str(report.longrepr[2])
        self.skipped.append((report.nodeid, reason.removeprefix("Skipped: ")))

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        self._note(report)

    def pytest_collectreport(self, report: pytest.CollectReport) -> None:
        self._note(report)


SKIPS = pytest.StashKey[SkipCollector]()


def pytest_configure(config: pytest.Config) -> None:
    collector = SkipCollector()
    config.stash[SKIPS] = collector
    config.pluginmanager.register(collector, "credit-skip-collector")


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Under CI=true a skipped test fails the run: it did not run, whatever the reason."""
    if in_ci() and session.config.stash[SKIPS].skipped and session.exitstatus == 0:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    if not demo_recording_path().is_file():
        terminalreporter.write_sep("!", "demo-data tests skipped", red=True, bold=True)
        terminalreporter.write_line(DEMO_MISSING, red=True, bold=True)
    skipped = config.stash[SKIPS].skipped
    if skipped:
        verdict = "FAIL the run under CI=true" if in_ci() else "did not run"
        terminalreporter.write_sep("!", f"{len(skipped)} skipped test(s) {verdict}", red=True)
        for nodeid, reason in skipped:
            terminalreporter.write_line(f"SKIPPED {nodeid}: {reason}", red=True, bold=True)


@pytest.fixture
def demo_recording() -> Path:
    """Path of the recorded demo data; skips the test loudly when it is absent."""
    path = demo_recording_path()
    if not path.is_file():
        pytest.skip(DEMO_MISSING)
    return path


@pytest.fixture
def company() -> CompanyInfo:
    return CompanyInfo(name="华东机械有限公司", currency="CNY")


@pytest.fixture
def partners() -> list[PartnerExposure]:
    """Three rows: within limit, over limit with overdue and due review, no limit at all."""
    return [
        make_partner(),
        make_partner(
            partner_id=2,
            name="<b>Acme & Sons</b>",
            ref="C002",
            credit_code=None,
            grade="C",
            score=41.0,
            credit_limit=20000.0,
            receivable=18000.0,
            draft_invoices=2000.0,
            unbilled_orders=4000.0,
            exposure=24000.0,
            available=-4000.0,
            overdue=7500.0,
            next_review_date=dt.date(2025, 3, 1),
            on_warning_list=True,
            salesperson=None,
        ),
        make_partner(
            partner_id=3,
            name="上海某贸易公司",
            ref=None,
            grade=None,
            score=0.0,
            credit_limit=0.0,
            receivable=1200.0,
            draft_invoices=0.0,
            unbilled_orders=0.0,
            exposure=1200.0,
            available=0.0,
            next_review_date=None,
        ),
    ]


# ------------------------------------------------------------ live Odoo (pytest -m live)


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


@pytest.fixture(scope="module")
def people(settings: dict[str, str]) -> Iterator[dict[str, dict[str, str]]]:
    """Settings of one user per role, made (or reset) as admin, archived afterwards."""
    admin = AdminRpc(settings)
    made: dict[str, dict[str, str]] = {}
    ids: list[int] = []
    for role, group in ROLES.items():
        login = f"credit.live.{role}"
        password = secrets.token_urlsafe(18)  # 24 characters
        values = {
            "name": f"Credit Live {role.title()}",
            "login": login,
            "password": password,
            "active": True,
            "groups_id": [(6, 0, [admin.ref(group)])],
        }
        found = admin(
            "res.users", "search", [["login", "=", login]], context={"active_test": False}
        )
        if found:
            admin("res.users", "write", found, values)
        else:
            found = [admin("res.users", "create", values)]
        ids += found
        made[role] = {**settings, "user": login, "password": password}
    yield made
    admin("res.users", "write", ids, {"active": False})


@pytest.fixture(autouse=True)
def english_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test starts under an English locale, whatever the machine's: the command and
    the connector speak the locale's language (a test wanting Chinese says so)."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
