"""The annual appraisal (SPEC section 6) as plain values: scorecards, tiers, penalties.

The staff add-on computes each line's score; this module only adds them up and
applies the rules the reports print, so that a snapshot gives the same lists as
the server:

- award tiers on the total: advanced from 95, excellent from 90, commendation
  from 80 (the period's own thresholds when it carries them);
- a total under 60 is a failure: the first one means education and no bonus,
  the second, counting earlier *locked* years, means the qualification is revoked;
- contracts used for unlawful acts mean revocation whatever the total.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from . import schema
from .transport import ConnectorError

TIERS: tuple[str, ...] = ("advanced", "excellent", "commendation", "pass", "fail")
AWARD_TIERS: tuple[str, ...] = ("advanced", "excellent", "commendation")
#: Totals are kept with one decimal; compare with a tolerance below that.
EPSILON = 1e-6


@dataclass(frozen=True)
class Thresholds:
    """Where each tier starts, and the failure rules (the period's settings)."""

    advanced: float = 95.0
    excellent: float = 90.0
    commendation: float = 80.0
    fail_below: float = 60.0
    revoke_at_failure: int = 2

    @classmethod
    def of_period(cls, period: Mapping[str, Any]) -> Thresholds:
        """The period's thresholds; a missing or zero value keeps SPEC's default."""
        default = cls()

        def pick(name: str, fallback: float) -> float:
            value = period.get(name)
            return float(value) if value else fallback

        return cls(
            advanced=pick("award_advanced", default.advanced),
            excellent=pick("award_excellent", default.excellent),
            commendation=pick("award_commendation", default.commendation),
            fail_below=pick("fail_threshold", default.fail_below),
            revoke_at_failure=int(pick("revoke_after_failures", default.revoke_at_failure)),
        )


def tier_of(total: float, thresholds: Thresholds = Thresholds()) -> str:  # noqa: B008
    """advanced / excellent / commendation / pass / fail for a total."""
    total = round(float(total), 1)
    if total + EPSILON >= thresholds.advanced:
        return "advanced"
    if total + EPSILON >= thresholds.excellent:
        return "excellent"
    if total + EPSILON >= thresholds.commendation:
        return "commendation"
    if total + EPSILON < thresholds.fail_below:
        return "fail"
    return "pass"


def penalty_of(failure_number: int, misuse: bool, thresholds: Thresholds = Thresholds()) -> str:  # noqa: B008
    """'' (none), 'first_failure' or 'revocation'."""
    if misuse or (failure_number and failure_number >= thresholds.revoke_at_failure):
        return schema.OUTCOME_REVOCATION
    if failure_number:
        return schema.OUTCOME_FIRST_FAILURE
    return ""


@dataclass(frozen=True)
class ScoreLine:
    """One of the 19 items of a scorecard."""

    code: str
    section: str
    name: str
    points: float
    score: float | None
    computed: bool
    evidence: str
    comment: str


@dataclass(frozen=True)
class Scorecard:
    """One administrator's appraisal for the year."""

    appraisal_id: int
    administrator_id: int
    name: str
    year: int
    state: str
    lines: tuple[ScoreLine, ...]
    total: float
    tier: str
    failure_number: int
    penalty: str
    misuse: bool
    earlier_failures: tuple[int, ...] = field(default=())

    @property
    def awarded(self) -> bool:
        """On the award list: an award tier and no revocation."""
        return self.tier in AWARD_TIERS and self.penalty != schema.OUTCOME_REVOCATION

    @property
    def disqualified(self) -> bool:
        """On the disqualification list."""
        return self.penalty == schema.OUTCOME_REVOCATION

    @property
    def risk_key(self) -> tuple[int, float, str]:
        """Sort order of the summary: by total, highest first, then name."""
        return (0, -self.total, self.name)


@dataclass(frozen=True)
class AppraisalYear:
    """Everything the appraisal reports need for one year and company."""

    year: int
    company: str
    period_state: str
    thresholds: Thresholds
    scorecards: tuple[Scorecard, ...]

    def tier_counts(self) -> dict[str, int]:
        """How many people are in each tier (every tier listed, zeros included)."""
        counts = dict.fromkeys(TIERS, 0)
        for card in self.scorecards:
            counts[card.tier] += 1
        return counts


def _m2o_id(value: Any) -> int | None:
    return int(value[0]) if value else None


def _m2o_name(value: Any) -> str:
    return str(value[1]) if value else ""


def _text(value: Any) -> str:
    return "" if value is False or value is None else str(value)


def _records(data: Mapping[str, Sequence[Mapping[str, Any]]], dataset: schema.Dataset) -> Any:
    try:
        return data[dataset.model]
    except KeyError:
        raise ConnectorError(
            f"the data has no {dataset.model} records (pulled without the {dataset.addon} add-on?)"
        ) from None


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
        known = ", ".join(str(y) for y in years) if years else "none"
        where = f" for company {company!r}" if company else ""
        raise ConnectorError(f"no appraisal period for {year}{where} (periods: {known})")
    if len(of_year) > 1:
        names = ", ".join(sorted(_m2o_name(p["company_id"]) for p in of_year))
        raise ConnectorError(
            f"{len(of_year)} companies have an appraisal period for {year} ({names}); "
            "choose one with --company"
        )
    return of_year[0]


def build_appraisal_year(
    data: Mapping[str, Sequence[Mapping[str, Any]]],
    year: int,
    company: str | None = None,
    preferred_company_id: int | None = None,
) -> AppraisalYear:
    """Scorecards of ``year`` from pulled datasets (live or snapshot)."""
    periods = _records(data, schema.APPRAISAL_PERIOD)
    period = select_period(periods, year, company, preferred_company_id)
    thresholds = Thresholds.of_period(period)
    company_id = _m2o_id(period["company_id"])
    locked_years = {
        int(p["year"])
        for p in periods
        if p["state"] == schema.PERIOD_LOCKED
        and _m2o_id(p["company_id"]) == company_id
        and int(p["year"]) < year
    }
    period_thresholds = {int(p["id"]): Thresholds.of_period(p) for p in periods}
    appraisals = _records(data, schema.APPRAISAL)
    lines_by_appraisal: dict[int, list[Mapping[str, Any]]] = {}
    for line in _records(data, schema.APPRAISAL_LINE):
        appraisal_id = _m2o_id(line["appraisal_id"])
        if appraisal_id is not None:
            lines_by_appraisal.setdefault(appraisal_id, []).append(line)
    administrators = {int(a["id"]): a for a in data.get(schema.ADMINISTRATOR.model, [])}

    # earlier failures per administrator, from locked periods only
    earlier: dict[int, list[int]] = {}
    for appraisal in appraisals:
        admin = _m2o_id(appraisal["administrator_id"])
        year_of = int(appraisal["year"] or 0)
        if admin is None or year_of not in locked_years:
            continue
        if _m2o_id(appraisal["company_id"]) not in (company_id, None):
            continue
        th = period_thresholds.get(_m2o_id(appraisal["period_id"]) or 0, thresholds)
        if tier_of(float(appraisal["total"] or 0.0), th) == "fail":
            earlier.setdefault(admin, []).append(year_of)

    cards: list[Scorecard] = []
    for appraisal in appraisals:
        if _m2o_id(appraisal["period_id"]) != int(period["id"]):
            continue
        lines = sorted(
            lines_by_appraisal.get(int(appraisal["id"]), []),
            key=lambda r: (r["sequence"] or 0, _text(r["code"])),
        )
        score_lines = tuple(
            ScoreLine(
                code=_text(r["code"]),
                section=_text(r["section"]),
                name=_text(r["name"]),
                points=float(r["points"] or 0.0),
                score=None if r["score"] is False else float(r["score"] or 0.0),
                computed=bool(r["compute_method"]),
                evidence=_text(r["evidence"]),
                comment=_text(r["comment"]),
            )
            for r in lines
        )
        total = round(sum(line.score or 0.0 for line in score_lines), 1)
        if not score_lines:
            total = round(float(appraisal["total"] or 0.0), 1)
        tier = tier_of(total, thresholds)
        admin_id = _m2o_id(appraisal["administrator_id"]) or 0
        earlier_years = tuple(sorted(earlier.get(admin_id, [])))
        failure_number = len(earlier_years) + 1 if tier == "fail" else 0
        misuse = bool(appraisal.get("misuse_contract_ids"))
        admin = administrators.get(admin_id)
        name = _text(admin["name"]) if admin else _m2o_name(appraisal["administrator_id"])
        cards.append(
            Scorecard(
                appraisal_id=int(appraisal["id"]),
                administrator_id=admin_id,
                name=name or _m2o_name(appraisal["employee_id"]),
                year=year,
                state=_text(appraisal["state"]),
                lines=score_lines,
                total=total,
                tier=tier,
                failure_number=failure_number,
                penalty=penalty_of(failure_number, misuse, thresholds),
                misuse=misuse,
                earlier_failures=earlier_years,
            )
        )
    cards.sort(key=lambda c: c.risk_key)
    return AppraisalYear(
        year=year,
        company=_m2o_name(period["company_id"]),
        period_state=_text(period["state"]),
        thresholds=thresholds,
        scorecards=tuple(cards),
    )
