"""The finding's states, only through these methods: the auditor opens the rectification
(draft → rectifying), the responsible person or the auditor reports it done (→ to verify),
the credit manager who is not the responsible person verifies it or sends it back."""

from odoo import fields, models
from odoo.exceptions import AccessError, UserError

AUDITOR = "credit_audit.group_credit_auditor"
MANAGER = "credit_management.group_credit_manager"


class CreditAuditFinding(models.Model):
    _inherit = "credit.audit.finding"  # pylint: disable=consider-merging-classes-inherited

    def _check_state(self, states):
        for finding in self:
            if finding.state not in states:
                raise UserError(
                    self.env._(
                        "The finding %(name)s is %(state)s: this cannot be done now.",
                        name=finding.name,
                        state=finding._guard_state_label(),
                    )
                )

    def _check_is_auditor(self):
        if not self.env.user.has_group(AUDITOR):
            raise AccessError(self.env._("Only the auditor or the credit manager may do this."))

    def action_confirm(self):
        """Auditor: the finding is notified; its rectification starts. It needs the
        responsible department and person, a plan and a deadline not in the past."""
        self._check_is_auditor()
        findings = self._guard_sudo("write")
        findings._check_state(("draft",))
        today = fields.Date.context_today(self)
        for finding in findings:
            missing = [
                finding._guard_field_label(fname)
                for fname in ("department_id", "employee_id", "plan", "date_deadline")
                if not finding[fname]
            ]
            if missing:
                raise UserError(
                    self.env._(
                        "Before the rectification of %(name)s starts, fill in: %(fields)s.",
                        name=finding.name,
                        fields=", ".join(missing),
                    )
                )
            if finding.date_deadline < today:
                raise UserError(
                    self.env._(
                        "The rectification deadline of %(name)s has passed: set a new one.",
                        name=finding.name,
                    )
                )
            if finding.audit_id.state != "in_progress":
                raise UserError(
                    self.env._(
                        "The audit %(audit)s is not in progress.", audit=finding.audit_id.name
                    )
                )
        findings.write({"state": "open", "date_confirmed": today})
        if findings.responsible_user_id:
            findings.message_subscribe(partner_ids=findings.responsible_user_id.partner_id.ids)
        return True

    def action_submit(self):
        """The responsible person (or the auditor): the rectification is done, to verify.
        At least one follow-up says what was done."""
        findings = self._guard_sudo("read")
        findings._check_state(("open",))
        for finding in findings:
            if self.env.user != finding.responsible_user_id and not self.env.user.has_group(
                AUDITOR
            ):
                raise AccessError(
                    self.env._(
                        "Only the responsible person or the auditor reports the rectification "
                        "of %(name)s done.",
                        name=finding.name,
                    )
                )
            if not finding.followup_ids:
                raise UserError(
                    self.env._(
                        "Record a follow-up of what was done before reporting the "
                        "rectification of %(name)s done.",
                        name=finding.name,
                    )
                )
        findings.write({"state": "to_verify"})
        findings.activity_unlink(["credit_audit.mail_activity_type_rectification_overdue"])
        return True

    def _check_can_verify(self):
        if not self.env.user.has_group(MANAGER):
            raise AccessError(self.env._("Only the credit manager verifies a rectification."))
        for finding in self:
            if self.env.user == finding.sudo().responsible_user_id:
                raise AccessError(
                    self.env._(
                        "Nobody verifies the rectification they are responsible for: %(name)s.",
                        name=finding.name,
                    )
                )

    def action_verify(self):
        """Credit manager (not the responsible person): the rectification had its effect."""
        self._check_can_verify()
        findings = self._guard_sudo("write")
        findings._check_state(("to_verify",))
        findings.write(
            {
                "state": "verified",
                "verified_by_id": self.env.user.id,
                "date_verified": fields.Date.context_today(self),
            }
        )
        return True

    def action_reopen(self):
        """Credit manager (not the responsible person): the rectification is not
        effective: back to rectifying (a new deadline may be set)."""
        self._check_can_verify()
        findings = self._guard_sudo("write")
        findings._check_state(("to_verify", "verified"))
        findings.write({"state": "open", "verified_by_id": False, "date_verified": False})
        return True

    def action_cancel(self):
        """Auditor: the finding is withdrawn (a mistake of the audit)."""
        self._check_is_auditor()
        findings = self._guard_sudo("write")
        findings._check_state(("draft", "open"))
        findings.write({"state": "cancelled"})
        findings.activity_unlink(["credit_audit.mail_activity_type_rectification_overdue"])
        return True

    def action_add_followup(self):
        """Open a new follow-up of this finding in a dialog."""
        self.ensure_one()
        self.check_access("read")
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Follow-up"),
            "res_model": "credit.audit.followup",
            "view_mode": "form",
            "target": "new",
            "context": {"default_finding_id": self.id},
        }

    def action_add_accountability(self):
        """Auditor: propose the accountability of the responsible person."""
        self.ensure_one()
        self._check_is_auditor()
        self._check_state(("open", "to_verify", "verified"))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Accountability"),
            "res_model": "credit.audit.accountability",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_finding_id": self.id,
                "default_employee_id": self.employee_id.id,
            },
        }
