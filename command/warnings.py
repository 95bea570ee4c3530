"""``credit warnings``: the customers in early warning, their signals and rescue cases
(XLSX and HTML), as the server words them (one call, connector/warnings.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import click

from ..connector import schema
from ..connector.transport import ConnectorError
from ..connector.warnings import build_warnings, fetch_warnings
from ..i18n import _
from ..reports.warnings import warnings_summary, write_warnings_html, write_warnings_xlsx
from .errors import EXIT_USAGE, UserError, failed
from .loading import friendly, load_datasets
from .outputs import check_output_folder, prepare_output_folder, write, wrote
from .sources import open_source


def _company_id(source: Any, company: str | None) -> int | None:
    """``--company`` (a name or an id) as an id; None: the user's current company."""
    if not company:
        return None
    rows = load_datasets(source, (schema.COMPANY,)).get(schema.COMPANY.model, [])
    for row in rows:
        if company in (str(row["name"]), str(row["id"])):
            return int(row["id"])
    raise UserError(
        _("no company {company!r} (companies: {names})").format(
            company=company, names=", ".join(str(r["name"]) for r in rows)
        ),
        EXIT_USAGE,
    )


def run_warnings(ctx: click.Context, params: dict[str, Any]) -> None:
    """Read the server's early warnings of one company and write the files."""
    output = check_output_folder(params["output"])
    source = open_source(ctx, params, params["lang"], lambda: prepare_output_folder(output))
    company_id = _company_id(source, params["company"])
    try:
        data = build_warnings(fetch_warnings(source.transport, company_id, source.context))
    except ConnectorError as exc:
        raise failed(exc, friendly(source, exc)) from None
    day = data.date or dt.date.today().isoformat()
    lang = params["lang"]
    paths = []
    if params["fmt"] in ("xlsx", "both"):
        paths.append(write(write_warnings_xlsx, output / f"credit_warnings_{day}.xlsx", data, lang))
    if params["fmt"] in ("html", "both"):
        paths.append(write(write_warnings_html, output / f"credit_warnings_{day}.html", data, lang))
    for path in paths:
        wrote(path, lang)
    click.echo(warnings_summary(data, lang))
