from odoo import models


class CreditExternalImport(models.Model):
    _inherit = "credit.external.import"

    def _external_after_apply(self, adverse):
        """A new adverse record is an early-warning signal at once: the customers'
        signals, level, history and notifications are refreshed in the apply's
        transaction (credit_warning's ``_warning_refresh``)."""
        res = super()._external_after_apply(adverse)
        if adverse:
            self.env["credit.warning.signal"].sudo()._warning_refresh(
                adverse.partner_id, company=self.company_id
            )
        return res
