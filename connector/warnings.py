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
from .transport import (
    AddonMissing,
    ConnectorError,
    MissingMethodError,
    MissingModelError,
    Transport,
)


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
    context = dict(context or {})
    try:
        answer = transport.execute_kw(
            schema.WARNINGS_MODEL,
            schema.WARNINGS_METHOD,
            [company_id or False, context.get("lang") or False],
            {"context": context},
        )
    except MissingModelError:
        raise AddonMissing(
            _("Odoo has no early warning: install its {addon} add-on").format(
                addon=schema.WARNINGS_ADDON
            )
        ) from None
    except MissingMethodError:
        raise MissingMethodError(
            _(
                "Odoo has no {call}: its {addon} add-on is older than this command "
                "(update the add-on)"
            ).format(
                call=f"{schema.WARNINGS_MODEL}.{schema.WARNINGS_METHOD}",
                addon=schema.WARNINGS_ADDON,
            )
        ) from None
    if not isinstance(answer, Mapping) or "customers" not in answer:
        raise ConnectorError(
            _("Odoo's {method} gave an answer this command does not read").format(
                method=schema.WARNINGS_METHOD
            )
        )
    return dict(answer)


def _text(value: Any) -> str:
    return "" if value in (None, False) else str(value)


def build_warnings(answer: Mapping[str, Any]) -> Warnings:
    """The answer as data classes, in the server's order (highest score first)."""
    customers = tuple(
        WarningCustomer(
            name=_text(c.get("name")),
            level=_text(c.get("level")),
            level_label=_text(c.get("level_label")),
            score=float(c.get("score") or 0.0),
            analyst=_text(c.get("analyst")),
            signals=tuple(
                WarningSignal(
                    type_label=_text(s.get("type_label")),
                    evidence=_text(s.get("evidence")),
                    weight=float(s.get("weight") or 0.0),
                    since=_text(s.get("since")),
                )
                for s in c.get("signals") or ()
            ),
            rescues=tuple(
                RescueCase(
                    name=_text(r.get("name")),
                    state=_text(r.get("state")),
                    state_label=_text(r.get("state_label")),
                    outcome_label=_text(r.get("outcome_label")),
                    responsible=_text(r.get("responsible")),
                    date_open=_text(r.get("date_open")),
                    actions_todo=int(r.get("actions_todo") or 0),
                )
                for r in c.get("rescues") or ()
            ),
        )
        for c in answer.get("customers") or ()
    )
    return Warnings(
        company=_text(answer.get("company")),
        currency=_text(answer.get("currency")),
        date=_text(answer.get("date")),
        customers=customers,
    )
