from odoo import api, fields, models
from odoo.exceptions import AccessError


class CreditContractSealCustody(models.Model):
    """A handover of a contract seal from one custodian to another."""

    _name = "credit.contract.seal.custody"
    _description = "Contract Seal Custody Change"
    _order = "date desc, id desc"

    seal_id = fields.Many2one("credit.contract.seal", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="seal_id.company_id", store=True, index=True)
    from_user_id = fields.Many2one("res.users", string="From")
    to_user_id = fields.Many2one("res.users", string="To", required=True)
    date = fields.Date(required=True)
    reason = fields.Text()
    user_id = fields.Many2one("res.users", string="Recorded By", required=True)

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            raise AccessError(self.env._("Custody changes are recorded with their button."))
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            raise AccessError(self.env._("A custody change is kept as recorded."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        if not self.env.su and self:
            raise AccessError(self.env._("A custody change is kept as recorded."))
