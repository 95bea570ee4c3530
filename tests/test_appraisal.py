"""The appraisal as the server gives it (credit_scorecards): read, never recomputed.

The answers are built here in the shape the add-on's method returns (its own Odoo tests,
credit_appraisal/tests/test_scorecards.py, check the server side); the end-to-end tests
use the snapshot recorded from a real Odoo.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from credit_cli.cli import credit
from credit_cli.connector import appraisal as appraisal_module
from credit_cli.connector import schema
from credit_cli.connector.appraisal import (
    build_appraisal_year,
    fetch_scorecards,
    period_choice,
    select_period,
)
from credit_cli.connector.transport import (
    ConnectorError,
    MissingMethodError,
    ReplayTransport,
)

from tests.test_cli import NO_ENV, assert_user_error


def _line(code: str, score: float, **kw: Any) -> dict[str, Any]:
    row = {
        "code": code,
        "section": "S",
        "name": f"item {code}",
        "points": 10.0,
        "score": score,
        "computed": True,
        "evidence": f"evidence {code}",
        "comment": "",
        "not_measurable": False,
        "not_measurable_reason": "",
        "hand_scored": False,
        "hand_score": False,
        "hand_evidence": "",
    }
    row.update(kw)
    return row


def _card(aid: int, name: str, total: float, tier: str, **kw: Any) -> dict[str, Any]:
    card = {
        "appraisal_id": aid,
        "administrator_id": aid + 100,
        "employee_id": aid + 200,
        "name": name,
        "employee_number": f"E{aid}",
        "department": "Sales",
        "departments_covered": ["Sales"],
        "qualification": "qualified",
        "state": "approved",
        "total": total,
        "tier": tier,
        "failed": tier == "fail",
        "outcome": "none",
        "failure_number": 0,
        "bonus_withheld": False,
        "misuse": False,
        "on_award_list": False,
        "on_disqualification_list": False,
        "lines": [_line("1.1", total)],
    }
    card.update(kw)
    return card


def _answer(*cards: dict[str, Any], **kw: Any) -> dict[str, Any]:
    answer = {
        "year": 2025,
        "company_id": 1,
        "company": "Company 1",
        "lang": "en_US",
        "period": {"id": 7, "name": "2025", "state": "submitted", "date_recomputed": False},
        "lists": {
            "status": "submitted",
            "submitted_by": "Manager",
            "date_submitted": "2026-01-05",
            "approved_by": False,
            "date_approved": False,
        },
        "thresholds": {
            "advanced": 95.0,
            "excellent": 90.0,
            "commendation": 80.0,
            "fail_below": 60.0,
            "revoke_at_failure": 2,
        },
        "scorecards": list(cards),
    }
    answer.update(kw)
    return answer


def test_the_command_works_out_no_rule() -> None:
    """Tiers, penalties and failure counts are the server's: nothing here computes them."""
    for name in ("tier_of", "penalty_of", "EPSILON"):
        assert not hasattr(appraisal_module, name), name
    assert not hasattr(appraisal_module.Thresholds, "of_period")


def test_the_servers_values_are_taken_as_they_are() -> None:
    # a total of 50 the server rated "pass" (say its thresholds say so): shown as "pass"
    odd = _card(1, "Odd", 50.0, "pass", failure_number=3, outcome="first_failure")
    revoked = _card(
        2,
        "Revoked",
        97.0,
        "advanced",
        outcome="revocation",
        misuse=True,
        bonus_withheld=True,
        on_disqualification_list=True,
    )
    year = build_appraisal_year(_answer(odd, revoked))
    first, second = year.scorecards
    assert (first.tier, first.penalty, first.failure_number) == ("pass", "first_failure", 3)
    assert not first.bonus_withheld  # the server's flag, not derived from the outcome here
    assert (second.tier, second.penalty, second.bonus_withheld) == ("advanced", "revocation", True)
    assert not second.awarded and second.disqualified
    assert (first.employee_number, first.department, first.employee_id) == ("E1", "Sales", 201)
    assert year.tier_counts() == {
        "advanced": 1,
        "excellent": 0,
        "commendation": 0,
        "pass": 1,
        "fail": 0,
    }
    assert year.lists.status == "submitted" and not year.lists.approved
    assert (year.lists.submitted_by, year.lists.date_submitted) == ("Manager", "2026-01-05")
    assert year.thresholds.fail_below == 60.0 and year.thresholds.revoke_at_failure == 2
    assert (year.company, year.company_id, year.lang) == ("Company 1", 1, "en_US")


def test_lines_not_measurable_and_hand_scored() -> None:
    lines = [
        _line("1.1", 3.0),
        _line("2.4", 5.0, computed=False),
        _line("5.4", 0.0, not_measurable=True, not_measurable_reason="Nothing ended."),
        _line(
            "5.3",
            4.0,
            not_measurable=True,
            not_measurable_reason="No seal used.",
            hand_scored=True,
            hand_score=4.0,
            hand_evidence="Seal register.",
        ),
        _line("6.1", False, computed=False),
    ]
    card = build_appraisal_year(_answer(_card(1, "A", 12.0, "fail", lines=lines))).scorecards[0]
    assert [line.source for line in card.lines] == [
        "computed",
        "entered",
        "not_measurable",
        "hand_scored",
        "entered",
    ]
    assert card.lines[2].not_measurable_reason == "Nothing ended."
    assert card.lines[2].hand_score is None
    assert (card.lines[3].hand_score, card.lines[3].hand_evidence) == (4.0, "Seal register.")
    assert card.lines[4].score is None  # not scored: empty, not 0
    # the total is the server's, not a sum worked out here
    assert card.total == 12.0


def test_a_year_without_period_names_the_years_the_server_has() -> None:
    answer = {"year": 2023, "company_id": 1, "company": "C", "period": False, "years": [2024]}
    with pytest.raises(
        ConnectorError, match=r"no appraisal period for 2023 in C \(periods: 2024\)"
    ):
        build_appraisal_year(answer)


def _period(pid: int, year: int, company: int = 1) -> dict[str, Any]:
    return {"id": pid, "year": year, "company_id": [company, f"Company {company}"]}


def test_a_year_without_period_names_the_years_there_are() -> None:
    periods = [_period(1, 2024), _period(2, 2025)]
    with pytest.raises(
        ConnectorError, match=r"no appraisal period for 2023 \(periods: 2024, 2025\)"
    ):
        select_period(periods, 2023, None)


def test_several_companies_need_company() -> None:
    periods = [_period(1, 2025, company=1), _period(2, 2025, company=2)]
    with pytest.raises(ConnectorError, match="--company"):
        select_period(periods, 2025, None)
    assert select_period(periods, 2025, "Company 2")["id"] == 2
    assert select_period(periods, 2025, "1")["id"] == 1
    # the user's current company when several have one
    assert select_period(periods, 2025, None, preferred_company_id=2)["id"] == 2


def test_period_choice_takes_the_latest_year() -> None:
    data = {schema.APPRAISAL_PERIOD.model: [_period(1, 2024), _period(2, 2025, company=3)]}
    assert period_choice(data, None, None) == (2025, 3)
    assert period_choice(data, 2024, None) == (2024, 1)
    with pytest.raises(ConnectorError, match="there is no appraisal period yet"):
        period_choice({schema.APPRAISAL_PERIOD.model: []}, None, None)
    with pytest.raises(ConnectorError, match="credit_appraisal add-on"):
        period_choice({}, 2025, None)


class _Server:
    def __init__(self, answer: Any = None, error: Exception | None = None) -> None:
        self.answer, self.error, self.calls = answer, error, []

    def execute_kw(self, model: str, method: str, args: list[Any], kwargs: dict[str, Any]) -> Any:
        self.calls.append((model, method, args, kwargs))
        if self.error:
            raise self.error
        return self.answer


def test_one_call_names_year_company_and_language() -> None:
    server = _Server(_answer())
    fetch_scorecards(server, 2025, 1, {"lang": "zh_CN"})
    assert server.calls == [
        (
            "credit.appraisal.period",
            "credit_scorecards",
            [2025, 1, "zh_CN"],
            {"context": {"lang": "zh_CN"}},
        )
    ]


def test_a_server_without_the_method_is_told_in_one_line() -> None:
    server = _Server(error=MissingMethodError("no method"))
    with pytest.raises(MissingMethodError, match="credit_appraisal add-on is older"):
        fetch_scorecards(server, 2025, 1, {"lang": "zh_CN"})
    with pytest.raises(ConnectorError, match="does not read"):
        fetch_scorecards(_Server(["not", "a", "dict"]), 2025, 1, None)


@pytest.mark.parametrize("command", ["scorecards", "awards", "hr-export"])
def test_the_command_exits_5_on_a_server_without_the_method(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, command: str
) -> None:
    """What an older add-on answers (MissingMethodError, as the live transport words a real
    Odoo's refusal): exit 5, one line, no file."""
    replay_call = ReplayTransport.execute_kw

    def older(self, model, method, args, kwargs):  # type: ignore[no-untyped-def]
        if method == schema.SCORECARDS_METHOD:
            raise MissingMethodError(f"Odoo has no method {model}.{method}")
        return replay_call(self, model, method, args, kwargs)

    monkeypatch.setattr(ReplayTransport, "execute_kw", older)
    out = tmp_path / "out"
    result = CliRunner(env=NO_ENV).invoke(credit, [command, "--demo", "--output", str(out)])
    assert_user_error(
        result,
        "credit.appraisal.period.credit_scorecards",
        "credit_appraisal add-on is older than this command",
        code=5,
    )
    assert not out.exists() or list(out.iterdir()) == []


def test_pull_records_the_scorecards_of_every_period() -> None:
    from credit_cli.command.pull import _pull_scorecards
    from credit_cli.connector.transport import AccessRefused, RecordingTransport

    periods = [_period(1, 2024), _period(2, 2025, company=3)]
    server = _Server(_answer())
    recorder = RecordingTransport(server)
    assert _pull_scorecards(recorder, periods, {"lang": "en_US"}, lambda _m: None) == "all"
    assert [call["args"] for call in recorder.calls] == [[2024, 1, "en_US"], [2025, 3, "en_US"]]
    # replayed with the same call the reports make
    replay = ReplayTransport(recorder.to_document())
    assert fetch_scorecards(replay, 2025, 3, {"lang": "en_US"}) == _answer()
    refused = RecordingTransport(_Server(error=AccessRefused("no")))
    assert _pull_scorecards(refused, periods, {}, lambda _m: None) == "refused"
    older = RecordingTransport(_Server(error=MissingMethodError("no method")))
    assert _pull_scorecards(older, periods, {}, lambda _m: None) == "unavailable"
    assert refused.calls == [] and older.calls == []
