from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

AUDITOR = "credit_audit.group_credit_auditor"


class CreditAudit(models.Model):
    """An audit of the credit work (审计), internal or external: who audited, what it
    covered and when, and the findings it raised (审计整改)."""

    _name = "credit.audit"
    _description = "Credit Audit"
    _inherit = ["mail.thread", "mail.activity.mixin", "credit.guard.mixin"]
    _order = "date_start desc, id desc"
    _check_company_auto = True

    _guard_flow_fields = ("name", "state")
    _guard_sequence = "credit.audit"
    # what the audit was is fixed once it is closed
    _guard_locks = [
        (
            ("audit_type", "auditor_id", "audit_firm", "scope", "date_start", "date_end"),
            ("draft", "in_progress"),
        ),
        (("company_id",), ("draft",)),
    ]
    _guard_undeletable_states = ("in_progress", "closed")

    name = fields.Char(string="Reference", required=True, readonly=True, default="/", copy=False)
    title = fields.Char(required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    audit_type = fields.Selection(
        [("internal", "Internal Audit"), ("external", "External Audit")],
        string="Type",
        required=True,
        default="internal",
        tracking=True,
    )
    auditor_id = fields.Many2one(
        "res.users",
        required=True,
        default=lambda self: self.env.user,
        tracking=True,
        domain=[("share", "=", False)],
        help="Who records the audit and its findings (for an external audit, the "
        "company's contact for the auditors).",
    )
    audit_firm = fields.Char(tracking=True, help="The external auditors (an external audit).")
    scope = fields.Text(required=True, tracking=True)
    date_start = fields.Date(
        string="Start Date", required=True, default=fields.Date.context_today, tracking=True
    )
    date_end = fields.Date(string="End Date", tracking=True)
    state = fields.Selection(
        [("draft", "Draft"), ("in_progress", "In Progress"), ("closed", "Closed")],
        required=True,
        default="draft",
        tracking=True,
    )
    finding_ids = fields.One2many("credit.audit.finding", "audit_id", string="Findings")
    finding_count = fields.Integer(compute="_compute_finding_counts")
    open_finding_count = fields.Integer(string="Open Findings", compute="_compute_finding_counts")

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for audit in self:
            if audit.date_end and audit.date_end < audit.date_start:
                raise ValidationError(
                    self.env._("The audit %(name)s cannot end before it starts.", name=audit.name)
                )

    @api.constrains("audit_type", "audit_firm")
    def _check_firm(self):
        for audit in self:
            if audit.audit_type == "external" and not (audit.audit_firm or "").strip():
                raise ValidationError(self.env._("An external audit names its audit firm."))

    def _compute_finding_counts(self):
        Finding = self.env["credit.audit.finding"]
        counts = {
            (audit.id, state): count
            for audit, state, count in Finding._read_group(
                [("audit_id", "in", self.ids)], ["audit_id", "state"], ["__count"]
            )
        }
        for audit in self:
            per_state = {s: counts.get((audit.id, s), 0) for s in Finding._open_states()}
            audit.open_finding_count = sum(per_state.values())
            audit.finding_count = sum(c for (aid, _s), c in counts.items() if aid == audit.id)

    # ------------------------------------------------------------------ flow
    def _check_auditor(self):
        for audit in self:
            if self.env.user != audit.auditor_id and not self.env.user.has_group(
                "credit_management.group_credit_manager"
            ):
                raise UserError(
                    self.env._(
                        "Only the auditor of %(name)s or the credit manager may do this.",
                        name=audit.name,
                    )
                )

    def action_start(self):
        """Auditor: the audit starts (its findings are recorded)."""
        audits = self._guard_sudo("write")
        self._check_auditor()
        for audit in audits:
            if audit.state != "draft":
                raise UserError(
                    self.env._("The audit %(name)s has already started.", name=audit.name)
                )
        audits.write({"state": "in_progress"})
        return True

    def action_close(self):
        """Auditor or credit manager: close the audit once every finding is verified or
        cancelled."""
        audits = self._guard_sudo("write")
        self._check_auditor()
        for audit in audits:
            if audit.state != "in_progress":
                raise UserError(
                    self.env._(
                        "Only an audit in progress can be closed: %(name)s.", name=audit.name
                    )
                )
            pending = audit.finding_ids.filtered(lambda f: f.state not in ("verified", "cancelled"))
            if pending:
                raise UserError(
                    self.env._(
                        "The audit %(name)s still has findings not verified: %(findings)s.",
                        name=audit.name,
                        findings=", ".join(pending.mapped("name")),
                    )
                )
        today = fields.Date.context_today(self)
        for audit in audits:
            audit.write({"state": "closed", "date_end": audit.date_end or today})
        return True

    def action_open_findings(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "credit_audit.action_credit_audit_finding"
        )
        action["domain"] = [("audit_id", "=", self.id)]
        action["context"] = {"default_audit_id": self.id}
        return action

    def action_print(self):
        return self.env.ref("credit_audit.action_report_credit_audit").report_action(self)
