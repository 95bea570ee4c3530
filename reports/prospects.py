"""Credit data for sales: the ranking as a workbook (the ranking, then its rules) and one
self-contained HTML page, both from the server's figures (connector/prospects.py)."""

from __future__ import annotations

import os
from pathlib import Path

from ..connector.atomic import atomic_path
from ..connector.prospects import Prospects
from .exposure_html import make_environment
from .labels import DEFAULT_LANG, labels_for
from .tables_xlsx import Col, Table, write_tables

TEMPLATE_NAME = "prospects.html.j2"


def prospects_summary(data: Prospects, lang: str = DEFAULT_LANG) -> str:
    """The one-line summary (the command prints it, the HTML page shows it)."""
    return labels_for(lang)["prospects_summary"].format(
        company=data.company,
        customers=len(data.rows),
        prospects=data.prospects,
        good=data.good_payers,
        proposals=data.proposals,
    )


def settings_rows(data: Prospects, lang: str = DEFAULT_LANG) -> list[tuple[str, float | str]]:
    """The company's weights and good payers' rule, as the server read them."""
    labels = labels_for(lang)
    rows: list[tuple[str, float | str]] = [
        (labels[f"p_w_{key}"], data.weights.get(key, 0.0))
        for key in ("grade", "on_time", "days_late", "available", "growth")
    ]
    rows += [
        (labels["p_r_days"], data.rule.get("max_days_late", 0.0)),
        (labels["p_r_on_time"], data.rule.get("min_on_time", 0.0)),
        (labels["p_r_raise"], data.rule.get("raise_percent", 0.0)),
        (labels["p_guarantees"], "✓" if data.guarantees else "—"),
    ]
    return rows


def write_prospects_xlsx(
    path: str | os.PathLike[str], data: Prospects, lang: str = DEFAULT_LANG
) -> Path:
    """One row per customer in the server's order; rows with anything overdue or on the
    warning list highlighted; the guarantee cover column only when the server counts it."""
    labels = labels_for(lang)
    subtitle = f"{data.company} · {data.date} · {data.currency}"
    columns = [
        Col(labels["p_rank"], "int", 6),
        Col(labels["p_customer"], "text", 30),
        Col(labels["p_ref"], "text", 10),
        Col(labels["p_kind"], "text", 8),
        Col(labels["p_salesperson"], "text", 12),
        Col(labels["p_score"], "number", 10),
        Col(labels["p_grade"], "text", 10),
        Col(labels["p_policy"], "text", 12),
        Col(labels["p_days_late"], "number", 10),
        Col(labels["p_on_time"], "number", 10),
        Col(labels["p_limit"], "money", 14, summed=True),
    ]
    if data.guarantees:
        columns.append(Col(labels["p_cover"], "money", 14, summed=True))
    columns += [
        Col(labels["p_exposure"], "money", 14, summed=True),
        Col(labels["p_overdue"], "money", 14, summed=True),
        Col(labels["p_available"], "money", 14, summed=True),
        Col(labels["p_sales"], "money", 14, summed=True),
        Col(labels["p_sales_prev"], "money", 14, summed=True),
        Col(labels["p_growth"], "number", 10),
        Col(labels["p_good"], "flag", 8),
        Col(labels["p_proposed"], "money", 14),
        Col(labels["p_warning_list"], "flag", 8),
    ]
    rows = []
    for r in data.rows:
        row = [
            r.rank,
            r.name,
            r.ref,
            r.kind_label,
            r.salesperson,
            r.score,
            r.grade,
            r.policy_label,
            r.avg_days_late,
            r.on_time_share,
            r.credit_limit,
        ]
        if data.guarantees:
            row.append(r.guarantee_cover)
        row += [
            r.exposure,
            r.overdue,
            r.available,
            r.sales_12m,
            r.sales_prev_12m,
            r.sales_growth,
            r.good_payer,
            r.proposed_limit if r.can_propose else None,
            r.on_warning_list,
        ]
        rows.append(tuple(row))
    ranking = Table(
        name=labels["p_score"],
        title=labels["prospects_title"],
        subtitle=subtitle,
        columns=columns,
        rows=rows,
        highlight=[bool(r.overdue) or r.on_warning_list for r in data.rows],
        empty_text=labels["p_none"],
    )
    rules = Table(
        name=labels["p_settings"],
        title=labels["p_settings"],
        subtitle=subtitle,
        columns=(Col(labels["p_setting"], "text", 40), Col(labels["p_value"], "text", 12)),
        rows=[(name, str(value)) for name, value in settings_rows(data, lang)],
    )
    return write_tables(path, (ranking, rules), labels["prospects_title"])


def render_prospects_html(data: Prospects, lang: str = DEFAULT_LANG) -> str:
    template = make_environment().get_template(TEMPLATE_NAME)
    return template.render(
        labels=labels_for(lang),
        data=data,
        summary=prospects_summary(data, lang),
        settings=settings_rows(data, lang),
    )


def write_prospects_html(
    path: str | os.PathLike[str], data: Prospects, lang: str = DEFAULT_LANG
) -> Path:
    target = Path(path)
    html = render_prospects_html(data, lang)
    with atomic_path(target) as tmp:
        tmp.write_text(html, encoding="utf-8")
    return target
