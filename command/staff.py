"""The staff reports: ``scorecards``, ``awards``, ``training`` and ``hr-export``.

The scorecards, the award and disqualification lists and HR's export are the server's
answer (``credit.appraisal.period.credit_scorecards``: items, scores, evidence, totals,
tiers, outcomes, failure counts, bonus withheld, the lists and their status); training
is read from the add-on's records. Here they are laid out, never worked out.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from ..connector import schema
from ..connector.appraisal import AppraisalYear
from ..connector.training import build_hr_rows, build_training_year
from ..connector.transport import ConnectorError
from ..i18n import _
from ..reports.appraisal_labels import list_status_text
from ..reports.awards import write_awards_html, write_awards_xlsx
from ..reports.labels import labels_for
from ..reports.records import write_hr_export_xlsx, write_training_xlsx
from ..reports.scorecards_html import write_scorecards_html
from ..reports.scorecards_xlsx import write_scorecards_xlsx
from .errors import EXIT_DATA, UserError, failed
from .loading import load_appraisal, load_datasets
from .outputs import check_output_folder, prepare_output_folder, write, wrote
from .sources import Source, open_source


def appraisal_summary(data: AppraisalYear, lang: str) -> str:
    """People, the server's tiers, revocations and the lists' status, in one line."""
    counts = data.tier_counts()
    return labels_for(lang)["appraisal_summary"].format(
        lists=list_status_text(data.lists, lang),
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


def _open(ctx: click.Context, params: dict[str, Any]) -> tuple[Path, Source]:
    """The checked output folder and the opened source."""
    output = check_output_folder(params["output"])
    return output, open_source(ctx, params, params["lang"], lambda: prepare_output_folder(output))


def run_scorecards(ctx: click.Context, params: dict[str, Any]) -> None:
    """One year's scorecards (after a server-side recompute when asked)."""
    output, source = _open(ctx, params)
    data, _ = load_appraisal(source, params["year"], params["company"], params["recompute"])
    stem = f"credit_scorecards_{data.year}"
    for writer, suffix in ((write_scorecards_xlsx, "xlsx"), (write_scorecards_html, "html")):
        wrote(write(writer, output / f"{stem}.{suffix}", data), params["lang"])
    click.echo(appraisal_summary(data, params["lang"]))


def run_awards(ctx: click.Context, params: dict[str, Any]) -> None:
    """The award and disqualification lists, as a workbook and a printable page."""
    output, source = _open(ctx, params)
    data, _ = load_appraisal(source, params["year"], params["company"])
    stem = f"credit_awards_{data.year}"
    for writer, suffix in ((write_awards_xlsx, "xlsx"), (write_awards_html, "html")):
        wrote(write(writer, output / f"{stem}.{suffix}", data), params["lang"])
    click.echo(appraisal_summary(data, params["lang"]))


def run_training(ctx: click.Context, params: dict[str, Any]) -> None:
    """A year's (or half-year's) training records."""
    output, source = _open(ctx, params)
    data = load_datasets(source, schema.TRAINING_DATASETS)
    year = params["year"]
    if year is None:
        years = [int(s["year"]) for s in data[schema.TRAINING_SESSION.model] if s["year"]]
        if not years:
            raise UserError(_("there are no training sessions yet"), EXIT_DATA)
        year = max(years)
    try:
        records = build_training_year(data, year, params["half"])
    except ConnectorError as exc:
        raise failed(exc) from None
    company = ", ".join(records.companies) or ", ".join(
        str(c["name"]) for c in data.get(schema.COMPANY.model, [])
    )
    half = f"_H{params['half']}" if params["half"] else ""
    path = write(
        write_training_xlsx, output / f"credit_training_{year}{half}.xlsx", records, company
    )
    wrote(path, params["lang"])
    when = f"{year} H{params['half']}" if params["half"] else str(year)
    click.echo(
        labels_for(params["lang"])["training_summary"].format(
            when=when,
            sessions=len(records.sessions),
            results=len(records.results),
            fees=len(records.fees),
        )
    )


def run_hr_export(ctx: click.Context, params: dict[str, Any]) -> None:
    """HR's one row per administrator."""
    output, source = _open(ctx, params)
    appraisal, data = load_appraisal(
        source, params["year"], params["company"], datasets=schema.HR_DATASETS
    )
    rows = build_hr_rows(appraisal, data)
    path = write(
        write_hr_export_xlsx, output / f"credit_hr_export_{appraisal.year}.xlsx", appraisal, rows
    )
    wrote(path, params["lang"])
    click.echo(appraisal_summary(appraisal, params["lang"]))
