"""The options the ``credit`` commands share, defined once.

Every report takes the same options for where its data comes from (``--demo``,
``--snapshot``, or a live Odoo's settings), its output folder, its language, and
mostly a year and a company; a command names the groups it needs as decorators.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from ..connector.settings import ENV
from ..i18n import LANG_ALIASES, LANGUAGES, current_language, normalize
from .localized import option

F = TypeVar("F", bound=Callable[..., Any])

#: The settings of a live connection: typed together with --demo or --snapshot they are
#: an error (those read no server).
CONNECTION_PARAMS = ("url", "db", "user", "password", "api_key", "config", "timeout", "retries")


def source_options(func: F) -> F:
    """Options naming where the data comes from, shared by every report command."""
    options = [
        option(
            "--demo",
            is_flag=True,
            help="Use the built-in snapshot of the add-ons' demo data; needs no Odoo.",
        ),
        option(
            "--snapshot",
            metavar="FILE",
            type=click.Path(dir_okay=False),
            default=None,
            help="Make the report from a snapshot saved by 'credit pull'; needs no Odoo.",
        ),
        option(
            "--url",
            metavar="URL",
            envvar=ENV["url"],
            show_envvar=True,
            help="Odoo URL, e.g. https://odoo.example.com (TLS certificates are verified).",
        ),
        option(
            "--db",
            metavar="DATABASE",
            envvar=ENV["db"],
            show_envvar=True,
            help="Odoo database name.",
        ),
        option(
            "--user",
            metavar="LOGIN",
            envvar=ENV["user"],
            show_envvar=True,
            help="Odoo login.",
        ),
        option(
            "--password",
            metavar="PASSWORD",
            envvar=ENV["password"],
            show_envvar=True,
            help="Odoo password; asked for (hidden) on a terminal when not given.",
        ),
        option(
            "--api-key",
            metavar="KEY",
            envvar=ENV["api_key"],
            show_envvar=True,
            help="Odoo API key, accepted instead of the password.",
        ),
        option(
            "--config",
            metavar="FILE",
            envvar=ENV["config"],
            show_envvar=True,
            type=click.Path(dir_okay=False),
            help="TOML file with url, db, user, password or api_key, timeout "
            "(default ~/.config/credit/credit.toml); options and environment win.",
        ),
        option(
            "--timeout",
            metavar="SECONDS",
            envvar=ENV["timeout"],
            show_envvar=True,
            type=click.FloatRange(min=0, min_open=True),
            default=None,
            help="Seconds to wait for each answer of the server  [default: 120]",
        ),
        option(
            "--retries",
            metavar="N",
            envvar="CREDIT_ODOO_RETRIES",
            type=click.IntRange(min=0),
            default=3,
            show_default=True,
            help="Retries (with backoff 1, 2, 4... s) when the network fails.",
        ),
        option(
            "--progress/--no-progress",
            default=None,
            help="Show progress on stderr (connect, each model and page)  [default: on a terminal]",
        ),
    ]
    for decorator in reversed(options):
        func = decorator(func)
    return func


def output_folder_option(func: F) -> F:
    """``--output FOLDER`` of the report commands."""
    return option(
        "--output",
        metavar="FOLDER",
        default="out",
        show_default=True,
        help="Folder for the report files (created if missing).",
    )(func)


def _lang(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str:
    # not given: the language the command already speaks (i18n.choose_language)
    return normalize(value) if value else current_language()


def lang_option(func: F) -> F:
    """``--lang``: the language of the command, its reports and the names read from Odoo.

    The command chose it before reading its options (``i18n.choose_language``): the
    option is read here so that each command has it, and its help says so.
    """
    return option(
        "--lang",
        type=click.Choice([*LANGUAGES, *LANG_ALIASES]),
        default=None,
        callback=_lang,
        help="Language of the messages, the report and the names read from Odoo "
        "(en_US = en)  [default: zh_CN under a Chinese locale (LANG, LC_ALL, "
        "LC_MESSAGES), else en]",
    )(func)


def year_option(func: F) -> F:
    """``--year`` of the appraisal commands."""
    return option(
        "--year",
        metavar="YEAR",
        type=click.IntRange(1901, 2999),
        default=None,
        help="Appraisal year  [default: the latest year with an appraisal period]",
    )(func)


def company_option(func: F) -> F:
    """``--company``: which company's figures (default: the user's current one)."""
    return option(
        "--company",
        metavar="COMPANY",
        default=None,
        help="Company name or id  [default: the user's current company in Odoo]",
    )(func)


def today_option(help_text: str) -> Callable[[F], F]:
    """``--today YYYY-MM-DD``, the day a report is as at (its own help per command)."""
    return option(
        "--today",
        metavar="YYYY-MM-DD",
        type=click.DateTime(formats=["%Y-%m-%d"]),
        default=None,
        help=help_text,
    )


def params_of(kwargs: dict[str, Any]) -> dict[str, Any]:
    """A command's parameters, with ``--progress`` defaulting to "on a terminal"."""
    params = dict(kwargs)
    if params.get("progress") is None:
        params["progress"] = sys.stderr.isatty()
    return params
