"""Writes translation files in one order and form, so that merges stay readable.

Entries sorted by message id (then context), occurrences sorted, a translation equal to
its source cleared (it adds nothing and OCA's checks flag it), obsolete entries dropped.
Run with a Python that has polib (the OCA hooks' virtualenv of scripts/lint.sh).
"""

import sys

import polib


def format_file(path: str) -> None:
    """Rewrite one .po/.pot file in place."""
    po = polib.pofile(path, wrapwidth=78)
    entries = [entry for entry in po if not entry.obsolete]
    for entry in entries:
        entry.occurrences.sort()
        if entry.msgstr == entry.msgid:
            entry.msgstr = ""
    entries.sort(key=lambda entry: (entry.msgid, entry.msgctxt or ""))
    po[:] = entries
    po.save(path)


def main(paths: list[str]) -> None:
    for path in paths:
        format_file(path)


if __name__ == "__main__":
    main(sys.argv[1:])
