from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.credit_management.models.credit_guard_mixin import _is_empty

MANAGER = "credit_management.group_credit_manager"
KINDS = [
    ("seminar", "Credit Management Seminar"),
    ("case_review", "Case Review"),
]
STATES = [("draft", "Draft"), ("held", "Held"), ("closed", "Closed")]


class CreditSeminar(models.Model):
    """A credit management seminar or case review (信用管理研讨会、案例评析会), run by the
    head of the credit department (a credit manager): who took part, the cases discussed
    (customers; contracts and disputes with credit_seminar_contract), its conclusions and
    the actions decided, each with an owner and a deadline.

    Draft → held (the meeting took place: attendance is recorded) → closed (conclusions
    final, an activity for each action's owner); only through the methods
    (credit.guard.mixin). A closed seminar is locked and never deleted."""

    _name = "credit.seminar"
    _description = "Credit Seminar or Case Review"
    _inherit = ["mail.thread", "mail.activity.mixin", "credit.guard.mixin"]
    _order = "date desc, id desc"

    _guard_sequence = "credit.seminar"
    _guard_flow_fields = ("name", "state", "date_held", "date_closed", "closed_by_id")
    _guard_locks = [("__all__", ("draft", "held"))]
    _guard_field_groups = {"organiser_id": MANAGER}
    _guard_undeletable_states = ("held", "closed")

    name = fields.Char(string="Number", required=True, copy=False, readonly=True, default="/")
    title = fields.Char(required=True, tracking=True)
    kind = fields.Selection(KINDS, required=True, default="seminar", tracking=True)
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    organiser_id = fields.Many2one(
        "res.users",
        required=True,
        tracking=True,
        default=lambda self: self.env.user,
        domain=lambda self: [("groups_id", "in", self.env.ref(MANAGER).ids)],
        help="The head of the credit department who runs the meeting.",
    )
    participant_ids = fields.Many2many(
        "hr.employee",
        "credit_seminar_participant_rel",
        "seminar_id",
        "employee_id",
        string="Participants",
        check_company=True,
    )
    attendee_ids = fields.Many2many(
        "hr.employee",
        "credit_seminar_attendee_rel",
        "seminar_id",
        "employee_id",
        string="Attended",
        check_company=True,
        copy=False,
        help="The participants who attended, recorded once the meeting is held.",
    )
    external_experts = fields.Char(
        help="External experts invited to review the credit rules (names and organisations)."
    )
    agenda = fields.Text()
    partner_ids = fields.Many2many(
        "res.partner",
        "credit_seminar_partner_rel",
        "seminar_id",
        "partner_id",
        string="Customer Cases",
        domain="[('parent_id', '=', False)]",
    )
    minutes = fields.Html()
    conclusion_ids = fields.One2many(
        "credit.seminar.conclusion", "seminar_id", string="Conclusions"
    )
    action_ids = fields.One2many("credit.seminar.action", "seminar_id", string="Actions")
    state = fields.Selection(
        STATES, default="draft", required=True, tracking=True, copy=False, index=True
    )
    date_held = fields.Date(string="Held On", readonly=True, copy=False)
    date_closed = fields.Date(string="Closed On", readonly=True, copy=False)
    closed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    attendee_count = fields.Integer(compute="_compute_counts")
    action_count = fields.Integer(compute="_compute_counts")

    @api.depends("attendee_ids", "action_ids")
    def _compute_counts(self):
        for seminar in self:
            seminar.attendee_count = len(seminar.attendee_ids)
            seminar.action_count = len(seminar.action_ids)

    @api.constrains("attendee_ids", "participant_ids")
    def _check_attendees(self):
        for seminar in self:
            strangers = seminar.attendee_ids - seminar.participant_ids
            if strangers:
                raise ValidationError(
                    self.env._(
                        "Those who attended must be among the participants: %(names)s.",
                        names=", ".join(strangers.mapped("name")),
                    )
                )

    # ------------------------------------------------------------ guards
    def _attendance_message(self):
        return self.env._("Attendance is recorded once the meeting is held.")

    @api.model
    def _guard_check_create(self, vals_list):
        for vals in vals_list:
            if not _is_empty(vals.get("attendee_ids")):
                raise UserError(self._attendance_message())

    def _guard_check_write(self, vals):
        if "attendee_ids" in vals and any(s.state == "draft" for s in self):
            if not all(s._guard_unchanged("attendee_ids", vals["attendee_ids"]) for s in self):
                raise UserError(self._attendance_message())

    # ------------------------------------------------------------ flow
    def _check_runner(self):
        """The organiser or a credit manager runs the meeting."""
        for seminar in self:
            if seminar.organiser_id != self.env.user and not self.env.user.has_group(MANAGER):
                raise AccessError(
                    self.env._(
                        "Only its organiser or a credit manager may run %(seminar)s.",
                        seminar=seminar.display_name,
                    )
                )

    def _check_state(self, state):
        for seminar in self:
            if seminar.state != state:
                raise UserError(
                    self.env._(
                        "%(seminar)s is %(state)s: this step does not apply.",
                        seminar=seminar.display_name,
                        state=seminar._guard_state_label(),
                    )
                )

    def action_hold(self):
        """The meeting took place: attendance is recorded from now on (everyone invited
        unless told otherwise)."""
        self._check_runner()
        self._check_state("draft")
        today = fields.Date.context_today(self)
        for seminar in self:
            if not seminar.participant_ids:
                raise UserError(
                    self.env._(
                        "%(seminar)s has no participants: add who takes part first.",
                        seminar=seminar.display_name,
                    )
                )
            if seminar.date > today:
                raise UserError(
                    self.env._(
                        "%(seminar)s is planned for a later day: it is held on its day.",
                        seminar=seminar.display_name,
                    )
                )
            seminar._guard_sudo("write").write(
                {
                    "state": "held",
                    "date_held": today,
                    "attendee_ids": [fields.Command.set(seminar.participant_ids.ids)],
                }
            )
        return True

    def action_close(self):
        """Close the seminar (a credit manager): its conclusions become final and each
        action's owner gets an activity, worded in the owner's language."""
        if not self.env.user.has_group(MANAGER):
            raise AccessError(self.env._("Only a credit manager may close a seminar."))
        self._check_state("held")
        for seminar in self:
            if not seminar.attendee_ids:
                raise UserError(
                    self.env._(
                        "%(seminar)s records nobody who attended.", seminar=seminar.display_name
                    )
                )
            if not seminar.conclusion_ids:
                raise UserError(
                    self.env._(
                        "%(seminar)s has no conclusion: write at least one before closing.",
                        seminar=seminar.display_name,
                    )
                )
        self._guard_sudo("write").write(
            {
                "state": "closed",
                "date_closed": fields.Date.context_today(self),
                "closed_by_id": self.env.user.id,
            }
        )
        self.action_ids._seminar_schedule()
        self._seminar_on_close()
        for seminar in self:
            env = seminar.company_id._credit_env()
            seminar.sudo().message_post(
                body=env._(
                    "Seminar closed with %(conclusions)s conclusions and %(actions)s actions.",
                    conclusions=len(seminar.conclusion_ids),
                    actions=len(seminar.action_ids),
                )
            )
        return True

    def _seminar_on_close(self):
        """Hook for the bridges, called once the seminars are closed (as superuser rights
        are needed, after the closer's checks)."""
