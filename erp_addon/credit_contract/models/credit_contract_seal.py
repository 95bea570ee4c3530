from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

MANAGER = "credit_management.group_credit_manager"


class CreditContractSeal(models.Model):
    """A contract seal (合同专用章) and who keeps it."""

    _name = "credit.contract.seal"
    _description = "Contract Seal"
    _inherit = ["mail.thread", "credit.guard.mixin"]
    _order = "name"

    # a seal with its custody and uses is a record: archived, never deleted
    _guard_undeletable_states = "__all__"

    name = fields.Char(required=True, tracking=True)
    code = fields.Char(string="Seal Number")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    custodian_id = fields.Many2one(
        "res.users",
        required=True,
        tracking=True,
        domain=[("share", "=", False)],
    )
    custody_ids = fields.One2many(
        "credit.contract.seal.custody", "seal_id", string="Custody Changes"
    )
    use_ids = fields.One2many("credit.contract.seal.use", "seal_id", string="Uses")
    check_ids = fields.One2many("credit.contract.seal.check", "seal_id", string="Checks")
    active = fields.Boolean(default=True)

    def _guard_check_write(self, vals):
        # who keeps the seal changes only by a recorded handover
        if "custodian_id" in vals and any(
            seal.custodian_id.id != vals["custodian_id"] for seal in self
        ):
            raise AccessError(self.env._("Custody changes are recorded with their button."))

    @api.model_create_multi
    def create(self, vals_list):
        seals = super().create(vals_list)
        for seal in seals:
            self.env["credit.contract.seal.custody"].sudo().create(
                {
                    "seal_id": seal.id,
                    "to_user_id": seal.custodian_id.id,
                    "date": fields.Date.context_today(self),
                    "reason": seal.company_id._credit_env()._("Seal registered"),
                    "user_id": self.env.user.id,
                }
            )
        return seals

    def _action_change_custodian(self, user, reason):
        self.ensure_one()
        if not self.env.user.has_group(MANAGER):
            raise AccessError(self.env._("Only a credit manager hands a seal over."))
        if not user or user == self.custodian_id:
            raise UserError(self.env._("Choose the new custodian."))
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason for the handover."))
        self.env["credit.contract.seal.custody"].sudo().create(
            {
                "seal_id": self.id,
                "from_user_id": self.custodian_id.id,
                "to_user_id": user.id,
                "date": fields.Date.context_today(self),
                "reason": reason,
                "user_id": self.env.user.id,
            }
        )
        self.sudo().custodian_id = user
        return True

    def action_change_custodian(self):
        self.ensure_one()
        if not self.env.user.has_group(MANAGER):
            raise AccessError(self.env._("Only a credit manager hands a seal over."))
        return self.env["credit.contract.reason.wizard"]._open("custody", self)
