"""Where the connection settings come from: options, then environment, then a config file.

The config file is TOML, by default ``$XDG_CONFIG_HOME/credit/credit.toml``
(``~/.config/credit/credit.toml``), or the file named by ``--config`` or
``CREDIT_CONFIG``::

    url = "https://odoo.example.com"
    db = "production"
    user = "credit.manager@example.com"
    api_key = "..."        # or: password = "..."
    timeout = 60

An API key is accepted wherever a password is (Odoo treats them alike over RPC).
Secrets are never printed: :class:`Settings` hides them from ``repr``.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..i18n import _, os_reason
from .transport import SettingsError

ENV = {
    "url": "CREDIT_ODOO_URL",
    "db": "CREDIT_ODOO_DB",
    "user": "CREDIT_ODOO_USER",
    "password": "CREDIT_ODOO_PASSWORD",
    "api_key": "CREDIT_ODOO_API_KEY",
    "timeout": "CREDIT_ODOO_TIMEOUT",
    "config": "CREDIT_CONFIG",
}
CONFIG_KEYS = {"url", "db", "user", "password", "api_key", "timeout"}
DEFAULT_TIMEOUT = 120.0


def default_config_path() -> Path:
    """``$XDG_CONFIG_HOME/credit/credit.toml``, else ``~/.config/credit/credit.toml``."""
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "credit" / "credit.toml"


def load_config(path: Path | None, explicit: bool) -> dict[str, Any]:
    """The config file's settings; a missing default file is simply no settings."""
    path = path or default_config_path()
    if not path.exists():
        if explicit:
            raise SettingsError(_("config file {path} does not exist").format(path=path))
        return {}
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except OSError as exc:
        raise SettingsError(
            _("cannot read config file {path}: {reason}").format(path=path, reason=os_reason(exc))
        ) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise SettingsError(
            _("config file {path} is not valid TOML: {reason}").format(path=path, reason=exc)
        ) from None
    section = data.get("odoo", data)
    if not isinstance(section, dict):
        raise SettingsError(_("config file {path}: [odoo] must be a table").format(path=path))
    unknown = sorted(set(section) - CONFIG_KEYS - {"odoo"})
    if unknown:
        raise SettingsError(
            _("config file {path}: unknown setting(s) {unknown} (known: {known})").format(
                path=path, unknown=", ".join(unknown), known=", ".join(sorted(CONFIG_KEYS))
            )
        )
    return {k: v for k, v in section.items() if k in CONFIG_KEYS}


@dataclass(frozen=True)
class Settings:
    """A resolved connection; ``secret`` is a password or an API key."""

    url: str
    db: str
    user: str
    secret: str = field(repr=False)
    timeout: float = DEFAULT_TIMEOUT


def resolve(
    given: Mapping[str, Any], config: Mapping[str, Any]
) -> tuple[dict[str, Any], list[str]]:
    """Merge option/environment values (``given``) over the config file's.

    Returns the merged values and the names still missing (secret counted once).
    """
    merged: dict[str, Any] = {}
    for key in ("url", "db", "user", "timeout"):
        value = given.get(key)
        merged[key] = value if value not in (None, "") else config.get(key)
    secret = given.get("password") or given.get("api_key")
    if not secret:
        secret = config.get("password") or config.get("api_key")
    merged["secret"] = secret
    missing = [k for k in ("url", "db", "user") if not merged[k]]
    if not secret:
        missing.append("password")
    return merged, missing


def parse_timeout(value: Any) -> float:
    """Seconds, positive; a clear error otherwise."""
    if value in (None, ""):
        return DEFAULT_TIMEOUT
    try:
        seconds = float(value)
    except (TypeError, ValueError):
        raise SettingsError(
            _("invalid timeout {value!r}: give a number of seconds").format(value=value)
        ) from None
    if seconds <= 0:
        raise SettingsError(
            _("invalid timeout {value!r}: give a positive number of seconds").format(value=value)
        )
    return seconds
