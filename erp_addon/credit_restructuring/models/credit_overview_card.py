from odoo import fields, models
from odoo.tools import format_amount

RESTRUCTURING_CARDS = [("restructuring", "Debt Restructuring: Adherence")]


class CreditOverviewCard(models.Model):
    """The restructuring card of the credit manager's overview: the agreements in force
    with what is still due, and the instalments of every agreement by how they were paid
    (on time, late, missed), read from the adherence view as the reader sees it."""

    _inherit = "credit.overview.card"

    card_type = fields.Selection(
        selection_add=RESTRUCTURING_CARDS,
        ondelete={key: "cascade" for key, _label in RESTRUCTURING_CARDS},
    )

    def _domain_restructuring(self, company):
        return [("company_id", "=", company.id), ("state", "=", "active")]

    def _card_restructuring(self, company):
        domain = self._domain_restructuring(company)
        data = self._domain_card(
            "credit.restructuring",
            domain,
            "date desc, id desc",
            lambda a: (
                a.partner_id.display_name,
                self.env._(
                    "%(rate)s%% on time, %(open)s still due",
                    rate=round(a.adherence_rate),
                    open=format_amount(self.env, a.amount_open, company.currency_id),
                ),
            ),
        )
        Adherence = self.env["credit.restructuring.adherence"]
        if not data["count"] and not Adherence.has_access("read"):
            return data
        if Adherence.has_access("read"):
            groups = dict(
                (status, (count, amount))
                for status, count, amount in Adherence._read_group(
                    [("company_id", "=", company.id)], ["status"], ["__count", "amount:sum"]
                )
            )
            statuses = dict(Adherence._fields["status"]._description_selection(self.env))
            keys = ["on_time", "late", "missed", "due", "upcoming"]
            [(open_amount,)] = Adherence._read_group(
                [("company_id", "=", company.id), ("agreement_state", "=", "active")],
                [],
                ["amount_open:sum"],
            )
            data.update(
                amount=open_amount or 0.0,
                amount_label=self.env._("still due"),
                graph=self._chart(
                    "bar",
                    [statuses[key] for key in keys],
                    [
                        (
                            self.env._("Instalments"),
                            [groups.get(key, (0, 0.0))[0] for key in keys],
                        )
                    ],
                    self.env._("How the instalment was paid"),
                    self.env._("Instalments"),
                ),
            )
        return data

    def _open_restructuring(self, company):
        return self._action_for(
            "credit_restructuring.action_credit_restructuring",
            self._domain_restructuring(company),
        )
