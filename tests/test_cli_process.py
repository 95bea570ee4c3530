"""The ``credit`` command as a real process: installed entry point and source tree."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_console_entry_point_as_a_process(tmp_path: Path) -> None:
    """The installed entry point (cli:main) behaves the same outside CliRunner."""
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            "from credit_cli.cli import main; main()",
            "exposure",
            "--format",
            "pdf",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
        env={
            "PATH": "/usr/bin:/bin",
            "PYTHONPATH": str(Path(__file__).resolve().parents[1]),
            "LANG": "en_US.UTF-8",
        },
    )
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr.count("\n") == 1
    assert proc.stderr.startswith("credit: error: Invalid value for '--format'")


def test_a_locale_naming_no_language_speaks_chinese(tmp_path: Path) -> None:
    """No locale, or C.UTF-8 as servers run: the command speaks its users' language."""
    for environ in ({}, {"LANG": "C.UTF-8"}):
        proc = subprocess.run(
            [sys.executable, "-c", "from credit_cli.cli import main; main()", "exposure"]
            + ["--format", "pdf"],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            timeout=60,
            env={
                "PATH": "/usr/bin:/bin",
                "PYTHONPATH": str(Path(__file__).resolve().parents[1]),
                **environ,
            },
        )
        assert proc.returncode == 2
        assert proc.stderr == (
            "credit：错误：'--format' 的值无效：'pdf' 不是 'xlsx', 'html', 'both' 之一。"
            "（参见 'credit exposure --help'）\n"
        )


def test_runs_from_the_source_tree(tmp_path: Path) -> None:
    """`python3 cli.py` in a source tree: this folder is the package credit_cli, whatever
    another copy is installed, and the command behaves as installed."""
    tree = Path(__file__).resolve().parents[1]
    proc = subprocess.run(
        [sys.executable, str(tree / "cli.py"), "exposure", "--demo", "--output", str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
        env={"PATH": "/usr/bin:/bin", "CREDIT_ODOO_RETRIES": "0"},
    )
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.suffix for p in tmp_path.iterdir()) == [".html", ".xlsx"]
    # and its help, exit codes included
    proc = subprocess.run(
        [sys.executable, str(tree / "cli.py"), "--help"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
    )
    assert proc.returncode == 0 and "Exit codes" in proc.stdout
