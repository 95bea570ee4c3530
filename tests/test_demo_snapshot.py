"""Every report command on the built-in snapshot (recorded from a real Odoo 18 with the
add-ons and their demo data by ``credit pull``), checked against the snapshot itself."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from credit_cli.cli import credit, demo_snapshot_path
from credit_cli.connector import schema
from credit_cli.connector.appraisal import build_appraisal_year
from credit_cli.connector.pull import pull_datasets
from credit_cli.connector.transport import ReplayTransport

from tests.test_cli import NO_ENV, assert_user_error

MISSING = (
    "BUILT-IN DEMO SNAPSHOT MISSING: connector/recorded/demo_snapshot.json does not exist; "
    "record it with 'credit pull' from an Odoo 18 with the add-ons and their demo data"
)


@pytest.fixture(scope="module")
def snapshot() -> Path:
    path = demo_snapshot_path()
    if not path.is_file():
        pytest.skip(MISSING)
    return path


@pytest.fixture(scope="module")
def data(snapshot: Path) -> dict:
    replay = ReplayTransport.from_file(snapshot)
    return pull_datasets(
        replay,
        schema.APPRAISAL_DATASETS,
        replay.metadata.get("context"),
        int(replay.metadata["page_size"]),
    )


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner(env=NO_ENV)


def test_snapshot_is_a_real_pull(snapshot: Path) -> None:
    document = json.loads(snapshot.read_text(encoding="utf-8"))
    meta = document["metadata"]
    assert meta["query"] == "credit pull"
    assert str(meta["server_version"]).startswith("18.")
    assert all("password" not in key for key in meta)


def test_scorecards_demo(runner: CliRunner, tmp_path: Path, data: dict) -> None:
    result = runner.invoke(credit, ["scorecards", "--demo", "--output", str(tmp_path)])
    assert result.exit_code == 0, result.output
    year = max(int(p["year"]) for p in data[schema.APPRAISAL_PERIOD.model])
    expected = build_appraisal_year(data, year)
    path = tmp_path / f"credit_scorecards_{year}.xlsx"
    assert result.stdout.splitlines()[0] == f"wrote {path}"
    book = openpyxl.load_workbook(path)
    assert len(book.sheetnames) == 1 + len(expected.scorecards)
    summary = book.worksheets[0]
    for index, card in enumerate(expected.scorecards):
        row = 6 + index
        assert summary.cell(row, 2).value == card.name
        assert summary.cell(row, 3).value == pytest.approx(card.total)
    for card, sheet in zip(expected.scorecards, book.worksheets[1:], strict=True):
        assert sheet["C2"].value == card.name
        assert len(card.lines) == 19, card.name
        for offset, line in enumerate(card.lines):
            row = 7 + offset
            assert sheet.cell(row, 1).value == line.code
            assert sheet.cell(row, 4).value == pytest.approx(line.points)
            assert sheet.cell(row, 5).value == (
                None if line.score is None else pytest.approx(line.score)
            )
    assert sum(line.points for line in expected.scorecards[0].lines) == pytest.approx(100.0)


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
    assert_user_error(result, "no appraisal period for 1999")
    assert list(tmp_path.glob("*.xlsx")) == []
