"""Where a report's data comes from: a live Odoo, a saved snapshot, or the demo.

Every report reads through one ``Source``: a transport that answers ``execute_kw``
(a logged-in session, or the replay of a snapshot of real answers) and how to ask it
(context, page sizes, the user). The commands never care which it is, so a report made
from a snapshot is the report the live server would have given that day.
"""

from __future__ import annotations

import importlib.resources
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from .. import connector
from ..connector import schema
from ..connector.credit_data import DEFAULT_BATCH_SIZE
from ..connector.pull import PAGE_SIZE
from ..connector.settings import ENV, load_config, parse_timeout, resolve
from ..connector.transport import ConnectorError, OdooRpcTransport, ReplayTransport, Transport
from ..i18n import _
from ..reports.labels import DEFAULT_LANG
from .errors import EXIT_SNAPSHOT, UserError, failed
from .options import CONNECTION_PARAMS

#: The exposure-only recording of older versions (kept for older tests).
DEMO_RECORDING = ("recorded", "demo_exposure.json")
#: The built-in snapshots, one per report language (names read in that language).
DEMO_SNAPSHOTS = {
    "zh_CN": ("recorded", "demo_snapshot.zh_CN.json"),
    "en": ("recorded", "demo_snapshot.en_US.json"),
}


def _resource(parts: tuple[str, ...]) -> Path:
    return Path(str(importlib.resources.files(connector).joinpath(*parts)))


def demo_recording_path() -> Path:
    """The recorded exposure queries of the add-on's demo data (inside the package)."""
    return _resource(DEMO_RECORDING)


def demo_snapshot_path(lang: str = DEFAULT_LANG) -> Path:
    """The built-in snapshot of ``lang`` (``credit pull`` of a real Odoo with the demo data)."""
    return _resource(DEMO_SNAPSHOTS.get(lang, DEMO_SNAPSHOTS[DEFAULT_LANG]))


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

    @property
    def replayed(self) -> bool:
        """Whether the answers come from a snapshot (the demo's included)."""
        return isinstance(self.transport, ReplayTransport)


def progress_sink(enabled: bool) -> Callable[[str], None]:
    """Where progress lines go: stderr, or nowhere."""
    if not enabled:
        return lambda _message: None
    return lambda message: click.echo(f"credit: {message}", err=True)


def _replay_source(path: Path, what: str) -> Source:
    try:
        replay = ReplayTransport.from_file(path)
    except ConnectorError as exc:
        raise failed(exc, f"{what}: {exc}") from None
    context = replay.metadata.get("context")
    uid = replay.metadata.get("uid")
    try:
        batch_size = int(replay.metadata.get("batch_size", DEFAULT_BATCH_SIZE))
        page_size = int(replay.metadata.get("page_size", PAGE_SIZE))
    except (TypeError, ValueError):
        raise UserError(
            _("{what}: {path} is not a credit-management snapshot").format(what=what, path=path),
            EXIT_SNAPSHOT,
        ) from None
    return Source(
        uid=int(uid) if isinstance(uid, int) else None,
        transport=replay,
        context=dict(context) if isinstance(context, dict) else None,
        batch_size=batch_size,
        page_size=page_size,
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
        raise UserError(_("--demo and --snapshot exclude each other: choose one"))
    if demo or snapshot:
        clash = _given_on_command_line(ctx, CONNECTION_PARAMS)
        if clash:
            raise UserError(
                _("{options} cannot be used with {source}: those read no server").format(
                    options=", ".join(clash), source="--demo" if demo else "--snapshot"
                )
            )
        if params.get("recompute"):
            raise UserError(_("--recompute needs a live server, not --demo or --snapshot"))
    if demo:
        path = demo_snapshot_path(lang)
        if not path.is_file():
            path = demo_recording_path()
        source = _replay_source(path, _("the built-in demo snapshot"))
        source.demo = True
    elif snapshot:
        source = _replay_source(Path(snapshot), _("cannot use snapshot"))
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
            _(
                "credit: note: {path} was pulled in {recorded}: names read from Odoo "
                "(grades, items, companies) stay in {recorded}; pull it again with "
                "--lang {lang} for {wanted} names"
            ).format(path=source.description, recorded=recorded, lang=lang, wanted=wanted),
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
            _("Password or API key for {user} on {db}").format(
                user=merged["user"], db=merged["db"]
            ),
            hide_input=True,
            err=True,
        )
        missing = [] if merged["secret"] else missing
    if missing:
        names = ", ".join("--" + name for name in missing)
        env_names = ", ".join(ENV[name] for name in missing)
        raise UserError(
            _(
                "missing {options} (or {variables}, or a config file); "
                "use --demo to run on the built-in demo data instead"
            ).format(options=names, variables=env_names)
        )
    progress = progress_sink(params.get("progress", False))
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
