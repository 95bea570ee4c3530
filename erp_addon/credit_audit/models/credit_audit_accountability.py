from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

MANAGER = "credit_management.group_credit_manager"
ACTIVITY_TYPE = "credit_audit.mail_activity_type_accountability"

MEASURES = [
    ("criticism", "Criticism and Education"),
    ("bonus", "Bonus Withheld"),
    ("warning", "Disciplinary Warning"),
    ("qualification", "Qualification Revoked"),
    ("administrative", "Administrative Accountability"),
    ("legal", "Legal Accountability"),
    ("none", "No Accountability"),
]


class CreditAuditAccountability(models.Model):
    """The accountability decision on a finding (责任追究): what is pursued against whom,
    decided by the credit manager or the committee (never the person concerned), with its
    outcome. A record of a decision: never deleted."""

    _name = "credit.audit.accountability"
    _description = "Audit Accountability"
    _inherit = ["mail.thread", "mail.activity.mixin", "credit.guard.mixin"]
    _order = "id desc"
    _rec_name = "employee_id"
    _check_company_auto = True

    _guard_flow_fields = ("state", "decided_by_id", "date_decided", "proposed_by_id")
    _guard_locks = [
        (("finding_id", "employee_id"), ()),
        (("measure", "description", "outcome"), ("to_decide",)),
    ]
    _guard_field_groups = {"outcome": MANAGER}
    _guard_undeletable_states = "__all__"

    finding_id = fields.Many2one(
        "credit.audit.finding", required=True, index=True, ondelete="restrict"
    )
    company_id = fields.Many2one(related="finding_id.company_id", store=True, index=True)
    employee_id = fields.Many2one(
        "hr.employee", string="Person Concerned", required=True, index=True, check_company=True
    )
    measure = fields.Selection(MEASURES, required=True, tracking=True)
    description = fields.Text(string="What Is Pursued", required=True)
    outcome = fields.Text(tracking=True, help="What was decided and why.")
    state = fields.Selection(
        [("to_decide", "To Decide"), ("decided", "Decided")],
        required=True,
        default="to_decide",
        tracking=True,
    )
    proposed_by_id = fields.Many2one("res.users", default=lambda self: self.env.user, readonly=True)
    decided_by_id = fields.Many2one("res.users", readonly=True)
    date_decided = fields.Date(string="Decided On", readonly=True)

    def _check_not_concerned(self, employees):
        if self.env.user in employees.sudo().user_id:
            raise AccessError(
                self.env._("Nobody proposes, changes or decides their own accountability.")
            )

    @api.model
    def _guard_check_create(self, vals_list):
        findings = self.env["credit.audit.finding"].browse(
            [vals["finding_id"] for vals in vals_list if vals.get("finding_id")]
        )
        for finding in findings:
            if finding.state in ("draft", "cancelled"):
                raise UserError(
                    self.env._(
                        "The finding %(name)s is %(state)s: no accountability on it.",
                        name=finding.name,
                        state=finding._guard_state_label(),
                    )
                )
        self._check_not_concerned(
            self.env["hr.employee"].browse(
                [vals["employee_id"] for vals in vals_list if vals.get("employee_id")]
            )
        )

    def _guard_check_write(self, vals):
        self._check_not_concerned(self.employee_id)

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records._ask_decision()
        return records

    def _ask_decision(self):
        """The credit managers of the company (not the person concerned) are asked to
        decide, each in their language: one create."""
        model_id = self.env["ir.model"]._get_id(self._name)
        activity_type = self.env.ref(ACTIVITY_TYPE)
        managers = self.env.ref(MANAGER).sudo().users.filtered(lambda u: not u.share)
        vals_list = []
        for record in self.sudo():
            concerned = record.employee_id.user_id
            for user in managers.filtered(
                lambda u, r=record, c=concerned: r.company_id in u.company_ids and u != c
            ):
                env = record.company_id._credit_env(user)
                vals_list.append(
                    {
                        "res_model_id": model_id,
                        "res_id": record.id,
                        "activity_type_id": activity_type.id,
                        "automated": True,
                        "user_id": user.id,
                        "summary": env._(
                            "Decide the accountability for audit finding %(name)s",
                            name=record.finding_id.name,
                        ),
                    }
                )
        self.env["mail.activity"].sudo().create(vals_list)

    def action_decide(self):
        """Credit manager or committee (not the person concerned): the decision is taken."""
        if not self.env.user.has_group(MANAGER):
            raise AccessError(
                self.env._("Only the credit manager or the committee decides on accountability.")
            )
        records = self._guard_sudo("write")
        self._check_not_concerned(records.employee_id)
        for record in records:
            if record.state != "to_decide":
                raise UserError(self.env._("This accountability was already decided."))
            if not (record.outcome or "").strip():
                raise UserError(
                    self.env._(
                        "Write the outcome before recording the decision on %(name)s.",
                        name=record.employee_id.name,
                    )
                )
        records.write(
            {
                "state": "decided",
                "decided_by_id": self.env.user.id,
                "date_decided": fields.Date.context_today(self),
            }
        )
        records.activity_unlink([ACTIVITY_TYPE])
        return True
