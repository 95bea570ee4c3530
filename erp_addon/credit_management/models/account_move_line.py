from odoo import models


class AccountMoveLine(models.Model):
    _inherit = "account.move.line"

    def init(self):
        super().init()
        # open items per partner, summed by an index-only scan in the credit check
        self.env.cr.execute(
            """
            CREATE INDEX IF NOT EXISTS credit_aml_open_idx
                ON account_move_line (partner_id, account_id)
                INCLUDE (company_id, amount_residual, date_maturity)
             WHERE parent_state = 'posted' AND reconciled IS NOT TRUE
            """
        )
