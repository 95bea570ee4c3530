"""The early warnings and rescue cases: a workbook (a sheet of signals, one of cases) and
one self-contained HTML page, both from the server's figures (connector/warnings.py)."""

from __future__ import annotations

import os
from pathlib import Path

from ..connector.atomic import atomic_path
from ..connector.warnings import Warnings
from .exposure_html import make_environment
from .labels import DEFAULT_LANG, labels_for
from .tables_xlsx import Col, Table, write_tables

TEMPLATE_NAME = "warnings.html.j2"


def warnings_summary(data: Warnings, lang: str = DEFAULT_LANG) -> str:
    """The one-line summary (the command prints it, the HTML page shows it)."""
    return labels_for(lang)["warnings_summary"].format(
        company=data.company,
        customers=len(data.customers),
        severe=data.count("severe"),
        warning=data.count("warning"),
        watch=data.count("watch"),
        rescues=data.open_rescues,
    )


def write_warnings_xlsx(
    path: str | os.PathLike[str], data: Warnings, lang: str = DEFAULT_LANG
) -> Path:
    """One row per signal in force (the customer's level and score on each), then the
    rescue cases."""
    labels = labels_for(lang)
    subtitle = f"{data.company} · {data.date}"
    signals = Table(
        name=labels["w_signal"],
        title=labels["warnings_title"],
        subtitle=subtitle,
        columns=(
            Col(labels["w_customer"], "text", 30),
            Col(labels["w_level"], "text", 10),
            Col(labels["w_score"], "number", 10),
            Col(labels["w_analyst"], "text", 14),
            Col(labels["w_signal"], "text", 24),
            Col(labels["w_evidence"], "text", 70),
            Col(labels["w_weight"], "number", 8),
            Col(labels["w_since"], "text", 12),
        ),
        rows=[
            (c.name, c.level_label, c.score, c.analyst, s.type_label, s.evidence, s.weight, s.since)
            for c in data.customers
            for s in c.signals
        ],
        highlight=[c.level == "severe" for c in data.customers for _s in c.signals],
        empty_text=labels["w_none"],
    )
    cases = Table(
        name=labels["w_rescue"],
        title=labels["w_rescue"],
        subtitle=subtitle,
        columns=(
            Col(labels["w_rescue"], "text", 16),
            Col(labels["w_customer"], "text", 30),
            Col(labels["w_level"], "text", 10),
            Col(labels["w_state"], "text", 12),
            Col(labels["w_responsible"], "text", 14),
            Col(labels["w_opened"], "text", 12),
            Col(labels["w_todo"], "int", 10, summed=True),
            Col(labels["w_outcome"], "text", 12),
        ),
        rows=[
            (
                r.name,
                c.name,
                c.level_label,
                r.state_label,
                r.responsible,
                r.date_open,
                r.actions_todo,
                r.outcome_label,
            )
            for c in data.customers
            for r in c.rescues
        ],
        empty_text="—",
    )
    return write_tables(path, (signals, cases), labels["warnings_title"])


def render_warnings_html(data: Warnings, lang: str = DEFAULT_LANG) -> str:
    template = make_environment().get_template(TEMPLATE_NAME)
    return template.render(labels=labels_for(lang), data=data, summary=warnings_summary(data, lang))


def write_warnings_html(
    path: str | os.PathLike[str], data: Warnings, lang: str = DEFAULT_LANG
) -> Path:
    target = Path(path)
    html = render_warnings_html(data, lang)
    with atomic_path(target) as tmp:
        tmp.write_text(html, encoding="utf-8")
    return target
