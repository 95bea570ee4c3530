"""Exit codes and the one-line errors of the ``credit`` command.

Scripts call ``credit`` and branch on its exit code, so each kind of failure has its
own, listed at the end of ``credit --help``. The connector raises only its own
``ConnectorError`` subclasses and knows nothing of exit codes: the mapping from a kind
of failure to its code lives here, in one table (EXIT_BY_ERROR).
"""

from __future__ import annotations

import os
import sys
import textwrap
from typing import Any

import click

from ..connector.transport import (
    ConnectionFailed,
    ConnectorError,
    LoginRefused,
    SettingsError,
    SnapshotError,
    WriteFailed,
)
from ..i18n import N_, _, choose_language, current_language, speaking
from .localized import Group, display_width, fill

EXIT_OK = 0
EXIT_UNEXPECTED = 1
EXIT_USAGE = 2
EXIT_CONNECTION = 3
EXIT_LOGIN = 4
EXIT_DATA = 5
EXIT_SNAPSHOT = 6
EXIT_OUTPUT = 7
EXIT_INTERRUPTED = 130

#: What each exit code means (English msgids); printed at the end of ``credit --help``.
EXIT_CODES: tuple[tuple[int, str], ...] = (
    (EXIT_OK, N_("done")),
    (EXIT_UNEXPECTED, N_("unexpected failure (a bug; the only case with a traceback)")),
    (EXIT_USAGE, N_("bad usage: an unknown or wrong option, missing settings, a bad config file")),
    (EXIT_CONNECTION, N_("cannot connect: no server at the URL, a timeout, not an Odoo")),
    (EXIT_LOGIN, N_("login refused: wrong login, password or API key, or no such database")),
    (
        EXIT_DATA,
        N_(
            "missing on the server or in the snapshot: an add-on, a year's appraisal "
            "period, a company, the report's data, or a read Odoo refused"
        ),
    ),
    (EXIT_SNAPSHOT, N_("bad snapshot: unreadable, not JSON, or not a credit-management snapshot")),
    (
        EXIT_OUTPUT,
        N_("the output cannot be written (empty, a device, no such folder, no permission)"),
    ),
    (EXIT_INTERRUPTED, N_("interrupted")),
)


def exit_codes_epilog() -> str:
    """The exit codes for the end of ``credit --help``, in the current language."""
    lines = [_("Exit codes (for scripts):")]
    for code, meaning in EXIT_CODES:
        text = _(meaning)
        first = f"  {code:>3}  "
        if display_width(text) == len(text):
            lines += textwrap.wrap(text, 72, initial_indent=first, subsequent_indent=" " * 7)
        else:  # Chinese: by columns on screen (a Chinese character takes two)
            lines += fill(text, 72, first, " " * 7)
    return "\b\n" + "\n".join(lines)


#: The connector's kinds of failure and their exit codes, most specific first; any other
#: ConnectorError is something the server or the snapshot lacks (EXIT_DATA).
EXIT_BY_ERROR: tuple[tuple[type[ConnectorError], int], ...] = (
    (SettingsError, EXIT_USAGE),
    (ConnectionFailed, EXIT_CONNECTION),
    (LoginRefused, EXIT_LOGIN),
    (SnapshotError, EXIT_SNAPSHOT),
    (WriteFailed, EXIT_OUTPUT),
)


def exit_code_of(exc: ConnectorError) -> int:
    """The exit code of a connector failure, by its kind."""
    for kind, code in EXIT_BY_ERROR:
        if isinstance(exc, kind):
            return code
    return EXIT_DATA


class UserError(click.ClickException):
    """A failure the user can act on; shown as one line, exiting with ``code``."""

    def __init__(self, message: str, code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.exit_code = code


def failed(exc: ConnectorError, message: str | None = None) -> UserError:
    """The UserError of a connector failure, with the exit code of its kind."""
    return UserError(message if message is not None else str(exc), exit_code_of(exc))


def output_error(message: str) -> UserError:
    """The output cannot be written (exit 7)."""
    return UserError(message, EXIT_OUTPUT)


def _sentence(text: str) -> str:
    """click ends some messages with its own full stop ("Missing option '--x'."): a Chinese
    sentence ends with "。"."""
    if current_language() == "zh_CN" and text.endswith("."):
        return text[:-1] + "。"
    return text


class OneLineErrors(Group):
    """The command group, speaking the user's language, one line per error.

    The language is chosen once (``i18n.choose_language``: ``--lang``, else the locale)
    before click reads the command line, so the help, click's own messages, the errors
    and the reports all speak it. Every click or user error is a single
    ``credit: error: ...`` line (click's default shows usage text over several lines and
    exits 1 for some errors); scripts get the exit codes of EXIT_CODES instead.
    """

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        formatter.write_paragraph()
        with formatter.indentation():
            formatter.write_text(exit_codes_epilog())

    def main(self, args: Any = None, *rest: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        argv = list(args) if args is not None else sys.argv[1:]
        with speaking(choose_language(argv, os.environ)):
            return self._main(argv, *rest, **kwargs)

    def _main(self, *args: Any, **kwargs: Any) -> Any:
        if not kwargs.get("standalone_mode", True):
            return super().main(*args, **kwargs)
        kwargs["standalone_mode"] = False
        try:
            result = super().main(*args, **kwargs)
        except click.exceptions.NoArgsIsHelpError as exc:
            click.echo(exc.ctx.get_help() if exc.ctx else str(exc), err=True)
            sys.exit(EXIT_USAGE)
        except click.ClickException as exc:
            message = _("credit: error: {message}").format(message=_sentence(exc.format_message()))
            if isinstance(exc, click.UsageError) and exc.ctx is not None:
                message += _(" (see '{command} --help')").format(command=exc.ctx.command_path)
            click.echo(message, err=True)
            sys.exit(exc.exit_code if isinstance(exc, UserError) else EXIT_USAGE)
        except (click.exceptions.Abort, KeyboardInterrupt):
            click.echo(_("credit: aborted"), err=True)
            sys.exit(EXIT_INTERRUPTED)
        sys.exit(result if isinstance(result, int) else 0)
