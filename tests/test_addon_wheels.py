"""Every add-on in erp_addon/ builds, with whool, into the wheel OCA would publish for it.

The wheel is built offline from the add-on's own directory, exactly as pip installs it
(``pip wheel --no-deps --no-build-isolation``, whool coming from this venv), and then read:
its name, the dist-info METADATA (``Name: odoo-addon-<addon>``, a version in the manifest's
Odoo series, ``Requires-Dist`` for Odoo, non-core add-on depends and external Python
dependencies) and its files under ``odoo/addons/<addon>/``.
"""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
import zipfile
from email.parser import HeaderParser
from pathlib import Path

import pytest
from manifestoo_core.core_addons import get_core_addons
from manifestoo_core.metadata import EXTERNAL_DEPENDENCIES_MAP
from manifestoo_core.odoo_series import OdooSeries
from packaging.requirements import Requirement
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
ADDONS = sorted(p.parent for p in (ROOT / "erp_addon").glob("*/__manifest__.py"))


def _manifest(addon_dir: Path) -> dict:
    return ast.literal_eval((addon_dir / "__manifest__.py").read_text(encoding="utf-8"))


def _core_addons(series: str) -> set[str]:
    """Odoo's own add-ons of the series: whool maps a depend on them to ``odoo==<series>.*``."""
    return set(get_core_addons(OdooSeries.from_str(series)))


def _addon_files(addon_dir: Path) -> set[str]:
    """Files whool packs: the git-tracked ones when in git, else all (pyproject.toml aside)."""
    try:
        listed = subprocess.run(
            ["git", "ls-files", "-z"],
            cwd=addon_dir,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        files = {f for f in listed.split("\0") if f}
    except (OSError, subprocess.CalledProcessError):
        files = {
            p.relative_to(addon_dir).as_posix()
            for p in addon_dir.rglob("*")
            if p.is_file() and "__pycache__" not in p.parts
        }
    return files - {"pyproject.toml"}


@pytest.fixture(scope="module", params=ADDONS, ids=[p.name for p in ADDONS])
def built(request, tmp_path_factory):
    """(addon_dir, wheel path) for one add-on, built once per module."""
    addon_dir: Path = request.param
    pyproject = addon_dir / "pyproject.toml"
    assert pyproject.is_file(), f"{addon_dir.name} has no pyproject.toml for whool"
    text = pyproject.read_text(encoding="utf-8")
    assert 'build-backend = "whool.buildapi"' in text, text
    try:
        import whool  # noqa: F401
    except ImportError:
        pytest.fail("whool is not installed in this venv: pip install -e '.[test]'")
    out = tmp_path_factory.mktemp(f"wheel-{addon_dir.name}")
    env = dict(os.environ, PIP_DISABLE_PIP_VERSION_CHECK="1", PIP_NO_INPUT="1")
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "--wheel-dir",
            str(out),
            str(addon_dir),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    wheels = list(out.glob("*.whl"))
    assert len(wheels) == 1, wheels
    return addon_dir, wheels[0]


def _metadata(wheel: Path):
    with zipfile.ZipFile(wheel) as zf:
        names = [n for n in zf.namelist() if n.endswith(".dist-info/METADATA")]
        assert len(names) == 1, names
        return HeaderParser().parsestr(zf.read(names[0]).decode("utf-8"))


def test_wheel_name_and_version(built):
    addon_dir, wheel = built
    name = addon_dir.name
    manifest_version = _manifest(addon_dir)["version"]
    series = ".".join(manifest_version.split(".")[:2])
    match = re.fullmatch(rf"odoo_addon_{name}-(?P<version>[^-]+)-py3-none-any\.whl", wheel.name)
    assert match, wheel.name
    meta = _metadata(wheel)
    assert meta["Name"] == f"odoo-addon-{name}"
    assert meta["Version"] == match["version"]
    version = Version(meta["Version"])
    assert version.release[:2] == Version(series).release
    assert version >= Version(manifest_version)


def test_wheel_requires_odoo_and_depends(built):
    addon_dir, wheel = built
    manifest = _manifest(addon_dir)
    series = ".".join(manifest["version"].split(".")[:2])
    requires = {Requirement(r) for r in _metadata(wheel).get_all("Requires-Dist") or []}
    by_name = {r.name: r for r in requires}
    assert "odoo" in by_name, requires
    assert str(by_name["odoo"].specifier) == f"=={series}.*"

    core = _core_addons(series)
    for depend in manifest.get("depends", []):
        dist = f"odoo-addon-{depend}"
        if depend in core:
            # Odoo's own add-ons come with the odoo distribution itself
            assert dist not in by_name, requires
        else:
            assert dist in by_name, f"{depend}: {requires}"
            assert str(by_name[dist].specifier) == f"=={series}.*"
    for python_dep in manifest.get("external_dependencies", {}).get("python", []):
        # whool names a few import names by their distribution (dateutil: python-dateutil)
        dists = EXTERNAL_DEPENDENCIES_MAP.get(python_dep, python_dep)
        for dist in [dists] if isinstance(dists, str) else dists:
            assert Requirement(dist).name in by_name, f"{python_dep}: {requires}"

    addon_requires = {n for n in by_name if n.startswith("odoo-addon-")}
    expected = {f"odoo-addon-{d}" for d in manifest.get("depends", []) if d not in core}
    assert addon_requires == expected


def test_wheel_contains_the_addon(built):
    addon_dir, wheel = built
    prefix = f"odoo/addons/{addon_dir.name}/"
    manifest = _manifest(addon_dir)
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
    packed = {n[len(prefix) :] for n in names if n.startswith(prefix)}

    # odoo and odoo.addons stay namespace packages: no __init__.py above the add-on
    assert "odoo/__init__.py" not in names
    assert "odoo/addons/__init__.py" not in names
    # nothing outside odoo/addons/<addon>/ but the dist-info
    assert all(n.startswith(prefix) or ".dist-info/" in n for n in names), names
    assert "pyproject.toml" not in packed

    # what Odoo loads must be there, tracked or not yet
    required = {"__manifest__.py", "__init__.py"}
    required |= set(manifest.get("data", [])) | set(manifest.get("demo", []))
    required |= {p.relative_to(addon_dir).as_posix() for p in addon_dir.glob("i18n/*.po*")}
    missing = sorted(required - packed)
    assert not missing, f"not in the wheel (is it git-added?): {missing}"
    # code, views, security, static assets: every file whool is meant to pack
    tracked = _addon_files(addon_dir)
    for sub in ("models", "views", "security", "data", "static", "wizards", "report"):
        in_dir = {f for f in tracked if f.startswith(sub + "/")}
        assert in_dir <= packed, sorted(in_dir - packed)
    for must in ("models/__init__.py", "security/ir.model.access.csv"):
        if must in tracked:
            assert must in packed

    # everything the add-on tracks is packed, byte for byte for the manifest
    assert not sorted(tracked - packed)
    with zipfile.ZipFile(wheel) as zf:
        assert zf.read(prefix + "__manifest__.py") == (addon_dir / "__manifest__.py").read_bytes()
