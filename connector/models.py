"""Plain, immutable values handed from the connector to the reports.

Reports never see RPC dictionaries: Odoo's ``False``-for-empty convention and
many2one pairs are resolved once in ``credit_data``, so writers only deal with
``None`` and Python types. Figures that the report derives (utilisation, over
limit, review due) are computed here, in one place, so the XLSX, the HTML page
and the CLI summary can never disagree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

#: Amounts are in the company currency with two decimals; a difference below
#: half a cent is rounding noise, not an overrun.
MONEY_TOLERANCE = 0.005


@dataclass(frozen=True)
class CompanyInfo:
    """The company the figures belong to (report header)."""

    name: str
    currency: str


@dataclass(frozen=True)
class PartnerExposure:
    """One customer's credit position, as computed by the Odoo add-on.

    All amounts are in the company currency. ``credit_limit`` of 0 means that no
    limit is set for the customer (there is nothing to measure use against).
    """

    partner_id: int
    name: str
    ref: str | None
    credit_code: str | None
    grade: str | None
    score: float
    credit_limit: float
    receivable: float
    draft_invoices: float
    unbilled_orders: float
    exposure: float
    available: float
    overdue: float
    next_review_date: dt.date | None
    on_warning_list: bool
    salesperson: str | None

    @property
    def has_limit(self) -> bool:
        """Whether a credit limit is set (a positive amount)."""
        return self.credit_limit > MONEY_TOLERANCE

    @property
    def utilisation(self) -> float | None:
        """Exposure as a share of the limit (1.0 = fully used); None without a limit."""
        if not self.has_limit:
            return None
        return self.exposure / self.credit_limit

    @property
    def over_limit(self) -> bool:
        """Exposure exceeds a set limit (customers without a limit are never over)."""
        return self.has_limit and self.exposure - self.credit_limit > MONEY_TOLERANCE

    @property
    def has_overdue(self) -> bool:
        """Some receivable is past its due date."""
        return self.overdue > MONEY_TOLERANCE

    def review_due(self, today: dt.date) -> bool:
        """The periodic credit review date has come (on or before ``today``)."""
        return self.next_review_date is not None and self.next_review_date <= today


@dataclass(frozen=True)
class ExposureTotals:
    """Sums over a list of customers, shared by the reports and the CLI summary."""

    customers: int
    credit_limit: float
    receivable: float
    draft_invoices: float
    unbilled_orders: float
    exposure: float
    available: float
    overdue: float
    over_limit: int
    on_warning_list: int
    review_due: int

    @classmethod
    def of(cls, partners: list[PartnerExposure], today: dt.date) -> ExposureTotals:
        """Add up ``partners``; ``today`` decides which reviews are due."""
        return cls(
            customers=len(partners),
            credit_limit=sum(p.credit_limit for p in partners),
            receivable=sum(p.receivable for p in partners),
            draft_invoices=sum(p.draft_invoices for p in partners),
            unbilled_orders=sum(p.unbilled_orders for p in partners),
            exposure=sum(p.exposure for p in partners),
            available=sum(p.available for p in partners),
            overdue=sum(p.overdue for p in partners),
            over_limit=sum(1 for p in partners if p.over_limit),
            on_warning_list=sum(1 for p in partners if p.on_warning_list),
            review_due=sum(1 for p in partners if p.review_due(today)),
        )
