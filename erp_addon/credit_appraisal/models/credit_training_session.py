from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError

from .guard_tools import own_employees, value_given, x2many_ids_after

SESSION_TYPES = [
    ("integrity", "Integrity Education"),
    ("legal", "Legal Knowledge"),
    ("business", "Business Training"),
    ("other", "Other"),
]
HALVES = [("1", "First Half"), ("2", "Second Half")]
# what the results were measured against
SESSION_LOCKS = [(("assessment", "date", "session_type", "company_id"), ("open",))]


class CreditTrainingSession(models.Model):
    """A training session (integrity education 诚信教育, legal knowledge 法律知识,
    business training 业务培训, other)."""

    _name = "credit.training.session"
    _description = "Credit Training Session"
    _inherit = ["mail.thread", "mail.activity.mixin", "credit.guard.mixin"]
    _order = "date desc, id desc"

    # whether results were recorded: computed, never written
    _guard_flow_fields = ("result_state", "year", "half")
    _guard_state_field = "result_state"
    _guard_locks = SESSION_LOCKS
    _guard_undeletable_states = ("assessed",)

    name = fields.Char(required=True, tracking=True)
    session_type = fields.Selection(
        SESSION_TYPES, string="Type", required=True, default="integrity", tracking=True
    )
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    year = fields.Integer(compute="_compute_half", store=True, index=True, aggregator=None)
    half = fields.Selection(HALVES, string="Half-year", compute="_compute_half", store=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    trainer_id = fields.Many2one("res.partner")
    topic_ids = fields.Many2many("credit.training.topic")
    materials = fields.Html()
    attachment_ids = fields.Many2many("ir.attachment", string="Material Files")
    assessment = fields.Selection(
        [("none", "None"), ("exam", "Exam"), ("sample", "Sample Check")],
        required=True,
        default="exam",
        help="Exam: a score out of 100 (pass mark in the settings). Sample check: the share "
        "of the content mastered (pass mastery in the settings).",
    )
    invited_ids = fields.Many2many(
        "hr.employee",
        "credit_training_session_invited_rel",
        "session_id",
        "employee_id",
    )
    attendee_ids = fields.Many2many(
        "hr.employee",
        "credit_training_session_attendee_rel",
        "session_id",
        "employee_id",
        string="Attended",
    )
    attendee_count = fields.Integer(compute="_compute_counts")
    result_ids = fields.One2many("credit.training.result", "session_id", string="Results")
    result_count = fields.Integer(compute="_compute_counts")
    result_state = fields.Selection(
        [("open", "Open"), ("assessed", "Assessed")],
        compute="_compute_result_state",
        string="Assessment Status",
    )

    @api.depends("date")
    def _compute_half(self):
        for session in self:
            session.year = session.date.year if session.date else 0
            session.half = ("1" if session.date.month <= 6 else "2") if session.date else False

    def _compute_counts(self):
        for session in self:
            session.attendee_count = len(session.attendee_ids)
            session.result_count = len(session.result_ids)

    @api.depends("result_ids")
    def _compute_result_state(self):
        for session in self:
            session.result_state = "assessed" if session.sudo().result_ids else "open"

    @api.constrains("attendee_ids", "invited_ids")
    def _check_attendees(self):
        for session in self:
            if session.attendee_ids - session.invited_ids and session.invited_ids:
                raise ValidationError(
                    self.env._(
                        "Attending employees must be among the invited: %(names)s.",
                        names=", ".join(
                            (session.attendee_ids - session.invited_ids).mapped("name")
                        ),
                    )
                )

    # ------------------------------------------------------------------ guards
    @api.model
    def _guard_check_create(self, vals_list):
        own = set(own_employees(self.env).ids)
        for vals in vals_list:
            attendees = value_given(self, vals, "attendee_ids")
            if own & x2many_ids_after(self, "attendee_ids", attendees):
                raise AccessError(self._own_attendance_message())

    def _guard_check_write(self, vals):
        if "attendee_ids" not in vals:
            return
        own = set(own_employees(self.env).ids)
        for session in self:
            before = set(session.attendee_ids.ids)
            after = x2many_ids_after(session, "attendee_ids", vals["attendee_ids"])
            if own & (before ^ after):
                raise AccessError(self._own_attendance_message())

    def _own_attendance_message(self):
        return self.env._("Nobody records their own attendance, credit managers included.")

    def action_view_results(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "credit_appraisal.action_credit_training_result"
        )
        action["domain"] = [("session_id", "=", self.id)]
        action["context"] = {"default_session_id": self.id}
        return action
