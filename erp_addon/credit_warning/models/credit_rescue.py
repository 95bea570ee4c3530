from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .credit_warning_signal_run import LEVELS

MANAGER = "credit_management.group_credit_manager"
OUTCOMES = [
    ("recovered", "Recovered"),
    ("restructured", "Restructured"),
    ("written_off", "Written Off"),
]


class CreditRescue(models.Model):
    """A rescue case (挽救): what the department does about a customer in early warning.

    Opened from the customer's warning (its level, score and signals in force are kept on
    the case), with an action plan drawn from the department's tools (credit.rescue.action:
    reduce or freeze the limit through a credit application, require prepayment, ask for
    a guarantee, restructure, legal action), each a task with an owner and a deadline;
    closed by a credit manager with its outcome and a conclusion. States change through
    the methods only (credit.guard.mixin)."""

    _name = "credit.rescue"
    _description = "Rescue Case"
    _inherit = ["mail.thread", "mail.activity.mixin", "credit.guard.mixin"]
    _order = "id desc"

    _guard_sequence = "credit.rescue"
    _guard_flow_fields = (
        "name",
        "state",
        "warning_level",
        "warning_score",
        "signal_ids",
        "date_open",
        "date_closed",
        "closed_by_id",
    )
    _guard_locks = [("__all__", ("draft", "open"))]
    _guard_field_groups = {"outcome": MANAGER}
    _guard_undeletable_states = ("open", "closed", "cancelled")

    name = fields.Char(required=True, copy=False, readonly=True, default="/")
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        tracking=True,
        domain="[('parent_id', '=', False)]",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        tracking=True,
        default=lambda self: self.env.user,
        domain=lambda self: [
            ("groups_id", "in", self.env.ref("credit_management.group_credit_analyst").ids)
        ],
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("open", "In Progress"),
            ("closed", "Closed"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    warning_level = fields.Selection(LEVELS, string="Warning Level at Opening", readonly=True)
    warning_score = fields.Float(string="Warning Score at Opening", readonly=True, digits=(16, 1))
    signal_ids = fields.Many2many(
        "credit.warning.signal", string="Signals at Opening", readonly=True, copy=False
    )
    situation = fields.Text(tracking=True, help="What the warning shows and what is at stake.")
    action_ids = fields.One2many("credit.rescue.action", "rescue_id", string="Action Plan")
    outcome = fields.Selection(OUTCOMES, tracking=True)
    conclusion = fields.Text(tracking=True)
    date_open = fields.Date(string="Opened On", readonly=True, copy=False)
    date_closed = fields.Date(string="Closed On", readonly=True, copy=False)
    closed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    action_todo_count = fields.Integer(compute="_compute_action_todo_count")

    @api.depends("action_ids.state")
    def _compute_action_todo_count(self):
        for rescue in self:
            rescue.action_todo_count = len(rescue.action_ids.filtered(lambda a: a.state == "todo"))

    # ------------------------------------------------------------ opening
    @api.model
    def _warning_of(self, partner, company):
        """The warning of ``partner`` in ``company``: ``({level, score}, signals in
        force)``, what a new case starts from."""
        partner = partner.sudo().with_company(company).commercial_partner_id
        signals = (
            self.env["credit.warning.signal"]
            .sudo()
            .search([("partner_id", "=", partner.id), ("company_id", "=", company.id)])
        )
        return {
            "warning_level": partner.credit_warning_level or "none",
            "warning_score": partner.credit_warning_score,
        }, signals

    @api.model
    def _guard_start_values(self, vals):
        start = super()._guard_start_values(vals)
        if vals.get("partner_id"):
            company = self.env["res.company"].browse(vals.get("company_id") or self.env.company.id)
            partner = self.env["res.partner"].browse(vals["partner_id"])
            start.update(self._warning_of(partner, company)[0])
        return start

    @api.model_create_multi
    def create(self, vals_list):
        if self.env.su:
            for vals in vals_list:
                if vals.get("partner_id") and "warning_level" not in vals:
                    company = self.env["res.company"].browse(
                        vals.get("company_id") or self.env.company.id
                    )
                    partner = self.env["res.partner"].browse(vals["partner_id"])
                    vals.update(self._warning_of(partner, company)[0])
        rescues = super().create(vals_list)
        for rescue in rescues:
            # the signals in force at the opening: the case's evidence
            signals = self._warning_of(rescue.partner_id, rescue.company_id)[1]
            rescue.sudo().signal_ids = signals
            if rescue.warning_level in (False, "none"):
                raise UserError(
                    self.env._(
                        "%(customer)s has no early warning: a rescue case is opened from a "
                        "warning.",
                        customer=rescue.partner_id.display_name,
                    )
                )
        return rescues

    @api.model
    def _action_new_for(self, partner):
        """The form of a new case for ``partner`` (the partner's button)."""
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
            "context": {"default_partner_id": partner.id},
        }

    # ------------------------------------------------------------ flow
    def _check_manager(self, what):
        if not self.env.user.has_group(MANAGER):
            raise AccessError(self.env._("Only a credit manager may %(what)s.", what=what))

    def action_open(self):
        """Start the plan: the case is in progress, each action's owner gets its task."""
        for rescue in self:
            if rescue.state != "draft":
                raise UserError(self.env._("%(case)s is not a draft.", case=rescue.display_name))
            if not rescue.action_ids:
                raise UserError(
                    self.env._(
                        "%(case)s has no action plan: add at least one action.",
                        case=rescue.display_name,
                    )
                )
            rescue._guard_sudo("write").write(
                {"state": "open", "date_open": fields.Date.context_today(self)}
            )
        self.action_ids._rescue_schedule()
        return True

    def action_close(self):
        """Close the case with its outcome and conclusion (a credit manager), once every
        action of its plan is done or cancelled."""
        self._check_manager(self.env._("close a rescue case"))
        for rescue in self:
            if rescue.state != "open":
                raise UserError(
                    self.env._("%(case)s is not in progress.", case=rescue.display_name)
                )
            if not rescue.outcome or not (rescue.conclusion or "").strip():
                raise UserError(
                    self.env._(
                        "%(case)s needs its outcome and a conclusion to be closed.",
                        case=rescue.display_name,
                    )
                )
            if rescue.action_todo_count:
                raise UserError(
                    self.env._(
                        "%(case)s still has %(count)s actions to do: mark them done or "
                        "cancel them first.",
                        case=rescue.display_name,
                        count=rescue.action_todo_count,
                    )
                )
            rescue._guard_sudo("write").write(
                {
                    "state": "closed",
                    "date_closed": fields.Date.context_today(self),
                    "closed_by_id": self.env.user.id,
                }
            )
        return True

    def action_cancel(self):
        """Give the case up (a credit manager): its open actions are cancelled with it."""
        self._check_manager(self.env._("cancel a rescue case"))
        if any(rescue.state not in ("draft", "open") for rescue in self):
            raise UserError(self.env._("Only a draft or open rescue case can be cancelled."))
        self.action_ids.filtered(lambda a: a.state == "todo")._rescue_set_state("cancelled")
        self._guard_sudo("write").write(
            {"state": "cancelled", "date_closed": fields.Date.context_today(self)}
        )
        return True
