"""The report's columns, defined once for the XLSX and the HTML writer.

Each column's ``key`` names a PartnerExposure attribute (or an ageing bucket)
and, unless ``label`` says otherwise, its label; adding a column is one line
here plus its two labels.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from ..connector.models import AGEING_BUCKETS, CompanyInfo, PartnerExposure

Kind = Literal["text", "choice", "money", "number", "int", "percent", "date", "flag"]
#: Shown where a value does not exist (no score, no limit), so it never reads as 0.
DASH = "—"


@dataclass(frozen=True)
class Column:
    """One report column: what to show, how to format it, whether it is summed."""

    key: str
    kind: Kind
    width: int
    summed: bool = False
    label: str | None = None
    #: Show DASH instead of an empty cell when the value is None.
    dash: bool = False
    #: Highlight when the customer has overdue receivables.
    overdue_mark: bool = False

    @property
    def label_key(self) -> str:
        return self.label or self.key

    def value(self, partner: PartnerExposure) -> Any:
        """The raw value of this column for ``partner`` (None when empty)."""
        if self.key.startswith("age_"):
            index = [key for key, _first, _last in AGEING_BUCKETS].index(self.key)
            return partner.ageing_bucket(index)
        return getattr(partner, self.key)

    def total(self, partners: Sequence[PartnerExposure]) -> float:
        """Sum of this column over ``partners`` (empty cells count 0)."""
        return float(sum(self.value(p) or 0.0 for p in partners))


COLUMNS: tuple[Column, ...] = (
    Column("ref", "text", 12),
    Column("name", "text", 32),
    Column("credit_code", "text", 22),
    Column("grade", "text", 12),
    Column("policy", "choice", 12),
    Column("score_shown", "number", 9, label="score", dash=True),
    Column("limit_shown", "money", 15, summed=True, label="credit_limit", dash=True),
    Column("temporary_until", "date", 13),
    Column("receivable", "money", 15, summed=True),
    Column("draft_invoices", "money", 15, summed=True),
    Column("unbilled_orders", "money", 15, summed=True),
    Column("exposure", "money", 15, summed=True),
    Column("available_shown", "money", 15, summed=True, label="available", dash=True),
    Column("utilisation", "percent", 11),
    Column("overdue", "money", 15, summed=True, overdue_mark=True),
    Column("overdue_share", "percent", 11, overdue_mark=True),
    Column("days_overdue", "int", 10, overdue_mark=True),
    *(
        Column(key, "money", 14, summed=True, overdue_mark=first is not None)
        for key, first, _last in AGEING_BUCKETS
    ),
    Column("pending_exceptions", "int", 10),
    Column("would_block", "flag", 10, dash=True),
    Column("block_reasons_text", "text", 48, label="block_reasons", dash=True),
    Column("next_review_date", "date", 13),
    Column("on_warning_list", "flag", 10),
    Column("salesperson", "text", 16),
)


def check_state(company: CompanyInfo, labels: Mapping[str, str]) -> str:
    """Whether the company's credit check is on, as the report says it ("—": unknown)."""
    if company.credit_check_on is None:
        return DASH
    return labels["check_on"] if company.credit_check_on else labels["check_off"]
