from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .guard_tools import value_given

MANAGER = "credit_management.group_credit_manager"
COMMITTEE = "credit_management.group_credit_committee"
QUALIFICATION_STATES = [
    ("qualified", "Qualified"),
    ("revocation_pending", "Revocation Pending"),
    ("revoked", "Revoked"),
]


class CreditAdministrator(models.Model):
    """An employee registered as credit (contract) administrator (信用(合同)管理员)."""

    _name = "credit.administrator"
    _description = "Credit (Contract) Administrator"
    _inherit = ["mail.thread", "mail.activity.mixin", "credit.guard.mixin"]
    _order = "employee_id"

    # changed only through the qualification flow (grant, propose, approve, refuse)
    _guard_flow_fields = ("qualification_state", "date_qualified", "date_revoked")
    _guard_state_field = "qualification_state"
    # the person registered and the company are the entry: its history hangs on them
    _guard_locks = [(("employee_id", "company_id"), ())]

    employee_id = fields.Many2one(
        "hr.employee", required=True, index=True, tracking=True, ondelete="restrict"
    )
    name = fields.Char(related="employee_id.name", store=True)
    user_id = fields.Many2one(related="employee_id.user_id", store=True, string="User")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    active = fields.Boolean(default=True)
    employment = fields.Selection(
        [("full_time", "Full-time"), ("part_time", "Part-time")],
        required=True,
        default="full_time",
        tracking=True,
    )
    department_ids = fields.Many2many(
        "hr.department",
        "credit_administrator_department_rel",
        "administrator_id",
        "department_id",
        string="Departments Covered",
        help="The appraisal measures the contracts of these departments.",
    )
    date_start = fields.Date(
        string="Administrator Since", required=True, default=fields.Date.context_today
    )
    qualification_state = fields.Selection(
        QUALIFICATION_STATES,
        string="Qualification",
        required=True,
        default="qualified",
        tracking=True,
        copy=False,
    )
    date_qualified = fields.Date(readonly=True, copy=False)
    date_revoked = fields.Date(readonly=True, copy=False)
    event_ids = fields.One2many(
        "credit.administrator.event", "administrator_id", string="Qualification History"
    )
    appraisal_ids = fields.One2many("credit.appraisal", "administrator_id")
    appraisal_count = fields.Integer(compute="_compute_appraisal_count")

    _sql_constraints = [
        (
            "employee_company_uniq",
            "unique(employee_id, company_id)",
            "This employee is already registered as credit administrator in this company.",
        )
    ]

    def _compute_appraisal_count(self):
        counts = dict(
            self.env["credit.appraisal"]._read_group(
                [("administrator_id", "in", self.ids)], ["administrator_id"], ["__count"]
            )
        )
        for admin in self:
            admin.appraisal_count = counts.get(admin, 0)

    @api.model
    def _guard_start_values(self, vals):
        start = vals.get("date_start") or self.env.context.get("default_date_start")
        return {"date_qualified": start or fields.Date.context_today(self)}

    @api.model
    def _guard_check_create(self, vals_list):
        employees = (
            self.env["hr.employee"]
            .sudo()
            .browse(
                [
                    employee_id
                    for employee_id in (
                        value_given(self, vals, "employee_id") for vals in vals_list
                    )
                    if employee_id
                ]
            )
        )
        if self.env.user in employees.user_id:
            raise AccessError(self.env._("Nobody registers themselves as credit administrator."))

    def _guard_check_write(self, vals):
        self._check_not_own()

    def _check_not_own(self):
        """Nobody changes their own register entry (departments, qualification...),
        credit managers and the legal representative included."""
        if any(admin.user_id == self.env.user for admin in self.sudo()):
            raise AccessError(self.env._("Nobody changes their own register entry."))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            # the flow's own start (the superuser's flows included)
            for fname, value in self._guard_start_values(vals).items():
                vals.setdefault(fname, value)
        admins = super().create(vals_list)
        for admin in admins:
            admin.sudo()._add_event("qualified", self.env._("Registered as administrator."))
        return admins

    def _add_event(self, kind, reason, state="done", source="manual", appraisal=None, **extra):
        self.ensure_one()
        return (
            self.env["credit.administrator.event"]
            .sudo()
            .create(
                {
                    "administrator_id": self.id,
                    "kind": kind,
                    "reason": reason,
                    "state": state,
                    "source": source,
                    "appraisal_id": appraisal.id if appraisal else False,
                    "requested_by_id": self.env.user.id,
                    **extra,
                }
            )
        )

    def _propose_revocation(
        self, reason, source="manual", appraisal=None, contracts=None, notify=True
    ):
        """Record a revocation request; it takes effect when the legal representative
        approves. ``notify=False``: the year's lists carry it to the legal representative
        (one request to decide, not two)."""
        Event = self.env["credit.administrator.event"].sudo()
        created = Event
        for admin in self:
            if admin.qualification_state == "revoked":
                continue
            pending = admin.event_ids.filtered(
                lambda e: e.kind == "revocation" and e.state == "pending"
            )
            if pending:
                continue
            created |= admin._add_event(
                "revocation",
                reason,
                state="pending",
                source=source,
                appraisal=appraisal,
                contract_ids=[(6, 0, contracts.ids)] if contracts else [],
            )
            admin.sudo().write({"qualification_state": "revocation_pending"})
            if not notify:
                continue
            assignee = admin._legal_representative() or self.env.user
            admin.sudo().activity_schedule(
                "credit_appraisal.mail_activity_type_revocation",
                user_id=assignee.id,
                summary=admin.company_id._credit_env(assignee)._(
                    "Approve or refuse the revocation of %(name)s", name=admin.name
                ),
                # read by the assignee and by who may write the register (the credit
                # managers), not by fellow administrators
                note=reason,
            )
        return created

    def _current_revocation(self):
        """The revocation request that decides this administrator's qualification now: the
        one awaiting the legal representative, else (revoked) the approved one in force."""
        self.ensure_one()
        revocations = self.event_ids.filtered(lambda e: e.kind == "revocation").sorted("id")
        pending = revocations.filtered(lambda e: e.state == "pending")
        if pending:
            return pending[-1:]
        if self.qualification_state == "revoked":
            return revocations.filtered(lambda e: e.state == "done")[-1:]
        return revocations.browse()

    def _legal_representative(self):
        group = self.env.ref(COMMITTEE)
        users = group.sudo().users.filtered(
            lambda u: not u.share and u.active and self.company_id in u.company_ids
        )
        return users[:1]

    def action_propose_revocation(self, reason=None):
        """Credit manager: propose revoking the qualification (e.g. unlawful use of contracts)."""
        if not self.env.user.has_group(MANAGER):
            raise AccessError(self.env._("Only a credit manager may propose a revocation."))
        if not reason:
            raise UserError(self.env._("Give the reason for the revocation."))
        self.check_access("write")
        self._check_not_own()
        return bool(self._propose_revocation(reason))

    def action_reinstate(self, reason=None):
        """Legal representative: restore a revoked qualification."""
        self._check_legal_representative()
        for admin in self:
            if admin.qualification_state != "revoked":
                raise UserError(self.env._("%(name)s is not revoked.", name=admin.name))
            admin._add_event("reinstated", reason or self.env._("Reinstated."))
            admin.sudo().write(
                {
                    "qualification_state": "qualified",
                    "date_qualified": fields.Date.context_today(self),
                    "date_revoked": False,
                }
            )
        return True

    def _check_legal_representative(self):
        if not self.env.user.has_group(COMMITTEE):
            raise AccessError(
                self.env._("Only the legal representative may decide on a qualification.")
            )
        self.check_access("write")
        self._check_not_own()

    def action_view_appraisals(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "credit_appraisal.action_credit_appraisal"
        )
        action["domain"] = [("administrator_id", "=", self.id)]
        action["context"] = {}
        return action
