from odoo import fields, models


class CreditContract(models.Model):
    _inherit = "credit.contract"

    audit_finding_count = fields.Integer(
        string="Audit Findings",
        compute="_compute_audit_finding_count",
        groups="credit_management.group_credit_administrator",
    )

    def _compute_audit_finding_count(self):
        counts = dict(
            self.env["credit.audit.finding"]._read_group(
                [("contract_ids", "in", self.ids)], ["contract_ids"], ["__count"]
            )
        )
        for contract in self:
            contract.audit_finding_count = counts.get(contract._origin, 0)

    def action_view_audit_findings(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "credit_audit.action_credit_audit_finding"
        )
        action["domain"] = [("contract_ids", "in", self.ids)]
        action["context"] = {}
        return action
