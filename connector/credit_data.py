"""Fetch every customer's credit exposure from Odoo in a few batched calls.

The add-on computes the figures (exposure = receivable + draft invoices +
confirmed orders not yet invoiced, available amount, overdue amount); this
module only reads them. It makes exactly ``2 + ceil(customers / batch_size)``
calls: one for the company, one search for the customer ids, then one ``read``
per batch, so a report over thousands of customers stays cheap for the server.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from connector.models import CompanyInfo, PartnerExposure
from connector.transport import ConnectorError, Transport

#: Fields of res.partner read per customer (the credit_* ones come from the add-on).
FIELDS: tuple[str, ...] = (
    "name",
    "ref",
    "credit_code",
    "credit_grade_id",
    "credit_score",
    "credit_limit",
    "credit_exposure_receivable",
    "credit_exposure_draft_invoice",
    "credit_exposure_sale_order",
    "credit_exposure",
    "credit_available",
    "credit_overdue_amount",
    "credit_next_review_date",
    "credit_on_warning_list",
    "user_id",
)

#: Customers are commercial entities (no contact persons) that have bought from us.
# Customers, and anyone with exposure: Odoo counts a customer only once an invoice is posted.
CUSTOMER_DOMAIN: list[Any] = [
    ["parent_id", "=", False],
    "|",
    ["customer_rank", ">", 0],
    ["credit_exposure_line_ids", "!=", False],
]

DEFAULT_BATCH_SIZE = 500


def _text(value: Any) -> str | None:
    """Odoo sends ``False`` for an empty char field."""
    if value is False or value is None:
        return None
    return str(value)


def _many2one_name(value: Any) -> str | None:
    """A many2one is read as ``[id, display_name]`` or ``False``."""
    if not value:
        return None
    return str(value[1])


def _amount(value: Any) -> float:
    """Float fields are never empty in Odoo; ``False`` would only come from a bad field."""
    return float(value or 0.0)


def _date(value: Any) -> dt.date | None:
    """Date fields are read as ``'YYYY-MM-DD'`` or ``False``."""
    if not value:
        return None
    return dt.date.fromisoformat(str(value))


def _partner(record: Mapping[str, Any]) -> PartnerExposure:
    """Map one read() record to a PartnerExposure."""
    missing = [name for name in FIELDS if name not in record]
    if missing:
        raise ConnectorError(
            "Odoo did not return res.partner field(s) "
            f"{', '.join(missing)}; is the credit_management add-on installed and up to date?"
        )
    return PartnerExposure(
        partner_id=int(record["id"]),
        name=str(record["name"] or ""),
        ref=_text(record["ref"]),
        credit_code=_text(record["credit_code"]),
        grade=_many2one_name(record["credit_grade_id"]),
        score=_amount(record["credit_score"]),
        credit_limit=_amount(record["credit_limit"]),
        receivable=_amount(record["credit_exposure_receivable"]),
        draft_invoices=_amount(record["credit_exposure_draft_invoice"]),
        unbilled_orders=_amount(record["credit_exposure_sale_order"]),
        exposure=_amount(record["credit_exposure"]),
        available=_amount(record["credit_available"]),
        overdue=_amount(record["credit_overdue_amount"]),
        next_review_date=_date(record["credit_next_review_date"]),
        on_warning_list=bool(record["credit_on_warning_list"]),
        salesperson=_many2one_name(record["user_id"]),
    )


def _chunks(ids: Sequence[int], size: int) -> Iterator[list[int]]:
    for start in range(0, len(ids), size):
        yield list(ids[start : start + size])


def fetch_company(transport: Transport) -> CompanyInfo:
    """The company named on the report, with its currency (one call).

    Without the user's id we cannot read the user's own company, so this takes
    the first company in Odoo's order, which is the main one of a database.
    """
    rows = transport.execute_kw(
        "res.company", "search_read", [[]], {"fields": ["name", "currency_id"], "limit": 1}
    )
    if not rows:
        raise ConnectorError("Odoo returned no company (res.company is empty or not readable)")
    row = rows[0]
    return CompanyInfo(name=str(row["name"]), currency=_many2one_name(row["currency_id"]) or "")


def fetch_exposure(
    transport: Transport, batch_size: int = DEFAULT_BATCH_SIZE
) -> tuple[CompanyInfo, list[PartnerExposure]]:
    """Return the company and every customer's exposure, ordered by name."""
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    company = fetch_company(transport)
    ids = transport.execute_kw("res.partner", "search", [CUSTOMER_DOMAIN], {"order": "name"})
    partners: list[PartnerExposure] = []
    for chunk in _chunks(ids, batch_size):
        records = transport.execute_kw("res.partner", "read", [chunk], {"fields": list(FIELDS)})
        by_id = {record["id"]: record for record in records}
        # read() may drop ids (deleted meanwhile) and need not keep the order asked.
        partners.extend(_partner(by_id[pid]) for pid in chunk if pid in by_id)
    return company, partners
