from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError

AUDITOR = "credit_audit.group_credit_auditor"
MANAGER = "credit_management.group_credit_manager"

SEVERITIES = [
    ("low", "Low"),
    ("medium", "Medium"),
    ("high", "High"),
    ("critical", "Critical"),
]
AREAS = [
    ("credit_limit", "Credit Limits and Approvals"),
    ("customer_file", "Customer Credit Files"),
    ("contract", "Contract Signing and Review"),
    ("ledger", "Contract Ledger and Archives"),
    ("collection", "Receivables and Collection"),
    ("seal", "Contract Seal and Authorisations"),
    ("other", "Other"),
]
STATES = [
    ("draft", "Draft"),
    ("open", "Rectifying"),
    ("to_verify", "To Verify"),
    ("verified", "Verified"),
    ("cancelled", "Cancelled"),
]
# what the finding says and what is to be done: a change after verification voids it
CONTENT_FIELDS = (
    "name",
    "description",
    "severity",
    "area",
    "partner_ids",
    "plan",
    "date_deadline",
)
CONTENT_STATES = ("draft", "open", "to_verify", "verified")


class CreditAuditFinding(models.Model):
    """A finding of an audit: how severe, in which area of the credit work, the customers
    concerned, who answers for it (department and person), the rectification plan and its
    deadline, the follow-ups of its effect, the verification by the credit manager and the
    accountability decided."""

    _name = "credit.audit.finding"
    _description = "Audit Finding"
    _inherit = ["mail.thread", "mail.activity.mixin", "credit.guard.mixin"]
    _order = "date_deadline, id"
    _check_company_auto = True

    _guard_flow_fields = ("state", "verified_by_id", "date_verified", "date_confirmed")
    _guard_locks = [
        (("audit_id",), ()),
        # who answers for it: set while draft, fixed once the rectification starts
        (("department_id", "employee_id"), ("draft",)),
        (CONTENT_FIELDS, CONTENT_STATES),
    ]
    _guard_field_groups = {"department_id": AUDITOR, "employee_id": AUDITOR}
    _guard_undeletable_states = ("open", "to_verify", "verified", "cancelled")

    name = fields.Char(string="Finding", required=True, tracking=True)
    audit_id = fields.Many2one(
        "credit.audit", required=True, index=True, ondelete="restrict", check_company=True
    )
    company_id = fields.Many2one(related="audit_id.company_id", store=True, index=True)
    severity = fields.Selection(SEVERITIES, required=True, default="medium", tracking=True)
    area = fields.Selection(AREAS, required=True, default="other", tracking=True)
    description = fields.Text(required=True)
    partner_ids = fields.Many2many(
        "res.partner",
        "credit_audit_finding_partner_rel",
        "finding_id",
        "partner_id",
        string="Customers Concerned",
        domain=[("parent_id", "=", False)],
    )
    department_id = fields.Many2one(
        "hr.department",
        string="Responsible Department",
        tracking=True,
        index=True,
        check_company=True,
    )
    employee_id = fields.Many2one(
        "hr.employee",
        string="Responsible Person",
        tracking=True,
        index=True,
        check_company=True,
    )
    responsible_user_id = fields.Many2one(
        related="employee_id.user_id", store=True, index=True, string="User of the Responsible"
    )
    plan = fields.Text(string="Rectification Plan")
    date_deadline = fields.Date(string="Rectification Deadline", tracking=True)
    state = fields.Selection(STATES, required=True, default="draft", tracking=True, index=True)
    date_confirmed = fields.Date(string="Rectification Started", readonly=True)
    verified_by_id = fields.Many2one("res.users", readonly=True)
    date_verified = fields.Date(string="Verified On", readonly=True)
    followup_ids = fields.One2many("credit.audit.followup", "finding_id", string="Follow-ups")
    accountability_ids = fields.One2many("credit.audit.accountability", "finding_id")
    is_overdue = fields.Boolean(
        string="Overdue", compute="_compute_is_overdue", search="_search_is_overdue"
    )

    @api.model
    def _open_states(self):
        return ("draft", "open", "to_verify")

    @api.depends("state", "date_deadline")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for finding in self:
            finding.is_overdue = bool(
                finding.state == "open" and finding.date_deadline and finding.date_deadline < today
            )

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise ValidationError(self.env._("Unsupported search on overdue findings."))
        domain = [
            ("state", "=", "open"),
            ("date_deadline", "<", fields.Date.context_today(self)),
        ]
        return domain if (operator == "=") == value else ["!", "&", *domain]

    @api.onchange("employee_id")
    def _onchange_employee_id(self):
        if self.employee_id.department_id and not self.department_id:
            self.department_id = self.employee_id.department_id

    # ------------------------------------------------------------------ guards
    @api.model
    def _audit_content_fields(self):
        """The fields whose change after verification voids it (bridges add theirs)."""
        return set(CONTENT_FIELDS)

    def _check_deadline(self, deadline):
        """A deadline typed by hand is not back-dated: today or later."""
        if deadline and fields.Date.to_date(deadline) < fields.Date.context_today(self):
            raise ValidationError(
                self.env._("The rectification deadline cannot be back-dated before today.")
            )

    def _check_not_own(self, employees):
        if self.env.user in employees.sudo().user_id:
            raise AccessError(
                self.env._("Nobody records or changes an audit finding about themselves.")
            )

    @api.model
    def _guard_check_create(self, vals_list):
        audits = self.env["credit.audit"].browse(
            [vals["audit_id"] for vals in vals_list if vals.get("audit_id")]
        )
        for audit in audits:
            if audit.state == "closed":
                raise ValidationError(
                    self.env._("The audit %(name)s is closed: no new findings.", name=audit.name)
                )
        for vals in vals_list:
            self._check_deadline(vals.get("date_deadline"))
            if vals.get("employee_id"):
                self._check_not_own(self.env["hr.employee"].browse(vals["employee_id"]))

    def _guard_check_write(self, vals):
        if "date_deadline" in vals:
            self._check_deadline(vals["date_deadline"])
        self._check_not_own(self.employee_id)
        if vals.get("employee_id"):
            self._check_not_own(self.env["hr.employee"].browse(vals["employee_id"]))

    def write(self, vals):
        touched = self._audit_content_fields() & set(vals)
        verified = (
            self.filtered(lambda f: f.state == "verified")
            if touched and not self.env.su
            else self.browse()
        )
        if verified:
            # only what actually changes voids the verification
            verified = verified.filtered(
                lambda f: any(not f._guard_unchanged(fname, vals[fname]) for fname in touched)
            )
        res = super().write(vals)
        if verified:
            verified._void_verification()
        return res

    def _void_verification(self):
        """Content changed after verification: the verification no longer holds, the
        finding is to be verified again."""
        for finding in self.sudo():
            env = finding.company_id._credit_env()
            finding.write({"state": "to_verify", "verified_by_id": False, "date_verified": False})
            finding.message_post(
                body=env._(
                    "The verification was voided: the finding changed after it was verified."
                )
            )
