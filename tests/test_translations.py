"""Every string the add-ons show has its zh_CN translation.

The `.pot` files are Odoo's export of what the add-ons' code, views and data show
(`scripts/update_translations.sh` rebuilds them); a string missing from `zh_CN.po`, or
present without a translation, reaches a Chinese user in English. Only strings with
nothing to translate may stay empty: a code such as "ID", a placeholder in markup, or a
Python expression Odoo evaluates (a report's file name).
"""

import ast
import re
from pathlib import Path

import pytest

ADDONS = Path(__file__).resolve().parent.parent / "erp_addon"
MODULES = sorted(path.parent.parent.name for path in ADDONS.glob("*/i18n/*.pot"))


def read_po(path: Path) -> dict[tuple[str, str], str]:
    """(msgctxt, msgid) -> msgstr of a .po/.pot file; the header entry left out."""
    entries: dict[tuple[str, str], str] = {}
    current: dict[str, str] = {}
    key = None

    def close() -> None:
        if current.get("msgid"):
            entries[(current.get("msgctxt", ""), current["msgid"])] = current.get("msgstr", "")
        current.clear()

    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#~"):
            continue
        match = re.match(r"^(msgctxt|msgid|msgstr) (\".*\")$", line)
        if match:
            if match.group(1) in ("msgctxt", "msgid") and "msgstr" in current:
                close()
            key = match.group(1)
            current[key] = ast.literal_eval(match.group(2))
        elif line.startswith('"') and key:
            current[key] += ast.literal_eval(line)
        elif not line.strip():
            close()
            key = None
    close()
    return entries


def nothing_to_translate(msgid: str) -> bool:
    """A code, markup around a placeholder, or a Python expression: no words."""
    if re.fullmatch(r"'.*' % \(.*\)", msgid):
        return True
    text = re.sub(r"<[^>]*>", " ", msgid)
    text = re.sub(r"%(\([a-z_]+\))?[sd]", " ", text)
    return not re.search(r"[a-z]{2,}", text)


@pytest.mark.parametrize("module", MODULES)
def test_every_string_has_its_zh_cn_translation(module: str) -> None:
    i18n = ADDONS / module / "i18n"
    template = read_po(i18n / f"{module}.pot")
    translated = read_po(i18n / "zh_CN.po")
    missing = sorted(msgid for key in template.keys() - translated.keys() for msgid in [key[1]])
    empty = sorted(
        msgid
        for (_ctxt, msgid), msgstr in translated.items()
        if not msgstr and not nothing_to_translate(msgid)
    )
    assert not missing, f"{module}: not in zh_CN.po: {missing[:20]}"
    assert not empty, f"{module}: untranslated in zh_CN.po: {empty[:20]}"


def test_the_parser_reads_what_it_checks() -> None:
    """The check would pass on an unreadable file: it must find the entries."""
    entries = read_po(ADDONS / "credit_management" / "i18n" / "zh_CN.po")
    assert len(entries) > 400
    assert entries[("", "ID")] == ""
    assert nothing_to_translate("ID")
    assert not nothing_to_translate("Legality")
