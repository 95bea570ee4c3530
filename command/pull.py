"""``credit pull``: save what every report reads from a live Odoo into one snapshot.

The pull makes the reports' own calls through a RecordingTransport, so a snapshot holds
exactly the server's answers to the questions the reports ask, replayed offline later.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import click

from ..connector import schema
from ..connector.appraisal import fetch_scorecards
from ..connector.credit_data import (
    COMPANY_FIELDS,
    EXPOSURE_VERSION,
    fetch_exposure,
    fetch_exposure_full,
    fetch_user_company,
)
from ..connector.models import PartnerExposure
from ..connector.prospects import fetch_prospects
from ..connector.pull import missing_addons, missing_message, pull_datasets, read_grouped
from ..connector.transport import (
    AccessRefused,
    AddonMissing,
    ConnectorError,
    MissingMethodError,
    RecordingTransport,
)
from ..connector.warnings import fetch_warnings
from ..i18n import _
from ..reports.labels import DEFAULT_LANG
from .errors import UserError, failed
from .outputs import check_output_file, wrote
from .sources import connect_live, progress_sink


def run_pull(ctx: click.Context, params: dict[str, Any]) -> None:
    """Every dataset, every company's exposure and the day's ageing, to one JSON file."""
    if params.get("demo") or params.get("snapshot"):
        raise UserError(_("pull reads a live server: --demo and --snapshot do not apply"))
    target = check_output_file(params["output"])
    source = connect_live(params, params["lang"])
    context = source.context or {}
    progress = progress_sink(params["progress"])
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
        missing = missing_addons(recorder, schema.EXPOSURE_DATASETS, context)
        if missing:
            raise AddonMissing(missing_message(missing))
        today = dt.date.today()
        recorder.metadata["today"] = today.isoformat()
        recorder.metadata["exposure_version"] = EXPOSURE_VERSION
        companies = recorder.execute_kw(
            "res.company",
            "search_read",
            [[]],
            {"fields": list(COMPANY_FIELDS), "order": "id", "context": context},
        )
        # the user's company: the exposure report's default company, offline too
        fetch_user_company(recorder, source.uid, context)
        partners: list[PartnerExposure] = []
        for row in companies:
            progress(_("reading customer exposure of {company}").format(company=row["name"]))
            partners += fetch_exposure_full(
                recorder,
                today,
                context,
                str(row["id"]),
                params["batch_size"],
                page_size=params["page_size"],
            )[1]
        data = pull_datasets(
            recorder, schema.ALL_DATASETS, context, params["page_size"], progress, skip_missing=True
        )
        recorder.metadata["scorecards"] = _pull_scorecards(
            recorder, data.get(schema.APPRAISAL_PERIOD.model, []), context, progress
        )
        recorder.metadata["warnings"] = _pull_warnings(recorder, companies, context, progress)
        recorder.metadata["prospects"] = _pull_prospects(recorder, companies, context, progress)
        if schema.COLLECTION_BUCKET.model in data:
            read_grouped(
                recorder,
                schema.AGEING_MODEL,
                schema.AGEING_DOMAIN,
                schema.AGEING_AGGREGATES,
                schema.AGEING_GROUPBY,
                {**context, schema.AGEING_AS_AT: today.isoformat()},
                params["page_size"],
                progress,
            )
        recorder.metadata["datasets"] = sorted(data)
        recorder.save(target)
    except ConnectorError as exc:
        raise failed(exc) from None
    counts = ", ".join(f"{model} {len(rows)}" for model, rows in data.items())
    wrote(target, params["lang"])
    click.echo(
        _("{calls} calls: {customers} customers").format(
            calls=len(recorder.calls), customers=len(partners)
        )
        + (f", {counts}" if counts else "")
    )


def _pull_scorecards(
    recorder: RecordingTransport,
    periods: list[dict[str, Any]],
    context: dict[str, Any],
    progress: Any,
) -> str:
    """The server's scorecards of every period the user reads (one call each), as the
    reports ask for them. Says what was saved: 'all', 'refused' (the user may not read
    scorecards) or 'unavailable' (the add-on predates the method)."""
    for period in periods:
        if not period.get("company_id"):
            continue
        progress(
            _("reading the scorecards of {year} ({company})").format(
                year=period["year"], company=period["company_id"][1]
            )
        )
        try:
            fetch_scorecards(recorder, int(period["year"]), int(period["company_id"][0]), context)
        except AccessRefused:
            return "refused"
        except MissingMethodError:
            return "unavailable"
    return "all"


def _pull_warnings(
    recorder: RecordingTransport,
    companies: list[dict[str, Any]],
    context: dict[str, Any],
    progress: Any,
) -> str:
    """The server's early warnings of every company (one call each), as ``credit
    warnings`` asks for them: the user's current company (no company given), then each
    by id. Says what was saved: 'all', 'refused', or 'unavailable' (no credit_warning)."""
    try:
        fetch_warnings(recorder, None, context)
        for row in companies:
            progress(_("reading the early warnings of {company}").format(company=row["name"]))
            fetch_warnings(recorder, int(row["id"]), context)
    except AccessRefused:
        return "refused"
    except (AddonMissing, MissingMethodError):
        return "unavailable"
    return "all"


def _pull_prospects(
    recorder: RecordingTransport,
    companies: list[dict[str, Any]],
    context: dict[str, Any],
    progress: Any,
) -> str:
    """The server's sales ranking of every company (one call each), as ``credit
    prospects`` asks for it: the user's current company, then each by id. Says what was
    saved: 'all', 'refused', or 'unavailable' (no credit_prospect)."""
    try:
        fetch_prospects(recorder, None, context)
        for row in companies:
            progress(_("reading the sales ranking of {company}").format(company=row["name"]))
            fetch_prospects(recorder, int(row["id"]), context)
    except AccessRefused:
        return "refused"
    except (AddonMissing, MissingMethodError):
        return "unavailable"
    return "all"


def run_record(ctx: click.Context, params: dict[str, Any]) -> None:
    """The exposure queries only, as the old ``credit record`` saved them."""
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
    click.echo(
        _("recorded {calls} calls ({customers} customers) to {path}").format(
            calls=len(recorder.calls), customers=len(partners), path=target
        )
    )
