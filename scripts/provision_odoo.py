"""Provision an Odoo 18.0 from a source tree or archive into a cache outside the repository.

Why: a fresh machine (CI's included) has no Odoo, and Odoo is not on the package
registries here. From a source, the first run unpacks it, builds a virtualenv with Odoo's
own requirements and writes the configuration the tests use; later runs find the finished
cache and start in seconds. The cache is marked complete only as the very last step, so an
interrupted run leaves an unmarked directory that the next run wipes and rebuilds instead
of half-using it. A lock keeps two runs from building the same cache at once.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

MARKER = ".provisioned"
LAYOUT_VERSION = 2  # bump when the cache layout or the venv recipe changes
# What Python 3.11 on Debian needs instead of Odoo's pins (see shared/odoo/README.md).
SUBSTITUTIONS = {"psycopg2": "psycopg2-binary"}
DROPPED = {"python-ldap"}  # needs system headers; only auth_ldap uses it
EXTRA = ["websocket-client"]  # browser tours drive Chromium through it
CONSTRAINTS = "setuptools<81\n"  # a few pinned sdists still import pkg_resources to build
PROBE = "import psycopg2, werkzeug, lxml, babel, reportlab, websocket"


def cache_root() -> Path:
    """Where provisioned Odoos live: CREDIT_ODOO_CACHE, else the user's cache directory."""
    explicit = os.environ.get("CREDIT_ODOO_CACHE")
    if explicit:
        return Path(explicit).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".cache"
    return base / "credit-management"


def source_key(source: Path) -> str:
    """A short checksum naming the cache: the archive's bytes, or a tree's path and release."""
    digest = hashlib.sha256()
    if source.is_file():
        with source.open("rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    else:
        digest.update(str(source.resolve()).encode())
        release = source / "odoo" / "release.py"
        digest.update(release.read_bytes() if release.is_file() else b"")
    digest.update(f"layout{LAYOUT_VERSION}".encode())
    return digest.hexdigest()[:12]


def is_archive(path: Path) -> bool:
    return path.is_file() and path.name.endswith((".tar.xz", ".tar.gz", ".tgz", ".txz"))


def check_source(source: Path) -> str | None:
    """Why the source is unusable, or None."""
    if not source.exists():
        return f"{source} does not exist"
    if source.is_dir():
        if not (source / "odoo-bin").is_file():
            return f"{source} has no odoo-bin: not an Odoo source tree"
        return None
    if not is_archive(source):
        return f"{source} is neither an Odoo source tree nor a .tar.xz/.tar.gz archive"
    return None


@contextmanager
def locked(path: Path):
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def unpack(archive: Path, dest: Path) -> Path:
    """Unpack the archive into dest and return the directory holding odoo-bin."""
    with tarfile.open(archive) as tar:
        tar.extractall(dest, filter="data")
    for candidate in [dest, *sorted(p for p in dest.iterdir() if p.is_dir())]:
        if (candidate / "odoo-bin").is_file():
            return candidate
    raise RuntimeError(f"{archive}: no odoo-bin inside the archive")


def requirements(odoo_root: Path) -> list[str]:
    """Odoo's own requirements, with the substitutions Python 3.11 on Debian needs."""
    lines = []
    for raw in (odoo_root / "requirements.txt").read_text().splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        name = re.split(r"[=<>!~; \[]", line, maxsplit=1)[0].strip().lower()
        if name in DROPPED:
            continue
        if name in SUBSTITUTIONS:
            line = SUBSTITUTIONS[name] + line[len(name) :]
        lines.append(line)
    return lines + EXTRA


def quiet_run(cmd: list[str], **kwargs) -> None:
    """Run a set-up command, showing its output only when it fails."""
    done = subprocess.run(cmd, capture_output=True, text=True, **kwargs)
    if done.returncode:
        print(done.stdout[-4000:], done.stderr[-4000:], sep="\n")
        raise subprocess.CalledProcessError(done.returncode, cmd)


def build_venv(target: Path, odoo_root: Path, say: Callable[[str], None]) -> Path:
    venv = target / "venv"
    python = venv / "bin" / "python"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    req = target / "requirements.txt"
    req.write_text("\n".join(requirements(odoo_root)) + "\n")
    constraints = target / "constraints.txt"
    constraints.write_text(CONSTRAINTS)
    env = dict(os.environ, PIP_CONSTRAINT=str(constraints), PIP_DISABLE_PIP_VERSION_CHECK="1")
    say("installing Odoo's requirements into its virtualenv (first run only, a few minutes)")
    # a venv starts with an old setuptools whose pkg_resources cannot find zope.interface
    # (installed as zope_interface), which crashes the gevent worker of a multi-worker Odoo
    for args in (["--upgrade", "setuptools<81", "wheel"], ["-r", str(req)]):
        quiet_run([str(python), "-m", "pip", "install", "-q", *args], env=env)
    return python


def write_config(target: Path, odoo_root: Path) -> Path:
    rc = target / "odoo.conf"
    addons = [odoo_root / "odoo" / "addons", odoo_root / "addons"]
    rc.write_text(
        "[options]\n"
        f"addons_path = {','.join(str(p) for p in addons)}\n"
        f"data_dir = {target / 'data'}\n"
        "db_host = False\n"
        "db_port = False\n"
        f"db_user = {db_role()}\n"
        "db_password = False\n"
        "admin_passwd = admin\n"
        "list_db = True\n"
    )
    return rc


def db_role() -> str:
    """The PostgreSQL role Odoo connects as: the user running the tests (peer auth)."""
    import getpass

    return getpass.getuser()


def healthy(target: Path) -> bool:
    """A marked cache whose virtualenv still imports Odoo's requirements."""
    marker = target / MARKER
    if not marker.is_file():
        return False
    try:
        info = json.loads(marker.read_text())
        python, odoo_bin = info["python"], Path(info["odoo_bin"])
    except (ValueError, KeyError):
        return False
    if not odoo_bin.is_file() or not Path(python).is_file():
        return False
    return imports_requirements(Path(python))


def provision(source: Path, say: Callable[[str], None]) -> Path:
    """Return the configuration file of a ready Odoo built from source (building it if needed)."""
    problem = check_source(source)
    if problem:
        raise RuntimeError(problem)
    root = cache_root()
    target = root / f"odoo-18.0-{source_key(source)}"
    with locked(root / f"{target.name}.lock"):
        if healthy(target):
            return target / "odoo.conf"
        if target.exists():
            say(f"{target} is incomplete or broken (interrupted run?): rebuilding it")
            shutil.rmtree(target)
        say(f"provisioning Odoo from {source} into {target}")
        target.mkdir(parents=True)
        if source.is_dir():
            odoo_root = source.resolve()
        else:
            say("unpacking the archive")
            odoo_root = unpack(source, target / "src")
        python = build_venv(target, odoo_root, say)
        rc = write_config(target, odoo_root)
        if not imports_requirements(python):
            raise RuntimeError(f"the virtualenv in {target} does not import Odoo's requirements")
        info = {
            "source": str(source),
            "odoo_bin": str(odoo_root / "odoo-bin"),
            "python": str(python),
        }
        (target / MARKER).write_text(json.dumps(info, indent=1))
        say("Odoo provisioned")
        return rc


def imports_requirements(python: Path) -> bool:
    return subprocess.run([str(python), "-c", PROBE], capture_output=True).returncode == 0
