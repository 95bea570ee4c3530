from odoo import api, models


class CreditContractDispute(models.Model):
    _inherit = "credit.contract.dispute"

    @api.model_create_multi
    def create(self, vals_list):
        """A dispute opened is a signal at once: the counterparty's warning recomputed now
        (credit.warning.signal._warning_refresh), not at night."""
        disputes = super().create(vals_list)
        Signal = self.env["credit.warning.signal"].sudo()
        for company in disputes.company_id:
            partners = disputes.filtered(
                lambda d, c=company: d.company_id == c
            ).contract_id.partner_id
            Signal._warning_refresh(partners, company=company)
        return disputes
