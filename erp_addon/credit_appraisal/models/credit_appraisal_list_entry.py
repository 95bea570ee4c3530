from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

MANAGER = "credit_management.group_credit_manager"
TIERS = [
    ("advanced", "Advanced"),
    ("excellent", "Excellent"),
    ("commendation", "Commendation"),
]


class CreditAppraisalListEntry(models.Model):
    """One person on the year's award or disqualification list.

    The credit department draws the lists from the approved appraisals: every qualifier is
    proposed and stays on the list unless removed with a reason; the legal representative
    approves the lists. The decision on the person has one state, ``decision``: a
    disqualification's is its revocation request's on the register (the same record the
    register shows), so the period, the register and the appraisal cannot disagree."""

    _name = "credit.appraisal.list.entry"
    _description = "Award or Disqualification List Entry"
    _inherit = ["credit.guard.mixin"]
    _order = "period_id desc, list_type, total desc, id"
    _rec_name = "employee_id"

    _guard_flow_fields = (
        "period_id",
        "appraisal_id",
        "list_type",
        "tier",
        "state",
        "recognition",
        "amount",
        "currency_id",
        "event_id",
        "decided_by_id",
        "date_decided",
    )
    # the reason is written while the entry is proposed, kept with the decision after
    _guard_locks = [(("reason",), ("proposed",))]
    _guard_field_groups = {"reason": MANAGER}
    _guard_undeletable_states = "__all__"

    period_id = fields.Many2one(
        "credit.appraisal.period", required=True, index=True, ondelete="cascade"
    )
    appraisal_id = fields.Many2one(
        "credit.appraisal", required=True, index=True, ondelete="cascade"
    )
    employee_id = fields.Many2one(related="appraisal_id.employee_id", store=True)
    company_id = fields.Many2one(related="period_id.company_id", store=True)
    year = fields.Integer(related="period_id.year", store=True, aggregator=None)
    total = fields.Float(related="appraisal_id.total", store=True, digits=(16, 1))
    failure_number = fields.Integer(related="appraisal_id.failure_number")
    misuse_contract_ids = fields.Many2many(related="appraisal_id.misuse_contract_ids")
    list_type = fields.Selection(
        [("award", "Award List"), ("disqualification", "Disqualification List")],
        required=True,
        string="List",
    )
    tier = fields.Selection(TIERS, string="Award Tier")
    state = fields.Selection(
        [("proposed", "Proposed (On the List)"), ("removed", "Removed")],
        required=True,
        default="proposed",
        string="Credit Department's Choice",
    )
    reason = fields.Text(
        help="Why the credit department removes this person from the list (required to "
        "remove), or a remark on keeping them."
    )
    recognition = fields.Char(help="The tier's recognition when the list was drawn.")
    currency_id = fields.Many2one("res.currency")
    amount = fields.Monetary(string="Reward", help="The tier's reward when the list was drawn.")
    event_id = fields.Many2one(
        "credit.administrator.event",
        string="Revocation Request",
        ondelete="restrict",
        help="The register's revocation request this disqualification is: one decision.",
    )
    decision = fields.Selection(
        [
            ("draft", "Draft List"),
            ("submitted", "Awaiting Legal Representative"),
            ("approved", "Approved by Legal Representative"),
            ("refused", "Refused by Legal Representative"),
            ("removed", "Removed by Credit Department"),
        ],
        compute="_compute_decision",
        store=True,
        help="The one state of the decision on this person: a removed entry stays removed; "
        "a disqualification follows its revocation request on the register; an award "
        "follows the period's lists.",
    )
    decided_by_id = fields.Many2one("res.users", string="Removed or Put Back By", readonly=True)
    date_decided = fields.Date(string="Removed On", readonly=True)

    _sql_constraints = [
        (
            "appraisal_uniq",
            "unique(appraisal_id)",
            "An appraisal is on one list of its year at most.",
        )
    ]

    @api.depends("state", "list_type", "period_id.state", "event_id.state")
    def _compute_decision(self):
        for entry in self:
            if entry.state == "removed":
                entry.decision = "removed"
            elif entry.list_type == "disqualification" and entry.event_id.state == "done":
                entry.decision = "approved"
            elif entry.list_type == "disqualification" and entry.event_id.state == "refused":
                entry.decision = "refused"
            elif entry.period_id.state == "locked":
                entry.decision = "approved"
            elif entry.period_id.state == "submitted":
                entry.decision = "submitted"
            else:
                entry.decision = "draft"

    def _guard_check_write(self, vals):
        # what the credit department wrote is what the legal representative was sent
        if any(entry.period_id.state != "open" for entry in self.sudo()):
            raise UserError(
                self.env._(
                    "The lists were sent to the legal representative: their entries are "
                    "kept as sent."
                )
            )
        if any(entry.employee_id.user_id == self.env.user for entry in self.sudo()):
            raise AccessError(self.env._("Nobody decides on their own place on a list."))

    # ------------------------------------------------------------------ flow
    def _check_choice(self):
        if not self.env.user.has_group(MANAGER):
            raise AccessError(
                self.env._("Only the credit department keeps or removes names on the lists.")
            )
        entries = self._guard_sudo("write")
        for entry in entries:
            if entry.period_id.state != "open":
                raise UserError(
                    self.env._(
                        "The lists of %(year)s were sent: ask the legal representative to "
                        "return them first.",
                        year=entry.year,
                    )
                )
            if entry.employee_id.user_id == self.env.user:
                raise AccessError(self.env._("Nobody decides on their own place on a list."))
        return entries

    def _mark(self, state):
        self.write(
            {
                "state": state,
                "decided_by_id": self.env.user.id,
                "date_decided": fields.Date.context_today(self),
            }
        )

    def action_remove(self):
        """Credit department: take these people off the award list, each with a reason."""
        entries = self._check_choice()
        for entry in entries:
            if entry.list_type == "disqualification":
                raise UserError(
                    self.env._(
                        "%(name)s is disqualified by the rules (two failures or unlawful use "
                        "of contracts): only the legal representative may refuse it.",
                        name=entry.employee_id.name,
                    )
                )
            if not (entry.reason or "").strip():
                raise UserError(
                    self.env._(
                        "Give the reason for removing %(name)s from the award list.",
                        name=entry.employee_id.name,
                    )
                )
        entries._mark("removed")
        return True

    def action_reconsider(self):
        """Credit department: put a removed name back on the list."""
        self._check_choice().write(
            {"state": "proposed", "decided_by_id": self.env.user.id, "date_decided": False}
        )
        return True
