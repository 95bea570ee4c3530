"""The words of the credit department, one way everywhere (issue 19, item e).

Every text the product ships in Chinese — the add-ons' translations, views, data, demo,
code and tours, the reports' code and templates, the command line's catalogue — writes
账 (account, ledger), never its variant 帐, and names the collection procedure 催账程序,
never 催收程序 or 催款程序 (催收 alone is a way of chasing: 电话催收, a phone call).
The collection add-on's translations name the procedure so wherever they name one.
"""

import re
from pathlib import Path

import pytest

from tests.test_translations import read_po

ROOT = Path(__file__).resolve().parent.parent
#: What is scanned: the add-ons, the reports, the command line's translations.
FOLDERS = ("erp_addon", "reports", "i18n")
SUFFIXES = {".po", ".pot", ".xml", ".py", ".js", ".j2", ".html", ".md", ".rst", ".csv", ".sql"}
FORBIDDEN = {
    "帐": "账 is the word (账 not 帐)",
    "催收程序": "the collection procedure is 催账程序",
    "催款程序": "the collection procedure is 催账程序",
}


def shipped_files() -> list[Path]:
    files = []
    for folder in FOLDERS:
        for path in sorted((ROOT / folder).rglob("*")):
            if path.suffix in SUFFIXES and path.is_file() and "__pycache__" not in path.parts:
                files.append(path)
    return files


def test_files_are_scanned():
    files = shipped_files()
    names = {path.relative_to(ROOT).as_posix() for path in files}
    assert "erp_addon/credit_collection/i18n/zh_CN.po" in names
    assert "i18n/locale/zh_CN/LC_MESSAGES/credit.po" in names
    assert any(name.startswith("reports/templates/") for name in names)
    assert any(name.endswith("_zh_tour.js") for name in names)


@pytest.mark.parametrize("word", sorted(FORBIDDEN))
def test_no_variant_word(word):
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()[:80]}"
        for path in shipped_files()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if word in line
    ]
    assert found == [], FORBIDDEN[word]


def test_collection_procedure_is_cuizhang_chengxu():
    """Each msgid of the collection add-on that names a procedure (the collection
    procedure, its stages' or a customer's) is translated with 催账程序."""
    entries = read_po(ROOT / "erp_addon/credit_collection/i18n/zh_CN.po")
    named = {
        msgid: msgstr
        for (_context, msgid), msgstr in entries.items()
        if re.search(r"\bprocedures?\b", msgid, re.IGNORECASE)
    }
    assert named["Collection Procedure"] == "催账程序"
    assert named["Procedure"] == "催账程序"
    assert {msgid: msgstr for msgid, msgstr in named.items() if "催账程序" not in msgstr} == {}
