from odoo import api, fields, models


class CreditContractSignWizard(models.TransientModel):
    _name = "credit.contract.sign.wizard"
    _description = "Sign Contract"

    contract_id = fields.Many2one("credit.contract", required=True, readonly=True)
    date_signed = fields.Date(required=True, default=fields.Date.context_today)
    signatory_id = fields.Many2one(related="contract_id.signatory_id")
    power_of_attorney_id = fields.Many2one(related="contract_id.power_of_attorney_id")

    @api.model
    def default_get(self, fields_list):
        res = super().default_get(fields_list)
        if self.env.context.get("active_model") == "credit.contract":
            res["contract_id"] = self.env.context.get("active_id")
        return res

    def action_sign(self):
        self.ensure_one()
        self.contract_id._action_sign(self.date_signed)
        return {"type": "ir.actions.act_window_close"}
