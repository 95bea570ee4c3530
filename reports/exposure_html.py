"""The exposure report as one self-contained HTML page (inline CSS, no scripts).

A single file can be mailed or archived and opens anywhere. Jinja2 escapes every
value (autoescape), because customer names and codes come from user input.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from pathlib import Path

import jinja2

from ..connector.atomic import atomic_path
from ..connector.models import CompanyInfo, ExposureTotals, PartnerExposure
from .columns import check_state, html_details, html_groups
from .labels import DEFAULT_LANG, labels_for

TEMPLATE_NAME = "exposure.html.j2"


def format_money(value: float | None) -> str:
    """``1234.5`` → ``'1,234.50'`` (the layout both zh_CN and en readers expect)."""
    if value is None:
        return ""
    return f"{value:,.2f}"


def format_percent(value: float | None) -> str:
    """``0.875`` → ``'87.5%'``; empty when there is no limit to measure against."""
    if value is None:
        return ""
    return f"{value:.1%}"


def format_number(value: float | None) -> str:
    """A score with one decimal."""
    if value is None:
        return ""
    return f"{value:.1f}"


def make_environment() -> jinja2.Environment:
    """A Jinja2 environment over the package's templates, escaping by default."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader(__package__ or "reports", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["money"] = format_money
    env.filters["percent"] = format_percent
    env.filters["number"] = format_number
    return env


def render_exposure_html(
    company: CompanyInfo,
    partners: Sequence[PartnerExposure],
    today: dt.date,
    lang: str = DEFAULT_LANG,
    env: jinja2.Environment | None = None,
) -> str:
    """Return the HTML page as text."""
    template = (env or make_environment()).get_template(TEMPLATE_NAME)
    details = html_details(company)
    return template.render(
        labels=labels_for(lang),
        company=company,
        partners=list(partners),
        groups=html_groups(company),
        details_of=lambda partner: [c for c in details if c.value(partner)],
        totals=ExposureTotals.of(list(partners), today),
        today=today,
        check_state=check_state(company, labels_for(lang)),
    )


def write_exposure_html(
    path: str | os.PathLike[str],
    company: CompanyInfo,
    partners: Sequence[PartnerExposure],
    today: dt.date,
    lang: str = DEFAULT_LANG,
) -> Path:
    """Write the HTML report to ``path`` atomically and return the path."""
    target = Path(path)
    html = render_exposure_html(company, partners, today, lang)
    with atomic_path(target) as tmp:
        tmp.write_text(html, encoding="utf-8")
    return target
