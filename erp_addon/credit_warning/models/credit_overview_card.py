from odoo import fields, models

WARNING_CARDS = [
    ("warning_levels", "Early Warnings by Level"),
    ("rescue_open", "Open Rescue Cases"),
]


class CreditOverviewCard(models.Model):
    """The early warning's cards on the credit manager's overview: the customers in each
    warning level of the company, and the rescue cases in progress."""

    _inherit = "credit.overview.card"

    card_type = fields.Selection(
        selection_add=WARNING_CARDS,
        ondelete={key: "cascade" for key, _label in WARNING_CARDS},
    )

    def _domain_warning_levels(self, company):
        return [("credit_warning_level", "in", ("watch", "warning", "severe"))]

    def _domain_rescue_open(self, company):
        return [("company_id", "=", company.id), ("state", "in", ("draft", "open"))]

    def _card_warning_levels(self, company):
        Partner = self.env["res.partner"].with_company(company)
        if not Partner._fields["credit_warning_level"].is_accessible(self.env):
            return {"count": 0}
        counts = dict(
            Partner._read_group(
                self._domain_warning_levels(company), ["credit_warning_level"], ["__count"]
            )
        )
        labels = dict(Partner._fields["credit_warning_level"]._description_selection(self.env))
        shown = ("severe", "warning", "watch")
        top = Partner.search(
            self._domain_warning_levels(company),
            order="credit_warning_score desc, id",
            limit=5,
        )
        return {
            "count": sum(counts.values()),
            "lines": [
                {
                    "name": partner.display_name,
                    "value": labels.get(partner.credit_warning_level, ""),
                }
                for partner in top
            ],
            "graph": self._chart(
                "bar",
                [labels[level] for level in shown],
                [(self.env._("Customers"), [counts.get(level, 0) for level in shown])],
                self.env._("Warning level"),
                self.env._("Customers"),
            ),
        }

    def _card_rescue_open(self, company):
        return self._domain_card(
            "credit.rescue",
            self._domain_rescue_open(company),
            "id desc",
            lambda rescue: (
                rescue.partner_id.display_name,
                dict(rescue._fields["state"]._description_selection(self.env))[rescue.state],
            ),
        )

    def _open_warning_levels(self, company):
        return self.env["ir.actions.act_window"]._for_xml_id(
            "credit_warning.action_partner_credit_warning"
        )

    def _open_rescue_open(self, company):
        return self._action_for(
            "credit_warning.action_credit_rescue", self._domain_rescue_open(company)
        )
