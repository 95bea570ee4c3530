"""Every report command on the built-in snapshots (recorded from a real Odoo 18 with the
add-ons, their demo data and zh_CN by ``credit pull``, once per language), checked
against the snapshots themselves."""

from __future__ import annotations

import dataclasses
import json
import math
import re
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from credit_cli.cli import credit
from credit_cli.command.sources import DEMO_SNAPSHOTS, demo_snapshot_path
from credit_cli.connector import schema
from credit_cli.connector.appraisal import (
    AppraisalYear,
    build_appraisal_year,
    fetch_scorecards,
    period_choice,
)
from credit_cli.connector.credit_data import (
    BLOCK_PREVIEW_METHOD,
    EXPOSURE_VERSION,
    fetch_exposure_full,
    fetch_user_company,
)
from credit_cli.connector.pull import pull_datasets
from credit_cli.connector.transport import ReplayTransport
from credit_cli.reports.appraisal_labels import both, list_status_text, tier_label
from credit_cli.reports.columns import COLUMNS, columns_for
from credit_cli.reports.scorecards_xlsx import CARD_HEADER_ROW, SUMMARY_HEADER_ROW

from tests.test_cli import NO_ENV, ZH_LOCALE, assert_user_error

MISSING = (
    "BUILT-IN DEMO SNAPSHOT MISSING: connector/recorded/demo_snapshot.<lang>.json does not "
    "exist; record it with 'credit pull --lang <lang>' from an Odoo 18 with the add-ons, "
    "their demo data and zh_CN"
)


def _snapshot(lang: str = "zh_CN") -> Path:
    path = demo_snapshot_path(lang)
    if not path.is_file():
        pytest.skip(MISSING)
    return path


def _exposure_as_recorded(replay: ReplayTransport):
    """The exposure report's data read from a recording as the recording user did."""
    meta = replay.metadata
    return fetch_exposure_full(
        replay,
        dt_date(meta["today"]),
        meta["context"],
        batch_size=meta["batch_size"],
        user_id=meta["uid"],
    )


@pytest.fixture(scope="module")
def snapshot() -> Path:
    return _snapshot()


@pytest.fixture(scope="module")
def data(snapshot: Path) -> dict:
    replay = ReplayTransport.from_file(snapshot)
    return pull_datasets(
        replay,
        schema.APPRAISAL_DATASETS,
        replay.metadata.get("context"),
        int(replay.metadata["page_size"]),
    )


def _demo_year(lang: str = "zh_CN", year: int | None = None) -> AppraisalYear:
    """The demo year as the command reads it: the periods, then the server's scorecards."""
    replay = ReplayTransport.from_file(_snapshot(lang))
    meta = replay.metadata
    data = pull_datasets(replay, schema.APPRAISAL_DATASETS, meta["context"], meta["page_size"])
    preferred = fetch_user_company(replay, meta["uid"], meta["context"])
    chosen, company_id = period_choice(data, year, None, preferred)
    return build_appraisal_year(fetch_scorecards(replay, chosen, company_id, meta["context"]))


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner(env=NO_ENV)


@pytest.mark.parametrize(("lang", "odoo_lang"), [("zh_CN", "zh_CN"), ("en", "en_US")])
def test_snapshot_is_a_real_pull(lang: str, odoo_lang: str) -> None:
    path = _snapshot(lang)
    assert path.name == f"demo_snapshot.{odoo_lang}.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    meta = document["metadata"]
    assert meta["query"] == "credit pull"
    assert str(meta["server_version"]).startswith("18.")
    assert all("password" not in key for key in meta)
    assert meta["context"] == {"lang": odoo_lang}
    assert meta["exposure_version"] == EXPOSURE_VERSION == 4
    assert isinstance(meta["uid"], int)
    # the server's block preview was asked, once per page of customers
    assert any(call["method"] == BLOCK_PREVIEW_METHOD for call in document["calls"])
    # and the server's scorecards of every period, in the snapshot's language
    scorecards = [c for c in document["calls"] if c["method"] == schema.SCORECARDS_METHOD]
    assert scorecards and meta["scorecards"] == "all"
    assert all(c["args"][2] == odoo_lang for c in scorecards)
    assert all(c["response"]["lang"] == odoo_lang for c in scorecards)


def test_demo_snapshots_exist_for_every_language() -> None:
    assert set(DEMO_SNAPSHOTS) == {"zh_CN", "en"}
    for lang in DEMO_SNAPSHOTS:
        _snapshot(lang)


def test_scorecards_demo(runner: CliRunner, tmp_path: Path, data: dict) -> None:
    result = runner.invoke(
        credit, ["scorecards", "--demo", "--output", str(tmp_path)], env=ZH_LOCALE
    )
    assert result.exit_code == 0, result.output
    expected = _demo_year()
    year = expected.year
    path = tmp_path / f"credit_scorecards_{year}.xlsx"
    lines = result.stdout.splitlines()
    assert lines[0] == f"已写入 {path}", "the Chinese locale's words"
    assert lines[1] == f"已写入 {path.with_suffix('.html')}"
    assert lines[2].startswith(f"{year}年 ") and "信用管理员" in lines[2], lines[2]
    # the lists' status as the server says it
    assert lines[2].endswith(f"名单：{list_status_text(expected.lists, 'zh_CN')}"), lines[2]
    english = runner.invoke(
        credit, ["scorecards", "--demo", "--lang", "en", "--output", str(tmp_path)]
    )
    assert english.stdout.splitlines()[0] == f"wrote {path}"
    assert "administrators; advanced" in english.stdout.splitlines()[2]
    book = openpyxl.load_workbook(path)
    assert len(book.sheetnames) == 1 + len(expected.scorecards)
    summary = book.worksheets[0]
    for index, card in enumerate(expected.scorecards):
        row = SUMMARY_HEADER_ROW + 2 + index
        assert summary.cell(row, 2).value == card.name
        assert summary.cell(row, 5).value == pytest.approx(card.total)
        # the server's tier, whatever the total
        assert summary.cell(row, 6).value == tier_label(card.tier)
    for card, sheet in zip(expected.scorecards, book.worksheets[1:], strict=True):
        assert sheet["C2"].value == card.name
        assert len(card.lines) == 19, card.name
        for offset, line in enumerate(card.lines):
            row = CARD_HEADER_ROW + 2 + offset
            assert sheet.cell(row, 1).value == line.code
            assert sheet.cell(row, 4).value == pytest.approx(line.points)
            assert sheet.cell(row, 5).value == (
                None if line.score is None else pytest.approx(line.score)
            )
            assert sheet.cell(row, 6).value == both(line.source, " ")
    assert sum(line.points for line in expected.scorecards[0].lines) == pytest.approx(100.0)
    # the printable page beside the workbook
    assert (tmp_path / f"credit_scorecards_{year}.html").is_file()


@pytest.mark.parametrize("command", ["awards", "training", "hr-export", "ageing", "exposure"])
def test_every_report_runs_on_the_demo(
    runner: CliRunner, tmp_path: Path, command: str, snapshot: Path
) -> None:
    result = runner.invoke(credit, [command, "--demo", "--output", str(tmp_path)])
    assert result.exit_code == 0, result.output
    written = [line.split(" ", 1)[1] for line in result.stdout.splitlines() if " " in line][:1]
    assert written and Path(written[0]).is_file()
    for path in tmp_path.glob("*.xlsx"):
        assert openpyxl.load_workbook(path).sheetnames


def test_year_without_period_on_the_demo(runner: CliRunner, tmp_path: Path, data: dict) -> None:
    result = runner.invoke(
        credit, ["scorecards", "--demo", "--year", "1999", "--output", str(tmp_path)]
    )
    assert_user_error(result, "no appraisal period for 1999", code=5)
    assert list(tmp_path.glob("*.xlsx")) == []


# ------------------------------------------------------------ languages


@pytest.mark.parametrize("lang", ["en", "en_US"])
def test_demo_in_english_has_english_names(runner: CliRunner, tmp_path: Path, lang: str) -> None:
    result = runner.invoke(
        credit, ["scorecards", "--demo", "--lang", lang, "--output", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    assert result.stderr == ""  # the built-in snapshot of the language: no note
    english = _demo_year("en")
    card = english.scorecards[0]
    sheet = openpyxl.load_workbook(tmp_path / f"credit_scorecards_{english.year}.xlsx").worksheets[
        1
    ]
    first_item = [cell.value for cell in sheet[CARD_HEADER_ROW + 2]]
    assert card.lines[0].name in first_item
    assert card.lines[0].name.isascii()  # "Knows the contract laws...", not Chinese
    chinese = _demo_year("zh_CN", english.year)
    assert chinese.scorecards[0].lines[0].name != card.lines[0].name
    # the reasons the records cannot measure an item are worded in each language
    reasons = [ln.not_measurable_reason for c in english.scorecards for ln in c.lines]
    zh_reasons = [ln.not_measurable_reason for c in chinese.scorecards for ln in c.lines]
    assert [bool(r) for r in reasons] == [bool(r) for r in zh_reasons]
    # (the departments' names in brackets are the demo company's own, Chinese in both)
    assert all(re.sub(r"\([^()]*\)", "", r).isascii() for r in reasons if r)
    assert not any(r.isascii() for r in zh_reasons if r)


def test_exposure_demo_grades_in_each_language(runner: CliRunner, tmp_path: Path) -> None:
    grades = {}
    for lang in ("zh_CN", "en"):
        out = tmp_path / lang
        result = runner.invoke(
            credit, ["exposure", "--demo", "--lang", lang, "--format", "xlsx", "--output", str(out)]
        )
        assert result.exit_code == 0, result.output
        sheet = openpyxl.load_workbook(next(out.glob("*.xlsx"))).active
        column = [c.label_key for c in COLUMNS].index("grade") + 1
        grades[lang] = {sheet.cell(row, column).value for row in range(7, sheet.max_row)} - {None}
    assert grades["zh_CN"] and grades["en"]
    assert all(g.isascii() for g in grades["en"])
    assert not any(g.isascii() for g in grades["zh_CN"])


def test_snapshot_in_another_language_says_so_once(
    runner: CliRunner, tmp_path: Path, snapshot: Path
) -> None:
    result = runner.invoke(
        credit,
        ["exposure", "--snapshot", str(snapshot), "--lang", "en", "--output", str(tmp_path)],
    )
    assert result.exit_code == 0, result.output
    notes = result.stderr.strip().splitlines()
    assert len(notes) == 1, result.stderr
    assert notes[0].startswith("credit: note: ")
    assert "zh_CN" in notes[0] and "--lang en" in notes[0]
    same = runner.invoke(
        credit,
        ["exposure", "--snapshot", str(snapshot), "--output", str(tmp_path / "zh")],
        env=ZH_LOCALE,
    )
    assert same.exit_code == 0 and same.stderr == ""


# ------------------------------------------------------------ the server's credit check


def test_exposure_demo_shows_the_servers_check(runner: CliRunner, tmp_path: Path) -> None:
    """The demo company has the check off (the add-on's default): nothing would block."""
    replay = ReplayTransport.from_file(_snapshot())
    company, partners = _exposure_as_recorded(replay)
    assert company.credit_check_on is False
    assert all(p.block_reasons == () and p.would_block is False for p in partners)
    result = runner.invoke(
        credit,
        ["exposure", "--demo", "--lang", "zh_CN", "--format", "xlsx", "--output", str(tmp_path)],
    )
    assert result.exit_code == 0, result.output
    sheet = openpyxl.load_workbook(next(tmp_path.glob("*.xlsx"))).active
    assert (sheet["A5"].value, sheet["B5"].value) == ("信用检查", "未启用（不拦截）")
    keys = [c.label_key for c in columns_for(company)]
    rows = range(7, 7 + len(partners))
    assert {sheet.cell(r, keys.index("would_block") + 1).value for r in rows} == {None}
    assert {sheet.cell(r, keys.index("block_reasons") + 1).value for r in rows} == {None}


def test_snapshot_of_a_server_without_the_preview_shows_a_dash(
    runner: CliRunner, tmp_path: Path
) -> None:
    """A server with an older add-on has no credit_block_preview: the failed call is not
    in its snapshot. The report then shows "—", not a guess."""
    document = json.loads(_snapshot().read_text(encoding="utf-8"))
    document["calls"] = [c for c in document["calls"] if c["method"] != BLOCK_PREVIEW_METHOD]
    older = tmp_path / "older.json"
    older.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    replay = ReplayTransport.from_file(older)
    meta = replay.metadata
    company, partners = fetch_exposure_full(
        replay, dt_date(meta["today"]), meta["context"], batch_size=meta["batch_size"]
    )
    assert company.credit_check_on is None
    assert partners and all(p.would_block is None for p in partners)
    # the same figures otherwise
    full = fetch_exposure_full(
        ReplayTransport.from_file(_snapshot()),
        dt_date(meta["today"]),
        meta["context"],
        batch_size=meta["batch_size"],
    )[1]
    assert [dataclasses.replace(p, block_reasons=None) for p in full] == partners
    out = tmp_path / "out"
    result = runner.invoke(
        credit, ["exposure", "--snapshot", str(older), "--format", "xlsx", "--output", str(out)]
    )
    assert result.exit_code == 0, result.output
    sheet = openpyxl.load_workbook(next(out.glob("*.xlsx"))).active
    keys = [c.label_key for c in columns_for(company)]
    rows = range(7, 7 + len(partners))
    assert {sheet.cell(r, keys.index("would_block") + 1).value for r in rows} == {"—"}
    assert {sheet.cell(r, keys.index("block_reasons") + 1).value for r in rows} == {"—"}
    assert sheet["B5"].value == "—"


def dt_date(text: str):
    import datetime as dt

    return dt.date.fromisoformat(text)


def test_live_server_without_the_preview_method_shows_a_dash() -> None:
    """A live server with an older add-on refuses the call (MissingMethodError, whose
    wording tests/test_connector_live.py checks against a real Odoo): "—" as well."""
    from credit_cli.connector.transport import MissingMethodError

    replay = ReplayTransport.from_file(_snapshot())

    class OlderServer:
        def execute_kw(self, model, method, args, kwargs):
            if method == BLOCK_PREVIEW_METHOD:
                raise MissingMethodError(f"Odoo has no method {model}.{method}")
            return replay.execute_kw(model, method, args, kwargs)

    meta = replay.metadata
    company, partners = fetch_exposure_full(
        OlderServer(), dt_date(meta["today"]), meta["context"], batch_size=meta["batch_size"]
    )
    assert company.credit_check_on is None
    assert partners and all(p.block_reasons is None for p in partners)


# ------------------------------------------------------------ ageing: the server's buckets


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_exposure_ageing_is_the_servers(lang: str, tmp_path: Path) -> None:
    """The demo has the collections add-on: the exposure report's buckets are the company's
    configured ones, named by the server in the snapshot's language, and the sums and days
    overdue are the server's (nothing is put in a bucket on this side)."""
    replay = ReplayTransport.from_file(_snapshot(lang))
    meta = replay.metadata
    company, partners = _exposure_as_recorded(replay)
    data = pull_datasets(
        replay, (schema.COMPANY, schema.COLLECTION_BUCKET), meta["context"], meta["page_size"]
    )
    company_id = next(c["id"] for c in data["res.company"] if c["name"] == company.name)
    configured = sorted(
        (b for b in data[schema.COLLECTION_BUCKET.model] if b["company_id"][0] == company_id),
        key=lambda b: b["days_from"],
    )
    assert company.ageing_buckets == tuple(b["name"] for b in configured)
    assert len(company.ageing_buckets) > 5  # the add-on's seven, not the old fixed five
    first = "未逾期" if lang == "zh_CN" else "Not overdue"
    assert company.ageing_buckets[0] == first
    aged = [p for p in partners if p.receivable]
    assert aged
    for p in partners:
        assert p.ageing is not None and len(p.ageing) == len(company.ageing_buckets)
        # the ageing report adds up every open receivable item
        assert sum(p.ageing) == pytest.approx(p.receivable, abs=0.01), p.name
        # overdue is the server's figure; so are the days, read with the buckets
        if p.days_overdue is not None:
            assert p.days_overdue > 0 and sum(p.ageing[1:]) > 0, p.name
        else:
            assert sum(p.ageing[1:]) == pytest.approx(0, abs=0.01), p.name
    assert any(p.days_overdue for p in partners)
    out = tmp_path / "out"
    result = CliRunner(env=NO_ENV).invoke(
        credit,
        ["exposure", "--demo", "--lang", lang, "--format", "xlsx", "--output", str(out)],
    )
    assert result.exit_code == 0, result.output
    sheet = openpyxl.load_workbook(next(out.glob("*.xlsx"))).active
    headers = [cell.value for cell in sheet[6]]
    start = headers.index(first)
    assert tuple(headers[start : start + len(configured)]) == company.ageing_buckets


def test_exposure_ageing_takes_two_calls() -> None:
    """Few round trips: the buckets and one read_group, whatever the number of invoices."""
    replay = ReplayTransport.from_file(_snapshot())
    meta = replay.metadata
    _company, partners = _exposure_as_recorded(replay)
    pages = math.ceil(len(partners) / meta["batch_size"])
    # companies, the user's company, customer ids, per page a read and the check's preview,
    # the ageing (configured buckets, one read_group), pending exceptions; and the
    # guarantee fields asked once (recordings made since credit_guarantee answer it)
    asked = 3 + 2 * pages + 2 + 1
    assert replay.calls_served in (asked, asked + 1)
