"""``credit ageing``: the collections add-on's ageing report as at a day (XLSX).

The server adds its ageing report up by customer, bucket and stage (one paged
read_group of ``credit.collection.ageing``); the connector lays the sums out.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import click

from ..connector import schema
from ..connector.ageing import build_ageing
from ..connector.pull import read_grouped
from ..connector.transport import ConnectorError
from ..i18n import _
from ..reports.exposure_html import format_money
from ..reports.labels import labels_for
from ..reports.records import write_ageing_xlsx
from .errors import EXIT_USAGE, UserError, failed
from .loading import friendly, load_datasets, user_company
from .outputs import check_output_folder, prepare_output_folder, write, wrote
from .sources import open_source, progress_sink


def run_ageing(ctx: click.Context, params: dict[str, Any]) -> None:
    """Read the ageing as at ``--today`` (a snapshot's own day) and write the workbook."""
    report_date = params["today"].date() if params["today"] else dt.date.today()
    output = check_output_folder(params["output"])
    source = open_source(ctx, params, params["lang"], lambda: prepare_output_folder(output))
    recorded = source.metadata.get("today")
    if not source.live and recorded:
        if params["today"] and report_date.isoformat() != recorded:
            raise UserError(
                _(
                    "the snapshot holds the ageing as at {day}; leave out --today "
                    "or pull a new snapshot"
                ).format(day=recorded),
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
            {**(source.context or {}), schema.AGEING_AS_AT: report_date.isoformat()},
            source.page_size,
            progress_sink(source.progress),
        )
        preferred = None if params["company"] else user_company(source)
        result = build_ageing(data, groups, params["company"], preferred)
    except ConnectorError as exc:
        raise failed(exc, friendly(source, exc)) from None
    path = write(
        write_ageing_xlsx,
        output / f"credit_ageing_{report_date.isoformat()}.xlsx",
        result,
        report_date.isoformat(),
    )
    wrote(path, params["lang"])
    click.echo(
        labels_for(params["lang"])["ageing_summary"].format(
            company=result.company,
            customers=len(result.rows),
            total=format_money(sum(r.total for r in result.rows)),
            overdue=sum(1 for r in result.rows if r.max_days_overdue > 0),
        )
    )
