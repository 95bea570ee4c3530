from odoo import api, fields, models


class CreditContractSealUseWizard(models.TransientModel):
    _name = "credit.contract.seal.use.wizard"
    _description = "Use Contract Seal"

    contract_id = fields.Many2one("credit.contract", required=True, readonly=True)
    company_id = fields.Many2one(related="contract_id.company_id")
    seal_id = fields.Many2one(
        "credit.contract.seal", required=True, domain="[('company_id', '=', company_id)]"
    )
    requested_by_id = fields.Many2one("res.users", required=True, domain=[("share", "=", False)])
    purpose = fields.Char()
    copies = fields.Integer(default=2)

    @api.model
    def default_get(self, fields_list):
        res = super().default_get(fields_list)
        if self.env.context.get("active_model") == "credit.contract":
            contract = self.env["credit.contract"].browse(self.env.context.get("active_id"))
            res["contract_id"] = contract.id
            res["requested_by_id"] = (contract.user_id or self.env.user).id
            seal = self.env["credit.contract.seal"].search(
                [("company_id", "=", contract.company_id.id)], limit=1
            )
            res["seal_id"] = seal.id
        return res

    def action_confirm(self):
        self.ensure_one()
        self.env["credit.contract.seal.use"]._log_use(
            self.contract_id, self.seal_id, self.requested_by_id, self.purpose, self.copies
        )
        return {"type": "ir.actions.act_window_close"}
