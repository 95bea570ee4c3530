"""A failed write leaves no file behind and keeps the previous one intact."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import credit_cli.reports.exposure_html
import credit_cli.reports.exposure_xlsx
import pytest
from credit_cli.connector.atomic import atomic_path
from credit_cli.reports.exposure_html import write_exposure_html
from credit_cli.reports.exposure_xlsx import write_exposure_xlsx

from tests.factories import TODAY


class Boom(RuntimeError):
    pass


def test_success_replaces_target(tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    target.write_text("old")
    with atomic_path(target) as tmp:
        assert tmp.parent == tmp_path  # same folder, so os.replace is a rename
        assert tmp != target
        tmp.write_text("new")
        assert target.read_text() == "old"  # nothing visible before the block ends
    assert target.read_text() == "new"
    assert os.listdir(tmp_path) == ["report.txt"]


def test_written_file_gets_normal_permissions(tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    with atomic_path(target) as tmp:
        tmp.write_text("x")
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask


def test_failure_mid_write_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    with pytest.raises(Boom), atomic_path(target) as tmp:
        tmp.write_text("half a rep")
        raise Boom
    assert os.listdir(tmp_path) == []


def test_failure_keeps_previous_file(tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    target.write_text("previous complete report")
    with pytest.raises(Boom), atomic_path(target) as tmp:
        tmp.write_text("half")
        raise Boom
    assert target.read_text() == "previous complete report"
    assert os.listdir(tmp_path) == ["report.txt"]


def test_xlsx_writer_failing_after_some_rows_leaves_no_file(
    tmp_path: Path, company, partners, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_write_row = credit_cli.reports.exposure_xlsx._write_partner_row
    rows_written: list[int] = []

    def write_row_then_fail(sheet, row, partner, *args):
        if rows_written:
            raise Boom("disk full")  # the second row fails, after the first was written
        rows_written.append(row)
        real_write_row(sheet, row, partner, *args)

    monkeypatch.setattr(credit_cli.reports.exposure_xlsx, "_write_partner_row", write_row_then_fail)
    target = tmp_path / "exposure.xlsx"
    with pytest.raises(Boom):
        write_exposure_xlsx(target, company, partners, TODAY)
    assert rows_written, "the failure must happen mid-write, after a row was written"
    assert os.listdir(tmp_path) == []


def test_html_writer_failing_mid_write_keeps_previous_report(
    tmp_path: Path, company, partners, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "exposure.html"
    target.write_text("<p>previous</p>", encoding="utf-8")
    real_write_text = Path.write_text

    def write_half_then_fail(self: Path, data: str, *args, **kwargs):
        real_write_text(self, data[: len(data) // 2], *args, **kwargs)
        raise Boom("disk full")

    monkeypatch.setattr(credit_cli.reports.exposure_html.Path, "write_text", write_half_then_fail)
    with pytest.raises(Boom):
        write_exposure_html(target, company, partners, TODAY)
    monkeypatch.undo()
    assert target.read_text(encoding="utf-8") == "<p>previous</p>"
    assert os.listdir(tmp_path) == ["exposure.html"]
