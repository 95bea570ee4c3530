from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

FLOW_FIELDS = {
    "employee_id",
    "amount",
    "kind",
    "session_id",
    "result_id",
    "company_id",
    "paid",
    "date_paid",
}


class CreditTrainingFee(models.Model):
    """Make-up exam fees and sample-check fines: a ledger HR filters and exports."""

    _name = "credit.training.fee"
    _description = "Training Fee or Fine"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"
    _rec_name = "reason"

    employee_id = fields.Many2one("hr.employee", required=True, index=True, readonly=True)
    department_id = fields.Many2one(
        related="employee_id.department_id", store=True, string="Department"
    )
    company_id = fields.Many2one("res.company", required=True, readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    kind = fields.Selection(
        [("makeup_fee", "Make-up Exam Fee"), ("fine", "Sample Check Fine")],
        required=True,
        readonly=True,
    )
    amount = fields.Monetary(required=True, readonly=True)
    reason = fields.Char(required=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    session_id = fields.Many2one("credit.training.session", readonly=True, ondelete="restrict")
    result_id = fields.Many2one("credit.training.result", readonly=True, ondelete="restrict")
    paid = fields.Boolean(readonly=True, tracking=True)
    date_paid = fields.Date(readonly=True)

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            raise AccessError(
                self.env._("Fees and fines are recorded from exam and sample-check results.")
            )
        return super().create(vals_list)

    def write(self, vals):
        if FLOW_FIELDS & set(vals) and not self.env.su:
            raise AccessError(
                self.env._("Amounts come from the settings; payment is recorded with its button.")
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        if not self.env.su:
            raise AccessError(self.env._("Fees and fines are kept as history."))

    def _check_cashier(self):
        user = self.env.user
        if not (
            user.has_group("credit_management.group_credit_hr")
            or user.has_group("credit_management.group_credit_manager")
        ):
            raise AccessError(self.env._("Only HR or the credit manager records payments."))
        self.check_access("read")

    def action_mark_paid(self):
        self._check_cashier()
        if any(fee.paid for fee in self):
            raise UserError(self.env._("This fee or fine is already paid."))
        self.sudo().write({"paid": True, "date_paid": fields.Date.context_today(self)})
        return True

    def action_mark_unpaid(self):
        self._check_cashier()
        self.sudo().write({"paid": False, "date_paid": False})
        return True
