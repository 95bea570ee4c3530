"""Open an XLSX workbook the way every report writes one.

Constant-memory mode (rows go to disk as they are written, so a workbook with
hundreds of sheets or thousands of rows stays small in memory), no string ever
turned into a number, formula or link, and the file written atomically.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

import xlsxwriter
from xlsxwriter.workbook import Workbook

from ..connector.atomic import atomic_path

_INVALID_SHEET_CHARS = str.maketrans({c: "_" for c in "[]:*?/\\"})


@contextlib.contextmanager
def open_workbook(path: str | os.PathLike[str]) -> Iterator[Workbook]:
    """Yield a workbook; on success it is closed and moved to ``path``, else discarded."""
    target = Path(path)
    with atomic_path(target) as tmp:
        workbook = xlsxwriter.Workbook(
            str(tmp),
            {
                "constant_memory": True,
                "strings_to_numbers": False,
                "strings_to_formulas": False,
                "strings_to_urls": False,
            },
        )
        try:
            yield workbook
        except BaseException:
            with contextlib.suppress(Exception):
                workbook.close()
            raise
        workbook.close()


def sheet_name(wanted: str, taken: set[str]) -> str:
    """A valid, unique (case-insensitively) Excel sheet name close to ``wanted``."""
    base = (wanted.translate(_INVALID_SHEET_CHARS).strip("'") or "Sheet")[:31]
    name = base
    number = 2
    while name.lower() in taken:
        suffix = f" ({number})"
        name = base[: 31 - len(suffix)] + suffix
        number += 1
    taken.add(name.lower())
    return name
