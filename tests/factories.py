"""Values built by the tests themselves (never stand-ins for Odoo answers)."""

from __future__ import annotations

import datetime as dt

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
