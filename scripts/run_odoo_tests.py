#!/usr/bin/env python3
"""Run the add-on's Odoo tests in a fresh database of the Odoo installed on this machine.

Odoo is found the way Odoo finds its configuration (ODOO_RC, else ~/.odoorc). Without
one, it says loudly that the add-on's tests were skipped and exits 0. The run fails on
any failing test and on any ERROR or WARNING line in Odoo's log, except the few lines
stock Odoo prints without the add-on (IGNORED below).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from odoo_env import (
    MODULE,
    REPO,
    addons_path,
    ensure_postgres,
    find_config,
    find_odoo_bin,
    find_python,
    free_port,
    pg_args,
    read_options,
)

LOG_LINE = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ (?P<level>[A-Z]+) ")
RESULT = re.compile(r"(?P<failed>\d+) failed, (?P<errors>\d+) error\(s\) of (?P<total>\d+) tests")
# Lines stock Odoo 18 logs on this machine without the add-on.
IGNORED: list[re.Pattern] = []
TEST_PACKAGES = {
    "chromium": lambda: shutil.which("chromium"),
    "wkhtmltopdf": lambda: shutil.which("wkhtmltopdf"),
    "fonts-noto-cjk": lambda: Path("/usr/share/fonts/opentype/noto").is_dir(),
}


def say(msg: str) -> None:
    print(f"[odoo-tests] {msg}", flush=True)


def ensure_test_tools(python: str) -> None:
    """Browser tours need chromium and websocket-client; PDFs need wkhtmltopdf and CJK fonts."""
    missing = [pkg for pkg, present in TEST_PACKAGES.items() if not present()]
    if missing:
        say(f"installing {' '.join(missing)}")
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "update", "-q"], check=True, env=env)
        subprocess.run(["apt-get", "install", "-y", "-q", *missing], check=True, env=env)
    if subprocess.run([python, "-c", "import websocket"], capture_output=True).returncode:
        say("installing websocket-client into Odoo's Python")
        subprocess.run([python, "-m", "pip", "install", "-q", "websocket-client"], check=True)


def odoo_cmd(python: str, odoo_bin: Path, rc: Path, options: dict, db: str) -> list[str]:
    return [python, str(odoo_bin), "-c", str(rc), "--addons-path", addons_path(options),
            "-d", db, "--max-cron-threads", "0"]


def run_tests(cmd: list[str], log: Path) -> int:
    cmd = [*cmd, "-i", MODULE, "--test-enable", "--test-tags", f"/{MODULE}",
           "--stop-after-init", "--log-level", "test", "--http-port", str(free_port())]
    with log.open("w") as out:
        return subprocess.run(cmd, stdout=out, stderr=subprocess.STDOUT).returncode


def check_log(log: Path) -> tuple[list[str], tuple[int, int] | None]:
    """ERROR/WARNING lines not on the ignore list, and (passed, failed) from Odoo's summary."""
    problems, result = [], None
    for line in log.read_text(errors="replace").splitlines():
        match = LOG_LINE.match(line)
        if match and match["level"] in ("ERROR", "WARNING", "CRITICAL"):
            if not any(p.search(line) for p in IGNORED):
                problems.append(line)
        found = RESULT.search(line)
        if found:
            failed = int(found["failed"]) + int(found["errors"])
            result = (int(found["total"]) - failed, failed)
    return problems, result


def run_live_connector_tests(cmd: list[str], db: str, pytest_python: str) -> int:
    """Serve the test database and run the connector's live tests against it."""
    port = free_port()
    server = subprocess.Popen(
        [*cmd, "--db-filter", f"^{db}$", "--http-port", str(port),
         "--http-interface", "127.0.0.1", "--log-level", "warn"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    try:
        url = f"http://127.0.0.1:{port}"
        for _ in range(120):
            try:
                urllib.request.urlopen(f"{url}/web/health", timeout=2)
                break
            except OSError:
                time.sleep(1)
        else:
            say("the Odoo server did not start; live connector tests not run")
            return 1
        env = dict(os.environ, CREDIT_ODOO_URL=url, CREDIT_ODOO_DB=db,
                   CREDIT_ODOO_USER="admin", CREDIT_ODOO_PASSWORD="admin")
        say(f"live connector tests against {url}")
        return subprocess.run(
            [pytest_python, "-m", "pytest", "-q", "-m", "live"], env=env, cwd=REPO
        ).returncode
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep-db", action="store_true", help="keep the test database")
    parser.add_argument("--pytest", default=sys.executable,
                        help="Python that runs the connector's live pytest tests")
    args = parser.parse_args()

    rc = find_config()
    if not rc:
        print("=" * 72)
        print("SKIPPED: the add-on's Odoo tests did not run: no Odoo configuration found")
        print("(set ODOO_RC or create ~/.odoorc pointing at an Odoo 18 installation).")
        print("=" * 72)
        return 0
    options = read_options(rc)
    odoo_bin = find_odoo_bin(options.get("addons_path", ""))
    if not odoo_bin:
        say(f"{rc}: no odoo-bin found next to the addons_path entries")
        return 1
    python = find_python(odoo_bin.parent)
    if not python:
        say("no Python with Odoo's requirements found (set ODOO_PYTHON)")
        return 1
    ensure_postgres(options)
    ensure_test_tools(python)

    db = f"credit_test_{os.getpid()}"
    log = REPO / ".odoo-test.log"
    cmd = odoo_cmd(python, odoo_bin, rc, options, db)
    started = time.monotonic()
    say(f"installing {MODULE} into fresh database {db} with --test-enable ({odoo_bin})")
    try:
        code = run_tests(cmd, log)
        problems, result = check_log(log)
        say(f"Odoo finished in {time.monotonic() - started:.0f}s (exit {code}); log: {log}")
        if problems:
            say(f"{len(problems)} ERROR/WARNING line(s) in Odoo's log:")
            for line in problems[:40]:
                print("    " + line[:400])
        if result is None:
            say("Odoo printed no test result line: the tests did not run")
            return 1
        passed, failed = result
        live_code = run_live_connector_tests(cmd, db, args.pytest)
        print(f"odoo: {passed} passed, {failed} failed")
        return 0 if (code == 0 and failed == 0 and not problems and live_code == 0) else 1
    finally:
        if not args.keep_db:
            pg, env = pg_args(options)
            subprocess.run(["dropdb", "--if-exists", *pg, db], env=env, capture_output=True)


if __name__ == "__main__":
    sys.exit(main())
