"""Fetch every customer's credit exposure from Odoo in a few batched calls.

The add-on computes the figures (exposure = receivable + draft invoices +
confirmed orders not yet invoiced, available amount, overdue amount); this
module only reads them. It makes exactly ``2 + ceil(customers / batch_size)``
calls: one for the company, one search for the customer ids, then one ``read``
per batch, so a report over thousands of customers stays cheap for the server.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from ..i18n import _
from .exposure_ageing import fetch_ageing
from .models import CompanyInfo, PartnerExposure
from .pull import PAGE_SIZE
from .schema import (  # noqa: F401  (re-exported: the names live in schema)
    CUSTOMER_DOMAIN,
    EXCEPTION_MODEL,
    EXCEPTION_PENDING_STATE,
    EXTRA_FIELDS,
    FIELDS,
    GUARANTEE_FIELDS,
    RECEIVABLE_DOMAIN,
)
from .transport import (
    ConnectorError,
    MissingMethodError,
    ReplayMissError,
    SettingsError,
    Transport,
)

DEFAULT_BATCH_SIZE = 500


def _no_company() -> str:
    return _("Odoo returned no company (res.company is empty or not readable)")


def _bad_batch_size(batch_size: int) -> SettingsError:
    return SettingsError(_("batch size {size}: it must be at least 1").format(size=batch_size))


def _text(value: Any) -> str | None:
    """Odoo sends ``False`` for an empty char field."""
    if value is False or value is None:
        return None
    return str(value)


def _many2one_name(value: Any) -> str | None:
    """A many2one is read as ``[id, display_name]`` or ``False``."""
    if not value:
        return None
    return str(value[1])


def _amount(value: Any) -> float:
    """Float fields are never empty in Odoo; ``False`` would only come from a bad field."""
    return float(value or 0.0)


def _date(value: Any) -> dt.date | None:
    """Date fields are read as ``'YYYY-MM-DD'`` or ``False``."""
    if not value:
        return None
    return dt.date.fromisoformat(str(value))


def _partner(record: Mapping[str, Any], guarantees: bool = False) -> PartnerExposure:
    """Map one read() record to a PartnerExposure; ``guarantees``: the guarantee fields
    were asked for (the server has them), else cover and contingent liability are unknown."""
    missing = [name for name in FIELDS if name not in record]
    if missing:
        raise ConnectorError(
            _(
                "Odoo did not return res.partner field(s) {fields}; is the credit_management "
                "add-on installed and up to date?"
            ).format(fields=", ".join(missing))
        )
    return PartnerExposure(
        partner_id=int(record["id"]),
        name=str(record["name"] or ""),
        ref=_text(record["ref"]),
        credit_code=_text(record["credit_code"]),
        grade=_many2one_name(record["credit_grade_id"]),
        score=_amount(record["credit_score"]),
        credit_limit=_amount(record["credit_limit"]),
        receivable=_amount(record["credit_exposure_receivable"]),
        draft_invoices=_amount(record["credit_exposure_draft_invoice"]),
        unbilled_orders=_amount(record["credit_exposure_sale_order"]),
        exposure=_amount(record["credit_exposure"]),
        available=_amount(record["credit_available"]),
        overdue=_amount(record["credit_overdue_amount"]),
        next_review_date=_date(record["credit_next_review_date"]),
        on_warning_list=bool(record["credit_on_warning_list"]),
        salesperson=_many2one_name(record["user_id"]),
        guarantee_cover=_amount(record["credit_guarantee_cover"]) if guarantees else None,
        contingent_liability=_amount(record["credit_guarantee_contingent"]) if guarantees else None,
    )


def _chunks(ids: Sequence[int], size: int) -> Iterator[list[int]]:
    for start in range(0, len(ids), size):
        yield list(ids[start : start + size])


def fetch_company(transport: Transport, context: Mapping[str, Any] | None = None) -> CompanyInfo:
    """The company named on the report, with its currency (one call).

    Without the user's id we cannot read the user's own company, so this takes
    the first company in Odoo's order, which is the main one of a database.
    """
    kwargs: dict[str, Any] = {"fields": ["name", "currency_id"], "limit": 1}
    if context:
        kwargs["context"] = dict(context)
    rows = transport.execute_kw("res.company", "search_read", [[]], kwargs)
    if not rows:
        raise ConnectorError(_no_company())
    row = rows[0]
    return CompanyInfo(name=str(row["name"]), currency=_many2one_name(row["currency_id"]) or "")


def fetch_exposure(
    transport: Transport,
    batch_size: int = DEFAULT_BATCH_SIZE,
    context: Mapping[str, Any] | None = None,
) -> tuple[CompanyInfo, list[PartnerExposure]]:
    """Return the company and every customer's exposure, ordered by name.

    ``context`` (e.g. ``{"lang": "zh_CN"}``) is sent with every call, so that
    names such as grades come back in the user's language.
    """
    if batch_size < 1:
        raise _bad_batch_size(batch_size)
    extra: dict[str, Any] = {"context": dict(context)} if context else {}
    company = fetch_company(transport, context)
    ids = transport.execute_kw(
        "res.partner", "search", [CUSTOMER_DOMAIN], {"order": "name", **extra}
    )
    # the server's exposure counts what a guarantor guarantees for others: read it too,
    # so that a row adds up
    guarantee_fields = fetch_guarantee_fields(transport, context)
    company = dataclasses.replace(company, guarantees=bool(guarantee_fields))
    partners: list[PartnerExposure] = []
    for chunk in _chunks(ids, batch_size):
        records = transport.execute_kw(
            "res.partner", "read", [chunk], {"fields": [*FIELDS, *guarantee_fields], **extra}
        )
        by_id = {record["id"]: record for record in records}
        # read() may drop ids (deleted meanwhile) and need not keep the order asked.
        partners.extend(
            _partner(by_id[pid], bool(guarantee_fields)) for pid in chunk if pid in by_id
        )
    return company, partners


# --------------------------------------------------------------------------- version 3

#: 4: the ageing buckets and days overdue as the server has them (configured buckets).
EXPOSURE_VERSION = 4
#: Fields of res.company read for the report.
COMPANY_FIELDS: tuple[str, ...] = ("name", "currency_id")
#: The server method giving the real credit check's reasons (credit_management).
BLOCK_PREVIEW_METHOD = "credit_block_preview"


def select_company(
    rows: Sequence[Mapping[str, Any]], company: str | None, default_id: int | None = None
) -> Mapping[str, Any]:
    """The company named (by name or id), else the user's (``default_id``), else the first."""
    if not rows:
        raise ConnectorError(_no_company())
    if not company:
        for row in rows:
            if default_id is not None and int(row["id"]) == default_id:
                return row
        return rows[0]
    for row in rows:
        if company in (str(row["name"]), str(row["id"])):
            return row
    names = ", ".join(str(r["name"]) for r in rows)
    raise ConnectorError(
        _("no company {company!r} in this database (companies: {names})").format(
            company=company, names=names
        )
    )


def fetch_user_company(
    transport: Transport, user_id: int | None, context: Mapping[str, Any] | None = None
) -> int | None:
    """The logged-in user's current company (res.users.company_id), one call; None unknown."""
    if user_id is None:
        return None
    rows = transport.execute_kw(
        "res.users",
        "read",
        [[int(user_id)]],
        {"fields": ["company_id"], "context": dict(context or {})},
    )
    if not rows or not rows[0].get("company_id"):
        return None
    return int(rows[0]["company_id"][0])


def fetch_block_preview(
    transport: Transport,
    partner_ids: Sequence[int],
    company_id: int,
    context: Mapping[str, Any] | None,
) -> tuple[dict[int, tuple[str, ...]], bool] | None:
    """The server's credit check for a new sale to each partner, one call.

    ({partner id: reasons}, whether the company's check is on), or None when the
    server's add-on is too old to say (the report then shows "—", never a guess).
    """
    try:
        answer = transport.execute_kw(
            "res.partner",
            BLOCK_PREVIEW_METHOD,
            [list(partner_ids), company_id],
            {"context": dict(context or {})},
        )
    except (MissingMethodError, ReplayMissError):
        return None
    checks = answer.get("checks") or {}
    reasons = {
        int(pid): tuple(str(r) for r in listed)
        for pid, listed in (answer.get("reasons") or {}).items()
    }
    return reasons, bool(checks.get("sale") or checks.get("invoice"))


def fetch_guarantee_fields(
    transport: Transport, context: Mapping[str, Any] | None
) -> tuple[str, ...]:
    """The guarantee fields the server has on res.partner (one call): none without the
    credit_guarantee add-on, or when a recording made before it cannot say."""
    try:
        answer = transport.execute_kw(
            "res.partner",
            "fields_get",
            [list(GUARANTEE_FIELDS)],
            {"attributes": ["type"], "context": dict(context or {})},
        )
    except (MissingMethodError, ReplayMissError):
        return ()
    present = tuple(name for name in GUARANTEE_FIELDS if name in (answer or {}))
    return present if len(present) == len(GUARANTEE_FIELDS) else ()


def fetch_exposure_full(
    transport: Transport,
    today: dt.date,
    context: Mapping[str, Any] | None = None,
    company: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    user_id: int | None = None,
    page_size: int = PAGE_SIZE,
) -> tuple[CompanyInfo, list[PartnerExposure]]:
    """Exposure with grade policy, limit in force, ageing, days overdue and exceptions.

    Calls: companies, the user's company (when ``user_id`` is known and no ``company``
    is named), customer ids, per batch of customers one read and one block preview
    (the server's credit check), two for the ageing (see :func:`fetch_ageing`) and one
    for pending exceptions; the number of calls does not grow with invoices or orders.
    Overdue, days overdue and the buckets are the server's (one definition of overdue,
    credit_management's ``credit_overdue.sql``); nothing is recomputed here.
    """
    if batch_size < 1:
        raise _bad_batch_size(batch_size)
    base_ctx = dict(context or {})
    companies = transport.execute_kw(
        "res.company",
        "search_read",
        [[]],
        {"fields": list(COMPANY_FIELDS), "order": "id", "context": base_ctx},
    )
    default_id = fetch_user_company(transport, user_id, base_ctx) if not company else None
    chosen = select_company(companies, company, default_id)
    company_id = int(chosen["id"])
    ctx = {**base_ctx, "allowed_company_ids": [company_id]}
    ids = transport.execute_kw(
        "res.partner", "search", [CUSTOMER_DOMAIN], {"order": "name", "context": ctx}
    )
    guarantee_fields = fetch_guarantee_fields(transport, ctx)
    records: dict[int, Mapping[str, Any]] = {}
    reasons: dict[int, tuple[str, ...]] | None = {}
    check_on: bool | None = None
    for chunk in _chunks(ids, batch_size):
        rows = transport.execute_kw(
            "res.partner",
            "read",
            [chunk],
            {"fields": [*FIELDS, *EXTRA_FIELDS, *guarantee_fields], "context": ctx},
        )
        for row in rows:
            records[int(row["id"])] = row
        if reasons is not None:
            preview = fetch_block_preview(transport, chunk, company_id, ctx)
            if preview is None:
                reasons, check_on = None, None
            else:
                reasons.update(preview[0])
                check_on = preview[1]
    ageing = fetch_ageing(transport, company_id, today, ctx, page_size)
    exceptions = transport.execute_kw(
        EXCEPTION_MODEL,
        "read_group",
        [
            [["state", "=", EXCEPTION_PENDING_STATE], ["company_id", "=", company_id]],
            ["partner_id"],
            ["partner_id"],
        ],
        {"lazy": False, "context": ctx},
    )
    pending = {
        int(g["partner_id"][0]): int(g.get("__count") or 0)
        for g in exceptions
        if g.get("partner_id")
    }
    info = CompanyInfo(
        name=str(chosen["name"]),
        currency=_many2one_name(chosen["currency_id"]) or "",
        credit_check_on=check_on,
        ageing_buckets=ageing.names if ageing else (),
        guarantees=bool(guarantee_fields),
    )
    partners: list[PartnerExposure] = []
    for pid in ids:
        record = records.get(int(pid))
        if record is None:
            continue
        missing = [name for name in EXTRA_FIELDS if name not in record]
        if missing:
            raise ConnectorError(
                _(
                    "Odoo did not return res.partner field(s) {fields}; is the "
                    "credit_management add-on up to date?"
                ).format(fields=", ".join(missing))
            )
        base = _partner(record, bool(guarantee_fields))
        has_limit = bool(record["credit_has_limit"])
        sums, days = ageing.of(int(pid)) if ageing else (None, None)
        partners.append(
            dataclasses.replace(
                base,
                credit_limit=_amount(record["credit_limit_in_force"]) if has_limit else 0.0,
                available=base.available if has_limit else 0.0,
                policy=_text(record["credit_policy"]),
                temporary_until=_date(record["credit_temporary_until"]),
                overdue_beyond_tolerance=bool(record["credit_overdue_beyond_tolerance"]),
                days_overdue=days,
                ageing=sums,
                pending_exceptions=pending.get(int(pid), 0),
                scored=bool(record["credit_score_date"]),
                block_reasons=None if reasons is None else reasons.get(int(pid), ()),
            )
        )
    partners.sort(key=lambda p: p.risk_key)
    return info, partners
