"""How the connector talks to Odoo: one ``execute_kw`` call at a time.

Everything above this module (``credit_data``, the CLI, the reports) only needs
``execute_kw``. Keeping that the single seam means the same code runs against a
live server (``OdooRpcTransport``), records what the server really answered
(``RecordingTransport``) and replays such a recording offline
(``ReplayTransport``) for the demo and the tests, without any fake Odoo.
"""

from __future__ import annotations

import datetime as dt
import http.client
import json
import os
import time
import urllib.error
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Protocol, runtime_checkable
from urllib.parse import urlsplit

import odoorpc
import odoorpc.error
import odoorpc.rpc.error

from ..i18n import _, os_reason
from .atomic import atomic_path

RECORDING_FORMAT = "credit-management/rpc-recording"
RECORDING_VERSION = 1
#: The ``error.kind`` of a recorded call the server answered with "no such model".
MISSING_MODEL = "missing_model"


class ConnectorError(Exception):
    """A failure the user can act on (server down, bad login, missing add-on...).

    The only exception the connector raises: whatever fails underneath (odoorpc, the
    network, a file, a malformed answer) becomes one of these with a one-line message.
    The subclass says which kind of failure it is, so that a caller can react (the
    ``credit`` command maps each kind to its exit code, command/errors.py); this base
    class is for what the server (or a snapshot) lacks: an add-on, a model, a period, a
    company, the data. The connector knows nothing of its callers.
    """


class SettingsError(ConnectorError):
    """A bad setting: an invalid URL, timeout or config file."""


class ConnectionFailed(ConnectorError):
    """The server cannot be reached, stays away, times out, or is not an Odoo."""


class LoginRefused(ConnectorError):
    """Odoo refused the login: wrong login, password or API key, or no such database."""


class SnapshotError(ConnectorError):
    """A snapshot file that cannot be read, or is corrupt or foreign."""


class WriteFailed(ConnectorError):
    """A recording (snapshot) cannot be written: no such folder, no permission, disk full."""


class ReplayMissError(ConnectorError):
    """A replayed call that the recording does not contain."""


class MissingMethodError(ConnectorError):
    """The server has the model but not the method (an older add-on)."""


class MissingModelError(ConnectorError):
    """The server has no such model: the add-on that provides it is not installed.

    A real answer of the server, so recordings keep it and replays give it back.
    """


class AddonMissing(ConnectorError):
    """An add-on the report reads is not installed on the server (or the snapshot's)."""


class AccessRefused(ConnectorError):
    """Odoo refused the call to this user (an AccessError): their groups do not allow it.

    What a salesperson gets for the appraisal, or HR for the receivables: a read Odoo
    refused (exit 5), told in one line that names what was refused.
    """


#: The exception Odoo reports for a call refused by access rights or record rules.
ODOO_ACCESS_ERROR = "odoo.exceptions.AccessError"


@runtime_checkable
class Transport(Protocol):
    """The one operation the connector needs from an Odoo server."""

    def execute_kw(self, model: str, method: str, args: list[Any], kwargs: dict[str, Any]) -> Any:
        """Call ``method`` of ``model`` with positional ``args`` and keyword ``kwargs``."""
        ...


def canonical_call(model: str, method: str, args: Any, kwargs: Any) -> str:
    """Return a stable text key for a call.

    Tuples and lists serialise alike and dict keys are sorted, so a call made in
    code and the same call read back from JSON get the same key.
    """
    return json.dumps(
        [model, method, args, kwargs], sort_keys=True, separators=(",", ":"), ensure_ascii=False
    )


def _as_json(value: Any) -> Any:
    """Round-trip through JSON so that what we store is what a replay will see."""
    return json.loads(json.dumps(value, ensure_ascii=False))


def parse_server_url(url: str) -> tuple[str, str, int]:
    """Split ``http(s)://host[:port]`` into odoorpc's (host, protocol, port).

    odoorpc takes no URL and no path prefix, so anything it could not honour is
    refused here with a message rather than silently ignored.
    """
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SettingsError(
            _(
                "invalid Odoo URL {url!r}: expected http://host[:port] or https://host[:port]"
            ).format(url=url)
        )
    if parts.username or parts.password:
        # never keep a secret in a URL: it would end up in messages and snapshots
        raise SettingsError(
            _(
                "invalid Odoo URL: leave the login and password out of it "
                "(use --user and --password or an API key)"
            )
        )
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        raise SettingsError(
            _("invalid Odoo URL {url!r}: a path or query is not supported").format(url=url)
        )
    try:
        port = parts.port
    except ValueError as exc:
        raise SettingsError(
            _("invalid Odoo URL {url!r}: {reason}").format(url=url, reason=exc)
        ) from None
    protocol = "jsonrpc+ssl" if parts.scheme == "https" else "jsonrpc"
    if port is None:
        port = 443 if parts.scheme == "https" else 80
    return parts.hostname, protocol, port


def _tried(attempt: int) -> str:
    """ " (tried 3 times)" after a failure that was retried; "" after the first try."""
    return _(" (tried {count} times)").format(count=attempt) if attempt > 1 else ""


_NETWORK_FAILURES: tuple[type[BaseException], ...] = (urllib.error.URLError, OSError)
# A non-JSON answer (ValueError) means whatever listens there is not Odoo.
_RPC_FAILURES: tuple[type[BaseException], ...] = (
    _NETWORK_FAILURES
    + (ValueError, http.client.HTTPException)
    # odoorpc's errors; its low-level ConnectorError derives from BaseException.
    + (odoorpc.error.Error, odoorpc.rpc.error.ConnectorError)
)


def _server_exception(exc: BaseException) -> str:
    """The dotted name of the exception the server raised ('' when it says none)."""
    info = getattr(exc, "info", None)
    if isinstance(info, Mapping):
        data = info.get("data")
        if isinstance(data, Mapping):
            return str(data.get("name") or "")
    return ""


def _failure_reason(exc: BaseException) -> str:
    """One line saying what went wrong: Odoo's own message, or the network reason."""
    if isinstance(exc, urllib.error.HTTPError):
        return f"HTTP {exc.code} {exc.reason}"
    if isinstance(exc, urllib.error.URLError):
        reason = exc.reason
        if isinstance(reason, OSError):
            return os_reason(reason)
        return _(str(reason))
    if isinstance(exc, OSError) and exc.strerror:
        return os_reason(exc)
    if isinstance(exc, TimeoutError):
        return _("timed out")
    if isinstance(exc, json.JSONDecodeError):
        return _("the server did not answer like an Odoo server (not JSON)")
    info = getattr(exc, "info", None)
    if isinstance(info, Mapping):
        data = info.get("data")
        if isinstance(data, Mapping) and data.get("message"):
            return str(data["message"]).strip().splitlines()[0]
    text = str(getattr(exc, "message", "") or exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


#: HTTP answers of a proxy or a restarting server: worth another try.
_TRANSIENT_HTTP = {502, 503, 504}
#: Methods that only read; only these are retried (a write is never sent twice).
_READ_METHODS = {"search_read", "read", "search", "search_count", "read_group", "fields_get"}


def _is_transient(exc: BaseException) -> bool:
    """A network hiccup (refused, reset, timed out, 502/503/504), not an Odoo refusal."""
    if isinstance(exc, urllib.error.HTTPError):
        return exc.code in _TRANSIENT_HTTP
    return isinstance(exc, _NETWORK_FAILURES)


class OdooRpcTransport:
    """A logged-in JSON-RPC session to a live Odoo, via odoorpc.

    TLS (``https://``) is verified with the system's certificate store, as Python's
    urllib does by default; there is deliberately no option to switch that off.
    """

    def __init__(
        self,
        odoo: Any,
        url: str,
        db: str,
        retries: int = 3,
        backoff: float = 1.0,
        progress: Any = None,
        timeout: float = 120.0,
    ) -> None:
        """Wrap an already logged-in ``odoorpc.ODOO``; use :meth:`connect` normally."""
        self._odoo = odoo
        self.url = url
        self.db = db
        self.retries = retries
        self.backoff = backoff
        self.timeout = timeout
        self.round_trips = 0
        self._progress = progress or (lambda _message: None)

    @property
    def server_version(self) -> str:
        """The server's version string, e.g. ``'18.0'`` (kept in recordings)."""
        return str(self._odoo.version)

    @property
    def uid(self) -> int | None:
        """The logged-in user's id (kept in recordings, to find the user's company)."""
        uid = getattr(self._odoo.env, "uid", None)
        return int(uid) if uid else None

    @classmethod
    def connect(
        cls,
        url: str,
        db: str,
        user: str,
        password: str,
        timeout: float = 120.0,
        retries: int = 3,
        backoff: float = 1.0,
        progress: Any = None,
    ) -> OdooRpcTransport:
        """Open a session, turning every connection or login failure into ConnectorError.

        ``password`` may be the user's password or an API key. Transient network
        failures are retried ``retries`` times with exponential backoff.
        """
        say = progress or (lambda _message: None)
        host, protocol, port = parse_server_url(url)
        attempt = 0
        while True:
            attempt += 1
            say(
                _("connecting to {url} (database {db}, timeout {timeout:g} s)").format(
                    url=url, db=db, timeout=timeout
                )
            )
            try:
                odoo = odoorpc.ODOO(host, protocol=protocol, port=port, timeout=timeout)
                odoo.login(db, user, password)
                break
            except _RPC_FAILURES as exc:
                if _is_transient(exc) and attempt <= retries:
                    delay = backoff * 2 ** (attempt - 1)
                    say(
                        _("{url} did not answer ({reason}); retrying in {delay:g} s").format(
                            url=url, reason=_failure_reason(exc), delay=delay
                        )
                    )
                    time.sleep(delay)
                    continue
                if _is_transient(exc):
                    raise ConnectionFailed(
                        _("cannot reach Odoo at {url}: {reason}").format(
                            url=url, reason=_failure_reason(exc)
                        )
                        + _tried(attempt)
                    ) from None
                reason = _failure_reason(exc)
                refused = LoginRefused
                if "Wrong login" in reason or "Access Denied" in reason:
                    reason = _("wrong login or password")
                elif "does not exist" in reason and f'"{db}"' in reason:
                    # not PostgreSQL's connection text
                    reason = _("no such database on this server")
                else:  # something answered, but not an Odoo that lets us in
                    refused = ConnectionFailed
                raise refused(
                    _("cannot log in to database {db!r} at {url} as {user!r}: {reason}").format(
                        db=db, url=url, user=user, reason=reason
                    )
                ) from None
        say(
            _("logged in to {db} as {user} (Odoo {version})").format(
                db=db, user=user, version=odoo.version
            )
        )
        return cls(odoo, url, db, retries, backoff, progress, timeout)

    def execute_kw(self, model: str, method: str, args: list[Any], kwargs: dict[str, Any]) -> Any:
        """Run one call; reads are retried on transient network failures.

        A server-side error becomes ConnectorError naming the call.
        """
        attempt = 0
        while True:
            attempt += 1
            self.round_trips += 1
            try:
                return self._odoo.execute_kw(model, method, list(args), dict(kwargs))
            except _RPC_FAILURES as exc:
                if _is_transient(exc):
                    if method in _READ_METHODS and attempt <= self.retries:
                        delay = self.backoff * 2 ** (attempt - 1)
                        self._progress(
                            _("{call}: {reason}; retrying in {delay:g} s").format(
                                call=f"{model}.{method}", reason=_failure_reason(exc), delay=delay
                            )
                        )
                        time.sleep(delay)
                        continue
                    raise ConnectionFailed(
                        _("lost connection to Odoo at {url} during {call}: {reason}").format(
                            url=self.url, call=f"{model}.{method}", reason=_failure_reason(exc)
                        )
                        + _tried(attempt)
                    ) from None
                reason = _failure_reason(exc)
                if "Invalid language code" in reason:
                    raise ConnectorError(
                        _(
                            "Odoo at {url} refused the report's language ({reason}): install "
                            "it in Odoo (Settings > Languages) or choose another with --lang"
                        ).format(url=self.url, reason=reason)
                    ) from None
                # Odoo 18 says "The method 'model.method' does not exist" (older: "'method'")
                if any(
                    f"The method '{name}' does not exist" in reason
                    for name in (f"{model}.{method}", method)
                ):
                    raise MissingMethodError(
                        _(
                            "Odoo has no method {call}: is the add-on that provides it "
                            "up to date? ({reason})"
                        ).format(call=f"{model}.{method}", reason=reason)
                    ) from None
                if "doesn't exist" in reason or "does not exist" in reason and model in reason:
                    raise MissingModelError(
                        _(
                            "Odoo has no model {model}: is the add-on that provides it "
                            "installed? ({reason})"
                        ).format(model=model, reason=reason)
                    ) from None
                if _server_exception(exc) == ODOO_ACCESS_ERROR:
                    raise AccessRefused(
                        _(
                            "Odoo refused {call} to this user: {reason} "
                            "(ask for a credit role that may read it)"
                        ).format(call=f"{model}.{method}", reason=reason)
                    ) from None
                raise ConnectorError(
                    _("Odoo refused {call}: {reason}").format(
                        call=f"{model}.{method}", reason=reason
                    )
                ) from None


class RecordingTransport:
    """Pass calls to a real transport and keep each call with its real response.

    The saved file is what ``ReplayTransport`` serves, so demo data and test
    fixtures are always something a real server said.
    """

    def __init__(self, inner: Transport, metadata: Mapping[str, Any] | None = None) -> None:
        """``metadata`` (source URL, database, batch size...) is saved alongside the calls."""
        self._inner = inner
        self.metadata: dict[str, Any] = dict(metadata or {})
        self.calls: list[dict[str, Any]] = []

    def execute_kw(self, model: str, method: str, args: list[Any], kwargs: dict[str, Any]) -> Any:
        """Forward the call, then remember it.

        Failed calls are not recorded, except "no such model": that is the server's answer
        to whether an add-on is installed, which a replay must give back the same way.
        """
        call = {
            "model": model,
            "method": method,
            "args": _as_json(args),
            "kwargs": _as_json(kwargs),
        }
        try:
            response = self._inner.execute_kw(model, method, args, kwargs)
        except MissingModelError as exc:
            self.calls.append({**call, "error": {"kind": MISSING_MODEL, "message": str(exc)}})
            raise
        self.calls.append({**call, "response": _as_json(response)})
        return response

    def to_document(self) -> dict[str, Any]:
        """The JSON document that :meth:`save` writes."""
        return {
            "format": RECORDING_FORMAT,
            "version": RECORDING_VERSION,
            "recorded_at": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
            "metadata": self.metadata,
            "calls": self.calls,
        }

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Write the recording atomically (temp file in the same folder, then rename)."""
        target = Path(path)
        text = json.dumps(self.to_document(), ensure_ascii=False, indent=1, sort_keys=False)
        try:
            with atomic_path(target) as tmp:
                tmp.write_text(text + "\n", encoding="utf-8")
        except OSError as exc:
            raise WriteFailed(
                _("cannot write snapshot {path}: {reason}").format(
                    path=target, reason=os_reason(exc)
                )
            ) from None
        return target


class ReplayTransport:
    """Serve the responses of a recording; any call it does not hold is an error.

    Calls are matched on their canonical JSON, so a change in what the connector
    asks (fields, domain, batch size) shows up as a clear miss instead of stale data.
    """

    def __init__(self, document: Mapping[str, Any], source: str = "<recording>") -> None:
        """Build from a parsed recording document; see :meth:`from_file`."""
        if document.get("format") != RECORDING_FORMAT or not isinstance(
            document.get("calls"), list
        ):
            raise SnapshotError(
                _("{path} is not a credit-management RPC recording").format(path=source)
            )
        if document.get("version") != RECORDING_VERSION:
            raise SnapshotError(
                _(
                    "{path} has recording version {version!r}, this program reads version "
                    "{supported}"
                ).format(path=source, version=document.get("version"), supported=RECORDING_VERSION)
            )
        self.source = source
        metadata = document.get("metadata") or {}
        if not isinstance(metadata, Mapping):
            raise SnapshotError(
                _("{path} is not a credit-management snapshot (bad metadata)").format(path=source)
            )
        self.metadata: dict[str, Any] = dict(metadata)
        self.recorded_at: str | None = document.get("recorded_at")
        self._responses: dict[str, Any] = {}
        self._missing: dict[str, str] = {}  # calls the server answered "no such model"
        try:
            for call in document["calls"]:
                key = canonical_call(call["model"], call["method"], call["args"], call["kwargs"])
                error = call.get("error")
                if isinstance(error, Mapping) and error.get("kind") == MISSING_MODEL:
                    self._missing[key] = str(error.get("message", ""))
                else:
                    self._responses[key] = call["response"]
        except (KeyError, TypeError, AttributeError, ValueError):
            raise SnapshotError(
                _("{path} is not a credit-management snapshot (a call is malformed)").format(
                    path=source
                )
            ) from None
        self.calls_served = 0

    @classmethod
    def from_file(cls, path: str | os.PathLike[str]) -> ReplayTransport:
        """Load a recording written by :meth:`RecordingTransport.save`."""
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise SnapshotError(
                _("cannot read recording {path}: {reason}").format(path=path, reason=os_reason(exc))
            ) from None
        except UnicodeDecodeError:
            raise SnapshotError(
                _("recording {path} is not a text (JSON) file").format(path=path)
            ) from None
        try:
            document = json.loads(text)
        except json.JSONDecodeError as exc:
            raise SnapshotError(
                _("recording {path} is not valid JSON: {reason}").format(path=path, reason=exc)
            ) from None
        if not isinstance(document, dict):
            raise SnapshotError(
                _("{path} is not a credit-management RPC recording").format(path=path)
            )
        return cls(document, source=str(path))

    def __len__(self) -> int:
        """Number of distinct calls the recording can answer."""
        return len(self._responses)

    def execute_kw(self, model: str, method: str, args: list[Any], kwargs: dict[str, Any]) -> Any:
        """Return the recorded response, or raise ReplayMissError naming the call."""
        key = canonical_call(model, method, _as_json(args), _as_json(kwargs))
        if key in self._missing:
            self.calls_served += 1
            raise MissingModelError(self._missing[key])
        try:
            response = self._responses[key]
        except KeyError:
            shown = key if len(key) <= 300 else key[:297] + "..."
            raise ReplayMissError(
                _(
                    "no recorded response in {path} for {call} (call {shown}); record it "
                    "again from a live server with `credit record`"
                ).format(path=self.source, call=f"{model}.{method}", shown=shown)
            ) from None
        self.calls_served += 1
        return _as_json(response)
