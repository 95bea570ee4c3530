from dateutil.relativedelta import relativedelta

from odoo import fields, models
from odoo.tools import format_amount, format_date

from odoo.addons.credit_management.models.credit_overview_card import SOON_DAYS

GUARANTEE_CARDS = [("guarantee_cover", "Guarantees: Cover and Expiry")]


class CreditOverviewCard(models.Model):
    """The guarantees' card on the credit manager's overview: the cover in force today
    (after haircut, in the company's currency) by kind, and the guarantees ending within
    30 days; it opens the guarantees in force, as the reader sees them."""

    _inherit = "credit.overview.card"

    card_type = fields.Selection(
        selection_add=GUARANTEE_CARDS,
        ondelete={key: "cascade" for key, _label in GUARANTEE_CARDS},
    )

    def _domain_guarantee_cover(self, company):
        """The guarantees whose cover counts today."""
        today = fields.Date.context_today(self)
        return [
            ("company_id", "=", company.id),
            ("state", "in", ("active", "to_release")),
            ("date_start", "<=", today),
            ("date_end", ">", today),
        ]

    def _card_guarantee_cover(self, company):
        Guarantee = self.env["credit.guarantee"]
        if not Guarantee.has_access("read"):
            return {"count": 0}
        domain = self._domain_guarantee_cover(company)
        today = fields.Date.context_today(self)
        by_kind = dict(Guarantee._read_group(domain, ["kind"], ["cover_amount:sum"]))
        kinds = Guarantee._fields["kind"]._description_selection(self.env)
        ending = Guarantee.search(
            domain + [("date_end", "<=", today + relativedelta(days=SOON_DAYS))],
            order="date_end, id",
        )
        count = Guarantee.search_count(domain)
        return {
            "count": count,
            "amount": sum(by_kind.values()),
            "amount_label": self.env._("active cover"),
            "lines": [
                {
                    "name": self.env._(
                        "%(customer)s ends %(date)s",
                        customer=g.partner_id.name,
                        date=format_date(self.env, g.date_end),
                    ),
                    "value": format_amount(self.env, g.cover_amount, company.currency_id),
                }
                for g in ending[:5]
            ],
            "graph": self._chart(
                "bar",
                [label for _key, label in kinds],
                [
                    (
                        self.env._("Active cover"),
                        [round(by_kind.get(key, 0.0), 2) for key, _label in kinds],
                    )
                ],
                self.env._("Kind"),
                self._amount_axis(company),
            ),
        }

    def _open_guarantee_cover(self, company):
        return self._action_for(
            "credit_guarantee.action_credit_guarantee", self._domain_guarantee_cover(company)
        )
