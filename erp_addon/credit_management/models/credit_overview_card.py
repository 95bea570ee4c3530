import json

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.tools import format_amount, format_date

CARD_TYPES = [
    ("limit_usage", "Over or Near the Limit"),
    ("overdue", "Overdue Beyond Tolerance"),
    ("review_due", "Re-reviews Due"),
    ("application", "Applications Awaiting My Decision"),
    ("exception", "Exceptions Awaiting My Decision"),
    ("temporary_ending", "Temporary Limits Ending Soon"),
    ("warning_list", "Warning List: Latest Entries"),
]
# "near the limit": the usage from which a customer shows on the overview
NEAR_LIMIT_USAGE = 90.0
# how far ahead "ending soon" looks, and how far back "latest entries"
SOON_DAYS = 30
PREVIEW_LINES = 5
USAGE_BUCKETS = [(0, 50, "< 50%"), (50, 75, "50–75%"), (75, 90, "75–90%"), (90, 100, "90–100%")]
OVERDUE_BUCKETS = [(1, 30, "1–30"), (31, 60, "31–60"), (61, 90, "61–90"), (91, None, "> 90")]


class CreditOverviewCard(models.Model):
    """A card of the credit manager's overview (the Credit app's first screen).

    The cards are data; their figures are computed for the user and company that look,
    from the same SQL the credit check reads, and each card opens the list behind it.
    """

    _name = "credit.overview.card"
    _description = "Credit Overview Card"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    card_type = fields.Selection(CARD_TYPES, required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    color = fields.Integer()
    company_id = fields.Many2one(
        "res.company", help="Leave empty to show the card in every company."
    )
    currency_id = fields.Many2one("res.currency", compute="_compute_card")
    card_count = fields.Integer(string="Count", compute="_compute_card")
    card_amount = fields.Monetary(string="Amount", compute="_compute_card")
    card_amount_label = fields.Char(compute="_compute_card")
    card_lines = fields.Text(compute="_compute_card", help="JSON: the first items, for the card.")
    card_graph = fields.Text(compute="_compute_card", help="JSON of the chart.")

    @api.depends_context("uid", "company", "lang")
    def _compute_card(self):
        company = self.env.company
        # every card's figures first, then the fields: a card may clear the cache while it
        # reads (the ageing as at another day), which must not drop the figures assigned
        figures = [(card, getattr(card, f"_card_{card.card_type}")(company)) for card in self]
        for card, data in figures:
            card.currency_id = company.currency_id
            card.card_count = data["count"]
            card.card_amount = data.get("amount", 0.0)
            card.card_amount_label = data.get("amount_label", False)
            card.card_lines = json.dumps(data.get("lines", []))
            card.card_graph = json.dumps(data["graph"]) if data.get("graph") else False

    # ------------------------------------------------------------ figures per card
    def _format_amount(self, amount, company):
        return format_amount(self.env, amount, company.currency_id)

    def _chart(self, kind, labels, datasets, x_title, y_title):
        """JSON of a chart for the ``credit_overview_graph`` widget: ``kind`` "bar" or
        "line", ``labels`` along the x axis, ``datasets`` ``[(legend, [values])]`` (one
        series each, shown in the legend), and both axes' titles."""
        return {
            "type": kind,
            "labels": list(labels),
            "datasets": [{"label": label, "data": list(values)} for label, values in datasets],
            "x_title": x_title,
            "y_title": y_title,
        }

    def _amount_axis(self, company):
        """The title of an axis of amounts: in the company's currency."""
        return self.env._("Amount (%(currency)s)", currency=company.currency_id.name)

    def _action_for(self, xmlid, domain=None, context=None):
        """The window action ``xmlid`` showing the records of ``domain`` (the card's own
        domain: the list shows what the card counts)."""
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        if domain is not None:
            action["domain"] = domain
        action["context"] = dict(context or {})
        return action

    def _domain_card(self, model, domain, order, line, amount_field=None, amount_label=False):
        """The figures of a card that counts the records of ``domain`` the reader may see:
        one count, one sum (``amount_field``, in company currency) and the first lines
        (``line(record) -> (name, value)``), none if the reader may not read ``model``."""
        Model = self.env[model]
        if not Model.has_access("read"):
            return {"count": 0}
        count = Model.search_count(domain)
        data = {
            "count": count,
            "lines": [
                dict(zip(("name", "value"), line(rec), strict=True))
                for rec in Model.search(domain, order=order, limit=PREVIEW_LINES)
            ],
        }
        if amount_field:
            [(total,)] = Model._read_group(domain, [], [f"{amount_field}:sum"])
            data.update(amount=total or 0.0, amount_label=amount_label)
        return data

    def _card_limit_usage(self, company):
        Partner = self.env["res.partner"]
        figures = Partner._credit_limited_figures(company)
        usage = {pid: Partner._credit_usage_of(fig) for pid, fig in figures.items()}
        near = sorted(
            (pid for pid, value in usage.items() if value >= NEAR_LIMIT_USAGE),
            key=lambda pid: -usage[pid],
        )
        names = dict(Partner.sudo().browse(near[:PREVIEW_LINES]).mapped(lambda p: (p.id, p.name)))
        counts = [0] * (len(USAGE_BUCKETS) + 1)
        for value in usage.values():
            index = next(
                (i for i, (low, high, _label) in enumerate(USAGE_BUCKETS) if low <= value < high),
                len(USAGE_BUCKETS),
            )
            counts[index] += 1
        labels = [label for _low, _high, label in USAGE_BUCKETS] + ["≥ 100%"]
        return {
            "count": len(near),
            "amount": sum(
                max(figures[pid]["exposure"] - figures[pid]["limit"], 0.0) for pid in near
            ),
            "amount_label": self.env._("over their limits"),
            "lines": [
                {"name": names[pid], "value": f"{usage[pid]:.0f}%"} for pid in near[:PREVIEW_LINES]
            ],
            "graph": self._chart(
                "bar",
                labels,
                [(self.env._("Customers"), counts)],
                self.env._("Credit usage (exposure / limit)"),
                self.env._("Customers"),
            ),
        }

    def _card_overdue(self, company):
        Partner = self.env["res.partner"]
        tolerance = company._credit_settings()["credit_overdue_tolerance"]
        figures = Partner._credit_overdue_figures(company)
        over = sorted(
            (pid for pid, fig in figures.items() if fig["overdue"] > tolerance),
            key=lambda pid: -figures[pid]["overdue"],
        )
        names = dict(Partner.sudo().browse(over[:PREVIEW_LINES]).mapped(lambda p: (p.id, p.name)))
        # overdue by days late, from the exposure report's lines (same cutoff as the check)
        rows = (
            self.env["credit.exposure.line"]
            .sudo()
            ._read_group(
                [
                    ("company_id", "=", company.id),
                    ("exposure_type", "=", "receivable"),
                    ("days_overdue", ">", 0),
                ],
                ["days_overdue"],
                ["overdue_amount:sum"],
            )
        )
        totals = [0.0] * len(OVERDUE_BUCKETS)
        for days, amount in rows:
            for i, (low, high, _label) in enumerate(OVERDUE_BUCKETS):
                if days >= low and (high is None or days <= high):
                    totals[i] += amount
        return {
            "count": len(over),
            "amount": sum(figures[pid]["overdue"] for pid in over),
            "amount_label": self.env._("overdue"),
            "lines": [
                {
                    "name": names[pid],
                    "value": self._format_amount(figures[pid]["overdue"], company),
                }
                for pid in over[:PREVIEW_LINES]
            ],
            "graph": self._chart(
                "bar",
                [label for _low, _high, label in OVERDUE_BUCKETS],
                [(self.env._("Overdue"), [round(total, 2) for total in totals])],
                self.env._("Days overdue"),
                self._amount_axis(company),
            ),
        }

    def _card_review_due(self, company):
        partners = (
            self.env["res.partner"]
            .with_company(company)
            .search(self._review_due_domain(), order="credit_next_review_date, id")
        )
        return {
            "count": len(partners),
            "lines": [
                {"name": p.name, "value": format_date(self.env, p.credit_next_review_date)}
                for p in partners[:PREVIEW_LINES]
            ],
        }

    def _review_due_domain(self):
        return [
            ("parent_id", "=", False),
            ("credit_next_review_date", "<=", fields.Date.context_today(self)),
        ]

    def _card_application(self, company):
        Application = self.env["credit.application"]
        if not Application.has_access("read"):
            return {"count": 0}
        apps = Application.search(
            [("company_id", "=", company.id), ("awaiting_my_decision", "=", True)],
            order="create_date, id",
        )
        return {
            "count": len(apps),
            "amount": sum(apps.mapped("requested_limit")),
            "amount_label": self.env._("requested"),
            "lines": [
                {
                    "name": f"{a.name} {a.partner_id.name}",
                    "value": self._format_amount(a.requested_limit, company),
                }
                for a in apps[:PREVIEW_LINES]
            ],
        }

    def _card_exception(self, company):
        Exception_ = self.env["credit.exception"]
        if not Exception_.has_access("read"):
            return {"count": 0}
        excs = Exception_.search(
            [("company_id", "=", company.id), ("awaiting_my_decision", "=", True)],
            order="create_date, id",
        )
        return {
            "count": len(excs),
            "amount": sum(excs.mapped("amount")),
            "amount_label": self.env._("requested"),
            "lines": [
                {"name": e.document_name or e.name, "value": e.partner_id.name}
                for e in excs[:PREVIEW_LINES]
            ],
        }

    def _card_temporary_ending(self, company):
        Application = self.env["credit.application"]
        if not Application.has_access("read"):
            return {"count": 0}
        apps = Application.search(self._temporary_ending_domain(company), order="expiry_date, id")
        return {
            "count": len(apps),
            "amount": sum(apps.mapped("requested_limit")),
            "amount_label": self.env._("in temporary limits"),
            "lines": [
                {"name": a.partner_id.name, "value": format_date(self.env, a.expiry_date)}
                for a in apps[:PREVIEW_LINES]
            ],
        }

    def _temporary_ending_domain(self, company):
        today = fields.Date.context_today(self)
        return [
            ("company_id", "=", company.id),
            ("state", "=", "approved"),
            ("application_type", "=", "temporary"),
            ("expiry_date", ">=", today),
            ("expiry_date", "<=", today + relativedelta(days=SOON_DAYS)),
        ]

    def _card_warning_list(self, company):
        Entry = self.env["credit.warning.entry"]
        if not Entry.has_access("read"):
            return {"count": 0}
        today = fields.Date.context_today(self)
        entries = Entry.search(
            [("company_id", "in", [False, company.id]), ("listed_date", "<=", today)],
            order="listed_date desc, id desc",
        )
        since = today - relativedelta(days=SOON_DAYS)
        return {
            "count": len(entries.filtered(lambda e: e.listed_date >= since)),
            "amount_label": False,
            "lines": [
                {"name": e.display_name, "value": format_date(self.env, e.listed_date)}
                for e in entries[:PREVIEW_LINES]
            ],
        }

    # ------------------------------------------------------------ opening a card
    def action_open(self):
        """The list behind the card, filtered as the card counts."""
        self.ensure_one()
        company = self.env.company
        return getattr(self, f"_open_{self.card_type}")(company)

    def _partner_action(self, search_default):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "credit_management.action_partner_credit"
        )
        action["context"] = {search_default: 1}
        return action

    def _open_limit_usage(self, company):
        return self._partner_action("search_default_near_limit")

    def _open_overdue(self, company):
        return self._partner_action("search_default_overdue_beyond_tolerance")

    def _open_review_due(self, company):
        return self._partner_action("search_default_review_due")

    def _open_application(self, company):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "credit_management.action_credit_application"
        )
        action["context"] = {"search_default_awaiting_my_decision": 1}
        return action

    def _open_temporary_ending(self, company):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "credit_management.action_credit_application"
        )
        action["context"] = {"search_default_temporary_ending": 1}
        return action

    def _open_exception(self, company):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "credit_management.action_credit_exception"
        )
        action["context"] = {"search_default_awaiting_my_decision": 1}
        return action

    def _open_warning_list(self, company):
        return self.env["ir.actions.act_window"]._for_xml_id(
            "credit_management.action_credit_warning_entry"
        )
