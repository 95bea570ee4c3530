from odoo import fields, models
from odoo.exceptions import AccessError, UserError

HR = "credit_appraisal.group_credit_hr"
MANAGER = "credit_management.group_credit_manager"


class CreditTrainingFee(models.Model):
    """Make-up exam fees and sample-check fines: a ledger HR filters and exports."""

    _name = "credit.training.fee"
    _description = "Training Fee or Fine"
    _inherit = ["mail.thread", "credit.guard.mixin"]
    _order = "date desc, id desc"
    _rec_name = "reason"

    # a ledger entry of the results: amounts come from the settings, payment is a button;
    # a correction is a new result, never an edit
    _guard_flow_fields = (
        "employee_id",
        "department_id",
        "company_id",
        "kind",
        "amount",
        "currency_id",
        "reason",
        "date",
        "session_id",
        "result_id",
        "paid",
        "date_paid",
    )
    _guard_undeletable_states = "__all__"

    employee_id = fields.Many2one("hr.employee", required=True, index=True, readonly=True)
    department_id = fields.Many2one(
        related="employee_id.department_id", store=True, string="Department"
    )
    company_id = fields.Many2one("res.company", required=True, readonly=True)
    # the currency the amount was recorded in: the company's fee currency then (yuan by
    # default), not the company's own currency
    currency_id = fields.Many2one("res.currency", required=True, readonly=True)
    kind = fields.Selection(
        [("makeup_fee", "Make-up Exam Fee"), ("fine", "Sample Check Fine")],
        required=True,
        readonly=True,
    )
    amount = fields.Monetary(required=True, readonly=True)
    reason = fields.Char(required=True, readonly=True)
    date = fields.Date(required=True, readonly=True, default=fields.Date.context_today)
    session_id = fields.Many2one("credit.training.session", readonly=True, ondelete="restrict")
    result_id = fields.Many2one("credit.training.result", readonly=True, ondelete="restrict")
    paid = fields.Boolean(readonly=True, tracking=True)
    date_paid = fields.Date(readonly=True)

    def _check_cashier(self):
        user = self.env.user
        if not (user.has_group(HR) or user.has_group(MANAGER)):
            raise AccessError(self.env._("Only HR or the credit manager records payments."))
        self.check_access("read")
        if user in self.sudo().employee_id.user_id:
            raise AccessError(self.env._("Nobody records the payment of their own fee or fine."))

    def action_mark_paid(self):
        self._check_cashier()
        if any(fee.paid for fee in self):
            raise UserError(self.env._("This fee or fine is already paid."))
        self._guard_sudo("read").write({"paid": True, "date_paid": fields.Date.context_today(self)})
        return True

    def action_mark_unpaid(self):
        self._check_cashier()
        if not all(fee.paid for fee in self):
            raise UserError(self.env._("This fee or fine is not paid."))
        self._guard_sudo("read").write({"paid": False, "date_paid": False})
        return True
