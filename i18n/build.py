"""Compile the command's gettext catalogs: ``python -m credit_cli.i18n.build``.

Reads every ``locale/<lang>/LC_MESSAGES/*.po`` beside this file and writes the ``.mo``
next to it (GNU's format, entries sorted, no hash table: what Python's gettext reads).
The ``.mo`` files are shipped in the package, so an editable install and a wheel both
find them without a build step; ``tests/test_i18n.py`` fails when one is out of date.
"""

from __future__ import annotations

import ast
import struct
import sys
from pathlib import Path

from . import LOCALE_DIR


def _unquote(line: str) -> str:
    return str(ast.literal_eval(line))


def parse_po(text: str) -> dict[str, str]:
    """msgid -> msgstr of a .po file (plurals joined by NUL, as in a .mo); the header
    is the entry of msgid "". Fuzzy and untranslated entries are left out."""
    catalog: dict[str, str] = {}
    entry: dict[str, list[str]] = {}
    key = ""
    fuzzy = False

    def flush() -> None:
        nonlocal entry, fuzzy
        if "msgid" in entry and not fuzzy:
            msgid = "".join(entry["msgid"])
            if "msgid_plural" in entry:
                msgid += "\0" + "".join(entry["msgid_plural"])
                forms = sorted(k for k in entry if k.startswith("msgstr["))
                msgstr = "\0".join("".join(entry[k]) for k in forms)
            else:
                msgstr = "".join(entry.get("msgstr", []))
            if msgstr.replace("\0", ""):
                catalog[msgid] = msgstr
        entry, fuzzy = {}, False

    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            flush()
        elif line.startswith("#,") and "fuzzy" in line:
            fuzzy = True
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            entry[key].append(_unquote(line))
        else:
            key, _space, rest = line.partition(" ")
            if key == "msgid" and "msgid" in entry:
                flush()
            entry[key] = [_unquote(rest)]
    flush()
    return catalog


def mo_bytes(catalog: dict[str, str]) -> bytes:
    """The GNU .mo file of ``catalog`` (little-endian, revision 0, sorted, no hash)."""
    keys = sorted(catalog)
    ids = [k.encode("utf-8") for k in keys]
    strs = [catalog[k].encode("utf-8") for k in keys]
    count = len(keys)
    header = 7 * 4
    ids_table = header
    strs_table = ids_table + count * 8
    data_start = strs_table + count * 8
    offsets: list[tuple[int, int]] = []
    blob = b""
    for item in ids + strs:
        offsets.append((len(item), data_start + len(blob)))
        blob += item + b"\0"
    out = struct.pack("<7I", 0x950412DE, 0, count, ids_table, strs_table, 0, data_start)
    for length, offset in offsets:
        out += struct.pack("<2I", length, offset)
    return out + blob


def build(locale_dir: Path = LOCALE_DIR) -> list[Path]:
    """Compile every .po under ``locale_dir``; returns the .mo files written."""
    written = []
    for po in sorted(locale_dir.glob("*/LC_MESSAGES/*.po")):
        mo = po.with_suffix(".mo")
        mo.write_bytes(mo_bytes(parse_po(po.read_text(encoding="utf-8"))))
        written.append(mo)
    return written


if __name__ == "__main__":
    for path in build():
        sys.stdout.write(f"{path}\n")
