from odoo import api, fields, models
from odoo.exceptions import UserError


class CreditCollectionEscalateWizard(models.TransientModel):
    """Escalating an invoice by hand while its customer's promise to pay is open breaks the
    promise: the collector says why, or leaves the invoice where it is."""

    _name = "credit.collection.escalate.wizard"
    _description = "Escalate and Break a Promise to Pay"

    move_id = fields.Many2one("account.move", string="Invoice", required=True, readonly=True)
    promise_id = fields.Many2one(
        "credit.collection.promise", compute="_compute_promise_id", string="Open Promise"
    )
    reason = fields.Text(string="Why the Promise Is Broken", required=True)

    @api.depends("move_id")
    def _compute_promise_id(self):
        for wizard in self:
            wizard.promise_id = (
                wizard.move_id.collection_promise_ids.filtered(lambda p: p.state == "open")[:1]
                if wizard.move_id
                else False
            )

    def action_confirm(self):
        self.ensure_one()
        if not (self.reason or "").strip():
            raise UserError(self.env._("Say why the promise to pay is broken."))
        self.move_id._collection_escalate(reason=self.reason)
        return {"type": "ir.actions.act_window_close"}
