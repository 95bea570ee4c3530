"""How the test command finds or provisions Odoo, and that CI never skips the Odoo tests.

The provisioning itself (unpack, virtualenv, PostgreSQL) runs for real in every CI run;
these tests pin the decisions around it that a run on a healthy machine does not show:
a half-built cache is never used, and a missing Odoo fails under CI=true.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).resolve().parent.parent / "scripts"
sys.path.insert(0, str(SCRIPTS))

from provision_odoo import MARKER, check_source, healthy, requirements, source_key  # noqa: E402


def test_a_cache_without_its_marker_is_not_used(tmp_path: Path) -> None:
    target = tmp_path / "odoo-18.0-abc"
    (target / "venv" / "bin").mkdir(parents=True)
    assert not healthy(target), "an interrupted build has no marker"
    (target / MARKER).write_text("{not json")
    assert not healthy(target), "a damaged marker"
    (target / MARKER).write_text(
        json.dumps({"python": str(target / "venv/bin/python"), "odoo_bin": "/nowhere/odoo-bin"})
    )
    assert not healthy(target), "a marker whose files are gone"


def test_requirements_get_the_python_311_substitutions(tmp_path: Path) -> None:
    (tmp_path / "requirements.txt").write_text(
        "psycopg2==2.9.5 ; python_version == '3.11'\n"
        "python-ldap==3.4.0 ; sys_platform != 'win32'  # optional\n"
        "# a comment\n"
        "Babel==2.10.3 ; python_version >= '3.11'\n"
    )
    reqs = requirements(tmp_path)
    assert "psycopg2-binary==2.9.5 ; python_version == '3.11'" in reqs
    assert not any(r.startswith("python-ldap") for r in reqs)
    assert "Babel==2.10.3 ; python_version >= '3.11'" in reqs
    assert "websocket-client" in reqs


def test_sources_are_checked_and_named_by_content(tmp_path: Path) -> None:
    assert "does not exist" in check_source(tmp_path / "missing")
    assert "no odoo-bin" in check_source(tmp_path)
    other = tmp_path / "odoo.zip"
    other.write_bytes(b"zip")
    assert "neither" in check_source(other)
    first, second = tmp_path / "a.tar.xz", tmp_path / "b.tar.xz"
    first.write_bytes(b"one")
    second.write_bytes(b"two")
    assert source_key(first) != source_key(second)
    assert check_source(first) is None


def run_tests_script(scripts: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(scripts / "run_odoo_tests.py")],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(("ci", "code", "word"), [("true", 1, "FAILED"), ("", 0, "SKIPPED")])
def test_no_odoo_at_all_fails_in_ci_and_skips_loudly_elsewhere(
    tmp_path: Path, ci: str, code: int, word: str
) -> None:
    # a checkout with no shared/odoo beside it, no ~/.odoorc and no ODOO_RC or ODOO_SRC
    scripts = tmp_path / "repo" / "scripts"
    shutil.copytree(SCRIPTS, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    env = {k: v for k, v in os.environ.items() if k not in ("ODOO_RC", "ODOO_SRC")}
    env.update(CI=ci, HOME=str(tmp_path))
    done = run_tests_script(scripts, env)
    assert done.returncode == code, done.stdout + done.stderr
    assert word in done.stdout


@pytest.mark.parametrize("ci", ["true", ""])
def test_a_named_odoo_that_cannot_run_fails(tmp_path: Path, ci: str) -> None:
    env = dict(os.environ, CI=ci, ODOO_RC=str(tmp_path / "no-such-odoorc"))
    done = run_tests_script(SCRIPTS, env)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "FAILED" in done.stdout
