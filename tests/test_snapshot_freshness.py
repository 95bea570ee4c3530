"""The recorded demo snapshots are not older than the add-on code whose answers they replay.

``credit --demo`` and the offline tests replay connector/recorded/*.json. When an add-on
changes what the server answers (a model, an SQL function, the demo data, a translation)
and nobody records again, the demo and the offline tests keep passing on answers the
add-ons no longer give. Each recording therefore carries ``metadata.recorded_from``
(written by scripts/record_snapshots.py): the commit, the add-ons' versions and a SHA-256
of every file its answers depend on. Here the same digests are computed from the work
tree; any difference fails, naming the files and the one command that records again.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).resolve().parent.parent / "scripts"
sys.path.insert(0, str(SCRIPTS))

from record_snapshots import (  # noqa: E402
    COMMAND,
    PROVENANCE_KEY,
    RECORDED_DIR,
    RECORDINGS,
    combined_digest,
    dependent_files,
    file_digests,
    provenance,
    stale_files,
)


@pytest.fixture(scope="module")
def current() -> dict[str, str]:
    """SHA-256 of each file the recordings depend on, as the work tree has them now."""
    return file_digests(dependent_files())


@pytest.mark.parametrize("name", sorted(RECORDINGS))
def test_recording_is_not_older_than_the_addons(name: str, current: dict[str, str]) -> None:
    path = RECORDED_DIR / name
    assert path.is_file(), f"{path} is missing; record it with: {COMMAND}"
    origin = json.loads(path.read_text(encoding="utf-8"))["metadata"].get(PROVENANCE_KEY)
    if not origin:
        pytest.fail(
            f"{path.name} does not say which add-on code it was recorded from (recorded "
            f"before {PROVENANCE_KEY} existed); record it again with: {COMMAND}"
        )
    if origin["files_sha256"] == combined_digest(current):
        return
    changed = stale_files(origin["files"], current)
    shown = ", ".join(changed[:15])
    if len(changed) > 15:
        shown += f" and {len(changed) - 15} more"
    pytest.fail(
        f"{path.name} was recorded from commit {origin['commit'][:12] or '?'} and the add-on "
        f"code it replays has changed since ({len(changed)} file(s): {shown}); "
        f"record it again with: {COMMAND}"
    )


def test_the_digest_follows_what_the_answers_depend_on(tmp_path: Path) -> None:
    """Models, SQL, data, demo data, security and translations count; views and tests not."""
    addon = tmp_path / "erp_addon" / "credit_x"
    files = {
        "__manifest__.py": "{'name': 'x', 'version': '18.0.1.0.0'}",
        "models/partner.py": "x = 1",
        "sql/figures.sql": "select 1",
        "data/grades.xml": "<odoo/>",
        "demo/demo.xml": "<odoo/>",
        "security/ir.model.access.csv": "id",
        "i18n/zh_CN.po": "msgid ''",
        "views/partner_views.xml": "<odoo/>",
        "tests/test_partner.py": "y = 2",
        "static/src/tours/tour.js": "z",
        "readme/DESCRIPTION.md": "doc",
    }
    for rel, text in files.items():
        (addon / rel).parent.mkdir(parents=True, exist_ok=True)
        (addon / rel).write_text(text)
    found = {p.relative_to(addon).as_posix() for p in dependent_files(tmp_path / "erp_addon")}
    assert found == {
        "__manifest__.py",
        "models/partner.py",
        "sql/figures.sql",
        "data/grades.xml",
        "demo/demo.xml",
        "security/ir.model.access.csv",
        "i18n/zh_CN.po",
    }
    before = provenance(tmp_path / "erp_addon", tmp_path)
    assert before["addons"] == {"credit_x": "18.0.1.0.0"}
    (addon / "views/partner_views.xml").write_text("<odoo><!-- a screen --></odoo>")
    assert provenance(tmp_path / "erp_addon", tmp_path)["files_sha256"] == before["files_sha256"]
    (addon / "sql/figures.sql").write_text("select 2")
    after = provenance(tmp_path / "erp_addon", tmp_path)
    assert after["files_sha256"] != before["files_sha256"]
    assert stale_files(before["files"], after["files"]) == ["erp_addon/credit_x/sql/figures.sql"]
