from odoo import api, fields, models

TARGETS = {
    "override": "credit.contract",
    "invalid": "credit.contract",
    "revoke": "credit.power.attorney",
    "custody": "credit.contract.seal",
}


class CreditContractReasonWizard(models.TransientModel):
    """Asks the reason of a recorded decision: override, invalid contract, revocation, handover."""

    _name = "credit.contract.reason.wizard"
    _description = "Contract Decision Reason"

    action = fields.Selection(
        [
            ("override", "Override the Review"),
            ("invalid", "Record an Invalid Contract"),
            ("revoke", "Revoke the Power of Attorney"),
            ("custody", "Hand the Seal Over"),
        ],
        required=True,
        readonly=True,
    )
    res_id = fields.Integer(required=True, readonly=True)
    reason = fields.Text(required=True)
    employee_ids = fields.Many2many("hr.employee", string="Used for Unlawful Acts By")
    new_custodian_id = fields.Many2one("res.users", domain=[("share", "=", False)])

    @api.model
    def _open(self, action, record):
        wizard = self.create({"action": action, "res_id": record.id})
        return {
            "type": "ir.actions.act_window",
            "name": dict(self._fields["action"]._description_selection(self.env))[action],
            "res_model": self._name,
            "res_id": wizard.id,
            "view_mode": "form",
            "target": "new",
        }

    def action_confirm(self):
        self.ensure_one()
        record = self.env[TARGETS[self.action]].browse(self.res_id).exists()
        record.check_access("read")
        if self.action == "override":
            record._action_override(self.reason)
        elif self.action == "invalid":
            record._action_mark_invalid(self.reason, self.employee_ids)
        elif self.action == "revoke":
            record._action_revoke(self.reason)
        else:
            record._action_change_custodian(self.new_custodian_id, self.reason)
        return {"type": "ir.actions.act_window_close"}
