from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

AUDITOR = "credit_audit.group_credit_auditor"


class CreditAuditFollowup(models.Model):
    """A dated entry following up the effect of a finding's rectification (整改效果跟踪),
    written by the responsible person or the auditor: kept as written."""

    _name = "credit.audit.followup"
    _description = "Audit Finding Follow-up"
    _inherit = ["credit.guard.mixin"]
    _order = "date desc, id desc"
    _rec_name = "finding_id"

    _guard_flow_fields = ("author_id",)
    _guard_state_field = None
    _guard_undeletable_states = "__all__"

    finding_id = fields.Many2one(
        "credit.audit.finding", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="finding_id.company_id", store=True, index=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    note = fields.Text(string="Effect", required=True)
    author_id = fields.Many2one(
        "res.users", string="Recorded By", default=lambda self: self.env.user, readonly=True
    )

    @api.model
    def _guard_check_create(self, vals_list):
        today = fields.Date.context_today(self)
        findings = self.env["credit.audit.finding"].browse(
            [vals["finding_id"] for vals in vals_list if vals.get("finding_id")]
        )
        findings.check_access("read")
        for finding in findings:
            if self.env.user != finding.responsible_user_id and not self.env.user.has_group(
                AUDITOR
            ):
                raise AccessError(
                    self.env._(
                        "Only the responsible person or the auditor follows up %(name)s.",
                        name=finding.name,
                    )
                )
            if finding.state not in ("open", "to_verify", "verified"):
                raise UserError(
                    self.env._(
                        "The finding %(name)s is %(state)s: no follow-up now.",
                        name=finding.name,
                        state=finding._guard_state_label(),
                    )
                )
        for vals in vals_list:
            if vals.get("date") and fields.Date.to_date(vals["date"]) > today:
                raise ValidationError(self.env._("A follow-up is not dated in the future."))

    def _guard_check_write(self, vals):
        raise UserError(
            self.env._("A follow-up is a dated entry: it is kept as written; add a new one.")
        )
