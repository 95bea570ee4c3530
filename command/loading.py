"""Reading what a report needs through a Source, with failures worded for users.

The connector says what failed in its own terms; here a snapshot that lacks some data
is told as such ("pull a new snapshot"), and every failure becomes one line with the
exit code of its kind (errors.failed).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..connector import schema
from ..connector.appraisal import (
    AppraisalYear,
    build_appraisal_year,
    fetch_scorecards,
    period_choice,
)
from ..connector.credit_data import fetch_user_company
from ..connector.pull import missing_addons, missing_message, pull_datasets
from ..connector.transport import AddonMissing, ConnectorError, ReplayMissError
from ..i18n import _
from .errors import failed
from .sources import Source, progress_sink


def _snapshot_hint(source: Source, exc: ConnectorError) -> str:
    if source.demo:
        return _(
            "the built-in demo data does not hold this report's data yet "
            "({path} records only the exposure queries)"
        ).format(path=source.description)
    if source.replayed:
        return _(
            "{path} does not hold this data (it was saved by {query}); "
            "pull a new snapshot with 'credit pull'"
        ).format(
            path=source.description, query=source.metadata.get("query") or _("another command")
        )
    return str(exc)


def friendly(source: Source, exc: ConnectorError) -> str:
    """The message of a failure, saying what a snapshot lacks when it is one."""
    message = str(exc)
    if source.replayed:
        if isinstance(exc, ReplayMissError):
            return _snapshot_hint(source, exc)
        if isinstance(exc, AddonMissing):
            return message + _(" ({path} was pulled from a database without it)").format(
                path=source.description
            )
    return message


def require_addons(source: Source, datasets: Sequence[schema.Dataset]) -> None:
    """One clear error when an add-on the datasets need is missing (raises ConnectorError)."""
    missing = missing_addons(source.transport, datasets, source.context)
    if missing:
        raise AddonMissing(missing_message(missing))


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
            progress_sink(source.progress),
        )
    except ConnectorError as exc:
        raise failed(exc, friendly(source, exc)) from None


def user_company(source: Source) -> int | None:
    """The user's current company in Odoo (one call); None when a snapshot cannot say."""
    try:
        return fetch_user_company(source.transport, source.uid, source.context)
    except ReplayMissError:
        return None


def load_appraisal(
    source: Source,
    year: int | None,
    company: str | None,
    recompute: bool = False,
    datasets: Sequence[schema.Dataset] = schema.APPRAISAL_DATASETS,
) -> tuple[AppraisalYear, dict[str, list[dict[str, Any]]]]:
    """The server's scorecards of one year (and the pulled ``datasets`` beside them).

    The periods say which year and company; the scorecards are the server's answer
    (``credit_scorecards``), read and never recomputed here.
    """
    progress = progress_sink(source.progress)
    try:
        require_addons(source, datasets)
        preferred = None if company else user_company(source)
        if recompute:
            _recompute(source, year, company, preferred)
        data = pull_datasets(
            source.transport,
            datasets,
            source.context,
            source.page_size,
            progress,
            skip_missing=True,
        )
        year, company_id = period_choice(data, year, company, preferred)
        progress(
            _("reading the scorecards of {year} as the server computed them").format(year=year)
        )
        answer = fetch_scorecards(source.transport, year, company_id, source.context)
        return build_appraisal_year(answer), data
    except ConnectorError as exc:
        raise failed(exc, friendly(source, exc)) from None


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
        if year:
            raise ConnectorError(
                _("no open appraisal period for {year} to recompute").format(year=year)
            )
        raise ConnectorError(_("no open appraisal period to recompute"))
    progress_sink(source.progress)(
        _("recomputing appraisal period {year}").format(year=periods[0]["year"])
    )
    source.transport.execute_kw(
        schema.APPRAISAL_PERIOD.model,
        schema.PERIOD_RECOMPUTE,
        [[periods[0]["id"]]],
        {"context": source.context},
    )
