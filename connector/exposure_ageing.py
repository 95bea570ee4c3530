"""The exposure report's ageing: buckets and sums as the server has them.

Ageing is a rule of the server, not of this program: which buckets there are (the
collections add-on lets each company configure them), and when an item is overdue (due
before the day less the company's grace days: credit_management's one definition,
``sql/credit_overdue.sql``). So the connector never puts an item in a bucket; it asks the
server for per-customer sums already grouped by bucket, with the most days overdue:

- with the collections add-on, when the user may read its ageing report (collectors and
  above): the company's configured buckets (``credit.collection.bucket``) and one
  ``read_group`` of ``credit.collection.ageing`` as at the report's day, the figures of
  Odoo's own ageing screen and of ``credit ageing``;
- otherwise (no collections add-on, or a salesperson who may not read its ageing): the
  exposure analysis of credit_management (``credit.exposure.line``), whose open
  receivables carry the add-on's own buckets (not overdue, 1-30, 31-60, 61-90, over 90
  days overdue), named by the server in the user's language, each counting what is still
  owed once the customer's credits are applied (``ageing_amount``), as the collections
  ageing does.

Two calls either way, whatever the number of invoices and customers.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from . import schema
from .pull import PAGE_SIZE, read_dataset
from .transport import AccessRefused, MissingModelError, ReplayMissError, Transport

#: credit_management's exposure analysis and its bucket field.
EXPOSURE_LINE_MODEL = "credit.exposure.line"
EXPOSURE_LINE_BUCKET = "ageing_bucket"


@dataclass(frozen=True)
class AgeingSums:
    """Bucket names (in the server's order) and, per customer, the sums and days overdue."""

    names: tuple[str, ...]
    #: partner id -> amount per bucket (aligned with ``names``)
    amounts: Mapping[int, tuple[float, ...]]
    #: partner id -> the most days overdue of its open items (only customers with overdue)
    days: Mapping[int, int]

    def of(self, partner_id: int) -> tuple[tuple[float, ...], int | None]:
        """A customer's bucket sums (zeros when nothing is open) and days overdue (None)."""
        zeros = (0.0,) * len(self.names)
        return self.amounts.get(partner_id, zeros), self.days.get(partner_id)


def _collect(
    groups: Sequence[Mapping[str, Any]], key: str, amount: str, index: Mapping[Any, int], size: int
) -> tuple[dict[int, tuple[float, ...]], dict[int, int]]:
    """Lay read_group rows (partner, bucket) out per customer."""
    amounts: dict[int, list[float]] = {}
    days: dict[int, int] = {}
    for group in groups:
        partner = group.get("partner_id")
        if not partner:
            continue
        pid = int(partner[0])
        bucket = group.get(key)
        bucket = bucket[0] if isinstance(bucket, list | tuple) else bucket
        row = amounts.setdefault(pid, [0.0] * size)
        # an item no configured bucket covers counts in the first (the server's own
        # classification of the collections add-on does the same)
        row[index.get(bucket, 0)] += float(group.get(amount) or 0.0)
        most = int(group.get("days_overdue") or 0)
        if most > 0:
            days[pid] = max(days.get(pid, 0), most)
    return {pid: tuple(round(v, 2) for v in row) for pid, row in amounts.items()}, days


def _collection_ageing(
    transport: Transport,
    company_id: int,
    as_at: dt.date,
    context: Mapping[str, Any],
    page_size: int,
) -> AgeingSums:
    """The collections add-on's configured buckets and ageing report as at ``as_at``."""
    of_company = dataclasses.replace(
        schema.COLLECTION_BUCKET, domain=(("company_id", "=", company_id),)
    )
    # read as every dataset is (explicit fields, paged); shown in the server's order
    buckets = sorted(
        read_dataset(transport, of_company, context, page_size),
        key=lambda b: (int(b["days_from"]), int(b["id"])),
    )
    groups = transport.execute_kw(
        schema.AGEING_MODEL,
        "read_group",
        [
            [["company_id", "=", company_id]],
            ["amount_residual:sum", "days_overdue:max"],
            ["partner_id", "bucket_id"],
        ],
        {"lazy": False, "context": {**context, schema.AGEING_AS_AT: as_at.isoformat()}},
    )
    if not buckets:
        return AgeingSums((), {}, {})
    index = {int(b["id"]): i for i, b in enumerate(buckets)}
    amounts, days = _collect(groups, "bucket_id", "amount_residual", index, len(buckets))
    return AgeingSums(tuple(str(b["name"]) for b in buckets), amounts, days)


def _exposure_line_ageing(
    transport: Transport, company_id: int, context: Mapping[str, Any]
) -> AgeingSums | None:
    """credit_management's own buckets of the exposure analysis; None on an older add-on."""
    described = transport.execute_kw(
        EXPOSURE_LINE_MODEL,
        "fields_get",
        [[EXPOSURE_LINE_BUCKET]],
        {"attributes": ["selection"], "context": dict(context)},
    )
    selection = (described.get(EXPOSURE_LINE_BUCKET) or {}).get("selection")
    if not selection:
        return None
    groups = transport.execute_kw(
        EXPOSURE_LINE_MODEL,
        "read_group",
        [
            [["exposure_type", "=", "receivable"], ["company_id", "=", company_id]],
            ["ageing_amount:sum", "days_overdue:max"],
            ["partner_id", EXPOSURE_LINE_BUCKET],
        ],
        {"lazy": False, "context": dict(context)},
    )
    index = {value: i for i, (value, _label) in enumerate(selection)}
    amounts, days = _collect(groups, EXPOSURE_LINE_BUCKET, "ageing_amount", index, len(selection))
    return AgeingSums(tuple(str(label) for _value, label in selection), amounts, days)


def fetch_ageing(
    transport: Transport,
    company_id: int,
    as_at: dt.date,
    context: Mapping[str, Any],
    page_size: int = PAGE_SIZE,
) -> AgeingSums | None:
    """The company's ageing per customer, from the server (see the module's docstring).

    None when the server cannot say (an add-on that predates the exposure analysis'
    buckets): the report then leaves the ageing out rather than guess it.
    """
    try:
        return _collection_ageing(transport, company_id, as_at, context, page_size)
    except (MissingModelError, AccessRefused, ReplayMissError):
        # no collections add-on, or its ageing is not this user's to read (a snapshot
        # recorded by such a user holds the exposure analysis' calls instead)
        return _exposure_line_ageing(transport, company_id, context)
