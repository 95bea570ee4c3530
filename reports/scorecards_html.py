"""The year's scorecards as a printable page (A4 landscape), one card per administrator.

The same content as the workbook's person sheets: each item's points and score, where
the score came from (computed, entered, not measurable with the reason, hand-scored
with the assessor's evidence), the total, the server's tier, penalty, failures and bonus
withheld, and the lists' status (a draft is marked as such, never as approved).
"""

from __future__ import annotations

import os
from pathlib import Path

from ..connector.appraisal import AppraisalYear
from ..connector.atomic import atomic_path
from .appraisal_labels import (
    both,
    en,
    line_evidence,
    list_status_label,
    list_status_who,
    penalty_label,
    tier_label,
    zh,
)
from .exposure_html import make_environment

TEMPLATE_NAME = "scorecards.html.j2"


def render_scorecards_html(data: AppraisalYear) -> str:
    """The printable page as text."""
    env = make_environment()
    who, when = list_status_who(data.lists)
    return env.get_template(TEMPLATE_NAME).render(
        data=data,
        zh=zh,
        en=en,
        both=both,
        tier_label=tier_label,
        penalty_label=penalty_label,
        evidence=line_evidence,
        list_status=list_status_label(data.lists, " / "),
        list_who=f"{who} {when}".strip(),
    )


def write_scorecards_html(path: str | os.PathLike[str], data: AppraisalYear) -> Path:
    """Write the page atomically and return its path."""
    target = Path(path)
    html = render_scorecards_html(data)
    with atomic_path(target) as tmp:
        tmp.write_text(html, encoding="utf-8")
    return target
