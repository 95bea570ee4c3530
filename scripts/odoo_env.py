"""Find the Odoo installed on this machine the way Odoo finds its configuration.

Shared by the test runner and the benchmark, so both use the same Odoo.
"""

from __future__ import annotations

import configparser
import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ADDONS_DIR = REPO / "erp_addon"
MODULE = "credit_management"


def find_config() -> Path | None:
    rc = os.environ.get("ODOO_RC")
    if rc:
        return Path(rc) if Path(rc).is_file() else None
    home_rc = Path.home() / ".odoorc"
    return home_rc if home_rc.is_file() else None


def read_options(rc: Path) -> dict[str, str]:
    parser = configparser.RawConfigParser()
    parser.read(rc)
    return dict(parser.items("options")) if parser.has_section("options") else {}


def find_odoo_bin(addons_path: str) -> Path | None:
    for entry in filter(None, (p.strip() for p in addons_path.split(","))):
        path = Path(entry).resolve()
        for candidate in (path.parent / "odoo-bin", path.parent.parent / "odoo-bin"):
            if candidate.is_file():
                return candidate
    return None


def find_python(odoo_root: Path) -> str | None:
    candidates = [os.environ.get("ODOO_PYTHON", "")]
    candidates += [str(odoo_root / d / "bin" / "python") for d in (".venv", "venv")]
    candidates += [shutil.which("python3") or ""]
    for python in filter(None, candidates):
        probe = subprocess.run(
            [python, "-c", "import psycopg2, werkzeug, lxml, babel"],
            capture_output=True,
        )
        if probe.returncode == 0:
            return python
    return None


def ensure_postgres(options: dict[str, str]) -> None:
    host = options.get("db_host") or "localhost"
    port = int(options.get("db_port") or 5432)
    if host in ("False", ""):
        host = "localhost"
    if port_open(host, port):
        return
    print("PostgreSQL is not running; starting it", flush=True)
    clusters = subprocess.run(["pg_lsclusters", "-h"], capture_output=True, text=True)
    for line in clusters.stdout.splitlines():
        version, name = line.split()[:2]
        subprocess.run(["pg_ctlcluster", version, name, "start"], check=False)
    for _ in range(30):
        if port_open(host, port):
            return
        time.sleep(1)
    raise SystemExit(f"PostgreSQL does not answer on {host}:{port}")


def port_open(host: str, port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(1)
        return sock.connect_ex((host, port)) == 0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]



def addons_path(options: dict[str, str]) -> str:
    """Odoo's configured addons path plus this project's add-ons."""
    return ",".join(filter(None, [options.get("addons_path", ""), str(ADDONS_DIR)]))


def pg_args(options: dict[str, str]) -> tuple[list[str], dict[str, str]]:
    """Arguments and environment for PostgreSQL's command-line clients."""
    host = options.get("db_host") or "localhost"
    args = ["-h", "localhost" if host == "False" else host,
            "-p", options.get("db_port") or "5432",
            "-U", options.get("db_user") or os.environ.get("USER", "odoo")]
    return args, dict(os.environ, PGPASSWORD=options.get("db_password", ""))
