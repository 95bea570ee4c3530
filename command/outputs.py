"""The output files: checked before anything is read, written atomically.

A report that cannot be written should fail before it connects and reads for minutes,
and never leave half a file: the folder is checked first, created just before the first
network call, and the writers write a temporary file renamed into place.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from ..i18n import _, os_reason
from ..reports.labels import labels_for
from .errors import output_error


def check_output_folder(raw: str) -> Path:
    """Refuse '' and device files before anything is read or created."""
    if raw is None or str(raw).strip() == "":
        raise output_error(_("--output is empty: name a folder for the reports"))
    path = Path(raw)
    if path.exists() and not path.is_dir():
        raise output_error(_("--output {path} is not a folder").format(path=raw))
    return path


def prepare_output_folder(path: Path) -> Path:
    """Create the folder (once the settings are complete) and check it is writable."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise output_error(
            _("cannot create output directory {path}: {reason}").format(
                path=path, reason=os_reason(exc)
            )
        ) from None
    if not os.access(path, os.W_OK | os.X_OK):
        raise output_error(
            _("cannot write report in {path}: {reason}").format(
                path=path, reason=_(os.strerror(errno.EACCES))
            )
        )
    return path


def check_output_file(raw: str | None, option: str = "--output") -> Path:
    """A regular file path whose folder exists and is writable."""
    if raw is None or str(raw).strip() == "":
        raise output_error(_("{option} is empty: name a file to write").format(option=option))
    path = Path(raw)
    if path.exists() and not path.is_file():
        raise output_error(
            _("{option} {path} is not a regular file").format(option=option, path=raw)
        )
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise output_error(
            _("cannot write {path}: folder {folder} does not exist").format(
                path=path, folder=folder
            )
        )
    if not os.access(folder, os.W_OK | os.X_OK):
        raise output_error(
            _("cannot write {path}: {reason}").format(
                path=path, reason=_(os.strerror(errno.EACCES))
            )
        )
    return path


def write(writer: Callable[..., Path], path: Path, *args: Any) -> Path:
    """Run a report writer; a failure to write is exit 7, in one line."""
    try:
        return writer(path, *args)
    except OSError as exc:
        raise output_error(
            _("cannot write report in {path}: {reason}").format(
                path=path.parent, reason=os_reason(exc)
            )
        ) from None


def wrote(path: Path, lang: str) -> None:
    """Say where a file was written, in the report's language."""
    click.echo(f"{labels_for(lang)['wrote']} {path}")
