"""The report's columns, defined once for the XLSX and the HTML writer.

Each column's ``key`` is both a PartnerExposure attribute and a label key, so
adding a column is one line here plus its two labels.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from connector.models import PartnerExposure

Kind = Literal["text", "money", "number", "percent", "date", "flag"]


@dataclass(frozen=True)
class Column:
    """One report column: what to show, how to format it, whether it is summed."""

    key: str
    kind: Kind
    width: int
    summed: bool = False

    def value(self, partner: PartnerExposure) -> Any:
        """The raw value of this column for ``partner`` (None when empty)."""
        return getattr(partner, self.key)


COLUMNS: tuple[Column, ...] = (
    Column("ref", "text", 12),
    Column("name", "text", 32),
    Column("credit_code", "text", 22),
    Column("grade", "text", 10),
    Column("score", "number", 9),
    Column("credit_limit", "money", 15, summed=True),
    Column("receivable", "money", 15, summed=True),
    Column("draft_invoices", "money", 15, summed=True),
    Column("unbilled_orders", "money", 15, summed=True),
    Column("exposure", "money", 15, summed=True),
    Column("available", "money", 15, summed=True),
    Column("utilisation", "percent", 11),
    Column("overdue", "money", 15, summed=True),
    Column("next_review_date", "date", 13),
    Column("on_warning_list", "flag", 10),
    Column("salesperson", "text", 16),
)
