#!/usr/bin/env python3
"""Re-record the built-in demo snapshots from a real Odoo 18 with the add-ons' demo data.

The snapshots in connector/recorded/ are what ``credit --demo`` and the offline tests
replay: real answers of a server. They go stale when the add-ons change (a field, an SQL
function, the demo data, a translation), and a stale recording makes the demo and the
offline tests pass on answers today's add-ons no longer give. So each recording carries
where it came from (``metadata.recorded_from``: the git commit, the add-ons' versions and
a SHA-256 of every add-on file its answers depend on, see ``dependent_files``), and
tests/test_snapshot_freshness.py fails as soon as those files differ from the work tree.

This script is the one way to record them, the way the test runner sets up its database:
the Odoo that scripts/odoo_env.py finds or provisions, a fresh database with every add-on
of erp_addon/ and its demo data, zh_CN installed, served on a free local port; then
``credit pull --lang zh_CN`` and ``--lang en`` (demo_snapshot.<lang>.json) and the older
exposure-only ``credit record`` (demo_exposure.json), as admin.

    .venv/bin/python scripts/record_snapshots.py            # writes connector/recorded/
    .venv/bin/python scripts/record_snapshots.py --output-dir /tmp/snap --keep-db
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from odoo_env import (
    ADDONS_DIR,
    REPO,
    OdooUnavailable,
    addon_names,
    ensure_postgres,
    free_port,
    install_language,
    locate,
    pg_args,
    served,
)

RECORDED_DIR = REPO / "connector" / "recorded"
#: The command the freshness test tells people to run (keep it in step with the docstring).
COMMAND = ".venv/bin/python scripts/record_snapshots.py"
#: file name -> the ``credit`` arguments that record it (besides the connection).
RECORDINGS: dict[str, list[str]] = {
    "demo_snapshot.zh_CN.json": ["pull", "--lang", "zh_CN"],
    "demo_snapshot.en_US.json": ["pull", "--lang", "en"],
    "demo_exposure.json": ["record"],
}
#: Folders of an add-on whose every file shapes the server's answers: what the records
#: are (data, demo), who may read them (security), how they are computed (the SQL).
DATA_FOLDERS = {"data", "demo", "security", "sql"}
#: Never part of the answers: screens, tests, docs, packaging.
IGNORED_FOLDERS = {"tests", "static", "views", "readme", "__pycache__"}
PROVENANCE_KEY = "recorded_from"
LOGIN, PASSWORD = "admin", "admin"


def say(message: str) -> None:
    print(f"[record-snapshots] {message}", flush=True)


# ------------------------------------------------------------------------------ provenance


def dependent_files(addons_dir: Path = ADDONS_DIR) -> list[Path]:
    """Every add-on file the recorded answers depend on, sorted.

    The recording database has every add-on of ``addons_dir`` installed, so all of them
    count: their Python outside tests/ (models, the SQL-view report models, hooks: what
    is computed), their SQL files, their data, demo data and security files (what records
    there are and who reads them), and their translations (the names in zh_CN). Views,
    tours, tests and documentation do not change an RPC answer.
    """
    found: list[Path] = []
    for manifest in sorted(addons_dir.glob("*/__manifest__.py")):
        addon = manifest.parent
        for path in sorted(addon.rglob("*")):
            if not path.is_file():
                continue
            parts = path.relative_to(addon).parts
            if IGNORED_FOLDERS.intersection(parts[:-1]):
                continue
            if (
                path.suffix in (".py", ".sql")
                or (len(parts) > 1 and parts[0] in DATA_FOLDERS)
                or (parts[0] == "i18n" and path.suffix in (".po", ".pot"))
            ):
                found.append(path)
    return found


def file_digests(paths: Iterable[Path], root: Path = REPO) -> dict[str, str]:
    """Path relative to the repository -> SHA-256 of its bytes."""
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in paths
    }


def combined_digest(digests: dict[str, str]) -> str:
    """One SHA-256 over every (path, digest) pair: equal exactly when all files are."""
    text = "".join(f"{path}\0{digest}\n" for path, digest in sorted(digests.items()))
    return hashlib.sha256(text.encode()).hexdigest()


def addon_versions(addons_dir: Path = ADDONS_DIR) -> dict[str, str]:
    """Each add-on's manifest version."""
    versions = {}
    for manifest in sorted(addons_dir.glob("*/__manifest__.py")):
        values = ast.literal_eval(manifest.read_text(encoding="utf-8"))
        versions[manifest.parent.name] = str(values.get("version", ""))
    return versions


def git(*args: str) -> str:
    """A git command's output in the repository ('' when git cannot say)."""
    done = subprocess.run(["git", "-C", str(REPO), *args], capture_output=True, text=True)
    return done.stdout.strip() if done.returncode == 0 else ""


def provenance(addons_dir: Path = ADDONS_DIR, root: Path = REPO) -> dict[str, Any]:
    """What a recording made now from ``addons_dir`` was recorded from."""
    digests = file_digests(dependent_files(addons_dir), root)
    changed = git("status", "--porcelain", "--", *digests)
    return {
        "commit": git("rev-parse", "HEAD"),
        # the work tree differed from the commit in these files: the digests say how
        "uncommitted": sorted(line[3:] for line in changed.splitlines()),
        "addons": addon_versions(addons_dir),
        "files_sha256": combined_digest(digests),
        "files": digests,
    }


def stale_files(recorded: dict[str, str], current: dict[str, str]) -> list[str]:
    """Files added, removed or changed between two ``files`` maps."""
    return sorted(
        path for path in set(recorded) | set(current) if recorded.get(path) != current.get(path)
    )


# ------------------------------------------------------------------------------ recording


def credit_command(args: list[str], url: str, db: str, output: Path) -> None:
    """Run the ``credit`` command of this Python (the project's venv) against the server."""
    env = dict(
        os.environ,
        CREDIT_ODOO_URL=url,
        CREDIT_ODOO_DB=db,
        CREDIT_ODOO_USER=LOGIN,
        CREDIT_ODOO_PASSWORD=PASSWORD,
    )
    for name in ("CREDIT_ODOO_API_KEY", "CREDIT_CONFIG"):
        env.pop(name, None)
    cmd = [sys.executable, "-m", "credit_cli.cli", *args, "--output", str(output)]
    say(f"credit {' '.join(args)} -> {output}")
    subprocess.run(cmd, env=env, check=True, cwd=tempfile.gettempdir())


def stamp(path: Path, origin: dict[str, Any]) -> None:
    """Add the provenance to a recording's metadata (its calls stay as the server said)."""
    document = json.loads(path.read_text(encoding="utf-8"))
    document["metadata"][PROVENANCE_KEY] = origin
    text = json.dumps(document, ensure_ascii=False, indent=1, sort_keys=False)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text + "\n", encoding="utf-8")
    os.replace(tmp, path)


def database_exists(options: dict[str, str], db: str) -> bool:
    """Whether PostgreSQL already has ``db`` (never overwritten: it may be someone's)."""
    pg, env = pg_args(options)
    done = subprocess.run(
        ["psql", *pg, "-d", "postgres", "-tAc", "SELECT datname FROM pg_database"],
        env=env,
        capture_output=True,
        text=True,
    )
    return db in done.stdout.split()


def with_addons(command: list[str], addons_dir: Path) -> list[str]:
    """odoo-bin's command with the project's add-ons taken from ``addons_dir``."""
    at = command.index("--addons-path") + 1
    paths = [p for p in command[at].split(",") if Path(p).resolve() != ADDONS_DIR.resolve()]
    return [*command[:at], ",".join([*paths, str(addons_dir)]), *command[at + 1 :]]


def install_problems(log: Path) -> list[str]:
    """Lines of the install log that make a recording worthless: errors, and demo data
    Odoo gave up on (it then installs the add-on without it, with only a warning)."""
    bad = re.compile(r"^\S+ \S+ \d+ (ERROR|CRITICAL) |demo data failed to install")
    return [line for line in log.read_text(errors="replace").splitlines() if bad.search(line)]


def record(output_dir: Path, db: str, keep_db: bool) -> int:
    """Make the database, serve it, record every snapshot into ``output_dir``.

    The add-ons are installed from a copy of erp_addon/ taken first, and the provenance is
    that copy's: people may edit the work tree meanwhile without making the recordings
    claim code they were not recorded from.
    """
    try:
        odoo = locate(say)
        if odoo is None:
            say("no Odoo found (ODOO_RC, ~/.odoorc, ODOO_SRC, ../shared/odoo): cannot record")
            return 1
        ensure_postgres(odoo.options, say)
    except (OdooUnavailable, subprocess.CalledProcessError) as exc:
        say(f"FAILED: no Odoo to record from: {exc}")
        return 1
    if database_exists(odoo.options, db):
        say(f"FAILED: database {db} exists; name a new one with --db (it is made fresh)")
        return 1
    pg, pg_env = pg_args(odoo.options)
    log = Path(tempfile.gettempdir()) / f"record-snapshots-{db}.log"
    with tempfile.TemporaryDirectory(prefix="credit-record-") as frozen:
        copy = Path(frozen) / ADDONS_DIR.name
        shutil.copytree(ADDONS_DIR, copy, ignore=shutil.ignore_patterns("__pycache__"))
        origin = provenance(copy, Path(frozen))
        modules = addon_names()
        cmd = with_addons(odoo.command(db), copy)
        try:
            say(f"installing {', '.join(modules)} with demo data into {db} (log: {log})")
            with log.open("w") as out:
                done = subprocess.run(
                    [*cmd, "-i", ",".join(modules), "--stop-after-init"]
                    + ["--http-port", str(free_port())],
                    stdout=out,
                    stderr=subprocess.STDOUT,
                )
            problems = install_problems(log)
            if done.returncode or problems:
                say(f"FAILED: Odoo did not install the add-ons cleanly (exit {done.returncode}):")
                for line in problems[:20]:
                    print("    " + line[:300])
                return 1
            output_dir.mkdir(parents=True, exist_ok=True)
            with served(cmd, db) as url:
                if url is None:
                    say("FAILED: the Odoo server did not start")
                    return 1
                install_language(url, db, "zh_CN", LOGIN, PASSWORD)
                made = []
                for name, args in RECORDINGS.items():
                    target = Path(frozen) / name
                    credit_command(args, url, db, target)
                    stamp(target, origin)
                    made.append(target)
            for target in made:  # all or nothing
                os.replace(target, output_dir / target.name)
                say(f"wrote {output_dir / target.name}")
        except subprocess.CalledProcessError as exc:
            say(f"FAILED: {' '.join(map(str, exc.cmd[:6]))}... exited {exc.returncode}")
            return 1
        finally:
            if keep_db:
                say(f"kept database {db}")
            else:
                subprocess.run(["dropdb", "--if-exists", *pg, db], env=pg_env, capture_output=True)
    now = provenance()
    if now["files_sha256"] != origin["files_sha256"]:
        changed = stale_files(origin["files"], now["files"])
        say(
            f"NOTE: {len(changed)} add-on file(s) changed in the work tree while recording "
            f"(e.g. {', '.join(changed[:5])}): the recordings match the code as it was when "
            f"this started, and tests/test_snapshot_freshness.py will say so; run again"
        )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--output-dir",
        type=Path,
        default=RECORDED_DIR,
        help=f"where the recordings go (default {RECORDED_DIR.relative_to(REPO)})",
    )
    parser.add_argument(
        "--db", default=f"credit_record_{os.getpid()}", help="name of the fresh database"
    )
    parser.add_argument("--keep-db", action="store_true", help="keep the database afterwards")
    args = parser.parse_args(argv)
    return record(args.output_dir, args.db, args.keep_db)


if __name__ == "__main__":
    sys.exit(main())
