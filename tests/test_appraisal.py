"""The appraisal rules (SPEC section 6): tiers, failures, the two-failures memory.

The inputs are built here as plain rows in the shape ``search_read`` returns, to
exercise the rules at every boundary; they stand for no particular server answer
(the end-to-end tests use the snapshot recorded from a real Odoo).
"""

from __future__ import annotations

from typing import Any

import pytest
from credit_cli.connector import schema
from credit_cli.connector.appraisal import (
    Thresholds,
    build_appraisal_year,
    penalty_of,
    select_period,
    tier_of,
)
from credit_cli.connector.transport import ConnectorError


@pytest.mark.parametrize(
    ("total", "tier"),
    [
        (100.0, "advanced"),
        (95.0, "advanced"),
        (94.9, "excellent"),
        (90.0, "excellent"),
        (89.9, "commendation"),
        (80.0, "commendation"),
        (79.9, "pass"),
        (60.0, "pass"),
        (59.9, "fail"),
        (0.0, "fail"),
        # sums of one-decimal scores carry float noise: 94.99999999 is 95.0
        (94.3 + 0.7, "advanced"),
        (0.1 + 0.2 + 79.7, "commendation"),
    ],
)
def test_tier_boundaries(total: float, tier: str) -> None:
    assert tier_of(total) == tier


def test_period_thresholds_are_used() -> None:
    strict = Thresholds(advanced=98, excellent=92, commendation=85, fail_below=70)
    assert tier_of(95.0, strict) == "excellent"
    assert tier_of(84.9, strict) == "pass"
    assert tier_of(69.9, strict) == "fail"


def test_thresholds_of_a_period_keep_defaults_for_empty_values() -> None:
    assert Thresholds.of_period({"award_advanced": 0, "fail_threshold": False}) == Thresholds()
    assert Thresholds.of_period({"award_advanced": 97.0}).advanced == 97.0


@pytest.mark.parametrize(
    ("failure_number", "misuse", "penalty"),
    [
        (0, False, ""),
        (1, False, "first_failure"),
        (2, False, "revocation"),
        (3, False, "revocation"),
        (0, True, "revocation"),
    ],
)
def test_penalties(failure_number: int, misuse: bool, penalty: str) -> None:
    assert penalty_of(failure_number, misuse) == penalty


# ---------------------------------------------------------------- datasets


def _period(pid: int, year: int, state: str, company: int = 1) -> dict[str, Any]:
    return {
        "id": pid,
        "name": str(year),
        "year": year,
        "company_id": [company, f"Company {company}"],
        "state": state,
        "award_advanced": 95.0,
        "award_excellent": 90.0,
        "award_commendation": 80.0,
        "fail_threshold": 60.0,
        "revoke_after_failures": 2,
    }


def _appraisal(aid: int, period: dict[str, Any], admin: int, total: float) -> dict[str, Any]:
    return {
        "id": aid,
        "period_id": [period["id"], period["name"]],
        "administrator_id": [admin, f"Admin {admin}"],
        "employee_id": [admin, f"Admin {admin}"],
        "company_id": period["company_id"],
        "year": period["year"],
        "state": "draft",
        "total": total,
        "misuse_contract_ids": [],
    }


def _line(lid: int, aid: int, code: str, points: float, score: float | bool) -> dict[str, Any]:
    return {
        "id": lid,
        "appraisal_id": [aid, "x"],
        "sequence": lid,
        "code": code,
        "section": "S",
        "name": f"item {code}",
        "compute_method": "ledger" if lid % 2 else False,
        "points": points,
        "score": score,
        "evidence": "e" if lid % 2 else False,
        "comment": False,
    }


def _data(periods, appraisals, lines=()) -> dict[str, list[dict[str, Any]]]:
    return {
        schema.APPRAISAL_PERIOD.model: list(periods),
        schema.APPRAISAL.model: list(appraisals),
        schema.APPRAISAL_LINE.model: list(lines),
        schema.ADMINISTRATOR.model: [],
    }


def test_second_failure_counting_earlier_locked_years_means_revocation() -> None:
    p2023, p2024, p2025 = (
        _period(1, 2023, "locked"),
        _period(2, 2024, "locked"),
        _period(3, 2025, "open"),
    )
    appraisals = [
        _appraisal(10, p2023, admin=1, total=55.0),  # admin 1 failed in 2023
        _appraisal(11, p2024, admin=1, total=70.0),
        _appraisal(12, p2025, admin=1, total=59.9),  # second failure -> revocation
        _appraisal(20, p2024, admin=2, total=85.0),
        _appraisal(21, p2025, admin=2, total=50.0),  # first failure
        _appraisal(30, p2025, admin=3, total=95.0),
    ]
    year = build_appraisal_year(_data([p2023, p2024, p2025], appraisals), 2025)
    cards = {card.administrator_id: card for card in year.scorecards}
    assert cards[1].tier == "fail" and cards[1].failure_number == 2
    assert cards[1].penalty == "revocation" and cards[1].disqualified
    assert cards[1].earlier_failures == (2023,)
    assert cards[2].failure_number == 1 and cards[2].penalty == "first_failure"
    assert not cards[2].disqualified
    assert cards[3].tier == "advanced" and cards[3].awarded and cards[3].penalty == ""
    assert year.tier_counts() == {
        "advanced": 1,
        "excellent": 0,
        "commendation": 0,
        "pass": 0,
        "fail": 2,
    }
    # highest total first
    assert [c.administrator_id for c in year.scorecards] == [3, 1, 2]


def test_failures_in_unlocked_years_are_not_counted() -> None:
    p2024, p2025 = _period(1, 2024, "submitted"), _period(2, 2025, "open")
    appraisals = [_appraisal(1, p2024, 1, 40.0), _appraisal(2, p2025, 1, 40.0)]
    card = build_appraisal_year(_data([p2024, p2025], appraisals), 2025).scorecards[0]
    assert card.failure_number == 1 and card.penalty == "first_failure"


def test_failures_of_another_company_are_not_counted() -> None:
    other = _period(1, 2024, "locked", company=2)
    this = _period(2, 2025, "open", company=1)
    appraisals = [_appraisal(1, other, 1, 40.0), _appraisal(2, this, 1, 40.0)]
    card = build_appraisal_year(_data([other, this], appraisals), 2025).scorecards[0]
    assert card.failure_number == 1


def test_misuse_revokes_whatever_the_total() -> None:
    period = _period(1, 2025, "open")
    appraisal = {**_appraisal(1, period, 1, 97.0), "misuse_contract_ids": [5]}
    card = build_appraisal_year(_data([period], [appraisal]), 2025).scorecards[0]
    assert card.tier == "advanced" and card.penalty == "revocation"
    assert card.disqualified and not card.awarded


def test_total_is_the_sum_of_the_lines_and_empty_scores_count_zero() -> None:
    period = _period(1, 2025, "open")
    lines = [
        _line(1, 1, "1.1", 3.0, 3.0),
        _line(2, 1, "1.2", 5.0, False),  # not scored yet
        _line(3, 1, "2.1", 92.0, 76.9),
    ]
    card = build_appraisal_year(_data([period], [_appraisal(1, period, 1, 0.0)], lines), 2025)
    (only,) = card.scorecards
    assert only.total == 79.9 and only.tier == "pass"
    assert [line.code for line in only.lines] == ["1.1", "1.2", "2.1"]
    assert only.lines[1].score is None
    assert only.lines[0].computed and not only.lines[1].computed


def test_a_year_without_period_names_the_years_there_are() -> None:
    periods = [_period(1, 2024, "locked"), _period(2, 2025, "open")]
    with pytest.raises(
        ConnectorError, match=r"no appraisal period for 2023 \(periods: 2024, 2025\)"
    ):
        select_period(periods, 2023, None)


def test_several_companies_need_company() -> None:
    periods = [_period(1, 2025, "open", company=1), _period(2, 2025, "open", company=2)]
    with pytest.raises(ConnectorError, match="--company"):
        select_period(periods, 2025, None)
    assert select_period(periods, 2025, "Company 2")["id"] == 2
    assert select_period(periods, 2025, "1")["id"] == 1


def test_missing_dataset_is_a_clear_error() -> None:
    with pytest.raises(ConnectorError, match="credit_appraisal add-on"):
        build_appraisal_year({}, 2025)
