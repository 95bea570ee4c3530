from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools.misc import format_date

EVENT_KINDS = [
    ("qualified", "Qualified"),
    ("revocation", "Revocation"),
    ("reinstated", "Reinstated"),
]


class CreditAdministratorEvent(models.Model):
    """One step in an administrator's qualification history, with its reason."""

    _name = "credit.administrator.event"
    _description = "Administrator Qualification Event"
    _inherit = ["credit.guard.mixin"]
    _order = "date desc, id desc"

    # recorded by the register's actions; the reason is corrected while it awaits a decision
    _guard_flow_fields = (
        "administrator_id",
        "employee_id",
        "company_id",
        "date",
        "kind",
        "source",
        "state",
        "appraisal_id",
        "contract_ids",
        "requested_by_id",
        "approved_by_id",
        "date_decided",
    )
    _guard_locks = [(("reason",), ("pending",))]
    _guard_undeletable_states = "__all__"

    administrator_id = fields.Many2one(
        "credit.administrator", required=True, index=True, ondelete="cascade"
    )
    employee_id = fields.Many2one(related="administrator_id.employee_id", store=True)
    company_id = fields.Many2one(related="administrator_id.company_id", store=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    kind = fields.Selection(EVENT_KINDS, required=True)
    source = fields.Selection(
        [
            ("manual", "Manual"),
            ("appraisal", "Appraisal Failures"),
            ("misuse", "Unlawful Use of Contracts"),
        ],
        required=True,
        default="manual",
    )
    reason = fields.Text(required=True)
    state = fields.Selection(
        [
            ("pending", "Awaiting Legal Representative"),
            ("done", "Done"),
            ("refused", "Refused"),
            ("withdrawn", "Withdrawn (Lists Returned)"),
        ],
        required=True,
        default="done",
    )
    appraisal_id = fields.Many2one("credit.appraisal", ondelete="set null")
    contract_ids = fields.Many2many("credit.contract", string="Contracts")
    requested_by_id = fields.Many2one("res.users", default=lambda self: self.env.user)
    approved_by_id = fields.Many2one("res.users", string="Decided By", readonly=True)
    date_decided = fields.Date(readonly=True)

    @api.depends("administrator_id", "kind", "date")
    @api.depends_context("lang")
    def _compute_display_name(self):
        for event in self:
            kinds = dict(event._fields["kind"]._description_selection(event.env))
            event.display_name = event.env._(
                "%(name)s: %(kind)s, %(date)s",
                name=event.administrator_id.name or "-",
                kind=kinds.get(event.kind, "-"),
                date=format_date(event.env, event.date),
            )

    def _guard_check_write(self, vals):
        if any(event.employee_id.user_id == self.env.user for event in self.sudo()):
            raise AccessError(self.env._("Nobody changes the record of their own qualification."))

    def _check_pending(self):
        self.env["credit.administrator"]._check_legal_representative()
        self.check_access("write")
        for event in self:
            if event.state != "pending" or event.kind != "revocation":
                raise UserError(self.env._("This revocation is not awaiting a decision."))
            if event.employee_id.user_id == self.env.user:
                raise AccessError(
                    self.env._("Nobody may decide on the revocation of their own qualification.")
                )

    def action_approve(self):
        """Legal representative: the revocation takes effect now."""
        self._check_pending()
        self._apply_decision("done", self.env.user)
        return True

    def action_refuse(self):
        """Legal representative: the administrator stays qualified."""
        self._check_pending()
        self._apply_decision("refused", self.env.user)
        return True

    def _apply_decision(self, state, user):
        """The legal representative's decision on these pending revocations, whether taken
        on the register or by approving the year's lists: one state, written once, that
        the register, the lists and the appraisal all read."""
        today = fields.Date.context_today(self)
        for event in self.sudo():
            event.write({"state": state, "approved_by_id": user.id, "date_decided": today})
            admin = event.administrator_id
            if state == "done":
                admin.write({"qualification_state": "revoked", "date_revoked": today})
            elif not admin.event_ids.filtered(
                lambda e: e.kind == "revocation" and e.state == "pending"
            ):
                admin.write({"qualification_state": "qualified"})
            admin.activity_unlink(["credit_appraisal.mail_activity_type_revocation"])
            if state == "done":
                # the reason stays in the qualification history: the register's chatter is
                # read by fellow administrators
                admin.message_post(
                    body=admin.company_id._credit_env()._(
                        "Qualification revoked, approved by %(user)s.", user=user.name
                    )
                )

    def _withdraw(self):
        """The lists that proposed these revocations were returned: withdrawn, undecided."""
        self.sudo().write({"state": "withdrawn"})
        for admin in self.sudo().administrator_id:
            if admin.qualification_state == "revocation_pending" and not admin.event_ids.filtered(
                lambda e: e.kind == "revocation" and e.state == "pending"
            ):
                admin.write({"qualification_state": "qualified"})
                admin.activity_unlink(["credit_appraisal.mail_activity_type_revocation"])
