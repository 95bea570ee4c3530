from odoo import fields, models
from odoo.exceptions import UserError


class CreditCollectionDisputeAssignWizard(models.TransientModel):
    """A credit manager assigns a dispute, or its owner hands it over, saying why."""

    _name = "credit.collection.dispute.assign.wizard"
    _description = "Assign a Dispute"

    dispute_id = fields.Many2one("credit.collection.dispute", required=True, readonly=True)
    owner_id = fields.Many2one(related="dispute_id.owner_id", string="Current Owner")
    user_id = fields.Many2one(
        "res.users",
        string="New Owner",
        required=True,
        domain=lambda self: [
            ("groups_id", "in", self.env.ref("credit_management.group_credit_collector").id)
        ],
    )
    note = fields.Text(string="Why", required=True)

    def action_confirm(self):
        self.ensure_one()
        if not (self.note or "").strip():
            raise UserError(self.env._("Say why the dispute changes owner."))
        self.dispute_id._assign(self.user_id, self.note.strip())
        return {"type": "ir.actions.act_window_close"}
