from odoo import api, fields, models
from odoo.exceptions import AccessError

MANAGER = "credit_management.group_credit_manager"

# the registers the hand-scored items of the scorecard rest on (3.2, 4.2, 6.1): one model
# with a kind, as the three hold the same facts (date, department, people, content,
# outcome) under the same rules (who may record, when they lock, who reads them)
WORK_RECORD_KINDS = [
    ("reconciliation", "Reconciliation with Salespeople"),
    ("feedback", "Information Feedback and Complaints"),
    ("innovation", "Innovative Case"),
]
USAGES = [
    ("unused", "Not Cited"),
    ("cited", "Cited by a Draft Appraisal"),
    ("used", "Backs a Submitted Appraisal"),
]


class CreditWorkRecord(models.Model):
    """A dated record of a department's credit work an appraisal item rests on: a
    reconciliation with the department's salespeople (3.2), an information feedback or a
    complaint handled (4.2, 信访), an innovative case (6.1)."""

    _name = "credit.work.record"
    _description = "Credit Work Record"
    _inherit = ["mail.thread", "credit.guard.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    # who recorded it and when are the record's own; whether an appraisal cites it follows
    # from the appraisal lines linking it (only a line links a record)
    _guard_flow_fields = ("recorded_by_id", "date_recorded", "usage", "appraisal_line_ids")
    _guard_state_field = "usage"
    _guard_locks = [
        # what it is and whose: fixed once an appraisal cites it (the link keeps matching
        # the item's kind, the departments covered and the year)
        (("kind", "date", "department_id", "company_id"), ("unused",)),
        # what it says: fixed once it backs a submitted appraisal
        (("name", "employee_ids", "partner_id", "content", "outcome"), ("unused", "cited")),
    ]
    # evidence an appraisal rests on is never deleted
    _guard_undeletable_states = ("cited", "used")

    name = fields.Char(string="Subject", required=True, tracking=True)
    kind = fields.Selection(WORK_RECORD_KINDS, required=True, tracking=True)
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    department_id = fields.Many2one(
        "hr.department",
        required=True,
        index=True,
        tracking=True,
        ondelete="restrict",
        check_company=True,
    )
    employee_ids = fields.Many2many(
        "hr.employee",
        "credit_work_record_employee_rel",
        "record_id",
        "employee_id",
        string="People",
        help="The salespeople reconciled with, the staff who handled the feedback or the "
        "complaint, the authors of the case.",
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer or Supplier",
        help="The counterparty concerned, if any (the customer who complained, say).",
    )
    content = fields.Text(required=True, help="What was reconciled, reported or introduced.")
    outcome = fields.Text(help="What came of it: differences cleared, complaint answered...")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    recorded_by_id = fields.Many2one(
        "res.users", readonly=True, copy=False, default=lambda self: self.env.user
    )
    date_recorded = fields.Datetime(readonly=True, copy=False, default=fields.Datetime.now)
    appraisal_line_ids = fields.Many2many(
        "credit.appraisal.line",
        "credit_appraisal_line_work_record_rel",
        "work_record_id",
        "line_id",
        string="Cited by",
        readonly=True,
        copy=False,
    )
    usage = fields.Selection(
        USAGES,
        string="Use in Appraisals",
        compute="_compute_usage",
        store=True,
        help="Cited: a draft appraisal's score rests on it, so it cannot be deleted. Used: a "
        "submitted appraisal's score rests on it, so its content is locked too.",
    )

    @api.depends("appraisal_line_ids.appraisal_id.state")
    def _compute_usage(self):
        for record in self:
            states = set(record.appraisal_line_ids.appraisal_id.mapped("state"))
            if states - {"draft"}:
                record.usage = "used"
            elif states:
                record.usage = "cited"
            else:
                record.usage = "unused"

    @api.model
    def _guard_start_values(self, vals):
        return {"recorded_by_id": self.env.uid, "date_recorded": fields.Datetime.now()}

    @api.model
    def _guard_check_create(self, vals_list):
        self._check_recording_departments(
            self.env["hr.department"].browse(
                [vals["department_id"] for vals in vals_list if vals.get("department_id")]
            )
        )

    def _guard_check_write(self, vals):
        if vals.get("department_id"):
            self._check_recording_departments(
                self.env["hr.department"].browse(vals["department_id"])
            )

    @api.model
    def _check_recording_departments(self, departments):
        """An administrator records for the departments they cover (the access rules
        check the records as they were; this, where a record is put), the credit manager
        for any."""
        if self.env.user.has_group(MANAGER):
            return
        covered = (
            self.env["credit.administrator"]
            .sudo()
            .search([("user_id", "=", self.env.uid)])
            .department_ids
        )
        outside = departments.sudo() - covered
        if outside:
            raise AccessError(
                self.env._(
                    "You record the work of the departments you cover as credit "
                    "administrator, not of %(departments)s.",
                    departments=", ".join(outside.mapped("name")),
                )
            )
