"""Values built by the tests themselves (never stand-ins for Odoo answers)."""

from __future__ import annotations

import datetime as dt

from credit_cli.connector.appraisal import AppraisalYear, ListStatus, Scorecard, Thresholds
from credit_cli.connector.models import PartnerExposure

DEMO_MISSING = (
    "RECORDED DEMO DATA MISSING: connector/recorded/demo_exposure.json does not exist. "
    "Record it from a live Odoo 18 with the credit_management add-on and its demo data: "
    "credit record --url http://localhost:8069 --db credit_demo --user admin "
    "--password admin --output connector/recorded/demo_exposure.json"
)

TODAY = dt.date(2025, 3, 31)


def make_partner(**overrides: object) -> PartnerExposure:
    """A report row built in the test (not an Odoo answer): sensible defaults + overrides."""
    values: dict[str, object] = {
        "partner_id": 1,
        "name": "Customer",
        "ref": "C001",
        "credit_code": "91310000MA1FL0001X",
        "grade": "A",
        "score": 82.5,
        "credit_limit": 100000.0,
        "receivable": 30000.0,
        "draft_invoices": 5000.0,
        "unbilled_orders": 15000.0,
        "exposure": 50000.0,
        "available": 50000.0,
        "overdue": 0.0,
        "next_review_date": dt.date(2025, 6, 30),
        "on_warning_list": False,
        "salesperson": "Mitchell Admin",
    }
    values.update(overrides)
    return PartnerExposure(**values)  # type: ignore[arg-type]


# ------------------------------------------------------------------ the appraisal
# Scorecards as the server gives them (credit_scorecards), built in the test: the reports
# render whatever tier, outcome and lists the server says, so the values are free here.

THRESHOLDS = Thresholds(
    advanced=95.0, excellent=90.0, commendation=80.0, fail_below=60.0, revoke_at_failure=2
)


def make_card(
    aid: int, name: str, total: float, tier: str, penalty: str = "", **overrides: object
) -> Scorecard:
    """A server's scorecard: ``penalty`` sets the outcome (and the lists follow the server's
    usual rule unless given)."""
    outcome = penalty or ("award" if tier in ("advanced", "excellent", "commendation") else "none")
    values: dict[str, object] = {
        "appraisal_id": aid,
        "administrator_id": aid,
        "employee_id": aid,
        "name": name,
        "year": 2025,
        "state": "draft",
        "lines": (),
        "total": total,
        "tier": tier,
        "outcome": outcome,
        "failure_number": 0,
        "bonus_withheld": penalty in ("first_failure", "revocation"),
        "misuse": False,
        "on_award_list": outcome == "award",
        "on_disqualification_list": penalty == "revocation",
    }
    values.update(overrides)
    return Scorecard(**values)  # type: ignore[arg-type]


def make_year(
    scorecards: tuple[Scorecard, ...] = (),
    company: str = "C",
    lists: ListStatus | None = None,
    **overrides: object,
) -> AppraisalYear:
    """A server's year: draft lists unless ``lists`` says otherwise."""
    values: dict[str, object] = {
        "year": 2025,
        "company": company,
        "period_state": "open",
        "thresholds": THRESHOLDS,
        "scorecards": scorecards,
        "lists": lists or ListStatus("draft"),
        "company_id": 1,
        "lang": "zh_CN",
    }
    values.update(overrides)
    return AppraisalYear(**values)  # type: ignore[arg-type]
