from odoo import fields, models
from odoo.exceptions import UserError


class CreditCollectionCancelWizard(models.TransientModel):
    _name = "credit.collection.cancel.wizard"
    _description = "Cancel a Dunned Invoice"

    move_id = fields.Many2one("account.move", string="Invoice", required=True)
    reason = fields.Text(required=True)

    def action_cancel(self):
        self.ensure_one()
        move = self.move_id
        # the user must be allowed to cancel the invoice in the first place
        move.check_access("write")
        if not (self.reason or "").strip():
            raise UserError(self.env._("Record why the invoice is cancelled."))
        move.sudo().write({"collection_cancel_reason": self.reason})
        move.message_post(
            body=move.company_id._credit_env()._(
                "Cancelled after dunning. Reason: %(reason)s", reason=self.reason
            )
        )
        move.button_cancel()
        return {"type": "ir.actions.act_window_close"}
