"""``credit exposure``: customer exposure, riskiest first (XLSX and HTML).

The figures are the server's (credit_management's, and the collections add-on's ageing
when installed); this module picks the company and the report's day, and writes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from ..connector import schema
from ..connector.credit_data import EXPOSURE_VERSION, fetch_exposure, fetch_exposure_full
from ..connector.models import CompanyInfo, ExposureTotals, PartnerExposure
from ..connector.transport import ConnectorError
from ..i18n import _
from ..reports.exposure_html import format_money, write_exposure_html
from ..reports.exposure_xlsx import write_exposure_xlsx
from ..reports.labels import labels_for
from .errors import EXIT_DATA, UserError, failed
from .loading import friendly, require_addons
from .outputs import check_output_folder, prepare_output_folder, write
from .sources import Source, open_source


def load_exposure(
    source: Source, today: dt.date, company: str | None
) -> tuple[CompanyInfo, list[PartnerExposure]]:
    """Full figures from live servers and new snapshots; the old recordings' subset otherwise."""
    try:
        if source.live or source.metadata.get("exposure_version") == EXPOSURE_VERSION:
            require_addons(source, schema.EXPOSURE_DATASETS)
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
                page_size=source.page_size,
            )
        if company:
            raise UserError(
                _(
                    "{path} was recorded before --company existed; "
                    "pull a new snapshot with 'credit pull'"
                ).format(path=source.description),
                EXIT_DATA,
            )
        company_info, partners = fetch_exposure(source.transport, source.batch_size, source.context)
        return company_info, sorted(partners, key=lambda p: p.risk_key)
    except ConnectorError as exc:
        raise failed(exc, friendly(source, exc)) from None


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


def run_exposure(ctx: click.Context, params: dict[str, Any]) -> None:
    """Read the exposure and write the files ``--format`` asks for."""
    lang = params["lang"]
    report_date = params["today"].date() if params["today"] else dt.date.today()
    output = check_output_folder(params["output"])
    source = open_source(ctx, params, lang, lambda: prepare_output_folder(output))
    if not source.live and not params["today"] and source.metadata.get("today"):
        report_date = dt.date.fromisoformat(str(source.metadata["today"]))
    company, partners = load_exposure(source, report_date, params["company"])
    stem = f"credit_exposure_{report_date.isoformat()}"
    labels = labels_for(lang)
    written: list[Path] = []
    fmt = params["fmt"]
    if fmt in ("xlsx", "both"):
        written.append(
            write(
                write_exposure_xlsx, output / f"{stem}.xlsx", company, partners, report_date, lang
            )
        )
    if fmt in ("html", "both"):
        written.append(
            write(
                write_exposure_html, output / f"{stem}.html", company, partners, report_date, lang
            )
        )
    for path in written:
        click.echo(f"{labels['wrote']} {path}")
    click.echo(summary_line(partners, company, report_date, lang))
