"""Early warnings (信用预警) and rescue cases (挽救), from the credit_warning add-on.

The server words everything (``credit.warning.signal.credit_warnings``: the customers in
warning of a company, ordered by score, with their signals in force, the evidence in the
company's language, and their rescue cases, labels in the asked language): one call per
company; this module only lays the answer out in plain data classes.
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
class WarningSignal:
    type_label: str
    evidence: str
    weight: float
    since: str


@dataclass(frozen=True)
class RescueCase:
    name: str
    state: str
    state_label: str
    outcome_label: str
    responsible: str
    date_open: str
    actions_todo: int


@dataclass(frozen=True)
class WarningCustomer:
    name: str
    level: str
    level_label: str
    score: float
    analyst: str
    signals: tuple[WarningSignal, ...]
    rescues: tuple[RescueCase, ...]


@dataclass(frozen=True)
class Warnings:
    company: str
    currency: str
    date: str
    customers: tuple[WarningCustomer, ...]

    def count(self, level: str) -> int:
        return sum(1 for customer in self.customers if customer.level == level)

    @property
    def open_rescues(self) -> int:
        return sum(1 for c in self.customers for r in c.rescues if r.state in ("draft", "open"))


def fetch_warnings(
    transport: Transport, company_id: int | None, context: Mapping[str, Any] | None
) -> dict[str, Any]:
    """The server's answer for ``company_id`` (None: the user's current company), worded in
    the context's language. One call; the same when ``credit pull`` records it."""
    return fetch_listing(
        transport,
        (schema.WARNINGS_MODEL, schema.WARNINGS_METHOD, schema.WARNINGS_ADDON),
        _("Odoo has no early warning: install its {addon} add-on").format(
            addon=schema.WARNINGS_ADDON
        ),
        "customers",
        company_id,
        context,
    )


def build_warnings(answer: Mapping[str, Any]) -> Warnings:
    """The answer as data classes, in the server's order (highest score first)."""
    customers = tuple(
        WarningCustomer(
            name=text(c.get("name")),
            level=text(c.get("level")),
            level_label=text(c.get("level_label")),
            score=float(c.get("score") or 0.0),
            analyst=text(c.get("analyst")),
            signals=tuple(
                WarningSignal(
                    type_label=text(s.get("type_label")),
                    evidence=text(s.get("evidence")),
                    weight=float(s.get("weight") or 0.0),
                    since=text(s.get("since")),
                )
                for s in c.get("signals") or ()
            ),
            rescues=tuple(
                RescueCase(
                    name=text(r.get("name")),
                    state=text(r.get("state")),
                    state_label=text(r.get("state_label")),
                    outcome_label=text(r.get("outcome_label")),
                    responsible=text(r.get("responsible")),
                    date_open=text(r.get("date_open")),
                    actions_todo=int(r.get("actions_todo") or 0),
                )
                for r in c.get("rescues") or ()
            ),
        )
        for c in answer.get("customers") or ()
    )
    return Warnings(
        company=text(answer.get("company")),
        currency=text(answer.get("currency")),
        date=text(answer.get("date")),
        customers=customers,
    )
