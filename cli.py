"""``credit``: the command line of the credit-management product.

``credit exposure`` writes the customer exposure report (XLSX and/or HTML) from
a live Odoo or, with ``--demo``, from a recording of the add-on's demo data.
``credit record`` makes such a recording from a live server.

Every mistake a user can make (no server, wrong password, missing option, bad
date, output that cannot be written) ends with one line on stderr and exit code
2; tracebacks are for bugs only.
"""

from __future__ import annotations

import datetime as dt
import importlib.resources
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from connector.credit_data import DEFAULT_BATCH_SIZE, fetch_exposure
from connector.models import CompanyInfo, ExposureTotals, PartnerExposure
from connector.transport import (
    ConnectorError,
    OdooRpcTransport,
    RecordingTransport,
    ReplayTransport,
    Transport,
)
from reports.exposure_html import format_money, write_exposure_html
from reports.exposure_xlsx import write_exposure_xlsx
from reports.labels import DEFAULT_LANG, LANGUAGES, labels_for

#: Exit code of every user error, including click's own usage errors.
USAGE_EXIT = 2
DEMO_RECORDING = ("recorded", "demo_exposure.json")


class UserError(click.ClickException):
    """A mistake the user can fix; shown as one line."""

    exit_code = USAGE_EXIT


class OneLineErrors(click.Group):
    """Show every click or user error as a single ``credit: error: ...`` line, exit 2.

    click's default shows usage text over several lines and exits 1 for some
    errors; scripts calling ``credit`` get a simpler contract this way.
    """

    def main(self, *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        if not kwargs.get("standalone_mode", True):
            return super().main(*args, **kwargs)
        kwargs["standalone_mode"] = False
        try:
            result = super().main(*args, **kwargs)
        except click.exceptions.NoArgsIsHelpError as exc:
            click.echo(exc.ctx.get_help() if exc.ctx else str(exc), err=True)
            sys.exit(USAGE_EXIT)
        except click.ClickException as exc:
            hint = ""
            if isinstance(exc, click.UsageError) and exc.ctx is not None:
                hint = f" (see '{exc.ctx.command_path} --help')"
            click.echo(f"credit: error: {exc.format_message()}{hint}", err=True)
            sys.exit(USAGE_EXIT)
        except click.exceptions.Abort:
            click.echo("credit: aborted", err=True)
            sys.exit(1)
        sys.exit(result if isinstance(result, int) else 0)


def demo_recording_path() -> Path:
    """Where the recorded demo data is installed (inside the connector package)."""
    resource = importlib.resources.files("connector").joinpath(*DEMO_RECORDING)
    return Path(str(resource))


def _connection_options(func: Any) -> Any:
    """The four options naming a live Odoo, each also read from the environment."""
    options = [
        click.option(
            "--url",
            envvar="CREDIT_ODOO_URL",
            show_envvar=True,
            help="Odoo URL, e.g. http://localhost:8069.",
        ),
        click.option("--db", envvar="CREDIT_ODOO_DB", show_envvar=True, help="Odoo database name."),
        click.option("--user", envvar="CREDIT_ODOO_USER", show_envvar=True, help="Odoo login."),
        click.option(
            "--password",
            envvar="CREDIT_ODOO_PASSWORD",
            show_envvar=True,
            help="Odoo password or API key (the env var keeps it out of shell history).",
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _require_connection_options(
    url: str | None, db: str | None, user: str | None, password: str | None
) -> tuple[str, str, str, str]:
    """All four connection options, or a message naming the missing ones."""
    given = {"--url": url, "--db": db, "--user": user, "--password": password}
    missing = [name for name, value in given.items() if not value]
    if missing:
        env_names = ", ".join("CREDIT_ODOO_" + name[2:].upper() for name in missing)
        raise UserError(
            f"missing {', '.join(missing)} (or {env_names}); "
            "use --demo to run on the recorded demo data instead"
        )
    return str(url), str(db), str(user), str(password)


def _connect(options: tuple[str, str, str, str]) -> OdooRpcTransport:
    """Log in to a live Odoo; connection and login failures become one-line errors."""
    try:
        return OdooRpcTransport.connect(*options)
    except ConnectorError as exc:
        raise UserError(str(exc)) from None


def _prepare_output_dir(output: Path) -> Path:
    """Create the output folder, or say why it cannot be used."""
    try:
        output.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"cannot create output directory {output}: {exc.strerror or exc}") from None
    return output


def _load(transport: Transport, batch_size: int) -> tuple[CompanyInfo, list[PartnerExposure]]:
    try:
        return fetch_exposure(transport, batch_size=batch_size)
    except ConnectorError as exc:
        raise UserError(str(exc)) from None


def summary_line(
    partners: Sequence[PartnerExposure], company: CompanyInfo, today: dt.date, lang: str
) -> str:
    """Customers, total exposure and how many are over their limit, in one line."""
    totals = ExposureTotals.of(list(partners), today)
    return labels_for(lang)["summary"].format(
        customers=totals.customers,
        exposure=format_money(totals.exposure),
        currency=company.currency,
        over_limit=totals.over_limit,
    )


@click.group(cls=OneLineErrors, context_settings={"help_option_names": ["-h", "--help"]})
def credit() -> None:
    """Credit management tools working with the Odoo credit_management add-on."""


@credit.command()
@_connection_options
@click.option(
    "--demo",
    is_flag=True,
    help="Use the recorded demo data shipped with the package; needs no Odoo.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["xlsx", "html", "both"]),
    default="both",
    show_default=True,
    help="Which report files to write.",
)
@click.option(
    "--output",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("out"),
    show_default=True,
    help="Folder for the reports (created if missing).",
)
@click.option(
    "--lang",
    type=click.Choice(list(LANGUAGES)),
    default=DEFAULT_LANG,
    show_default=True,
    help="Language of the report labels.",
)
@click.option(
    "--today",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Report date YYYY-MM-DD (default: today); fixes review-due marks and file names.",
)
def exposure(
    url: str | None,
    db: str | None,
    user: str | None,
    password: str | None,
    demo: bool,
    fmt: str,
    output: Path,
    lang: str,
    today: dt.datetime | None,
) -> None:
    """Write the customer credit exposure report."""
    report_date = today.date() if today else dt.date.today()
    # Cheap checks first, so nothing is created or fetched for a command that will fail.
    transport: Transport
    if demo:
        try:
            transport = ReplayTransport.from_file(demo_recording_path())
        except ConnectorError as exc:
            raise UserError(
                f"the recorded demo data is not available ({exc}); "
                "create it with 'credit record' against an Odoo with the add-on's demo data"
            ) from None
        batch_size = int(transport.metadata.get("batch_size", DEFAULT_BATCH_SIZE))
        _prepare_output_dir(output)
    else:
        options = _require_connection_options(url, db, user, password)
        _prepare_output_dir(output)
        transport = _connect(options)
        batch_size = DEFAULT_BATCH_SIZE
    company, partners = _load(transport, batch_size)

    stem = f"credit_exposure_{report_date.isoformat()}"
    labels = labels_for(lang)
    written: list[Path] = []
    try:
        if fmt in ("xlsx", "both"):
            written.append(
                write_exposure_xlsx(output / f"{stem}.xlsx", company, partners, report_date, lang)
            )
        if fmt in ("html", "both"):
            written.append(
                write_exposure_html(output / f"{stem}.html", company, partners, report_date, lang)
            )
    except OSError as exc:
        raise UserError(f"cannot write report in {output}: {exc.strerror or exc}") from None
    for path in written:
        click.echo(f"{labels['wrote']} {path}")
    click.echo(summary_line(partners, company, report_date, lang))


@credit.command()
@_connection_options
@click.option(
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    required=True,
    help="JSON file to write the recording to.",
)
@click.option(
    "--batch-size",
    type=click.IntRange(min=1),
    default=DEFAULT_BATCH_SIZE,
    show_default=True,
    help="Customers read per call (replays must use the same size).",
)
def record(
    url: str | None,
    db: str | None,
    user: str | None,
    password: str | None,
    output: Path,
    batch_size: int,
) -> None:
    """Record what a live Odoo answers to the exposure queries, for offline replay."""
    options = _require_connection_options(url, db, user, password)
    folder = output.parent if str(output.parent) else Path(".")
    if not folder.is_dir():
        raise UserError(f"cannot write recording {output}: folder {folder} does not exist")
    live = _connect(options)
    recorder = RecordingTransport(
        live,
        metadata={
            "source_url": url,
            "database": db,
            "server_version": live.server_version,
            "batch_size": batch_size,
            "query": "connector.credit_data.fetch_exposure",
        },
    )
    _company, partners = _load(recorder, batch_size)
    try:
        recorder.save(output)
    except OSError as exc:
        raise UserError(f"cannot write recording {output}: {exc.strerror or exc}") from None
    click.echo(f"recorded {len(recorder.calls)} calls ({len(partners)} customers) to {output}")


def main(argv: Sequence[str] | None = None) -> None:
    """Console-script entry point (``credit``)."""
    credit.main(args=list(argv) if argv is not None else None, prog_name="credit")


if __name__ == "__main__":
    main()
