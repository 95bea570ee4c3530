"""Read whole datasets from Odoo: explicit fields, paged, in the user's language.

A pull's round trips grow with models and pages, never with records: one
``ir.model`` call checks that the add-ons are there, then one ``search_read``
per page of each model. Run through a ``RecordingTransport`` a pull becomes a
snapshot (what ``credit pull`` saves); run through a ``ReplayTransport`` the
same calls are answered from that snapshot, so every report reads live and
recorded data through the same code.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from ..i18n import _, ngettext
from .schema import CHECKED_DATASETS, Dataset
from .transport import (
    AccessRefused,
    AddonMissing,
    ConnectorError,
    MissingModelError,
    ReplayMissError,
    Transport,
)

#: Records per search_read call.
PAGE_SIZE = 2000

Progress = Callable[[str], None]


def _quiet(_message: str) -> None:
    """Default progress sink: say nothing."""


def _plain(value: Any) -> Any:
    """Tuples in domains become lists, as they come back from JSON."""
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    return value


def missing_addons(
    transport: Transport, datasets: Iterable[Dataset], context: Mapping[str, Any] | None = None
) -> list[str]:
    """Add-ons (by name) whose models the server does not have; one call.

    The call always asks for every model any report reads (the same call for
    every command), so that one snapshot answers it for all of them. Only
    administrators may read ``ir.model``: for anyone else (the credit manager, HR, a
    collector, a salesperson) it is one ``fields_get`` per model instead.
    """
    datasets = list(datasets)
    everything = [*CHECKED_DATASETS, *datasets]
    wanted = sorted({d.model for d in everything if d.addon != "base"})
    if not any(d.addon != "base" for d in datasets):
        return []
    kwargs: dict[str, Any] = {"fields": ["model"]}
    if context:
        kwargs["context"] = dict(context)
    try:
        rows = transport.execute_kw("ir.model", "search_read", [[["model", "in", wanted]]], kwargs)
        found = {row["model"] for row in rows}
    except (AccessRefused, ReplayMissError):
        # ir.model is for administrators (Settings > Access Rights); the credit manager,
        # HR or a collector asks each model for a field instead, which every user may.
        # A snapshot they pulled holds those calls instead of the ir.model one.
        found = {model for model in wanted if _model_exists(transport, model)}
    addons: list[str] = []
    for dataset in datasets:
        if dataset.model not in found and dataset.addon not in addons and dataset.addon != "base":
            addons.append(dataset.addon)
    return addons


def _model_exists(transport: Transport, model: str) -> bool:
    """Whether the server has ``model``: one ``fields_get`` of its id, allowed to anyone."""
    try:
        transport.execute_kw(model, "fields_get", [], {"allfields": ["id"], "attributes": ["type"]})
    except MissingModelError:
        return False
    return True


def require_addons(
    transport: Transport, datasets: Iterable[Dataset], context: Mapping[str, Any] | None = None
) -> None:
    """Raise one clear ConnectorError when an add-on the datasets need is missing."""
    missing = missing_addons(transport, list(datasets), context)
    if missing:
        raise AddonMissing(missing_message(missing))


def missing_message(missing: Sequence[str]) -> str:
    """'the X add-on is not installed on this Odoo database'."""
    return ngettext(
        "the {names} add-on is not installed on this Odoo database",
        "the {names} add-ons are not installed on this Odoo database",
        len(missing),
    ).format(names=", ".join(missing))


def read_dataset(
    transport: Transport,
    dataset: Dataset,
    context: Mapping[str, Any] | None = None,
    page_size: int = PAGE_SIZE,
    progress: Progress = _quiet,
) -> list[dict[str, Any]]:
    """Every record of ``dataset``, ``page_size`` at a time, ordered by id."""
    records: list[dict[str, Any]] = []
    offset = 0
    page = 0
    while True:
        kwargs: dict[str, Any] = {
            "fields": list(dataset.fields),
            "offset": offset,
            "limit": page_size,
            "order": "id",
        }
        if context:
            kwargs["context"] = dict(context)
        rows = transport.execute_kw(dataset.model, "search_read", [_plain(dataset.domain)], kwargs)
        page += 1
        if rows:
            absent = [name for name in dataset.fields if name not in rows[0]]
            if absent:
                raise ConnectorError(
                    _(
                        "Odoo did not return {model} field(s) {fields}; is the {addon} "
                        "add-on up to date?"
                    ).format(model=dataset.model, fields=", ".join(absent), addon=dataset.addon)
                )
        records.extend(rows)
        progress(
            _("read {model}: page {page}, {count} records").format(
                model=dataset.model, page=page, count=len(records)
            )
        )
        if len(rows) < page_size:
            return records
        offset += page_size


def pull_datasets(
    transport: Transport,
    datasets: Sequence[Dataset],
    context: Mapping[str, Any] | None = None,
    page_size: int = PAGE_SIZE,
    progress: Progress = _quiet,
    skip_missing: bool = False,
) -> dict[str, list[dict[str, Any]]]:
    """Read each dataset; add-ons missing on the server are an error unless ``skip_missing``."""
    missing = missing_addons(transport, datasets, context)
    if missing and not skip_missing:
        raise AddonMissing(missing_message(missing))
    result: dict[str, list[dict[str, Any]]] = {}
    for dataset in datasets:
        if dataset.addon in missing:
            continue
        result[dataset.model] = read_dataset(transport, dataset, context, page_size, progress)
    return result


def read_grouped(
    transport: Transport,
    model: str,
    domain: Sequence[Any],
    aggregates: Sequence[str],
    groupby: Sequence[str],
    context: Mapping[str, Any] | None = None,
    page_size: int = PAGE_SIZE,
    progress: Progress = _quiet,
) -> list[dict[str, Any]]:
    """Server-side aggregation (``read_group``, not lazy), paged over the groups."""
    groups: list[dict[str, Any]] = []
    offset = 0
    page = 0
    while True:
        kwargs: dict[str, Any] = {"lazy": False, "offset": offset, "limit": page_size}
        if context:
            kwargs["context"] = dict(context)
        rows = transport.execute_kw(
            model, "read_group", [_plain(domain), list(aggregates), list(groupby)], kwargs
        )
        page += 1
        groups.extend(rows)
        progress(
            _("read {model} totals: page {page}, {count} groups").format(
                model=model, page=page, count=len(groups)
            )
        )
        if len(rows) < page_size:
            return groups
        offset += page_size
