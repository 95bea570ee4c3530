from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_round

ACTION_TYPES = [
    ("reduce_limit", "Reduce the limit"),
    ("freeze_limit", "Freeze the limit"),
    ("prepayment", "Require prepayment"),
    ("guarantee", "Ask for a guarantee"),
    ("restructure", "Restructure the debt"),
    ("legal", "Legal action"),
    ("other", "Other"),
]
LIMIT_ACTIONS = ("reduce_limit", "freeze_limit")


class CreditRescueAction(models.Model):
    """An action of a rescue case's plan: one of the department's tools, a task with an
    owner and a deadline (an activity of the owner on the case once the case is in
    progress). Reducing or freezing the limit goes through credit_management's limit
    change: the action drafts the credit application, approved by the authority bands as
    any other."""

    _name = "credit.rescue.action"
    _description = "Rescue Case Action"
    _inherit = ["credit.guard.mixin"]
    _order = "rescue_id, sequence, id"

    _guard_flow_fields = ("state", "date_done", "application_id", "activity_id")
    _guard_locks = [("__all__", ("todo",))]
    _guard_undeletable_states = ("done",)

    rescue_id = fields.Many2one("credit.rescue", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(related="rescue_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="rescue_id.currency_id")
    partner_id = fields.Many2one(related="rescue_id.partner_id")
    sequence = fields.Integer(default=10)
    action_type = fields.Selection(ACTION_TYPES, string="Action", required=True)
    name = fields.Char(string="Task", required=True)
    user_id = fields.Many2one(
        "res.users", string="Owner", required=True, default=lambda self: self.env.user
    )
    date_deadline = fields.Date(
        string="Deadline",
        required=True,
        default=lambda self: fields.Date.add(fields.Date.context_today(self), days=7),
    )
    new_limit = fields.Monetary(help="Reduce the limit: the limit to apply for.")
    state = fields.Selection(
        [("todo", "To Do"), ("done", "Done"), ("cancelled", "Cancelled")],
        default="todo",
        required=True,
    )
    date_done = fields.Date(string="Done On", readonly=True)
    application_id = fields.Many2one("credit.application", readonly=True, copy=False)
    application_state = fields.Selection(related="application_id.state", string="Application State")
    activity_id = fields.Many2one("mail.activity", readonly=True, copy=False, ondelete="set null")
    note = fields.Text()

    @api.constrains("new_limit", "action_type")
    def _check_new_limit(self):
        for action in self:
            if action.new_limit < 0:
                raise UserError(self.env._("A rescue action's new limit cannot be negative."))
            if action.action_type == "reduce_limit" and not action.new_limit:
                raise UserError(self.env._("Reducing the limit needs the new limit."))

    # ------------------------------------------------------------ guards
    def _rescue_check_editable(self, rescues):
        for rescue in rescues:
            if rescue.state not in ("draft", "open"):
                raise UserError(
                    self.env._(
                        "%(case)s is %(state)s: its action plan can no longer be changed.",
                        case=rescue.display_name,
                        state=rescue._guard_state_label(),
                    )
                )

    def _guard_check_create(self, vals_list):
        ids = {vals.get("rescue_id") for vals in vals_list if vals.get("rescue_id")}
        self._rescue_check_editable(self.env["credit.rescue"].browse(ids))

    def _guard_check_write(self, vals):
        self._rescue_check_editable(self.rescue_id)

    @api.model_create_multi
    def create(self, vals_list):
        actions = super().create(vals_list)
        # added to a plan in progress: its owner gets the task now
        actions.filtered(lambda a: a.rescue_id.state == "open")._rescue_schedule()
        return actions

    # ------------------------------------------------------------ tasks
    def _rescue_schedule(self):
        """An activity on the case for the owner of each action to do that has none,
        worded in the owner's language (the company's when none); one create."""
        todo = self.sudo().filtered(lambda a: a.state == "todo" and not a.activity_id)
        if not todo:
            return
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        model_id = self.env["ir.model"]._get_id("credit.rescue")
        vals_list = []
        for action in todo:
            env = action.company_id._credit_env(action.user_id)
            types = dict(action._fields["action_type"]._description_selection(env))
            vals_list.append(
                {
                    "res_model_id": model_id,
                    "res_id": action.rescue_id.id,
                    "activity_type_id": activity_type.id,
                    "user_id": action.user_id.id,
                    "date_deadline": action.date_deadline,
                    "summary": f"{types[action.action_type]}: {action.name}",
                }
            )
        # the owners follow the case first: activities for one owner on one case, created
        # together, would each subscribe them (mail.activity's create)
        for rescue in todo.rescue_id:
            owners = todo.filtered(lambda a, r=rescue: a.rescue_id == r).user_id
            rescue.message_subscribe(partner_ids=owners.partner_id.ids)
        activities = self.env["mail.activity"].sudo().create(vals_list)
        for action, activity in zip(todo, activities, strict=True):
            action.activity_id = activity

    def _rescue_set_state(self, state):
        today = fields.Date.context_today(self)
        for action in self.sudo():
            if action.activity_id:
                action.activity_id.unlink()
            action.write({"state": state, "date_done": today if state == "done" else False})

    def _rescue_check_owner(self):
        for action in self:
            if action.user_id != self.env.user and not self.env.user.has_group(
                "credit_management.group_credit_analyst"
            ):
                raise UserError(
                    self.env._(
                        "Only the owner of %(task)s or a credit analyst may mark it.",
                        task=action.name,
                    )
                )

    def action_done(self):
        """The task is done (its owner or the credit staff). A limit action is done once
        its credit application is approved."""
        self._rescue_check_owner()
        for action in self:
            if action.state != "todo" or action.rescue_id.state != "open":
                raise UserError(
                    self.env._("%(task)s is not a task of a case in progress.", task=action.name)
                )
            if action.action_type in LIMIT_ACTIONS and action.application_state != "approved":
                raise UserError(
                    self.env._(
                        "%(task)s changes the limit: it is done once its credit application "
                        "is approved.",
                        task=action.name,
                    )
                )
        self.check_access("read")
        self._rescue_set_state("done")
        return True

    def action_cancel(self):
        self._rescue_check_owner()
        if any(action.state != "todo" for action in self):
            raise UserError(self.env._("Only a task to do can be cancelled."))
        self.check_access("read")
        self._rescue_set_state("cancelled")
        return True

    def action_request_limit(self):
        """Reduce or freeze the limit through credit_management's limit change: a draft
        credit application for the new limit (frozen: what the customer owes today, so that
        no new sale fits), by the current user, opened for submission."""
        self.ensure_one()
        if self.action_type not in LIMIT_ACTIONS:
            raise UserError(self.env._("%(task)s does not change the limit.", task=self.name))
        if self.state != "todo" or self.rescue_id.state not in ("draft", "open"):
            raise UserError(self.env._("%(task)s is no longer to do.", task=self.name))
        if self.application_id and self.application_id.state not in ("refused", "cancelled"):
            return self._rescue_open_application()
        company = self.rescue_id.company_id
        partner = self.rescue_id.partner_id
        if self.action_type == "reduce_limit":
            limit = self.new_limit
        else:
            figures = partner.sudo().with_company(company)._credit_exposure_figures(company)
            exposure = figures.get(partner.id, {}).get("exposure", 0.0)
            limit = max(float_round(exposure, 0, rounding_method="UP"), 1.0)
        env = company._credit_env()
        application = self.env["credit.application"].create(
            {
                "partner_id": partner.id,
                "company_id": company.id,
                "application_type": "limit_change",
                "requested_limit": limit,
                "justification": env._(
                    "Rescue case %(case)s: %(task)s", case=self.rescue_id.name, task=self.name
                ),
            }
        )
        self.sudo().application_id = application
        return self._rescue_open_application()

    def _rescue_open_application(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": "credit.application",
            "res_id": self.application_id.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
        }
