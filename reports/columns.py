"""The report's columns, defined once for the XLSX and the HTML writer.

Each column's ``key`` names a PartnerExposure attribute and, unless ``label`` says
otherwise, its label; adding a column is one line here plus its two labels. The
ageing columns are the server's buckets (CompanyInfo.ageing_buckets), headed by the
names the server gives them, so :func:`columns_for` builds the list per company.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from ..connector.models import CompanyInfo, PartnerExposure

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
    #: The ageing bucket this column shows (its index), None for a partner attribute.
    bucket: int | None = None
    #: The heading as the server names it (an ageing bucket) instead of a label.
    title: str | None = None

    @property
    def label_key(self) -> str:
        return self.label or self.key

    def heading(self, labels: Mapping[str, str]) -> str:
        """The column's heading in the report's language."""
        return self.title if self.title is not None else labels[self.label_key]

    def value(self, partner: PartnerExposure) -> Any:
        """The raw value of this column for ``partner`` (None when empty)."""
        if self.bucket is not None:
            return partner.ageing_bucket(self.bucket)
        return getattr(partner, self.key)

    def total(self, partners: Sequence[PartnerExposure]) -> float:
        """Sum of this column over ``partners`` (empty cells count 0)."""
        return float(sum(self.value(p) or 0.0 for p in partners))


_BEFORE_AGEING: tuple[Column, ...] = (
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
)
_AFTER_AGEING: tuple[Column, ...] = (
    Column("pending_exceptions", "int", 10),
    Column("would_block", "flag", 10, dash=True),
    Column("block_reasons_text", "text", 48, label="block_reasons", dash=True),
    Column("next_review_date", "date", 13),
    Column("on_warning_list", "flag", 10),
    Column("salesperson", "text", 16),
)


#: Shown after the exposure when the server counts guarantees (credit_guarantee): the
#: active cover after haircut and the contingent liability the check counts.
_GUARANTEES: tuple[Column, ...] = (
    Column("guarantee_cover", "money", 15, summed=True, dash=True),
    Column("contingent_liability", "money", 15, summed=True, dash=True),
)


def _before_ageing(company: CompanyInfo) -> tuple[Column, ...]:
    if not company.guarantees:
        return _BEFORE_AGEING
    at = next(i for i, c in enumerate(_BEFORE_AGEING) if c.key == "exposure") + 1
    return _BEFORE_AGEING[:at] + _GUARANTEES + _BEFORE_AGEING[at:]


#: The columns of a report without ageing (an older snapshot, a server that cannot say).
COLUMNS: tuple[Column, ...] = _BEFORE_AGEING + _AFTER_AGEING


def columns_for(company: CompanyInfo) -> tuple[Column, ...]:
    """The report's columns, with one per ageing bucket of ``company`` (the server's).

    Every bucket but the first (not overdue) is highlighted for customers with overdue.
    """
    ageing = tuple(
        Column(
            f"ageing_{index}",
            "money",
            14,
            summed=True,
            overdue_mark=index > 0,
            bucket=index,
            title=name,
        )
        for index, name in enumerate(company.ageing_buckets)
    )
    return _before_ageing(company) + ageing + _AFTER_AGEING


@dataclass(frozen=True)
class Cell:
    """One cell of the printable page: a column's value, with others shown small below it.

    The page groups the report's columns (the same ``Column`` objects as the workbook)
    under group headings, so that every figure fits one A4 landscape page width.
    """

    column: Column
    #: The label of the heading under its group (short: the group says the rest).
    heading: str
    #: Columns shown under the value, small (a customer's code, a grade's policy...).
    below: tuple[Column, ...] = ()

    def heading_text(self, labels: Mapping[str, str]) -> str:
        """A bucket's name as the server gives it, else the heading's label."""
        return self.column.title if self.column.title is not None else labels[self.heading]


@dataclass(frozen=True)
class Group:
    """Cells under one heading (standing, exposure, overdue, ageing, the check)."""

    label: str
    cells: tuple[Cell, ...]


def html_groups(company: CompanyInfo) -> tuple[Group, ...]:
    """The printable page's groups of cells, built from :func:`columns_for`."""
    by_key = {column.key: column for column in columns_for(company)}

    def cell(key: str, heading: str, *below: str) -> Cell:
        return Cell(by_key[key], heading, tuple(by_key[b] for b in below))

    groups = [
        Group(
            "h_customer",
            (cell("name", "name", "on_warning_list", "ref", "credit_code", "salesperson"),),
        ),
        Group(
            "h_standing",
            (
                cell("grade", "h_grade_policy", "policy"),
                cell("score_shown", "h_score"),
                cell("limit_shown", "h_limit", "temporary_until"),
                cell("next_review_date", "h_next_review"),
            ),
        ),
        Group(
            "h_exposure",
            (
                cell("receivable", "receivable"),
                cell("draft_invoices", "draft_invoices"),
                cell("unbilled_orders", "unbilled_orders"),
                cell("exposure", "h_exposure_total"),
                *(
                    (
                        cell("guarantee_cover", "h_guarantee_cover"),
                        cell("contingent_liability", "h_contingent"),
                    )
                    if company.guarantees
                    else ()
                ),
                cell("available_shown", "available"),
                cell("utilisation", "h_utilisation"),
            ),
        ),
        Group(
            "h_overdue",
            (
                cell("overdue", "h_amount"),
                cell("overdue_share", "h_share"),
                cell("days_overdue", "h_days"),
            ),
        ),
    ]
    ageing = tuple(Cell(by_key[f"ageing_{i}"], "") for i in range(len(company.ageing_buckets)))
    if ageing:
        groups.append(Group("h_ageing", ageing))
    groups.append(
        Group(
            "h_check",
            (
                cell("pending_exceptions", "h_exceptions"),
                cell("would_block", "h_would_block"),
            ),
        )
    )
    return tuple(groups)


def html_details(company: CompanyInfo) -> tuple[Column, ...]:
    """Texts shown on a line of their own under a customer's row, across the figures (the
    check's reasons: a sentence each, too long for a column of the page)."""
    return tuple(c for c in columns_for(company) if c.key == "block_reasons_text")


def check_state(company: CompanyInfo, labels: Mapping[str, str]) -> str:
    """Whether the company's credit check is on, as the report says it ("—": unknown)."""
    if company.credit_check_on is None:
        return DASH
    return labels["check_on"] if company.credit_check_on else labels["check_off"]
