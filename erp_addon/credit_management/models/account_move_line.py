from odoo import models


class AccountMoveLine(models.Model):
    _inherit = "account.move.line"

    def _credit_rebuild_receivable_balance(self):
        """Recount the kept receivable balances (sql/credit_receivable_balance.sql)."""
        self.env.flush_all()
        self.env.cr.execute("SELECT credit_receivable_balance_rebuild()")

    def _credit_compact_receivable_balance(self):
        """Fold the kept balance's change rows into one per partner."""
        self.env.cr.execute("SELECT credit_receivable_balance_compact()")
