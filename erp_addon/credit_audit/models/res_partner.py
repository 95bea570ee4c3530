from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    credit_audit_finding_count = fields.Integer(
        string="Audit Findings",
        compute="_compute_credit_audit_finding_count",
        groups="credit_management.group_credit_administrator",
    )

    def _compute_credit_audit_finding_count(self):
        counts = dict(
            self.env["credit.audit.finding"]._read_group(
                [("partner_ids", "in", self.ids)], ["partner_ids"], ["__count"]
            )
        )
        for partner in self:
            partner.credit_audit_finding_count = counts.get(partner._origin, 0)

    def action_credit_audit_findings(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "credit_audit.action_credit_audit_finding"
        )
        action["domain"] = [("partner_ids", "in", self.ids)]
        action["context"] = {"search_default_group_by_state": 0}
        return action
