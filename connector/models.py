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
    #: Whether the company's credit check (sales orders or invoices) is on; None: unknown.
    credit_check_on: bool | None = None
    #: The ageing buckets as the server names them, in order (the first is not overdue);
    #: PartnerExposure.ageing holds one amount per bucket. Empty: no ageing known.
    ageing_buckets: tuple[str, ...] = ()
    #: Whether the server counts guarantees (credit_guarantee installed): the report then
    #: shows each customer's active cover and contingent liability.
    guarantees: bool = False


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
    # read from newer snapshots and live servers only (None: not known)
    policy: str | None = None
    temporary_until: dt.date | None = None
    overdue_beyond_tolerance: bool = False
    days_overdue: int | None = None
    ageing: tuple[float, ...] | None = None
    pending_exceptions: int | None = None
    scored: bool | None = None
    #: The server's credit check for a new sale now: its reasons (empty: it passes);
    #: None when the server cannot say (an older add-on, an older snapshot).
    block_reasons: tuple[str, ...] | None = None
    #: Guarantees and collateral in force after haircut, and what the customer guarantees
    #: for others, as the server's check counts them; None: the server has no guarantees.
    guarantee_cover: float | None = None
    contingent_liability: float | None = None

    @property
    def score_shown(self) -> float | None:
        """The score, or None when the customer was never scored (shown as "—", not 0)."""
        if self.scored is False:
            return None
        if self.scored is None and self.grade is None and not self.score:
            return None
        return self.score

    @property
    def limit_shown(self) -> float | None:
        """The limit in force, or None when there is none (shown as "—", not 0.00)."""
        return self.credit_limit if self.has_limit else None

    @property
    def available_shown(self) -> float | None:
        """What is left of the limit, or None without a limit."""
        return self.available if self.has_limit else None

    @property
    def overdue_share(self) -> float | None:
        """Overdue as a share of the open receivable; None when nothing is open."""
        if self.receivable <= MONEY_TOLERANCE:
            return None
        return self.overdue / self.receivable

    @property
    def would_block(self) -> bool | None:
        """Whether the server's credit check would refuse a new sale now; None: unknown.

        Never guessed on this side: the check has more reasons (its switches, the
        no-limit policy, collection stages...) than the figures read here show.
        """
        if self.block_reasons is None:
            return None
        return bool(self.block_reasons)

    @property
    def block_reasons_text(self) -> str | None:
        """The check's reasons in one text, None when the server could not say."""
        if self.block_reasons is None:
            return None
        return " ".join(self.block_reasons)

    def ageing_bucket(self, index: int) -> float | None:
        """Open receivable in ageing bucket ``index`` (see CompanyInfo.ageing_buckets)."""
        return None if self.ageing is None else self.ageing[index]

    @property
    def risk_key(self) -> tuple[int, int, float, float, str]:
        """Riskiest first: would block, over limit, overdue share, usage, then name."""
        return (
            0 if self.would_block else 1,
            0 if self.over_limit else 1,
            -(self.overdue_share or 0.0),
            -(self.utilisation or 0.0),
            self.name,
        )

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
