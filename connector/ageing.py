"""Receivable ageing and collection status, from the collections add-on.

The server adds up the collections add-on's ageing report as at the report's day by
customer, ageing bucket and collection stage (one ``read_group`` of
``credit.collection.ageing``: the same figures as the ageing report in Odoo); this module
lays those sums out per customer, with a column per bucket.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..i18n import _
from . import schema
from .transport import ConnectorError


@dataclass(frozen=True)
class AgeingRow:
    """One customer's open receivables."""

    partner: str
    buckets: tuple[float, ...]
    total: float
    invoices: int
    max_days_overdue: int
    stage: str
    stage_blocks: bool


@dataclass(frozen=True)
class Ageing:
    company: str
    bucket_names: tuple[str, ...]
    rows: tuple[AgeingRow, ...]
    stages: tuple[tuple[str, int, float], ...]  # stage name, invoices, amount


def _m2o(value: Any) -> tuple[int | None, str]:
    return (int(value[0]), str(value[1])) if value else (None, "")


def build_ageing(
    data: Mapping[str, Sequence[Mapping[str, Any]]],
    groups: Sequence[Mapping[str, Any]],
    company: str | None,
    preferred_company_id: int | None = None,
) -> Ageing:
    """Customers ordered by the most overdue, then the largest amount.

    Without ``company``: the one company with receivables, else (several or none) the
    user's current company, ``preferred_company_id``, when known.
    """
    companies = {int(c["id"]): str(c["name"]) for c in data.get(schema.COMPANY.model, [])}
    company_id: int | None = None
    if company:
        matches = [cid for cid, name in companies.items() if company in (name, str(cid))]
        if not matches:
            raise ConnectorError(
                _("no company {company!r} (companies: {names})").format(
                    company=company, names=", ".join(companies.values())
                )
            )
        company_id = matches[0]
    else:
        used = {_m2o(g.get("company_id"))[0] for g in groups}
        used.discard(None)
        if preferred_company_id in companies and (len(used) != 1):
            used = {preferred_company_id}
        if len(used) > 1:
            names = ", ".join(sorted(companies.get(c, str(c)) for c in used if c is not None))
            raise ConnectorError(
                _("several companies have receivables ({names}); choose one with --company").format(
                    names=names
                )
            )
        company_id = next(iter(used)) if used else (min(companies) if companies else None)
    buckets = sorted(
        (
            b
            for b in data.get(schema.COLLECTION_BUCKET.model, [])
            if _m2o(b["company_id"])[0] == company_id
        ),
        key=lambda b: int(b["days_from"]),
    )
    stages = {int(s["id"]): s for s in data.get(schema.COLLECTION_STAGE.model, [])}
    bucket_index = {int(b["id"]): i for i, b in enumerate(buckets)}
    per_partner: dict[int, dict[str, Any]] = {}
    per_stage: dict[str, list[float]] = {}
    for group in groups:
        if _m2o(group.get("company_id"))[0] != company_id:
            continue
        pid, pname = _m2o(group.get("partner_id"))
        if pid is None:
            continue
        amount = float(group.get("amount_residual") or 0.0)
        count = int(group.get("move_id") or 0)  # count_distinct: documents, not items
        entry = per_partner.setdefault(
            pid,
            {"name": pname, "buckets": [0.0] * len(buckets), "count": 0, "days": 0, "stage": None},
        )
        bid, _bname = _m2o(group.get("bucket_id"))
        if bid is not None and bid in bucket_index:
            entry["buckets"][bucket_index[bid]] += amount
        elif buckets:
            entry["buckets"][0] += amount  # no bucket configured for its days: the first
        entry["count"] += count
        entry["days"] = max(entry["days"], int(group.get("days_overdue") or 0))
        sid, sname = _m2o(group.get("stage_id"))
        if sid is not None:
            stage = stages.get(sid, {"days_from": 0, "name": sname, "blocks_credit": False})
            current = entry["stage"]
            if current is None or int(stage["days_from"]) > int(current["days_from"]):
                entry["stage"] = stage
            totals = per_stage.setdefault(str(stage["name"]), [0, 0.0])
            totals[0] += count
            totals[1] += amount
    rows = [
        AgeingRow(
            partner=e["name"],
            buckets=tuple(round(v, 2) for v in e["buckets"]),
            total=round(sum(e["buckets"]), 2),
            invoices=e["count"],
            max_days_overdue=e["days"],
            stage=str(e["stage"]["name"]) if e["stage"] else "",
            stage_blocks=bool(e["stage"] and e["stage"].get("blocks_credit")),
        )
        for e in per_partner.values()
    ]
    rows.sort(key=lambda r: (-r.max_days_overdue, -r.total, r.partner))
    stage_rows = tuple(
        (name, int(v[0]), round(v[1], 2))
        for name, v in sorted(per_stage.items(), key=lambda kv: kv[0])
    )
    return Ageing(
        company=companies.get(company_id, "") if company_id is not None else "",
        bucket_names=tuple(str(b["name"]) for b in buckets),
        rows=tuple(rows),
        stages=stage_rows,
    )
