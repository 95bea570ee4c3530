from odoo import api, fields, models
from odoo.exceptions import AccessError


class CreditContractVersion(models.Model):
    """A version of a signed contract, kept when an amendment changes it."""

    _name = "credit.contract.version"
    _description = "Contract Version"
    _order = "contract_id, version desc"

    contract_id = fields.Many2one("credit.contract", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="contract_id.company_id", store=True, index=True)
    version = fields.Integer(required=True)
    date = fields.Date(required=True)
    user_id = fields.Many2one("res.users", string="By", required=True)
    amendment_id = fields.Many2one("credit.contract.amendment")
    changes = fields.Text(string="What Changed")
    title = fields.Char()
    amount = fields.Monetary()
    currency_id = fields.Many2one("res.currency")
    date_start = fields.Date(string="Effective Date")
    date_end = fields.Date(string="End Date")
    body = fields.Html(string="Clauses", sanitize=False)

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            raise AccessError(self.env._("Versions are kept by signing and amendments."))
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            raise AccessError(self.env._("A kept version cannot be changed."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        if not self.env.su and self:
            raise AccessError(self.env._("A kept version cannot be deleted."))
