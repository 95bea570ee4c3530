"""Shared fixtures: the recorded demo data (real Odoo answers) and hand-made report rows.

Report writers are tested with PartnerExposure values built here; anything that
stands for an Odoo answer comes only from ``connector/recorded/demo_exposure.json``,
which ``credit record`` captured from a real Odoo 18 with the add-on's demo data.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from credit_cli.cli import demo_recording_path
from credit_cli.connector.models import CompanyInfo, PartnerExposure

from tests.factories import DEMO_MISSING, make_partner


def pytest_report_header(config: pytest.Config) -> list[str]:
    if not demo_recording_path().is_file():
        return ["!" * 20, DEMO_MISSING, "!" * 20]
    return [f"recorded demo data: {demo_recording_path()}"]


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    if not demo_recording_path().is_file():
        terminalreporter.write_sep("!", "demo-data tests skipped", red=True, bold=True)
        terminalreporter.write_line(DEMO_MISSING, red=True, bold=True)


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
