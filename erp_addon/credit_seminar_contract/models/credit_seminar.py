from odoo import api, fields, models


class CreditSeminar(models.Model):
    """A seminar's contract cases: the contracts and disputes discussed (locked with the
    rest of the seminar once closed: the guard's ``__all__`` lock covers them)."""

    _inherit = "credit.seminar"

    contract_ids = fields.Many2many(
        "credit.contract",
        "credit_seminar_contract_rel",
        "seminar_id",
        "contract_id",
        string="Contract Cases",
        domain="[('company_id', '=', company_id)]",
    )
    dispute_ids = fields.Many2many(
        "credit.contract.dispute",
        "credit_seminar_dispute_rel",
        "seminar_id",
        "dispute_id",
        string="Dispute Cases",
        domain="[('company_id', '=', company_id)]",
    )

    @api.onchange("dispute_ids")
    def _onchange_dispute_ids(self):
        """A dispute discussed brings its contract and its counterparty among the cases."""
        for seminar in self:
            seminar.contract_ids |= seminar.dispute_ids.contract_id
            seminar.partner_ids |= seminar.dispute_ids.contract_id.partner_id
