"""``credit``: the command line of the credit-management product.

One subcommand per job. Each report reads either a live Odoo 18 (with the
credit add-ons), a snapshot saved by ``credit pull`` (``--snapshot FILE``), or
the built-in snapshot recorded from a real Odoo with the add-ons' demo data
(``--demo``).

Exit codes (EXIT_CODES below, shown by ``credit --help``): 0 done, 1 unexpected
failure (a bug: the one case with a traceback), 2 bad usage, 3 no connection, 4
login refused, 5 add-on or data missing, 6 bad snapshot, 7 output not writable,
130 interrupted. Every failure but 1 is one ``credit: error: ...`` line on stderr,
with no output file left behind.
"""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import importlib.resources
import os
import sys
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from .connector import schema
from .connector.ageing import build_ageing
from .connector.appraisal import AppraisalYear, build_appraisal_year
from .connector.credit_data import (
    COMPANY_FIELDS,
    DEFAULT_BATCH_SIZE,
    EXPOSURE_VERSION,
    fetch_exposure,
    fetch_exposure_full,
    fetch_user_company,
)
from .connector.models import CompanyInfo, ExposureTotals, PartnerExposure
from .connector.pull import (
    PAGE_SIZE,
    missing_addons,
    missing_message,
    pull_datasets,
    read_grouped,
)
from .connector.settings import ENV, load_config, parse_timeout, resolve
from .connector.training import build_hr_rows, build_training_year
from .connector.transport import (
    EXIT_DATA,
    EXIT_INTERRUPTED,
    EXIT_OUTPUT,
    EXIT_SNAPSHOT,
    EXIT_USAGE,
    ConnectorError,
    OdooRpcTransport,
    RecordingTransport,
    ReplayMissError,
    ReplayTransport,
    Transport,
)
from .reports.awards import write_awards_html, write_awards_xlsx
from .reports.exposure_html import format_money, write_exposure_html
from .reports.exposure_xlsx import write_exposure_xlsx
from .reports.labels import DEFAULT_LANG, LANGUAGES, labels_for
from .reports.records import write_ageing_xlsx, write_hr_export_xlsx, write_training_xlsx
from .reports.scorecards_xlsx import write_scorecards_xlsx

#: Exit code of click's own usage errors and of bad options.
USAGE_EXIT = EXIT_USAGE
#: What each exit code means; printed at the end of ``credit --help``.
EXIT_CODES: tuple[tuple[int, str], ...] = (
    (0, "done"),
    (1, "unexpected failure (a bug; the only case with a traceback)"),
    (2, "bad usage: an unknown or wrong option, missing settings, a bad config file"),
    (3, "cannot connect: no server at the URL, a timeout, not an Odoo"),
    (4, "login refused: wrong login, password or API key, or no such database"),
    (
        5,
        "missing on the server or in the snapshot: an add-on, a year's appraisal "
        "period, a company, the report's data, or a read Odoo refused",
    ),
    (6, "bad snapshot: unreadable, not JSON, or not a credit-management snapshot"),
    (7, "the output cannot be written (empty, a device, no such folder, no permission)"),
    (130, "interrupted"),
)
DEMO_RECORDING = ("recorded", "demo_exposure.json")
#: The built-in snapshots, one per report language (names read in that language).
DEMO_SNAPSHOTS = {
    "zh_CN": ("recorded", "demo_snapshot.zh_CN.json"),
    "en": ("recorded", "demo_snapshot.en_US.json"),
}
DISTRIBUTION = "credit-management"
CONNECTION_PARAMS = ("url", "db", "user", "password", "api_key", "config", "timeout", "retries")


class UserError(click.ClickException):
    """A failure the user can act on; shown as one line, exiting with ``code``."""

    def __init__(self, message: str, code: int = USAGE_EXIT) -> None:
        super().__init__(message)
        self.exit_code = code


def failed(exc: ConnectorError, message: str | None = None) -> UserError:
    """The UserError of a connector failure, with the exit code of its kind."""
    return UserError(message if message is not None else str(exc), exc.exit_code)


def output_error(message: str) -> UserError:
    """The output cannot be written (exit 7)."""
    return UserError(message, EXIT_OUTPUT)


class OneLineErrors(click.Group):
    """Show every click or user error as a single ``credit: error: ...`` line.

    click's default shows usage text over several lines and exits 1 for some
    errors; scripts calling ``credit`` get the exit codes of EXIT_CODES instead.
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
            sys.exit(exc.exit_code if isinstance(exc, UserError) else USAGE_EXIT)
        except (click.exceptions.Abort, KeyboardInterrupt):
            click.echo("credit: aborted", err=True)
            sys.exit(EXIT_INTERRUPTED)
        sys.exit(result if isinstance(result, int) else 0)


def _version() -> str:
    try:
        return importlib.metadata.version(DISTRIBUTION)
    except importlib.metadata.PackageNotFoundError:  # running from a source tree
        return "unknown"


def _resource(parts: tuple[str, ...]) -> Path:
    resource = importlib.resources.files(f"{__package__}.connector").joinpath(*parts)
    return Path(str(resource))


def demo_recording_path() -> Path:
    """The recorded exposure queries of the add-on's demo data (inside the package)."""
    return _resource(DEMO_RECORDING)


def demo_snapshot_path(lang: str = DEFAULT_LANG) -> Path:
    """The built-in snapshot of ``lang`` (``credit pull`` of a real Odoo with the demo data)."""
    return _resource(DEMO_SNAPSHOTS.get(lang, DEMO_SNAPSHOTS[DEFAULT_LANG]))


# --------------------------------------------------------------------------- sources


@dataclass
class Source:
    """Where a report's data comes from: a transport plus how to ask it."""

    transport: Transport
    context: dict[str, Any] | None
    batch_size: int = DEFAULT_BATCH_SIZE
    page_size: int = PAGE_SIZE
    live: bool = False
    description: str = ""
    metadata: dict[str, Any] = field(default_factory=dict)
    progress: bool = False
    demo: bool = False
    #: The logged-in user's id (live), or the one who pulled the snapshot; None unknown.
    uid: int | None = None


def _progress_sink(enabled: bool) -> Callable[[str], None]:
    if not enabled:
        return lambda _message: None
    return lambda message: click.echo(f"credit: {message}", err=True)


def _replay_source(path: Path, what: str) -> Source:
    try:
        replay = ReplayTransport.from_file(path)
    except ConnectorError as exc:
        raise failed(exc, f"{what}: {exc}") from None
    except (KeyError, TypeError, AttributeError):
        raise UserError(
            f"{what}: {path} is not a credit-management snapshot", EXIT_SNAPSHOT
        ) from None
    context = replay.metadata.get("context")
    uid = replay.metadata.get("uid")
    return Source(
        uid=int(uid) if isinstance(uid, int) else None,
        transport=replay,
        context=dict(context) if isinstance(context, dict) else None,
        batch_size=int(replay.metadata.get("batch_size", DEFAULT_BATCH_SIZE)),
        page_size=int(replay.metadata.get("page_size", PAGE_SIZE)),
        description=str(path),
        metadata=replay.metadata,
    )


def _given_on_command_line(ctx: click.Context, names: Sequence[str]) -> list[str]:
    given = []
    for name in names:
        if ctx.get_parameter_source(name) == click.core.ParameterSource.COMMANDLINE:
            given.append("--" + name.replace("_", "-"))
    return given


def open_source(
    ctx: click.Context,
    params: dict[str, Any],
    lang: str,
    before_connect: Callable[[], Any] = lambda: None,
) -> Source:
    """Resolve --demo / --snapshot / live settings into a Source (may connect).

    ``before_connect`` runs once the settings are known to be complete and
    before any network traffic (the output folder is created there).
    """
    demo = params.get("demo", False)
    snapshot = params.get("snapshot")
    if demo and snapshot:
        raise UserError("--demo and --snapshot exclude each other: choose one")
    if demo or snapshot:
        clash = _given_on_command_line(ctx, CONNECTION_PARAMS)
        if clash:
            raise UserError(
                f"{', '.join(clash)} cannot be used with {'--demo' if demo else '--snapshot'}: "
                "those read no server"
            )
        if params.get("recompute"):
            raise UserError("--recompute needs a live server, not --demo or --snapshot")
    if demo:
        path = demo_snapshot_path(lang)
        if not path.is_file():
            path = demo_recording_path()
        source = _replay_source(path, "the built-in demo snapshot")
        source.demo = True
    elif snapshot:
        source = _replay_source(Path(snapshot), "cannot use snapshot")
        _note_snapshot_language(source, lang)
    else:
        return connect_live(params, lang, before_connect)
    source.progress = bool(params.get("progress"))
    before_connect()
    return source


def _note_snapshot_language(source: Source, lang: str) -> None:
    """One note on stderr when the snapshot's names are in another language than asked."""
    recorded = source.metadata.get("lang")
    if not recorded and isinstance(source.context, dict):
        recorded = source.context.get("lang")
    if not recorded:
        return
    wanted = schema.ODOO_LANG.get(lang, lang)
    recorded = schema.ODOO_LANG.get(str(recorded), str(recorded))
    if recorded != wanted:
        click.echo(
            f"credit: note: {source.description} was pulled in {recorded}: names read from "
            f"Odoo (grades, items, companies) stay in {recorded}; pull it again with "
            f"--lang {lang} for {wanted} names",
            err=True,
        )


def connect_live(
    params: dict[str, Any], lang: str, before_connect: Callable[[], Any] = lambda: None
) -> Source:
    """Options > environment > config file; prompt for the password on a terminal."""
    config_path = params.get("config")
    try:
        config = load_config(Path(config_path) if config_path else None, bool(config_path))
        merged, missing = resolve(params, config)
        timeout = parse_timeout(merged["timeout"])
    except ConnectorError as exc:
        raise failed(exc) from None
    if missing == ["password"] and sys.stdin.isatty():
        merged["secret"] = click.prompt(
            f"Password or API key for {merged['user']} on {merged['db']}",
            hide_input=True,
            err=True,
        )
        missing = [] if merged["secret"] else missing
    if missing:
        names = ", ".join("--" + name for name in missing)
        env_names = ", ".join(ENV[name] for name in missing)
        raise UserError(
            f"missing {names} (or {env_names}, or a config file); "
            "use --demo to run on the built-in demo data instead"
        )
    progress = _progress_sink(params.get("progress", False))
    lang_code = schema.ODOO_LANG.get(lang, lang)
    before_connect()
    try:
        transport = OdooRpcTransport.connect(
            merged["url"],
            merged["db"],
            merged["user"],
            merged["secret"],
            timeout=timeout,
            retries=int(params.get("retries") if params.get("retries") is not None else 3),
            progress=progress,
        )
    except ConnectorError as exc:
        raise failed(exc) from None
    return Source(
        transport=transport,
        context={"lang": lang_code},
        live=True,
        uid=transport.uid,
        progress=bool(params.get("progress")),
        description=merged["url"],
        metadata={
            "source_url": merged["url"],
            "database": merged["db"],
            "server_version": transport.server_version,
        },
    )


# --------------------------------------------------------------------------- options


def source_options(func: Any) -> Any:
    """Options naming where the data comes from, shared by every report command."""
    options = [
        click.option(
            "--demo",
            is_flag=True,
            help="Use the built-in snapshot of the add-ons' demo data; needs no Odoo.",
        ),
        click.option(
            "--snapshot",
            type=click.Path(dir_okay=False),
            default=None,
            help="Make the report from a snapshot saved by 'credit pull'; needs no Odoo.",
        ),
        click.option(
            "--url",
            envvar=ENV["url"],
            show_envvar=True,
            help="Odoo URL, e.g. https://odoo.example.com (TLS certificates are verified).",
        ),
        click.option("--db", envvar=ENV["db"], show_envvar=True, help="Odoo database name."),
        click.option("--user", envvar=ENV["user"], show_envvar=True, help="Odoo login."),
        click.option(
            "--password",
            envvar=ENV["password"],
            show_envvar=True,
            help="Odoo password; asked for (hidden) on a terminal when not given.",
        ),
        click.option(
            "--api-key",
            envvar=ENV["api_key"],
            show_envvar=True,
            help="Odoo API key, accepted instead of the password.",
        ),
        click.option(
            "--config",
            envvar=ENV["config"],
            show_envvar=True,
            type=click.Path(dir_okay=False),
            help="TOML file with url, db, user, password or api_key, timeout "
            "(default ~/.config/credit/credit.toml); options and environment win.",
        ),
        click.option(
            "--timeout",
            envvar=ENV["timeout"],
            show_envvar=True,
            type=click.FloatRange(min=0, min_open=True),
            default=None,
            help="Seconds to wait for each answer of the server  [default: 120]",
        ),
        click.option(
            "--retries",
            envvar="CREDIT_ODOO_RETRIES",
            type=click.IntRange(min=0),
            default=3,
            show_default=True,
            help="Retries (with backoff 1, 2, 4... s) when the network fails.",
        ),
        click.option(
            "--progress/--no-progress",
            default=None,
            help="Show progress on stderr (connect, each model and page)  [default: on a terminal]",
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def output_folder_option(func: Any) -> Any:
    return click.option(
        "--output",
        default="out",
        show_default=True,
        help="Folder for the report files (created if missing).",
    )(func)


#: Odoo's language codes accepted as well as the report's own.
LANG_ALIASES = {"en_US": "en"}


def _lang(_ctx: click.Context, _param: click.Parameter, value: str) -> str:
    return LANG_ALIASES.get(value, value)


def lang_option(func: Any) -> Any:
    return click.option(
        "--lang",
        type=click.Choice([*LANGUAGES, *LANG_ALIASES]),
        default=DEFAULT_LANG,
        show_default=True,
        callback=_lang,
        help="Language of the report and of the names read from Odoo (en_US = en).",
    )(func)


def year_option(func: Any) -> Any:
    return click.option(
        "--year",
        type=click.IntRange(1901, 2999),
        default=None,
        help="Appraisal year  [default: the latest year with an appraisal period]",
    )(func)


def company_option(func: Any) -> Any:
    return click.option(
        "--company",
        default=None,
        help="Company name or id  [default: the user's current company in Odoo]",
    )(func)


def _params(ctx: click.Context, kwargs: dict[str, Any]) -> dict[str, Any]:
    params = dict(kwargs)
    if params.get("progress") is None:
        params["progress"] = sys.stderr.isatty()
    return params


# --------------------------------------------------------------------------- outputs


def check_output_folder(raw: str) -> Path:
    """Refuse '' and device files before anything is read or created."""
    if raw is None or str(raw).strip() == "":
        raise output_error("--output is empty: name a folder for the reports")
    path = Path(raw)
    if path.exists() and not path.is_dir():
        raise output_error(f"--output {raw} is not a folder")
    return path


def prepare_output_folder(path: Path) -> Path:
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise output_error(
            f"cannot create output directory {path}: {exc.strerror or exc}"
        ) from None
    if not os.access(path, os.W_OK | os.X_OK):
        raise output_error(f"cannot write report in {path}: Permission denied")
    return path


def check_output_file(raw: str | None, option: str = "--output") -> Path:
    """A regular file path whose folder exists and is writable."""
    if raw is None or str(raw).strip() == "":
        raise output_error(f"{option} is empty: name a file to write")
    path = Path(raw)
    if path.exists() and not path.is_file():
        raise output_error(f"{option} {raw} is not a regular file")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise output_error(f"cannot write {path}: folder {folder} does not exist")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise output_error(f"cannot write {path}: Permission denied")
    return path


def _write(writer: Callable[..., Path], path: Path, *args: Any) -> Path:
    try:
        return writer(path, *args)
    except OSError as exc:
        raise output_error(f"cannot write report in {path.parent}: {exc.strerror or exc}") from None


# --------------------------------------------------------------------------- data


def _load_exposure(
    source: Source, today: dt.date, company: str | None
) -> tuple[CompanyInfo, list[PartnerExposure]]:
    """Full figures from live servers and new snapshots; the old recordings' subset otherwise."""
    try:
        if source.live or source.metadata.get("exposure_version") == EXPOSURE_VERSION:
            missing = missing_addons(source.transport, schema.EXPOSURE_DATASETS, source.context)
            if missing:
                raise ConnectorError(missing_message(missing))
            asked = today
            if not source.live and source.metadata.get("today"):
                asked = dt.date.fromisoformat(str(source.metadata["today"]))
            return fetch_exposure_full(
                source.transport,
                asked,
                source.context,
                company,
                source.batch_size,
                user_id=source.uid,
            )
        if company:
            raise UserError(
                f"{source.description} was recorded before --company existed; "
                "pull a new snapshot with 'credit pull'",
                EXIT_DATA,
            )
        company_info, partners = fetch_exposure(source.transport, source.batch_size, source.context)
        return company_info, sorted(partners, key=lambda p: p.risk_key)
    except ConnectorError as exc:
        raise failed(exc, _friendly(source, exc)) from None


def _snapshot_hint(source: Source, exc: ConnectorError) -> str:
    if source.demo:
        return (
            "the built-in demo data does not hold this report's data yet "
            f"({source.description} records only the exposure queries)"
        )
    if isinstance(source.transport, ReplayTransport):
        return (
            f"{source.description} does not hold this data "
            f"(it was saved by {source.metadata.get('query', 'another command')}); "
            "pull a new snapshot with 'credit pull'"
        )
    return str(exc)


def _friendly(source: Source, exc: ConnectorError) -> str:
    message = str(exc)
    if isinstance(source.transport, ReplayTransport):
        if "no recorded response" in message:
            return _snapshot_hint(source, exc)
        if "not installed" in message:
            return message + f" ({source.description} was pulled from a database without it)"
    return message


def load_datasets(
    source: Source, datasets: Sequence[schema.Dataset]
) -> dict[str, list[dict[str, Any]]]:
    """Check the add-ons, then read every dataset (one clear line on any failure)."""
    try:
        return pull_datasets(
            source.transport,
            datasets,
            source.context,
            source.page_size,
            _progress_sink(source.progress),
        )
    except ConnectorError as exc:
        raise failed(exc, _friendly(source, exc)) from None


def _latest_year(data: dict[str, list[dict[str, Any]]]) -> int:
    years = [int(p["year"]) for p in data.get(schema.APPRAISAL_PERIOD.model, [])]
    if not years:
        raise UserError("there is no appraisal period yet", EXIT_DATA)
    return max(years)


def load_appraisal(
    source: Source, year: int | None, company: str | None, recompute: bool = False
) -> AppraisalYear:
    """The pulled appraisal datasets turned into one year's scorecards."""
    progress = _progress_sink(source.progress)
    try:
        missing = missing_addons(source.transport, schema.APPRAISAL_DATASETS, source.context)
        if missing:
            raise ConnectorError(missing_message(missing))
        preferred = None if company else _user_company(source)
        if recompute:
            _recompute(source, year, company, preferred)
        data = pull_datasets(
            source.transport,
            schema.APPRAISAL_DATASETS,
            source.context,
            source.page_size,
            progress,
            skip_missing=True,
        )
        if year is None:
            years = [int(p["year"]) for p in data.get(schema.APPRAISAL_PERIOD.model, [])]
            if not years:
                raise ConnectorError("there is no appraisal period yet")
            year = max(years)
        return build_appraisal_year(data, year, company, preferred)
    except ConnectorError as exc:
        raise failed(exc, _friendly(source, exc)) from None


def _user_company(source: Source) -> int | None:
    """The user's current company in Odoo (one call); None when a snapshot cannot say."""
    try:
        return fetch_user_company(source.transport, source.uid, source.context)
    except ReplayMissError:
        return None


def _recompute(
    source: Source, year: int | None, company: str | None, preferred: int | None = None
) -> None:
    """Ask the server to recompute the period's measured items (credit manager only).

    The open period of ``year`` (else the latest open one) of ``company``, else of the
    user's company (``preferred``) when it has one.
    """
    domain: list[Any] = [["state", "=", "open"]]
    if year is not None:
        domain.append(["year", "=", year])
    periods = source.transport.execute_kw(
        schema.APPRAISAL_PERIOD.model,
        "search_read",
        [domain],
        {"fields": ["year", "company_id"], "order": "year desc", "context": source.context},
    )
    if company:
        periods = [
            p
            for p in periods
            if p["company_id"] and company in (p["company_id"][1], str(p["company_id"][0]))
        ]
    elif preferred is not None:
        periods = [p for p in periods if p["company_id"] and p["company_id"][0] == preferred] or (
            periods
        )
    if not periods:
        raise ConnectorError(
            f"no open appraisal period{f' for {year}' if year else ''} to recompute"
        )
    _progress_sink(source.progress)(f"recomputing appraisal period {periods[0]['year']}")
    source.transport.execute_kw(
        schema.APPRAISAL_PERIOD.model,
        schema.PERIOD_RECOMPUTE,
        [[periods[0]["id"]]],
        {"context": source.context},
    )


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


def _appraisal_summary(data: AppraisalYear, lang: str) -> str:
    counts = data.tier_counts()
    return labels_for(lang)["appraisal_summary"].format(
        year=data.year,
        company=data.company,
        people=len(data.scorecards),
        advanced=counts["advanced"],
        excellent=counts["excellent"],
        commendation=counts["commendation"],
        passed=counts["pass"],
        failed=counts["fail"],
        revoked=sum(1 for c in data.scorecards if c.disqualified),
    )


def _wrote(path: Path, lang: str) -> None:
    click.echo(f"{labels_for(lang)['wrote']} {path}")


# --------------------------------------------------------------------------- commands


def _exit_codes_epilog() -> str:
    lines = ["Exit codes (for scripts):"]
    for code, meaning in EXIT_CODES:
        lines += textwrap.wrap(
            meaning, 72, initial_indent=f"  {code:>3}  ", subsequent_indent=" " * 7
        )
    return "\b\n" + "\n".join(lines)


@click.group(
    cls=OneLineErrors,
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog=_exit_codes_epilog(),
)
@click.version_option(_version(), "-V", "--version", prog_name="credit")
def credit() -> None:
    """Reports of the credit department from Odoo 18 with the credit add-ons.

    Every report reads a live Odoo (--url, --db, --user; the password or an API
    key is asked for when missing), a snapshot saved by 'credit pull'
    (--snapshot FILE), or the built-in demo data (--demo). Start with:

        credit scorecards --demo
    """


@credit.command(
    short_help="Customer exposure, limits, overdue and ageing, riskiest first (XLSX+HTML)."
)
@source_options
@output_folder_option
@lang_option
@company_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["xlsx", "html", "both"]),
    default="both",
    show_default=True,
    help="Which report files to write.",
)
@click.option(
    "--today",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Report date YYYY-MM-DD (default: today); fixes review-due marks and file names.",
)
@click.pass_context
def exposure(ctx: click.Context, **kwargs: Any) -> None:
    """Customer credit exposure, riskiest first.

    Per customer: grade and its policy, score, limit in force (a temporary limit
    until its end), exposure and its parts, available credit, overdue amount,
    share and days, ageing buckets, pending exceptions, whether the credit check
    would block an order now, review date, warning list. "—" means not scored
    or no limit. Writes credit_exposure_<date>.xlsx and .html.
    """
    params = _params(ctx, kwargs)
    lang = params["lang"]
    report_date = params["today"].date() if params["today"] else dt.date.today()
    output = check_output_folder(params["output"])
    source = open_source(ctx, params, lang, lambda: prepare_output_folder(output))
    if not source.live and not params["today"] and source.metadata.get("today"):
        report_date = dt.date.fromisoformat(str(source.metadata["today"]))
    company, partners = _load_exposure(source, report_date, params["company"])
    stem = f"credit_exposure_{report_date.isoformat()}"
    labels = labels_for(lang)
    written: list[Path] = []
    fmt = params["fmt"]
    if fmt in ("xlsx", "both"):
        written.append(
            _write(
                write_exposure_xlsx, output / f"{stem}.xlsx", company, partners, report_date, lang
            )
        )
    if fmt in ("html", "both"):
        written.append(
            _write(
                write_exposure_html, output / f"{stem}.html", company, partners, report_date, lang
            )
        )
    for path in written:
        click.echo(f"{labels['wrote']} {path}")
    click.echo(summary_line(partners, company, report_date, lang))


@credit.command(short_help="Each administrator's 19-item scorecard for a year (XLSX).")
@source_options
@output_folder_option
@lang_option
@year_option
@company_option
@click.option(
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
    params = _params(ctx, kwargs)
    output = check_output_folder(params["output"])
    source = open_source(ctx, params, params["lang"], lambda: prepare_output_folder(output))
    data = load_appraisal(source, params["year"], params["company"], params["recompute"])
    path = _write(write_scorecards_xlsx, output / f"credit_scorecards_{data.year}.xlsx", data)
    _wrote(path, params["lang"])
    click.echo(_appraisal_summary(data, params["lang"]))


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
    params = _params(ctx, kwargs)
    output = check_output_folder(params["output"])
    source = open_source(ctx, params, params["lang"], lambda: prepare_output_folder(output))
    data = load_appraisal(source, params["year"], params["company"])
    stem = f"credit_awards_{data.year}"
    for writer, suffix in ((write_awards_xlsx, "xlsx"), (write_awards_html, "html")):
        _wrote(_write(writer, output / f"{stem}.{suffix}", data), params["lang"])
    click.echo(_appraisal_summary(data, params["lang"]))


@credit.command(short_help="Training sessions, exams, make-ups, fees and fines (XLSX).")
@source_options
@output_folder_option
@lang_option
@year_option
@click.option(
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
    params = _params(ctx, kwargs)
    output = check_output_folder(params["output"])
    source = open_source(ctx, params, params["lang"], lambda: prepare_output_folder(output))
    data = load_datasets(source, schema.TRAINING_DATASETS)
    year = params["year"]
    if year is None:
        years = [int(s["year"]) for s in data[schema.TRAINING_SESSION.model] if s["year"]]
        if not years:
            raise UserError("there are no training sessions yet", EXIT_DATA)
        year = max(years)
    try:
        records = build_training_year(data, year, params["half"])
    except ConnectorError as exc:
        raise failed(exc) from None
    company = ", ".join(str(c["name"]) for c in data.get(schema.COMPANY.model, []))
    half = f"_H{params['half']}" if params["half"] else ""
    path = _write(
        write_training_xlsx, output / f"credit_training_{year}{half}.xlsx", records, company
    )
    _wrote(path, params["lang"])
    when = f"{year} H{params['half']}" if params["half"] else str(year)
    click.echo(
        labels_for(params["lang"])["training_summary"].format(
            when=when,
            sessions=len(records.sessions),
            results=len(records.results),
            fees=len(records.fees),
        )
    )


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
    params = _params(ctx, kwargs)
    output = check_output_folder(params["output"])
    source = open_source(ctx, params, params["lang"], lambda: prepare_output_folder(output))
    data = load_datasets(source, schema.HR_DATASETS)
    year = params["year"] or _latest_year(data)
    try:
        preferred = None if params["company"] else _user_company(source)
        appraisal = build_appraisal_year(data, year, params["company"], preferred)
        rows = build_hr_rows(appraisal, data)
    except ConnectorError as exc:
        raise failed(exc) from None
    path = _write(write_hr_export_xlsx, output / f"credit_hr_export_{year}.xlsx", appraisal, rows)
    _wrote(path, params["lang"])
    click.echo(_appraisal_summary(appraisal, params["lang"]))


@credit.command(short_help="Receivable ageing and collection stages (XLSX).")
@source_options
@output_folder_option
@lang_option
@company_option
@click.option(
    "--today",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="The day the ageing is as at, also in the file name (default: today; "
    "from a snapshot: the day it was pulled).",
)
@click.pass_context
def ageing(ctx: click.Context, **kwargs: Any) -> None:
    """Receivable ageing by customer and bucket, and the collection stages.

    As at --today (default: today; a snapshot's own day): the collections
    add-on's ageing report added up on the server (one read_group), with the
    balances, days overdue, buckets and stages of that day.
    Writes credit_ageing_<date>.xlsx.
    """
    params = _params(ctx, kwargs)
    report_date = params["today"].date() if params["today"] else dt.date.today()
    output = check_output_folder(params["output"])
    source = open_source(ctx, params, params["lang"], lambda: prepare_output_folder(output))
    recorded = source.metadata.get("today")
    if not source.live and recorded:
        if params["today"] and report_date.isoformat() != recorded:
            raise UserError(
                f"the snapshot holds the ageing as at {recorded}; leave out --today "
                "or pull a new snapshot",
                EXIT_USAGE,
            )
        report_date = dt.date.fromisoformat(str(recorded))
    data = load_datasets(source, schema.COLLECTION_DATASETS)
    try:
        groups = read_grouped(
            source.transport,
            schema.AGEING_MODEL,
            schema.AGEING_DOMAIN,
            schema.AGEING_AGGREGATES,
            schema.AGEING_GROUPBY,
            {**source.context, schema.AGEING_AS_AT: report_date.isoformat()},
            source.page_size,
            _progress_sink(source.progress),
        )
        preferred = None if params["company"] else _user_company(source)
        result = build_ageing(data, groups, params["company"], preferred)
    except ConnectorError as exc:
        raise failed(exc, _friendly(source, exc)) from None
    path = _write(
        write_ageing_xlsx,
        output / f"credit_ageing_{report_date.isoformat()}.xlsx",
        result,
        report_date.isoformat(),
    )
    _wrote(path, params["lang"])
    click.echo(
        labels_for(params["lang"])["ageing_summary"].format(
            company=result.company,
            customers=len(result.rows),
            total=format_money(sum(r.total for r in result.rows)),
            overdue=sum(1 for r in result.rows if r.max_days_overdue > 0),
        )
    )


@credit.command(short_help="Save what the reports read from a live Odoo to a JSON snapshot.")
@source_options
@lang_option
@click.option(
    "--output",
    required=True,
    help="JSON snapshot file to write (replaces it atomically).",
)
@click.option(
    "--batch-size",
    type=click.IntRange(min=1),
    default=DEFAULT_BATCH_SIZE,
    show_default=True,
    help="Customers read per call.",
)
@click.option(
    "--page-size",
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
    params = _params(ctx, kwargs)
    if params.get("demo") or params.get("snapshot"):
        raise UserError("pull reads a live server: --demo and --snapshot do not apply")
    target = check_output_file(params["output"])
    source = connect_live(params, params["lang"])
    progress = _progress_sink(params["progress"])
    metadata = {
        **source.metadata,
        "lang": params["lang"],
        "uid": source.uid,
        "context": source.context,
        "batch_size": params["batch_size"],
        "page_size": params["page_size"],
        "query": "credit pull",
    }
    recorder = RecordingTransport(source.transport, metadata=metadata)
    try:
        missing = missing_addons(recorder, schema.EXPOSURE_DATASETS, source.context)
        if missing:
            raise ConnectorError(missing_message(missing))
        today = dt.date.today()
        recorder.metadata["today"] = today.isoformat()
        recorder.metadata["exposure_version"] = EXPOSURE_VERSION
        companies = recorder.execute_kw(
            "res.company",
            "search_read",
            [[]],
            {"fields": list(COMPANY_FIELDS), "order": "id", "context": source.context},
        )
        # the user's company: the exposure report's default company, offline too
        fetch_user_company(recorder, source.uid, source.context)
        partners: list[PartnerExposure] = []
        for row in companies:
            progress(f"reading customer exposure of {row['name']}")
            partners += fetch_exposure_full(
                recorder, today, source.context, str(row["id"]), params["batch_size"]
            )[1]
        data = pull_datasets(
            recorder,
            schema.ALL_DATASETS,
            source.context,
            params["page_size"],
            progress,
            skip_missing=True,
        )
        if schema.COLLECTION_BUCKET.model in data:
            read_grouped(
                recorder,
                schema.AGEING_MODEL,
                schema.AGEING_DOMAIN,
                schema.AGEING_AGGREGATES,
                schema.AGEING_GROUPBY,
                {**source.context, schema.AGEING_AS_AT: today.isoformat()},
                params["page_size"],
                progress,
            )
    except ConnectorError as exc:
        raise failed(exc) from None
    recorder.metadata["datasets"] = sorted(data)
    try:
        recorder.save(target)
    except OSError as exc:
        raise output_error(f"cannot write snapshot {target}: {exc.strerror or exc}") from None
    counts = ", ".join(f"{model} {len(rows)}" for model, rows in data.items())
    _wrote(target, params["lang"])
    click.echo(
        f"{len(recorder.calls)} calls: {len(partners)} customers"
        + (f", {counts}" if counts else "")
    )


@credit.command(hidden=True)
@click.pass_context
@source_options
@click.option("--output", required=True)
@click.option("--batch-size", type=click.IntRange(min=1), default=DEFAULT_BATCH_SIZE)
def record(ctx: click.Context, **kwargs: Any) -> None:
    """Old name of 'pull' (exposure queries only)."""
    params = _params(ctx, kwargs)
    target = check_output_file(params["output"])
    source = connect_live(params, DEFAULT_LANG)
    recorder = RecordingTransport(
        source.transport,
        metadata={
            **source.metadata,
            "batch_size": params["batch_size"],
            "query": "connector.credit_data.fetch_exposure",
        },
    )
    try:
        _company, partners = fetch_exposure(recorder, params["batch_size"])
        recorder.save(target)
    except ConnectorError as exc:
        raise failed(exc) from None
    except OSError as exc:
        raise output_error(f"cannot write recording {target}: {exc.strerror or exc}") from None
    click.echo(f"recorded {len(recorder.calls)} calls ({len(partners)} customers) to {target}")


def main(argv: Sequence[str] | None = None) -> None:
    """Console-script entry point (``credit``)."""
    credit.main(args=list(argv) if argv is not None else None, prog_name="credit")


if __name__ == "__main__":
    main()
