from odoo import api, fields, models
from odoo.exceptions import UserError

DECIDABLE_MODELS = [
    ("credit.application", "Credit Application"),
    ("credit.exception", "Credit Exception"),
]


class CreditDecision(models.TransientModel):
    """Records why a credit application or exception is approved or refused."""

    _name = "credit.decision"
    _description = "Credit Decision"

    res_model = fields.Selection(DECIDABLE_MODELS, required=True)
    res_id = fields.Integer(required=True)
    decision = fields.Selection([("approve", "Approve"), ("refuse", "Refuse")], required=True)
    note = fields.Text(string="Reason", required=True)

    @api.model
    def _action_open(self, record, decision):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Approve") if decision == "approve" else self.env._("Refuse"),
            "res_model": self._name,
            "views": [(False, "form")],
            "target": "new",
            "context": {
                "default_res_model": record._name,
                "default_res_id": record.id,
                "default_decision": decision,
            },
        }

    def action_confirm(self):
        self.ensure_one()
        if not self.note or not self.note.strip():
            raise UserError(self.env._("Give the reason for the decision."))
        record = self.env[self.res_model].browse(self.res_id).exists()
        if not record:
            raise UserError(self.env._("The record no longer exists."))
        record._action_decide(self.decision, self.note.strip())
        return {"type": "ir.actions.act_window_close"}
