"""Find or provision the Odoo 18 the tests and the benchmark run on, and the services it needs.

Shared by the test runner and the benchmark, so both use the same Odoo. The order:
1. an Odoo already configured on the machine (ODOO_RC, else ~/.odoorc);
2. ODOO_SRC: an Odoo 18.0 source tree or a .tar.xz/.tar.gz archive of one;
3. ../shared/odoo/odoo-18.0-src.tar.xz beside the repository (where CI keeps one).
A source is provisioned once into a cache (see provision_odoo.py).
"""

from __future__ import annotations

import configparser
import contextlib
import getpass
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import xmlrpc.client
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from provision_odoo import provision, quiet_run

REPO = Path(__file__).resolve().parent.parent
ADDONS_DIR = REPO / "erp_addon"
SHARED_ARCHIVE = REPO.parent / "shared" / "odoo" / "odoo-18.0-src.tar.xz"
# Debian packages that browser tours and PDF reports need, with how to tell they are there.
TEST_PACKAGES = {
    "chromium": lambda: shutil.which("chromium"),
    "wkhtmltopdf": lambda: shutil.which("wkhtmltopdf"),
    "fonts-noto-cjk": lambda: Path("/usr/share/fonts/opentype/noto").is_dir(),
}


class OdooUnavailable(Exception):
    """No usable Odoo: the message says why and what to do."""


@dataclass(frozen=True)
class OdooSetup:
    """An Odoo that can run: its configuration, odoo-bin and the Python with its requirements."""

    rc: Path
    options: dict[str, str]
    odoo_bin: Path
    python: str
    origin: str

    def command(self, db: str) -> list[str]:
        """odoo-bin with this configuration, the project's add-ons and no cron threads."""
        return [
            self.python,
            str(self.odoo_bin),
            "-c",
            str(self.rc),
            "--addons-path",
            addons_path(self.options),
            "-d",
            db,
            "--max-cron-threads",
            "0",
        ]


def addon_names() -> list[str]:
    """Every add-on of the project (a folder of erp_addon/ with a manifest)."""
    return sorted(p.parent.name for p in ADDONS_DIR.glob("*/__manifest__.py"))


def find_config() -> Path | None:
    rc = os.environ.get("ODOO_RC")
    if rc:
        return Path(rc) if Path(rc).is_file() else None
    home_rc = Path.home() / ".odoorc"
    return home_rc if home_rc.is_file() else None


def find_source() -> Path | None:
    explicit = os.environ.get("ODOO_SRC")
    if explicit:
        return Path(explicit).expanduser()
    return SHARED_ARCHIVE if SHARED_ARCHIVE.is_file() else None


def locate(say: Callable[[str], None]) -> OdooSetup | None:
    """The Odoo to use, provisioning it from a source if needed; None when there is none.

    Raises OdooUnavailable when one was named but cannot be used.
    """
    rc = find_config()
    if rc:
        return from_config(rc, f"configuration {rc}")
    if os.environ.get("ODOO_RC"):
        raise OdooUnavailable(f"ODOO_RC={os.environ['ODOO_RC']} is not a file")
    source = find_source()
    if not source:
        return None
    try:
        rc = provision(source, say)
    except (RuntimeError, OSError, subprocess.CalledProcessError) as exc:
        raise OdooUnavailable(f"could not provision Odoo from {source}: {exc}") from exc
    return from_config(rc, f"source {source}")


def from_config(rc: Path, origin: str) -> OdooSetup:
    options = read_options(rc)
    odoo_bin = find_odoo_bin(options.get("addons_path", ""))
    if not odoo_bin:
        raise OdooUnavailable(f"{rc}: no odoo-bin found next to the addons_path entries")
    python = find_python(odoo_bin.parent, rc)
    if not python:
        raise OdooUnavailable(f"{rc}: no Python with Odoo's requirements found (set ODOO_PYTHON)")
    return OdooSetup(rc, options, odoo_bin, python, origin)


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


def find_python(odoo_root: Path, rc: Path) -> str | None:
    candidates = [os.environ.get("ODOO_PYTHON", "")]
    candidates += [str(rc.parent / "venv" / "bin" / "python")]
    candidates += [str(odoo_root / d / "bin" / "python") for d in (".venv", "venv")]
    candidates += [shutil.which("python3") or ""]
    for python in filter(None, candidates):
        if not Path(python).is_file():
            continue
        probe = subprocess.run(
            [python, "-c", "import psycopg2, werkzeug, lxml, babel"], capture_output=True
        )
        if probe.returncode == 0:
            return python
    return None


def apt_install(packages: list[str], say: Callable[[str], None]) -> None:
    if not shutil.which("apt-get"):
        raise OdooUnavailable(f"{' '.join(packages)} missing and no apt-get to install them")
    say(f"installing {' '.join(packages)} from Debian's packages")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    sudo = [] if os.geteuid() == 0 else ["sudo", "-n"]
    for step in (["update"], ["install", "-y", *packages]):
        quiet_run([*sudo, "apt-get", "-q", *step], env=env)


def db_target(options: dict[str, str]) -> tuple[str | None, int]:
    """Host (None: the local socket) and port Odoo connects to."""
    host = options.get("db_host") or ""
    port = options.get("db_port") or ""
    return (None if host in ("", "False") else host), int(
        port if port not in ("", "False") else 5432
    )


def postgres_answers(options: dict[str, str]) -> bool:
    host, port = db_target(options)
    if host:
        return port_open(host, port)
    return (
        subprocess.run(["pg_isready", "-q", "-p", str(port)], capture_output=True).returncode == 0
    )


def ensure_postgres(options: dict[str, str], say: Callable[[str], None] = print) -> None:
    """A PostgreSQL server that answers, with a role for the user running Odoo.

    Installed from Debian's packages and started when nothing answers on a local server.
    """
    host, port = db_target(options)
    if not shutil.which("pg_ctlcluster") or not shutil.which("pg_isready"):
        if host:
            raise OdooUnavailable(f"PostgreSQL at {host}:{port} does not answer")
        apt_install(["postgresql"], say)
    if not postgres_answers(options):
        if host not in (None, "localhost", "127.0.0.1"):
            raise OdooUnavailable(f"PostgreSQL at {host}:{port} does not answer")
        say("PostgreSQL is not running; starting it")
        clusters = subprocess.run(["pg_lsclusters", "-h"], capture_output=True, text=True)
        lines = [line.split() for line in clusters.stdout.splitlines() if line.strip()]
        if not lines:
            version = sorted(os.listdir("/usr/lib/postgresql"))[-1]
            subprocess.run(["pg_createcluster", version, "main"], check=True)
            lines = [[version, "main"]]
        for version, name, *_ in lines:
            subprocess.run(["pg_ctlcluster", version, name, "start"], check=False)
        for _ in range(30):
            if postgres_answers(options):
                break
            time.sleep(1)
        else:
            raise OdooUnavailable(f"PostgreSQL does not answer on port {port} after starting it")
    ensure_role(options, say)


def ensure_role(options: dict[str, str], say: Callable[[str], None]) -> None:
    """A superuser-free role that may create databases, for the configured or current user."""
    host, _port = db_target(options)
    role = options.get("db_user") or getpass.getuser()
    if host or role in ("", "False"):
        return
    pg, env = pg_args(options)
    probe = subprocess.run(
        ["psql", *pg, "-d", "postgres", "-tAc", "select 1"], env=env, capture_output=True
    )
    if probe.returncode == 0:
        return
    if os.geteuid() != 0:
        raise OdooUnavailable(
            f"PostgreSQL has no role {role!r} for this user; create it: "
            f"sudo -u postgres createuser --createdb {role}"
        )
    say(f"creating PostgreSQL role {role!r}")
    subprocess.run(
        ["runuser", "-u", "postgres", "--", "createuser", "--createdb", role],
        check=True,
        cwd="/",
    )


def ensure_test_packages(say: Callable[[str], None]) -> None:
    """The Debian packages of TEST_PACKAGES, installed when missing.

    The Python tests need them too (tests/test_html_chromium.py prints with chromium): under
    CI=true ./test.sh installs them first, so that those tests run instead of being skipped.
    """
    missing = [pkg for pkg, present in TEST_PACKAGES.items() if not present()]
    if missing:
        apt_install(missing, say)


def ensure_test_tools(python: str, say: Callable[[str], None]) -> None:
    """Browser tours need chromium and websocket-client; PDFs need wkhtmltopdf and CJK fonts."""
    ensure_test_packages(say)
    if subprocess.run([python, "-c", "import websocket"], capture_output=True).returncode:
        say("installing websocket-client into Odoo's Python")
        quiet_run([python, "-m", "pip", "install", "-q", "websocket-client"])


def port_open(host: str, port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(1)
        return sock.connect_ex((host, port)) == 0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def served(command: list[str], db: str) -> Iterator[str | None]:
    """Serve ``db`` with ``command`` (odoo-bin and its options) on a free local port.

    Yields the server's URL once it answers, or None when it has not answered within two
    minutes; the server is stopped on leaving, whatever happened.
    """
    port = free_port()
    server = subprocess.Popen(
        [*command, "--db-filter", f"^{db}$", "--http-port", str(port)]
        + ["--http-interface", "127.0.0.1", "--log-level", "warn"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
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
            url = None
        yield url
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)


def install_language(url: str, db: str, code: str, login: str, password: str) -> None:
    """Install a language with its translations over XML-RPC, as a user would.

    The ``credit`` command reads in the user's language (zh_CN by default), which Odoo
    accepts only once installed; the live tests and the recorded snapshots need it.
    """
    uid = xmlrpc.client.ServerProxy(f"{url}/xmlrpc/2/common").login(db, login, password)
    models = xmlrpc.client.ServerProxy(f"{url}/xmlrpc/2/object")
    lang_ids = models.execute_kw(
        db,
        uid,
        password,
        "res.lang",
        "search",
        [[["code", "=", code], ["active", "in", [True, False]]]],
    )
    wizard = models.execute_kw(
        db,
        uid,
        password,
        "base.language.install",
        "create",
        [{"lang_ids": [[6, 0, lang_ids]], "overwrite": True}],
    )
    models.execute_kw(db, uid, password, "base.language.install", "lang_install", [[wizard]])


def addons_path(options: dict[str, str]) -> str:
    """Odoo's configured addons path plus this project's add-ons."""
    return ",".join(filter(None, [options.get("addons_path", ""), str(ADDONS_DIR)]))


def pg_args(options: dict[str, str]) -> tuple[list[str], dict[str, str]]:
    """Arguments and environment for PostgreSQL's command-line clients."""
    host, port = db_target(options)
    user = options.get("db_user") or ""
    args = ["-p", str(port), "-U", user if user not in ("", "False") else getpass.getuser()]
    if host:
        args = ["-h", host, *args]
    password = options.get("db_password") or ""
    env = dict(os.environ)
    if password not in ("", "False"):
        env["PGPASSWORD"] = password
    return args, env


def main(argv: list[str]) -> int:
    """``odoo_env.py test-packages``: install the Debian packages the tests need (CI)."""
    if argv != ["test-packages"]:
        print("usage: odoo_env.py test-packages", file=sys.stderr)
        return 2
    try:
        ensure_test_packages(print)
    except (OdooUnavailable, subprocess.CalledProcessError) as exc:
        print(f"FAILED: cannot install the test packages: {exc}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
