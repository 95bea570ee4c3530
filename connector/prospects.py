"""Credit data for sales (征信助销): customers and prospects ranked by standing, from the
credit_prospect add-on.

The server computes everything (``credit.prospect.credit_prospects``: the ranking of a
company as the user may see it, ordered by score, with payment behaviour, available
credit, sales growth, good payers and the limit proposed for them, labels in the asked
language): one call per company; this module only lays the answer out in plain data
classes. An empty figure (nothing to measure) stays None: the reports show "—".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..i18n import _
from . import schema
from .listing import fetch_listing, text
from .transport import Transport


@dataclass(frozen=True)
class Prospect:
    rank: int
    name: str
    ref: str
    kind: str
    kind_label: str
    salesperson: str
    grade: str
    policy: str
    policy_label: str
    on_warning_list: bool
    good_payer: bool
    can_propose: bool
    score: float | None
    credit_limit: float | None
    guarantee_cover: float | None
    exposure: float | None
    overdue: float | None
    available: float | None
    paid_amount: float | None
    avg_days_late: float | None
    on_time_share: float | None
    sales_12m: float | None
    sales_prev_12m: float | None
    sales_growth: float | None
    proposed_limit: float | None


@dataclass(frozen=True)
class Prospects:
    company: str
    currency: str
    date: str
    weights: Mapping[str, float]
    rule: Mapping[str, float]
    guarantees: bool
    rows: tuple[Prospect, ...]

    @property
    def good_payers(self) -> int:
        return sum(1 for row in self.rows if row.good_payer)

    @property
    def proposals(self) -> int:
        return sum(1 for row in self.rows if row.can_propose)

    @property
    def prospects(self) -> int:
        return sum(1 for row in self.rows if row.kind == "prospect")


def fetch_prospects(
    transport: Transport, company_id: int | None, context: Mapping[str, Any] | None
) -> dict[str, Any]:
    """The server's answer for ``company_id`` (None: the user's current company), worded in
    the context's language. One call; the same when ``credit pull`` records it."""
    return fetch_listing(
        transport,
        (schema.PROSPECTS_MODEL, schema.PROSPECTS_METHOD, schema.PROSPECTS_ADDON),
        _("Odoo has no credit data for sales: install its {addon} add-on").format(
            addon=schema.PROSPECTS_ADDON
        ),
        "rows",
        company_id,
        context,
    )


def _figure(value: Any) -> float | None:
    return None if value is None or value is False else float(value)


FIGURES = (
    "score",
    "credit_limit",
    "guarantee_cover",
    "exposure",
    "overdue",
    "available",
    "paid_amount",
    "avg_days_late",
    "on_time_share",
    "sales_12m",
    "sales_prev_12m",
    "sales_growth",
    "proposed_limit",
)


def build_prospects(answer: Mapping[str, Any]) -> Prospects:
    """The answer as data classes, in the server's order (highest score first)."""
    rows = tuple(
        Prospect(
            rank=int(r.get("rank") or index),
            name=text(r.get("name")),
            ref=text(r.get("ref")),
            kind=text(r.get("kind")),
            kind_label=text(r.get("kind_label")),
            salesperson=text(r.get("salesperson")),
            grade=text(r.get("grade")),
            policy=text(r.get("policy")),
            policy_label=text(r.get("policy_label")),
            on_warning_list=bool(r.get("on_warning_list")),
            good_payer=bool(r.get("good_payer")),
            can_propose=bool(r.get("can_propose")),
            **{name: _figure(r.get(name)) for name in FIGURES},
        )
        for index, r in enumerate(answer.get("rows") or (), start=1)
    )
    return Prospects(
        company=text(answer.get("company")),
        currency=text(answer.get("currency")),
        date=text(answer.get("date")),
        weights={k: float(v or 0.0) for k, v in (answer.get("weights") or {}).items()},
        rule={k: float(v or 0.0) for k, v in (answer.get("rule") or {}).items()},
        guarantees=bool(answer.get("guarantees")),
        rows=rows,
    )
