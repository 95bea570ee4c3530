"""One call for a company's list as the server words it: early warnings, credit data for sales.

Why one place: each such list is a single ``execute_kw`` of ``model.method(company_id,
lang)`` whose errors the command must word the same way (the add-on missing, the add-on
older than the command, an answer it cannot read); ``credit pull`` records the same call.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..i18n import _
from .transport import (
    AddonMissing,
    ConnectorError,
    MissingMethodError,
    MissingModelError,
    Transport,
)


def fetch_listing(
    transport: Transport,
    call: tuple[str, str, str],
    missing: str,
    key: str,
    company_id: int | None,
    context: Mapping[str, Any] | None,
) -> dict[str, Any]:
    """The answer of ``call`` (model, method, add-on) for ``company_id`` (None: the user's
    current company), worded in the context's language; ``missing`` is the message when the
    add-on is not installed, ``key`` what every readable answer holds."""
    model, method, addon = call
    context = dict(context or {})
    try:
        answer = transport.execute_kw(
            model, method, [company_id or False, context.get("lang") or False], {"context": context}
        )
    except MissingModelError:
        raise AddonMissing(missing) from None
    except MissingMethodError:
        raise MissingMethodError(
            _(
                "Odoo has no {call}: its {addon} add-on is older than this command "
                "(update the add-on)"
            ).format(call=f"{model}.{method}", addon=addon)
        ) from None
    if not isinstance(answer, Mapping) or key not in answer:
        raise ConnectorError(
            _("Odoo's {method} gave an answer this command does not read").format(method=method)
        )
    return dict(answer)


def text(value: Any) -> str:
    """A server value as text: Odoo's False and None read as nothing."""
    return "" if value in (None, False) else str(value)
