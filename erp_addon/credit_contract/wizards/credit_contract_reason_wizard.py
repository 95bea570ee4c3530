from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.misc import clean_context

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
        """The dialog asking the reason of ``action`` on ``record``: the wizard's form in a
        modal, the record given by the context's defaults. Nothing is created before the
        user types the reason and confirms (the reason is required)."""
        record.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": dict(self._fields["action"]._description_selection(self.env))[action],
            "res_model": self._name,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_action": action, "default_res_id": record.id},
        }

    def action_confirm(self):
        self.ensure_one()
        # the dialog's defaults are for the wizard, not for what the decision creates
        env = self.env(context=clean_context(self.env.context))
        record = env[TARGETS[self.action]].browse(self.res_id).exists()
        if not record:
            raise UserError(self.env._("The record of this decision no longer exists."))
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
