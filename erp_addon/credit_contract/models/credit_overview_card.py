from odoo import fields, models
from odoo.tools import format_date

from odoo.addons.credit_management.tools.reminders import due_domain

CONTRACT_CARDS = [
    ("contract_review", "Contracts Awaiting Review or Signature"),
    ("contract_followup", "Contract Follow-ups Overdue"),
    ("contract_seal", "Contract Seals in Use"),
    ("contract_poa", "Powers of Attorney Expiring"),
]


class CreditOverviewCard(models.Model):
    """The contracts' cards on the credit manager's overview: each counts the records of
    a domain as the reader (record rules apply) and opens the list of that domain."""

    _inherit = "credit.overview.card"

    card_type = fields.Selection(
        selection_add=CONTRACT_CARDS,
        ondelete={key: "cascade" for key, _label in CONTRACT_CARDS},
    )

    # ------------------------------------------------------------ domains
    def _domain_contract_review(self, company):
        return [("company_id", "=", company.id), ("state", "in", ("review", "approved"))]

    def _domain_contract_followup(self, company):
        return [("company_id", "=", company.id), ("followup_overdue", "=", True)]

    def _domain_contract_seal(self, company):
        return [("company_id", "=", company.id), ("active", "=", True)]

    def _domain_contract_poa(self, company):
        today = fields.Date.context_today(self)
        return [("company_id", "=", company.id), ("state", "=", "valid")] + due_domain(
            "date_to", today, company.credit_contract_poa_expiry_days
        )

    # ------------------------------------------------------------ figures
    def _card_contract_review(self, company):
        states = dict(self.env["credit.contract"]._fields["state"]._description_selection(self.env))
        return self._domain_card(
            "credit.contract",
            self._domain_contract_review(company),
            "state desc, id",
            lambda c: (c.display_name, states[c.state]),
            amount_field="amount_company",
            amount_label=self.env._("under contract"),
        )

    def _card_contract_followup(self, company):
        return self._domain_card(
            "credit.contract",
            self._domain_contract_followup(company),
            "next_followup_date, id",
            lambda c: (c.display_name, format_date(self.env, c.next_followup_date)),
            amount_field="amount_company",
            amount_label=self.env._("under contract"),
        )

    def _card_contract_seal(self, company):
        domain = self._domain_contract_seal(company)
        data = self._domain_card(
            "credit.contract.seal", domain, "name, id", lambda s: (s.name, s.custodian_id.name)
        )
        Use = self.env["credit.contract.seal.use"]
        if data["count"] and Use.has_access("read"):
            today = fields.Date.context_today(self)
            [(uses,)] = Use._read_group(
                [("company_id", "=", company.id), ("date", ">=", today.replace(day=1))],
                [],
                ["__count"],
            )
            data["amount_label"] = False
            data["lines"].append({"name": self.env._("Uses this month"), "value": str(uses)})
        return data

    def _card_contract_poa(self, company):
        return self._domain_card(
            "credit.power.attorney",
            self._domain_contract_poa(company),
            "date_to, id",
            lambda p: (f"{p.name} {p.employee_id.name}", format_date(self.env, p.date_to)),
        )

    # ------------------------------------------------------------ opening
    def _open_contract_review(self, company):
        return self._action_for(
            "credit_contract.action_credit_contract", self._domain_contract_review(company)
        )

    def _open_contract_followup(self, company):
        return self._action_for(
            "credit_contract.action_credit_contract", self._domain_contract_followup(company)
        )

    def _open_contract_seal(self, company):
        return self._action_for(
            "credit_contract.action_credit_contract_seal", self._domain_contract_seal(company)
        )

    def _open_contract_poa(self, company):
        return self._action_for(
            "credit_contract.action_credit_power_attorney", self._domain_contract_poa(company)
        )
