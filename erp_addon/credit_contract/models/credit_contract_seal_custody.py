from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.tools.misc import format_date


class CreditContractSealCustody(models.Model):
    """A handover of a contract seal from one custodian to another."""

    _name = "credit.contract.seal.custody"
    _description = "Contract Seal Custody Change"
    _inherit = ["credit.guard.mixin"]
    _order = "date desc, id desc"

    # recorded by the seal's registration and the Hand Over button, kept as recorded
    _guard_flow_fields = (
        "seal_id",
        "company_id",
        "from_user_id",
        "to_user_id",
        "date",
        "reason",
        "user_id",
    )
    _guard_undeletable_states = "__all__"

    seal_id = fields.Many2one("credit.contract.seal", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="seal_id.company_id", store=True, index=True)
    from_user_id = fields.Many2one("res.users", string="From")
    to_user_id = fields.Many2one("res.users", string="To", required=True)
    date = fields.Date(required=True)
    reason = fields.Text()
    user_id = fields.Many2one("res.users", string="Recorded By", required=True)

    @api.depends("seal_id", "to_user_id", "date")
    @api.depends_context("lang")
    def _compute_display_name(self):
        for custody in self:
            custody.display_name = custody.env._(
                "%(seal)s to %(user)s, %(date)s",
                seal=custody.seal_id.name or "-",
                user=custody.to_user_id.name or "-",
                date=format_date(custody.env, custody.date),
            )

    @api.model
    def _guard_check_create(self, vals_list):
        raise AccessError(self.env._("Custody changes are recorded with their button."))
