"""The award list and the disqualification list, for the legal representative.

The XLSX has one sheet per list; the HTML page prints on A4 landscape with the
signature lines of the assessing department's head and the legal representative. Who is
on each list, and the lists' status (draft, submitted, approved: by whom, when), are the
server's; a list that is not approved says so on every page and sheet.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..connector.appraisal import AWARD_TIERS, AppraisalYear, Scorecard
from ..connector.atomic import atomic_path
from .appraisal_labels import (
    PAIRS,
    both,
    en,
    list_status_label,
    list_status_who,
    penalty_label,
    tier_label,
    zh,
)
from .exposure_html import make_environment
from .workbook import open_workbook, sheet_name

TEMPLATE_NAME = "awards.html.j2"


def award_list(data: AppraisalYear) -> list[Scorecard]:
    """The server's award list: by tier (advanced first), then total, then name."""
    order = {tier: index for index, tier in enumerate(AWARD_TIERS)}
    return sorted(
        (card for card in data.scorecards if card.awarded),
        key=lambda c: (order.get(c.tier, len(order)), -c.total, c.name),
    )


def disqualification_list(data: AppraisalYear) -> list[Scorecard]:
    """The server's disqualification list, by name."""
    return sorted((c for c in data.scorecards if c.disqualified), key=lambda c: c.name)


def disqualification_reason(card: Scorecard, sep: str = " ") -> str:
    """Why: unlawful use of contracts, or the failure number."""
    if card.misuse:
        return both("reason_misuse", sep)
    zh_text, en_text = PAIRS["reason_failures"]
    return f"{zh_text.format(n=card.failure_number)}{sep}{en_text.format(n=card.failure_number)}"


AWARD_COLUMNS = (("rank", 8), ("name", 22), ("total", 10), ("tier", 18))
DISQ_COLUMNS = (("rank", 8), ("name", 22), ("total", 10), ("failures", 12), ("reason", 40))


def write_awards_xlsx(path: str | os.PathLike[str], data: AppraisalYear) -> Path:
    """Both lists in one workbook, written atomically."""
    target = Path(path)
    with open_workbook(target) as workbook:
        base = {"font_name": "Arial", "font_size": 10}
        title = workbook.add_format({**base, "bold": True, "font_size": 14})
        header = workbook.add_format(
            {
                **base,
                "bold": True,
                "text_wrap": True,
                "align": "center",
                "bg_color": "#DDEBF7",
                "border": 1,
            }
        )
        text = workbook.add_format(base)
        flag = workbook.add_format({**base, "bold": True, "font_color": "#9C0006"})
        number = workbook.add_format({**base, "num_format": "0.0"})
        integer = workbook.add_format({**base, "num_format": "0"})
        taken: set[str] = set()
        for key, columns, cards in (
            ("award", AWARD_COLUMNS, award_list(data)),
            ("disq", DISQ_COLUMNS, disqualification_list(data)),
        ):
            sheet = workbook.add_worksheet(sheet_name(both(f"{key}_sheet", " "), taken))
            draft = "" if data.lists.approved else f" ({both('list_draft', ' ')})"
            sheet.write_string(0, 0, f"{data.year} {both(f'{key}_title', ' ')}{draft}", title)
            sheet.write_string(1, 0, both("company", " "), text)
            sheet.write_string(1, 1, data.company, text)
            sheet.write_string(2, 0, status_line(data), text if data.lists.approved else flag)
            sheet.set_row(3, 30)
            for col, (label, width) in enumerate(columns):
                sheet.set_column(col, col, width)
                sheet.write_string(3, col, both(label), header)
            for rank, card in enumerate(cards, start=1):
                row = 3 + rank
                sheet.write_number(row, 0, rank, integer)
                sheet.write_string(row, 1, card.name, text)
                sheet.write_number(row, 2, card.total, number)
                if key == "award":
                    sheet.write_string(row, 3, tier_label(card.tier), text)
                else:
                    sheet.write_number(row, 3, card.failure_number, integer)
                    sheet.write_string(row, 4, disqualification_reason(card), text)
            row = 3 + len(cards) + 2
            if not cards:
                sheet.write_string(4, 0, both("none", " "), text)
                row = 6
            sheet.write_string(
                row,
                0,
                f"{both('assessor_sign', ' ')}: ____________  {both('date', ' ')}: ________",
                text,
            )
            sheet.write_string(
                row + 2,
                0,
                f"{both('legal_rep_sign', ' ')}: ____________  {both('date', ' ')}: ________",
                text,
            )
            sheet.set_landscape()
            sheet.set_paper(9)
            sheet.fit_to_pages(1, 0)
    return target


def render_awards_html(data: AppraisalYear) -> str:
    """The printable page as text."""
    env = make_environment()
    template = env.get_template(TEMPLATE_NAME)
    return template.render(
        data=data,
        awards=award_list(data),
        disqualified=disqualification_list(data),
        zh=zh,
        en=en,
        tier_label=tier_label,
        penalty_label=penalty_label,
        reason=disqualification_reason,
        status=status_line(data, " / "),
    )


def write_awards_html(path: str | os.PathLike[str], data: AppraisalYear) -> Path:
    """Write the page atomically and return its path."""
    target = Path(path)
    html = render_awards_html(data)
    with atomic_path(target) as tmp:
        tmp.write_text(html, encoding="utf-8")
    return target


def status_line(data: AppraisalYear, sep: str = " ") -> str:
    """'名单状态 Status of the lists: <status> <by whom> <when>'; a draft says it is one."""
    who, when = list_status_who(data.lists)
    text = f"{both('list_status', sep)}: {list_status_label(data.lists, sep)}"
    if who or when:
        text += f" ({who} {when})".replace("( ", "(").replace(" )", ")")
    if not data.lists.approved:
        text += f" — {both('draft_mark', sep)}"
    return text
