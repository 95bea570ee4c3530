from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

ADMINISTRATOR = "credit_management.group_credit_administrator"
RESULTS = [
    ("in_order", "In Order"),
    ("issues", "Issues Found"),
]


class CreditContractSealCheck(models.Model):
    """A periodic check of a contract seal (印章检查): the seal is where its custodian of
    record keeps it, its log matches its uses. The appraisal's item 5.3 counts the
    half-years in which each seal used was checked."""

    _name = "credit.contract.seal.check"
    _description = "Contract Seal Check"
    _inherit = ["credit.guard.mixin"]
    _order = "date desc, id desc"
    _guard_state_field = None

    # who checked is whoever records the check; what was found is kept as recorded (a
    # note may be completed), and a check is never deleted
    _guard_flow_fields = ("checked_by_id", "company_id")
    _guard_field_groups = {
        "seal_id": ADMINISTRATOR,
        "date": ADMINISTRATOR,
        "result": ADMINISTRATOR,
        "note": ADMINISTRATOR,
    }
    _guard_undeletable_states = "__all__"

    seal_id = fields.Many2one(
        "credit.contract.seal", required=True, index=True, ondelete="restrict"
    )
    company_id = fields.Many2one(related="seal_id.company_id", store=True, index=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    checked_by_id = fields.Many2one("res.users", required=True, default=lambda self: self.env.user)
    custodian_id = fields.Many2one(
        related="seal_id.custodian_id", string="Custodian Now", readonly=True
    )
    result = fields.Selection(RESULTS, required=True, default="in_order")
    note = fields.Text(help="What was checked and, when issues were found, which.")

    @api.model
    def _guard_start_values(self, vals):
        return {"checked_by_id": self.env.user.id}

    @api.constrains("date", "result", "note")
    def _check_values(self):
        today = fields.Date.context_today(self)
        for check in self:
            if check.date > today:
                raise ValidationError(self.env._("A seal check is recorded once made."))
            if check.result == "issues" and not (check.note or "").strip():
                raise ValidationError(self.env._("Say which issues the seal check found."))

    def _guard_check_write(self, vals):
        if {"seal_id", "date", "result"} & set(vals):
            raise UserError(
                self.env._("A seal check is kept as recorded: record a new check instead.")
            )

    @api.depends("seal_id", "date")
    def _compute_display_name(self):
        for check in self:
            check.display_name = f"{check.seal_id.name} {check.date or ''}".strip()
