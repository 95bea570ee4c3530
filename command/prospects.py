"""``credit prospects``: credit data for sales (征信助销), the customers and prospects ranked
by standing (XLSX and HTML), as the server computed them (one call, connector/prospects.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import click

from ..connector.prospects import build_prospects, fetch_prospects
from ..connector.transport import ConnectorError
from ..reports.prospects import prospects_summary, write_prospects_html, write_prospects_xlsx
from .errors import failed
from .loading import friendly
from .outputs import check_output_folder, prepare_output_folder, write, wrote
from .sources import open_source
from .warnings import _company_id


def run_prospects(ctx: click.Context, params: dict[str, Any]) -> None:
    """Read the server's ranking of one company and write the files."""
    output = check_output_folder(params["output"])
    source = open_source(ctx, params, params["lang"], lambda: prepare_output_folder(output))
    company_id = _company_id(source, params["company"])
    try:
        data = build_prospects(fetch_prospects(source.transport, company_id, source.context))
    except ConnectorError as exc:
        raise failed(exc, friendly(source, exc)) from None
    day = data.date or dt.date.today().isoformat()
    lang = params["lang"]
    paths = []
    if params["fmt"] in ("xlsx", "both"):
        target = output / f"credit_prospects_{day}.xlsx"
        paths.append(write(write_prospects_xlsx, target, data, lang))
    if params["fmt"] in ("html", "both"):
        target = output / f"credit_prospects_{day}.html"
        paths.append(write(write_prospects_html, target, data, lang))
    for path in paths:
        wrote(path, lang)
    click.echo(prospects_summary(data, lang))
