from odoo import api, fields, models


class CreditAppraisal(models.Model):
    _inherit = "credit.appraisal"

    audit_finding_ids = fields.Many2many(
        "credit.audit.finding",
        string="Audit Findings",
        compute="_compute_audit_findings",
        groups="credit_management.group_credit_administrator",
        help="The findings of audits of the appraisal's year on the person appraised: "
        "evidence for the assessor.",
    )
    audit_finding_count = fields.Integer(
        compute="_compute_audit_findings",
        groups="credit_management.group_credit_administrator",
    )

    @api.depends("employee_id", "year")
    def _compute_audit_findings(self):
        """The findings whose responsible person is the one appraised, of the audits that
        started in the appraisal's year (one search for all the appraisals read; only
        what the reader may read)."""
        Finding = self.env["credit.audit.finding"]
        if not Finding.has_access("read") or not self.employee_id:
            self.audit_finding_ids = Finding
            self.audit_finding_count = 0
            return
        years = [y for y in self.mapped("year") if y]
        findings = Finding.search(
            [
                ("employee_id", "in", self.employee_id.ids),
                ("state", "!=", "cancelled"),
                ("audit_id.date_start", ">=", f"{min(years)}-01-01" if years else "1900-01-01"),
                ("audit_id.date_start", "<=", f"{max(years)}-12-31" if years else "2999-12-31"),
            ]
        )
        for appraisal in self:
            mine = findings.filtered(
                lambda f, a=appraisal: (
                    f.employee_id == a.employee_id and f.audit_id.date_start.year == a.year
                )
            )
            appraisal.audit_finding_ids = mine
            appraisal.audit_finding_count = len(mine)
