"""The ``credit`` command as the people who run it, against a live Odoo 18.

A credit manager, an HR user, a collector and a salesperson (the ``people`` fixture of
tests/conftest.py, made as admin, archived afterwards) each run the reports: what each
may export is what Odoo's access rights let them read, and a refusal is one line, exit 5.
How to run: see tests/test_connector_live.py.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner
from credit_cli.cli import credit
from credit_cli.connector import schema
from credit_cli.connector.credit_data import fetch_exposure_full
from credit_cli.connector.pull import missing_addons
from credit_cli.connector.transport import (
    AccessRefused,
    MissingModelError,
    OdooRpcTransport,
    RecordingTransport,
    ReplayTransport,
)

from tests.live_support import LIVE_MARKS, live_env, workbooks_equal

pytestmark = LIVE_MARKS


#: What each person may export: the same report as the administrator's, cell for cell
#: (record rules give the credit manager, HR and the collector everyone's records).
ALLOWED = [
    ("manager", "exposure"),
    ("manager", "scorecards"),
    ("manager", "awards"),
    ("manager", "training"),
    ("manager", "hr-export"),
    ("manager", "ageing"),
    ("hr", "scorecards"),
    ("hr", "awards"),
    ("hr", "training"),
    ("hr", "hr-export"),
    ("collector", "ageing"),
    ("collector", "exposure"),
]
#: What each may not: Odoo refuses a read, named in one line, exit 5, no file.
REFUSED = [
    ("salesperson", "scorecards", "credit.appraisal.period.credit_scorecards"),
    ("salesperson", "awards", "credit.appraisal.period.credit_scorecards"),
    ("salesperson", "hr-export", "credit."),
    ("salesperson", "ageing", "credit.collection.ageing"),
    ("collector", "scorecards", "credit.appraisal.period.credit_scorecards"),
    ("collector", "hr-export", "credit."),
    ("hr", "ageing", "credit.collection"),
    ("hr", "exposure", "res.partner"),
]
#: The options that make a command's files comparable between two people.
REPORT_ARGS = {"exposure": ["--format", "xlsx"]}


def test_the_add_on_check_works_for_people_who_may_not_read_ir_model(
    people: dict[str, dict[str, str]],
) -> None:
    """ir.model is for administrators: the others' check asks each model for a field, and a
    snapshot they pull replays it, "no such model" included."""
    hr = OdooRpcTransport.connect(**people["hr"])
    with pytest.raises(AccessRefused, match=r"ir\.model\.search_read"):
        hr.execute_kw("ir.model", "search_read", [[]], {"fields": ["model"], "limit": 1})
    recorder = RecordingTransport(hr)
    assert missing_addons(recorder, schema.ALL_DATASETS, {"lang": "zh_CN"}) == []
    with pytest.raises(MissingModelError):
        recorder.execute_kw("credit.no.such.model", "fields_get", [], {"allfields": ["id"]})
    replay = ReplayTransport(recorder.to_document())
    assert missing_addons(replay, schema.ALL_DATASETS, {"lang": "zh_CN"}) == []
    with pytest.raises(MissingModelError, match="credit.no.such.model"):
        replay.execute_kw("credit.no.such.model", "fields_get", [], {"allfields": ["id"]})


@pytest.mark.parametrize(("role", "command"), ALLOWED)
def test_what_each_role_may_export(
    tmp_path: Path,
    settings: dict[str, str],
    people: dict[str, dict[str, str]],
    role: str,
    command: str,
) -> None:
    args = [command, *REPORT_ARGS.get(command, [])]
    theirs, admins = tmp_path / role, tmp_path / "admin"
    result = CliRunner().invoke(
        credit, [*args, "--output", str(theirs)], env=live_env(people[role])
    )
    assert result.exit_code == 0, f"{role} cannot run credit {command}: {result.output}"
    reference = CliRunner().invoke(credit, [*args, "--output", str(admins)], env=live_env(settings))
    assert reference.exit_code == 0, reference.output
    produced = sorted(p.name for p in theirs.iterdir())
    assert produced and produced == sorted(p.name for p in admins.iterdir())
    for name in produced:
        if name.endswith(".xlsx"):
            workbooks_equal(theirs / name, admins / name)


@pytest.mark.parametrize(("role", "command", "model"), REFUSED)
def test_what_each_role_may_not_export(
    tmp_path: Path, people: dict[str, dict[str, str]], role: str, command: str, model: str
) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(credit, [command, "--output", str(out)], env=live_env(people[role]))
    assert result.exit_code == 5, (
        f"{role}: credit {command} gave {result.exit_code}: {result.output}"
    )
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("credit: error: Odoo refused "), lines[0]
    assert model in lines[0], lines[0]
    assert not out.exists() or list(out.iterdir()) == []


def test_a_salesperson_gets_the_exposure_analysis_buckets(
    settings: dict[str, str], people: dict[str, dict[str, str]]
) -> None:
    """A salesperson may not read the collections add-on's ageing: their exposure report
    has credit_management's own buckets (the exposure analysis'), the same sums and days
    overdue by the same rule, and every other figure as the administrator's."""
    sales = OdooRpcTransport.connect(**people["salesperson"])
    with pytest.raises(AccessRefused):
        sales.execute_kw(
            "credit.collection.ageing", "read_group", [[], ["amount_residual:sum"], []], {}
        )
    today = dt.date.today()
    recorder = RecordingTransport(sales)
    company, partners = fetch_exposure_full(recorder, today, {"lang": "zh_CN"}, user_id=sales.uid)
    assert company.ageing_buckets == (
        "未逾期",
        "逾期1-30天",
        "逾期31-60天",
        "逾期61-90天",
        "逾期90天以上",
    )
    # the exposure analysis' two calls stand in for the refused read_group (not recorded)
    assert [c["model"] for c in recorder.calls].count("credit.exposure.line") == 2
    admin = OdooRpcTransport.connect(**settings)
    _company, theirs = fetch_exposure_full(admin, today, {"lang": "zh_CN"}, user_id=sales.uid)
    by_id = {p.partner_id: p for p in theirs}
    assert partners and {p.partner_id for p in partners} == set(by_id)
    for p in partners:
        other = by_id[p.partner_id]
        # the buckets count what is owed once credits are applied: a credit left over
        # (a receivable below zero) is in no bucket
        assert sum(p.ageing) == pytest.approx(max(p.receivable, 0.0), abs=0.01), p.name
        assert p.days_overdue == other.days_overdue, p.name
        # what is not overdue is the same either way: one definition of overdue
        assert p.ageing[0] == pytest.approx(other.ageing[0], abs=0.01), p.name
        assert dataclasses.replace(p, ageing=None) == dataclasses.replace(other, ageing=None)
    # a snapshot the salesperson pulls replays the same
    replay = ReplayTransport(recorder.to_document())
    assert fetch_exposure_full(replay, today, {"lang": "zh_CN"}, user_id=sales.uid) == (
        company,
        partners,
    )


def test_the_scorecards_are_the_servers_answer(
    tmp_path: Path, settings: dict[str, str], people: dict[str, dict[str, str]]
) -> None:
    """HR's workbook shows the method's answer as the server gave it to HR: each person's
    total and tier; a salesperson is refused the method itself."""
    import openpyxl
    from credit_cli.command.errors import exit_code_of
    from credit_cli.connector.appraisal import build_appraisal_year, fetch_scorecards
    from credit_cli.reports.appraisal_labels import tier_label
    from credit_cli.reports.scorecards_xlsx import SUMMARY_HEADER_ROW

    hr = OdooRpcTransport.connect(**people["hr"])
    periods = hr.execute_kw(
        schema.APPRAISAL_PERIOD.model, "search_read", [[]], {"fields": ["year", "company_id"]}
    )
    if not periods:
        pytest.skip("the live database has no appraisal period")
    latest = max(periods, key=lambda p: p["year"])
    year, company_id = latest["year"], latest["company_id"][0]
    answer = fetch_scorecards(hr, year, company_id, {"lang": "en_US"})
    data = build_appraisal_year(answer)
    out = tmp_path / "hr"
    result = CliRunner().invoke(
        credit,
        ["scorecards", "--lang", "en", "--year", str(year), "--company", str(company_id)]
        + ["--output", str(out)],
        env=live_env(people["hr"]),
    )
    assert result.exit_code == 0, result.output
    summary = openpyxl.load_workbook(out / f"credit_scorecards_{year}.xlsx").worksheets[0]
    for index, card in enumerate(data.scorecards):
        row = SUMMARY_HEADER_ROW + 2 + index
        assert summary.cell(row, 2).value == card.name
        assert summary.cell(row, 5).value == pytest.approx(card.total)
        assert summary.cell(row, 6).value == tier_label(card.tier)
    sales = OdooRpcTransport.connect(**people["salesperson"])
    with pytest.raises(AccessRefused, match="read the year's scorecards") as refused:
        fetch_scorecards(sales, year, company_id, {"lang": "en_US"})
    assert exit_code_of(refused.value) == 5
