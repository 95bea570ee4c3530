"""Training sessions, exams and sample checks, fees and fines (SPEC section 5).

Plain rows for the training report and HR's annual export, cut to a year and,
optionally, a half-year ("1" or "2", as the staff add-on stores it).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..i18n import _
from . import schema
from .appraisal import AppraisalYear
from .transport import ConnectorError


def _m2o_id(value: Any) -> int | None:
    return int(value[0]) if value else None


def _m2o_name(value: Any) -> str:
    return str(value[1]) if value else ""


def _text(value: Any) -> str:
    return "" if value is False or value is None else str(value)


def _number(value: Any) -> float | None:
    return None if value is False or value is None else float(value)


@dataclass(frozen=True)
class SessionRow:
    date: str
    half: str
    name: str
    session_type: str
    assessment: str
    invited: int
    attended: int


@dataclass(frozen=True)
class ResultRow:
    date: str
    session: str
    person: str
    kind: str
    attempt: int
    makeup: bool
    score: float | None
    mastery: float | None
    passed: bool
    makeup_required: bool


@dataclass(frozen=True)
class FeeRow:
    date: str
    person: str
    kind: str
    reason: str
    amount: float
    paid: bool


@dataclass(frozen=True)
class TrainingYear:
    year: int
    half: str | None
    sessions: tuple[SessionRow, ...]
    results: tuple[ResultRow, ...]
    fees: tuple[FeeRow, ...]
    #: The companies whose sessions and fees the year lists, by name: the report's
    #: heading names them, not every company the reader happens to be allowed into.
    companies: tuple[str, ...] = ()


def _records(data: Mapping[str, Sequence[Mapping[str, Any]]], dataset: schema.Dataset) -> Any:
    try:
        return data[dataset.model]
    except KeyError:
        raise ConnectorError(
            _("the data has no {model} records (pulled without the {addon} add-on?)").format(
                model=dataset.model, addon=dataset.addon
            )
        ) from None


def _half_of(date: str) -> str:
    return "1" if date and int(date[5:7]) <= 6 else "2"


def _in_period(date: str, year: int, half: str | None) -> bool:
    return int(date[:4]) == year and (half is None or _half_of(date) == half)


def build_training_year(
    data: Mapping[str, Sequence[Mapping[str, Any]]], year: int, half: str | None = None
) -> TrainingYear:
    """Sessions, results and fees of ``year`` (and ``half``), in date order."""
    sessions_all = _records(data, schema.TRAINING_SESSION)
    years = sorted({int(s["year"]) for s in sessions_all if s["year"]})
    sessions = [
        s
        for s in sessions_all
        if int(s["year"] or 0) == year and (half is None or _text(s["half"]) == half)
    ]
    if not sessions and year not in years:
        known = ", ".join(str(y) for y in years) or _("none")
        raise ConnectorError(
            _("no training sessions in {year} (years with sessions: {known})").format(
                year=year, known=known
            )
        )
    session_ids = {int(s["id"]) for s in sessions}
    session_rows = tuple(
        sorted(
            (
                SessionRow(
                    date=_text(s["date"]),
                    half=_text(s["half"]),
                    name=_text(s["name"]),
                    session_type=_text(s["session_type"]),
                    assessment=_text(s["assessment"]),
                    invited=len(s["invited_ids"] or []),
                    attended=len(s["attendee_ids"] or []),
                )
                for s in sessions
            ),
            key=lambda r: (r.date, r.name),
        )
    )
    results = tuple(
        sorted(
            (
                ResultRow(
                    date=_text(r["date"]),
                    session=_m2o_name(r["session_id"]),
                    person=_m2o_name(r["employee_id"]),
                    kind=_text(r["kind"]),
                    attempt=int(r["attempt"] or 1),
                    makeup=bool(r["makeup_of_id"]),
                    score=_number(r["score"]) if r["kind"] == "exam" else None,
                    mastery=_number(r["mastery"]) if r["kind"] == "sample" else None,
                    passed=bool(r["passed"]),
                    makeup_required=bool(r["makeup_required"]),
                )
                for r in _records(data, schema.TRAINING_RESULT)
                if _m2o_id(r["session_id"]) in session_ids
            ),
            key=lambda r: (r.date, r.session, r.person, r.attempt),
        )
    )
    fees_rows = [
        f
        for f in _records(data, schema.TRAINING_FEE)
        if f["date"] and _in_period(str(f["date"]), year, half)
    ]
    fees = tuple(
        sorted(
            (
                FeeRow(
                    date=_text(f["date"]),
                    person=_m2o_name(f["employee_id"]),
                    kind=_text(f["kind"]),
                    reason=_text(f["reason"]),
                    amount=float(f["amount"] or 0.0),
                    paid=bool(f["paid"]),
                )
                for f in fees_rows
            ),
            key=lambda r: (r.date, r.person),
        )
    )
    companies = sorted({_m2o_name(r["company_id"]) for r in [*sessions, *fees_rows]} - {""})
    return TrainingYear(
        year=year,
        half=half,
        sessions=session_rows,
        results=results,
        fees=fees,
        companies=tuple(companies),
    )


@dataclass(frozen=True)
class HrRow:
    """What HR needs per person for the year: the server's appraisal, training, money."""

    name: str
    employee_number: str
    department: str
    total: float
    tier: str
    penalty: str
    failure_number: int
    bonus_withheld: bool
    qualification: str
    sessions_attended: int
    exams_passed: int
    exams_failed: int
    makeups: int
    fees: float
    fines: float
    #: Fees and fines of the year not paid yet.
    unpaid: float


def build_hr_rows(
    appraisal: AppraisalYear, data: Mapping[str, Sequence[Mapping[str, Any]]]
) -> list[HrRow]:
    """One row per appraised administrator, by name: the server's scorecard figures
    (total, tier, penalty, failures, bonus withheld, qualification) beside the year's
    training records, added up per person."""
    year = appraisal.year
    sessions = [
        s for s in data.get(schema.TRAINING_SESSION.model, []) if int(s["year"] or 0) == year
    ]
    results = [r for r in data.get(schema.TRAINING_RESULT.model, []) if int(r["year"] or 0) == year]
    fees = [
        f
        for f in data.get(schema.TRAINING_FEE.model, [])
        if f["date"] and int(str(f["date"])[:4]) == year
    ]
    rows = []
    for card in appraisal.scorecards:
        employee = card.employee_id or None
        mine = [r for r in results if _m2o_id(r["employee_id"]) == employee]
        my_fees = [f for f in fees if _m2o_id(f["employee_id"]) == employee]
        rows.append(
            HrRow(
                name=card.name,
                employee_number=card.employee_number,
                department=card.department,
                total=card.total,
                tier=card.tier,
                penalty=card.penalty,
                failure_number=card.failure_number,
                bonus_withheld=card.bonus_withheld,
                qualification=card.qualification,
                sessions_attended=sum(
                    1
                    for s in sessions
                    if employee is not None and employee in (s["attendee_ids"] or [])
                ),
                exams_passed=sum(1 for r in mine if r["passed"]),
                exams_failed=sum(1 for r in mine if not r["passed"]),
                makeups=sum(1 for r in mine if r["makeup_of_id"]),
                fees=round(
                    sum(float(f["amount"] or 0) for f in my_fees if f["kind"] == "makeup_fee"), 2
                ),
                fines=round(
                    sum(float(f["amount"] or 0) for f in my_fees if f["kind"] == "fine"), 2
                ),
                unpaid=round(sum(float(f["amount"] or 0) for f in my_fees if not f["paid"]), 2),
            )
        )
    rows.sort(key=lambda r: r.name)
    return rows
