from odoo import models


class AccountAccount(models.Model):
    _inherit = "account.account"

    def write(self, vals):
        res = super().write(vals)
        if "account_type" in vals:
            # receivable balances depend on which accounts are receivable
            self.env["account.move.line"]._credit_rebuild_receivable_balance()
        return res
