"""``credit``: the command line of the credit-management product.

The entry point and the command table: which subcommands exist, their options and
help, and which function runs each. What the commands share lives in ``command/``:
the options (``options``), where the data comes from (``sources``: a live Odoo 18
with the credit add-ons, a snapshot saved by ``credit pull``, or the built-in
snapshot of the add-ons' demo data), the output files (``outputs``), reading through
a source (``loading``), and the exit codes with the one-line errors (``errors``);
``command/<name>.py`` holds what each command does.

Exit codes (``credit --help`` lists them): 0 done, 1 unexpected failure (a bug: the
one case with a traceback), 2 bad usage, 3 no connection, 4 login refused, 5 add-on
or data missing, 6 bad snapshot, 7 output not writable, 130 interrupted. Every
failure but 1 is one ``credit: error: ...`` line on stderr, with no output file left.

Run installed (the ``credit`` console script, ``python -m credit_cli.cli``) or from
the source tree (``python3 cli.py``): this folder is the package ``credit_cli``
(pyproject.toml maps it so), and the imports below are relative to it either way.
"""

# ruff: noqa: E402  (the imports follow the source-tree bootstrap just below)
from __future__ import annotations

import sys
from pathlib import Path

if __name__ == "__main__" and not __package__:
    # `python3 cli.py`: import this folder as the package credit_cli, as installed, and
    # run this file as its module credit_cli.cli
    import importlib
    import types

    _package = types.ModuleType("credit_cli")
    _package.__path__ = [str(Path(__file__).resolve().parent)]
    sys.modules["credit_cli"] = _package
    importlib.import_module("credit_cli.cli").main()
    raise SystemExit(0)

import importlib.metadata
from collections.abc import Sequence
from typing import Any

import click

from .command.ageing import run_ageing
from .command.errors import OneLineErrors
from .command.exposure import run_exposure
from .command.localized import option
from .command.options import (
    company_option,
    lang_option,
    output_folder_option,
    params_of,
    source_options,
    today_option,
    year_option,
)
from .command.prospects import run_prospects
from .command.pull import run_pull, run_record
from .command.staff import run_awards, run_hr_export, run_scorecards, run_training
from .command.warnings import run_warnings
from .connector.credit_data import DEFAULT_BATCH_SIZE
from .connector.pull import PAGE_SIZE
from .i18n import _

DISTRIBUTION = "credit-management"


def _version() -> str:
    try:
        return importlib.metadata.version(DISTRIBUTION)
    except importlib.metadata.PackageNotFoundError:  # running from a source tree
        return "unknown"


def _print_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        click.echo(_("%(prog)s, version %(version)s") % {"prog": "credit", "version": _version()})
        ctx.exit()


@click.group(cls=OneLineErrors, context_settings={"help_option_names": ["-h", "--help"]})
@option(
    "-V",
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_print_version,
    help="Show the version and exit.",
)
@lang_option
def credit(lang: str) -> None:
    """Reports of the credit department from Odoo 18 with the credit add-ons.

    Every report reads a live Odoo (--url, --db, --user; the password or an API
    key is asked for when missing), a snapshot saved by 'credit pull'
    (--snapshot FILE), or the built-in demo data (--demo). Start with:

        credit scorecards --demo

    The command speaks the locale's language (Chinese under a Chinese locale, else
    English) or that of --lang, given here or to a command.
    """


# --------------------------------------------------------------------------- the table


@credit.command(
    short_help="Customer exposure, limits, overdue and ageing, riskiest first (XLSX+HTML)."
)
@source_options
@output_folder_option
@lang_option
@company_option
@option(
    "--format",
    "fmt",
    type=click.Choice(["xlsx", "html", "both"]),
    default="both",
    show_default=True,
    help="Which report files to write.",
)
@today_option("Report date YYYY-MM-DD (default: today); fixes review-due marks and file names.")
@click.pass_context
def exposure(ctx: click.Context, **kwargs: Any) -> None:
    """Customer credit exposure, riskiest first.

    Per customer: grade and its policy, score, limit in force (a temporary limit
    until its end), exposure and its parts, available credit, overdue amount,
    share and days, ageing buckets (Odoo's), pending exceptions, whether the
    credit check would block an order now, review date, warning list. "—" means
    not scored or no limit. Writes credit_exposure_<date>.xlsx and .html.
    """
    run_exposure(ctx, params_of(kwargs))


@credit.command(short_help="Each administrator's 19-item scorecard for a year (XLSX).")
@source_options
@output_folder_option
@lang_option
@year_option
@company_option
@option(
    "--recompute",
    is_flag=True,
    help="First ask Odoo to recompute the measured items of the open period "
    "(needs the credit manager's rights).",
)
@click.pass_context
def scorecards(ctx: click.Context, **kwargs: Any) -> None:
    """Each credit administrator's 19-item scorecard for a year, with a summary sheet.

    Writes credit_scorecards_<year>.xlsx: a summary (everyone, totals, award
    tiers, penalties, a chart of the tiers), then one sheet per person.
    """
    run_scorecards(ctx, params_of(kwargs))


@credit.command(short_help="Award and disqualification lists to sign (XLSX + printable HTML).")
@source_options
@output_folder_option
@lang_option
@year_option
@company_option
@click.pass_context
def awards(ctx: click.Context, **kwargs: Any) -> None:
    """The award list and the disqualification list for the legal representative.

    Writes credit_awards_<year>.xlsx and credit_awards_<year>.html (prints on
    A4 landscape, with signature lines).
    """
    run_awards(ctx, params_of(kwargs))


@credit.command(short_help="Training sessions, exams, make-ups, fees and fines (XLSX).")
@source_options
@output_folder_option
@lang_option
@year_option
@option(
    "--half",
    type=click.Choice(["1", "2"]),
    default=None,
    help="Only the first (1) or second (2) half-year  [default: the whole year]",
)
@click.pass_context
def training(ctx: click.Context, **kwargs: Any) -> None:
    """Training sessions, attendance, exam scores, make-ups, sample checks, fees and fines.

    Writes credit_training_<year>[_H<half>].xlsx.
    """
    run_training(ctx, params_of(kwargs))


@credit.command("hr-export", short_help="HR's annual export, one row per administrator (XLSX).")
@source_options
@output_folder_option
@lang_option
@year_option
@company_option
@click.pass_context
def hr_export(ctx: click.Context, **kwargs: Any) -> None:
    """HR's annual export: one row per administrator with the figures HR needs.

    Writes credit_hr_export_<year>.xlsx.
    """
    run_hr_export(ctx, params_of(kwargs))


@credit.command(short_help="Receivable ageing and collection stages (XLSX).")
@source_options
@output_folder_option
@lang_option
@company_option
@today_option(
    "The day the ageing is as at, also in the file name (default: today; "
    "from a snapshot: the day it was pulled)."
)
@click.pass_context
def ageing(ctx: click.Context, **kwargs: Any) -> None:
    """Receivable ageing by customer and bucket, and the collection stages.

    As at --today (default: today; a snapshot's own day): the collections
    add-on's ageing report added up on the server (one read_group), with the
    balances, days overdue, buckets and stages of that day.
    Writes credit_ageing_<date>.xlsx.
    """
    run_ageing(ctx, params_of(kwargs))


@credit.command(short_help="Customers in early warning, signals and rescue cases (XLSX+HTML).")
@source_options
@output_folder_option
@lang_option
@company_option
@option(
    "--format",
    "fmt",
    type=click.Choice(["xlsx", "html", "both"]),
    default="both",
    show_default=True,
    help="Which report files to write.",
)
@click.pass_context
def warnings(ctx: click.Context, **kwargs: Any) -> None:
    """Customers in early warning (信用预警), highest score first.

    Per customer: warning level and score, credit analyst, each signal in force
    with its evidence (the server's figures, in the company's language), weight
    and since when; then the rescue cases (挽救) with state, responsible, actions
    still to do and outcome. Needs the credit_warning add-on. Writes
    credit_warnings_<date>.xlsx and .html.
    """
    run_warnings(ctx, params_of(kwargs))


@credit.command(
    short_help="Customers and prospects ranked by credit standing, for sales (XLSX+HTML)."
)
@source_options
@output_folder_option
@lang_option
@company_option
@option(
    "--format",
    "fmt",
    type=click.Choice(["xlsx", "html", "both"]),
    default="both",
    show_default=True,
    help="Which report files to write.",
)
@click.pass_context
def prospects(ctx: click.Context, **kwargs: Any) -> None:
    """Credit data for sales (征信助销): customers ranked by standing.

    Per customer or prospect, as the user may see them (a salesperson their own
    customers): ranking score, grade and its policy, average days late and share
    paid on time, limit, exposure, overdue, available credit (with guarantee
    cover when counted), sales of the last 12 months against the 12 before, good
    payers and the limit proposed for them; then the company's weights and rule.
    The server's figures, highest score first. Needs the credit_prospect add-on.
    Writes credit_prospects_<date>.xlsx and .html.
    """
    run_prospects(ctx, params_of(kwargs))


@credit.command(short_help="Save what the reports read from a live Odoo to a JSON snapshot.")
@source_options
@lang_option
@option(
    "--output",
    metavar="FILE",
    required=True,
    help="JSON snapshot file to write (replaces it atomically).",
)
@option(
    "--batch-size",
    metavar="N",
    type=click.IntRange(min=1),
    default=DEFAULT_BATCH_SIZE,
    show_default=True,
    help="Customers read per call.",
)
@option(
    "--page-size",
    metavar="N",
    type=click.IntRange(min=1),
    default=PAGE_SIZE,
    show_default=True,
    help="Records read per call for the other models.",
)
@click.pass_context
def pull(ctx: click.Context, **kwargs: Any) -> None:
    """Save everything the reports read from a live Odoo into one JSON snapshot.

    Any report can then be made offline with --snapshot FILE. The snapshot holds
    the server's real answers, never the password.
    """
    run_pull(ctx, params_of(kwargs))


@credit.command(hidden=True)
@click.pass_context
@source_options
@option("--output", required=True)
@option("--batch-size", type=click.IntRange(min=1), default=DEFAULT_BATCH_SIZE)
def record(ctx: click.Context, **kwargs: Any) -> None:
    """Old name of 'pull' (exposure queries only)."""
    run_record(ctx, params_of(kwargs))


def main(argv: Sequence[str] | None = None) -> None:
    """Console-script entry point (``credit``)."""
    credit.main(args=list(argv) if argv is not None else None, prog_name="credit")


if __name__ == "__main__":
    main()
