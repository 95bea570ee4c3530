from odoo import models


class CreditRestructuring(models.Model):
    _inherit = "credit.restructuring"

    def _on_breach(self, instalment):
        """A restructuring breached is a signal at once: the debtor's warning recomputed
        now (credit.warning.signal._warning_refresh), not at night. The fact itself is the
        agreement's state and breach date, which the signal's SQL reads (so the daily
        warning run finds it too)."""
        res = super()._on_breach(instalment)
        self.env["credit.warning.signal"].sudo()._warning_refresh(
            self.partner_id, company=self.company_id, today=self.breach_date
        )
        return res
