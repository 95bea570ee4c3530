"""The annual appraisal (SPEC section 6) as plain values: the server's scorecards.

The staff add-on owns every rule: each item's score, the total, the tier (its rating),
the outcome, the failure count across years and companies, the bonus withheld and who
is on the award and disqualification lists. It gives them in one call,
``credit.appraisal.period.credit_scorecards(year, company_id, lang)`` (as
``credit_block_preview`` gives the credit check); this module reads that answer into
plain values and works nothing out itself. A server whose add-on predates the method
cannot make these reports (MissingMethodError, told in one line).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..i18n import _
from . import schema
from .transport import ConnectorError, MissingMethodError, Transport

TIERS: tuple[str, ...] = ("advanced", "excellent", "commendation", "pass", "fail")
AWARD_TIERS: tuple[str, ...] = ("advanced", "excellent", "commendation")
#: The lists' status as the server says it.
LIST_DRAFT, LIST_SUBMITTED, LIST_APPROVED = "draft", "submitted", "approved"


@dataclass(frozen=True)
class Thresholds:
    """Where each tier starts and the failure rules, as the period keeps them (shown only)."""

    advanced: float
    excellent: float
    commendation: float
    fail_below: float
    revoke_at_failure: int


@dataclass(frozen=True)
class ListStatus:
    """The award and disqualification lists: draft, submitted or approved; by whom, when."""

    status: str
    submitted_by: str = ""
    date_submitted: str = ""
    approved_by: str = ""
    date_approved: str = ""

    @property
    def approved(self) -> bool:
        """Approved by the legal representative (only then may a list say so)."""
        return self.status == LIST_APPROVED


@dataclass(frozen=True)
class ScoreLine:
    """One of the 19 items of a scorecard, as the server scored it."""

    code: str
    section: str
    name: str
    points: float
    score: float | None
    computed: bool
    evidence: str
    comment: str
    #: The records hold nothing this item measures for the person: scored by hand.
    not_measurable: bool = False
    not_measurable_reason: str = ""
    #: Not measurable and scored by an assessor with evidence.
    hand_scored: bool = False
    hand_score: float | None = None
    hand_evidence: str = ""

    @property
    def source(self) -> str:
        """computed / entered / not_measurable / hand_scored (a label key)."""
        if self.hand_scored:
            return "hand_scored"
        if self.not_measurable:
            return "not_measurable"
        return "computed" if self.computed else "entered"


@dataclass(frozen=True)
class Scorecard:
    """One administrator's appraisal for the year, as the server computed it."""

    appraisal_id: int
    administrator_id: int
    employee_id: int
    name: str
    year: int
    state: str
    lines: tuple[ScoreLine, ...]
    total: float
    #: The server's rating (advanced / excellent / commendation / pass / fail).
    tier: str
    #: The server's outcome: award, none, first_failure, revocation ('' before it is set).
    outcome: str
    failure_number: int
    bonus_withheld: bool
    misuse: bool
    on_award_list: bool
    on_disqualification_list: bool
    employee_number: str = ""
    department: str = ""
    qualification: str = ""

    @property
    def penalty(self) -> str:
        """The outcome when it is a penalty ('first_failure', 'revocation'), else ''."""
        return self.outcome if self.outcome in schema.PENALTY_OUTCOMES else ""

    @property
    def awarded(self) -> bool:
        """On the server's award list."""
        return self.on_award_list

    @property
    def disqualified(self) -> bool:
        """On the server's disqualification list."""
        return self.on_disqualification_list


@dataclass(frozen=True)
class AppraisalYear:
    """Everything the appraisal reports need for one year and company."""

    year: int
    company: str
    period_state: str
    thresholds: Thresholds
    scorecards: tuple[Scorecard, ...]
    lists: ListStatus = ListStatus(LIST_DRAFT)
    company_id: int | None = None
    lang: str = ""

    def tier_counts(self) -> dict[str, int]:
        """How many people the server put in each tier (every tier listed, zeros included)."""
        counts = dict.fromkeys(TIERS, 0)
        for card in self.scorecards:
            counts[card.tier] = counts.get(card.tier, 0) + 1
        return counts


def _m2o_id(value: Any) -> int | None:
    return int(value[0]) if value else None


def _m2o_name(value: Any) -> str:
    return str(value[1]) if value else ""


def _text(value: Any) -> str:
    return "" if value is False or value is None else str(value)


def select_period(
    periods: Sequence[Mapping[str, Any]],
    year: int,
    company: str | None,
    preferred_company_id: int | None = None,
) -> Mapping[str, Any]:
    """The period of ``year`` (and ``company``, by name or id, when given).

    Without ``company``, when several companies have a period that year, the one of
    ``preferred_company_id`` (the user's current company) is taken.
    """
    of_year = [p for p in periods if int(p["year"]) == year]
    if not company and len(of_year) > 1 and preferred_company_id is not None:
        preferred = [p for p in of_year if _m2o_id(p["company_id"]) == preferred_company_id]
        of_year = preferred or of_year
    if company:
        of_year = [
            p
            for p in of_year
            if _m2o_name(p["company_id"]) == company or str(_m2o_id(p["company_id"])) == company
        ]
    if not of_year:
        years = sorted({int(p["year"]) for p in periods})
        known = ", ".join(str(y) for y in years) if years else _("none")
        if company:
            message = _("no appraisal period for {year} for company {company!r} (periods: {known})")
        else:
            message = _("no appraisal period for {year} (periods: {known})")
        raise ConnectorError(message.format(year=year, company=company, known=known))
    if len(of_year) > 1:
        names = ", ".join(sorted(_m2o_name(p["company_id"]) for p in of_year))
        raise ConnectorError(
            _(
                "{count} companies have an appraisal period for {year} ({names}); "
                "choose one with --company"
            ).format(count=len(of_year), year=year, names=names)
        )
    return of_year[0]


def fetch_scorecards(
    transport: Transport, year: int, company_id: int, context: Mapping[str, Any] | None
) -> dict[str, Any]:
    """The server's answer for ``year`` and ``company_id``, worded in the context's language.

    One call; the same call when ``credit pull`` records it and when a report replays it.
    """
    context = dict(context or {})
    try:
        answer = transport.execute_kw(
            schema.APPRAISAL_PERIOD.model,
            schema.SCORECARDS_METHOD,
            [int(year), int(company_id), context.get("lang") or False],
            {"context": context},
        )
    except MissingMethodError:
        raise MissingMethodError(
            _(
                "Odoo has no {call}: its credit_appraisal add-on is older than this command "
                "(update the add-on)"
            ).format(call=f"{schema.APPRAISAL_PERIOD.model}.{schema.SCORECARDS_METHOD}")
        ) from None
    if not isinstance(answer, Mapping) or "scorecards" not in answer and "period" not in answer:
        raise ConnectorError(
            _("Odoo's {method} gave an answer this command does not read").format(
                method=schema.SCORECARDS_METHOD
            )
        )
    return dict(answer)


def _line(row: Mapping[str, Any]) -> ScoreLine:
    hand_scored = bool(row.get("hand_scored"))
    return ScoreLine(
        code=_text(row["code"]),
        section=_text(row["section"]),
        name=_text(row["name"]),
        points=float(row["points"] or 0.0),
        score=None if row["score"] is False or row["score"] is None else float(row["score"]),
        computed=bool(row["computed"]),
        evidence=_text(row["evidence"]),
        comment=_text(row["comment"]),
        not_measurable=bool(row.get("not_measurable")),
        not_measurable_reason=_text(row.get("not_measurable_reason")),
        hand_scored=hand_scored,
        hand_score=float(row["hand_score"] or 0.0) if hand_scored else None,
        hand_evidence=_text(row.get("hand_evidence")),
    )


def build_appraisal_year(answer: Mapping[str, Any]) -> AppraisalYear:
    """The server's scorecards (the answer of :func:`fetch_scorecards`) as plain values."""
    year = int(answer["year"])
    period = answer.get("period")
    if not period:
        years = answer.get("years") or []
        known = ", ".join(str(y) for y in years) if years else _("none")
        raise ConnectorError(
            _("no appraisal period for {year} in {company} (periods: {known})").format(
                year=year, company=answer.get("company", "?"), known=known
            )
        )
    lists = answer.get("lists") or {}
    th = answer["thresholds"]
    cards = tuple(
        Scorecard(
            appraisal_id=int(card["appraisal_id"]),
            administrator_id=int(card["administrator_id"] or 0),
            employee_id=int(card["employee_id"] or 0),
            name=_text(card["name"]),
            year=year,
            state=_text(card["state"]),
            lines=tuple(_line(row) for row in card["lines"]),
            total=float(card["total"] or 0.0),
            tier=_text(card["tier"]),
            outcome=_text(card["outcome"]),
            failure_number=int(card["failure_number"] or 0),
            bonus_withheld=bool(card["bonus_withheld"]),
            misuse=bool(card["misuse"]),
            on_award_list=bool(card["on_award_list"]),
            on_disqualification_list=bool(card["on_disqualification_list"]),
            employee_number=_text(card.get("employee_number")),
            department=_text(card.get("department")),
            qualification=_text(card.get("qualification")),
        )
        for card in answer["scorecards"]
    )
    return AppraisalYear(
        year=year,
        company=_text(answer.get("company")),
        company_id=int(answer["company_id"]) if answer.get("company_id") else None,
        lang=_text(answer.get("lang")),
        period_state=_text(period.get("state")),
        lists=ListStatus(
            status=_text(lists.get("status")) or LIST_DRAFT,
            submitted_by=_text(lists.get("submitted_by")),
            date_submitted=_text(lists.get("date_submitted")),
            approved_by=_text(lists.get("approved_by")),
            date_approved=_text(lists.get("date_approved")),
        ),
        thresholds=Thresholds(
            advanced=float(th["advanced"]),
            excellent=float(th["excellent"]),
            commendation=float(th["commendation"]),
            fail_below=float(th["fail_below"]),
            revoke_at_failure=int(th["revoke_at_failure"]),
        ),
        scorecards=cards,
    )


def period_choice(
    data: Mapping[str, Sequence[Mapping[str, Any]]],
    year: int | None,
    company: str | None,
    preferred_company_id: int | None = None,
) -> tuple[int, int]:
    """(year, company id) of the period a report is for, from the pulled periods."""
    try:
        periods = data[schema.APPRAISAL_PERIOD.model]
    except KeyError:
        raise ConnectorError(
            _("the data has no {model} records (pulled without the {addon} add-on?)").format(
                model=schema.APPRAISAL_PERIOD.model, addon="credit_appraisal"
            )
        ) from None
    if year is None:
        if not periods:
            raise ConnectorError(_("there is no appraisal period yet"))
        year = max(int(p["year"]) for p in periods)
    period = select_period(periods, year, company, preferred_company_id)
    company_id = _m2o_id(period["company_id"])
    if company_id is None:
        raise ConnectorError(_("the appraisal period {year} has no company").format(year=year))
    return year, company_id
