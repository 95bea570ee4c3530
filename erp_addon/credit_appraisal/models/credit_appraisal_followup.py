from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

MANAGER = "credit_management.group_credit_manager"
ACTIVITY_TYPE = "credit_appraisal.mail_activity_type_followup"


class CreditAppraisalFollowup(models.Model):
    """The education and help a department gives after a person's first failure (SPEC
    section 6: "the department educates, helps, and withholds bonus").

    Opened when the legal representative approves the year's lists, assigned to the head of
    the person's department as an activity with a deadline; done when its outcome is
    recorded."""

    _name = "credit.appraisal.followup"
    _description = "Education and Help After a First Failure"
    _inherit = ["mail.thread", "mail.activity.mixin", "credit.guard.mixin"]
    _order = "date_deadline desc, id desc"
    _rec_name = "employee_id"

    _guard_flow_fields = (
        "appraisal_id",
        "employee_id",
        "company_id",
        "year",
        "user_id",
        "date_deadline",
        "state",
        "done_by_id",
        "date_done",
    )
    # the outcome is written while open, history once done
    _guard_locks = [(("outcome",), ("open",))]
    _guard_undeletable_states = "__all__"

    appraisal_id = fields.Many2one(
        "credit.appraisal", required=True, index=True, ondelete="restrict"
    )
    employee_id = fields.Many2one("hr.employee", required=True, index=True)
    company_id = fields.Many2one("res.company", required=True, index=True)
    year = fields.Integer(required=True, aggregator=None)
    user_id = fields.Many2one(
        "res.users",
        string="Department Head",
        required=True,
        index=True,
        help="Who educates and helps: the head of the person's department (else their "
        "manager, else the credit manager who sent the lists).",
    )
    date_deadline = fields.Date(string="Deadline", required=True)
    state = fields.Selection(
        [("open", "To Do"), ("done", "Done")], required=True, default="open", tracking=True
    )
    outcome = fields.Text(
        tracking=True, help="What was done to educate and help, and what came of it."
    )
    done_by_id = fields.Many2one("res.users", string="Recorded By", readonly=True)
    date_done = fields.Date(string="Done On", readonly=True)

    _sql_constraints = [
        ("appraisal_uniq", "unique(appraisal_id)", "One follow-up per failed appraisal.")
    ]

    def _guard_check_write(self, vals):
        # the outcome is the head's or the credit manager's to write, never the person's
        self._check_recorder()

    # ------------------------------------------------------------------ opening
    @api.model
    def _department_head(self, employee, fallback):
        """The user who educates and helps: the department's manager, else the person's
        own manager, else ``fallback``; never the person themselves."""
        employee = employee.sudo()
        for candidate in (employee.department_id.manager_id, employee.parent_id):
            user = candidate.user_id
            if user and user.active and user != employee.user_id:
                return user
        return fallback

    @api.model
    def _open_for(self, appraisals):
        """Open the follow-ups of these first failures with their activities: one create of
        the follow-ups, one of the activities, each worded in its assignee's language."""
        appraisals = appraisals.sudo().filtered(lambda a: not self._existing(a))
        if not appraisals:
            return self.browse()
        today = fields.Date.context_today(self)
        vals_list = []
        for appraisal in appraisals:
            company = appraisal.company_id
            vals_list.append(
                {
                    "appraisal_id": appraisal.id,
                    "employee_id": appraisal.employee_id.id,
                    "company_id": company.id,
                    "year": appraisal.year,
                    "user_id": self._department_head(
                        appraisal.employee_id, appraisal.period_id.lists_submitted_by_id
                    ).id
                    or self.env.user.id,
                    "date_deadline": fields.Date.add(today, days=company.credit_followup_days),
                }
            )
        followups = self.sudo().create(vals_list)
        activity_type = self.env.ref(ACTIVITY_TYPE)
        model_id = self.env["ir.model"]._get_id(self._name)
        activities = []
        for followup in followups:
            head = followup.user_id
            # the head's language, not the approver's nor the job's
            env = followup.company_id._credit_env(head)
            activities.append(
                {
                    "res_model_id": model_id,
                    "res_id": followup.id,
                    "activity_type_id": activity_type.id,
                    "automated": True,
                    "user_id": head.id,
                    "date_deadline": followup.date_deadline,
                    "summary": env._(
                        "Educate and help %(name)s after their first appraisal failure (%(year)s)",
                        name=followup.employee_id.name,
                        year=followup.year,
                    ),
                    "note": env._(
                        "%(name)s scored %(total)s in the %(year)s appraisal, under the pass "
                        "mark of %(threshold)s: a first failure. The department educates and "
                        "helps, and the year's bonus is withheld. Record what was done and "
                        "its outcome on the follow-up.",
                        name=followup.employee_id.name,
                        total=followup.appraisal_id.total,
                        year=followup.year,
                        threshold=followup.appraisal_id.period_id.fail_threshold,
                    ),
                }
            )
        self.env["mail.activity"].sudo().create(activities)
        return followups

    @api.model
    def _existing(self, appraisal):
        return self.sudo().search_count([("appraisal_id", "=", appraisal.id)], limit=1)

    # ------------------------------------------------------------------ done
    def _check_recorder(self):
        user = self.env.user
        for followup in self.sudo():
            if followup.employee_id.user_id == user:
                raise AccessError(
                    self.env._("Nobody records the outcome of their own education and help.")
                )
            if followup.user_id != user and not user.has_group(MANAGER):
                raise AccessError(
                    self.env._(
                        "Only the department head it is assigned to, or the credit manager, "
                        "records the outcome."
                    )
                )
        return self._guard_sudo("write")

    def action_done(self):
        """Record the outcome: the follow-up and its activity are done."""
        followups = self._check_recorder()
        for followup in followups:
            if followup.state != "open":
                raise UserError(self.env._("This follow-up is already done."))
            if not (followup.outcome or "").strip():
                raise UserError(
                    self.env._(
                        "Write the outcome of the education and help of %(name)s first.",
                        name=followup.employee_id.name,
                    )
                )
        followups._close(self.env.user)
        activities = followups.activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref(ACTIVITY_TYPE)
        )
        for followup in followups:
            activities.filtered(lambda a, f=followup: a.res_id == f.id).with_context(
                credit_followup_closing=True
            ).action_feedback(feedback=followup.outcome)
        return True

    def _close(self, user):
        self.sudo().write(
            {
                "state": "done",
                "done_by_id": user.id,
                "date_done": fields.Date.context_today(self),
            }
        )

    def _done_from_activity(self, feedback):
        """The activity marked done from the activity menu: its feedback is the outcome."""
        if not (feedback or "").strip() and not all(f.outcome for f in self):
            raise UserError(
                self.env._(
                    "Write the outcome of the education and help in the feedback when marking "
                    "it done."
                )
            )
        self._check_recorder()
        for followup in self.sudo().filtered(lambda f: f.state == "open"):
            if (feedback or "").strip():
                followup.outcome = feedback
            followup._close(self.env.user)
