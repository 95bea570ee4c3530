from odoo import fields, models
from odoo.tools.misc import clean_context


class CreditContractMisuseWizard(models.TransientModel):
    """A credit manager's decision changing the employees an invalid contract names."""

    _name = "credit.contract.misuse.wizard"
    _description = "Change Named Employees"

    contract_id = fields.Many2one("credit.contract", required=True, readonly=True)
    employee_ids = fields.Many2many("hr.employee", string="Used for Unlawful Acts By")
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.ensure_one()
        # the dialog's defaults are for the wizard, not for what the decision creates
        env = self.env(context=clean_context(self.env.context))
        contract = env["credit.contract"].browse(self.contract_id.id)
        contract._change_misuse_employees(self.employee_ids.with_env(env), self.reason)
        return {"type": "ir.actions.act_window_close"}
