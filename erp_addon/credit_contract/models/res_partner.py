from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    credit_contract_ids = fields.One2many(
        "credit.contract",
        "partner_id",
        string="Contracts",
        groups="credit_management.group_credit_user",
    )
    credit_contract_count = fields.Integer(
        compute="_compute_credit_contract_count", groups="credit_management.group_credit_user"
    )

    def _compute_credit_contract_count(self):
        counts = dict(
            self.env["credit.contract"]._read_group(
                [("partner_id", "in", self.commercial_partner_id.ids)],
                ["partner_id"],
                ["__count"],
            )
        )
        for partner in self:
            partner.credit_contract_count = counts.get(partner.commercial_partner_id, 0)

    def action_view_credit_contracts(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "credit_contract.action_credit_contract"
        )
        partner = self.commercial_partner_id
        action["domain"] = [("partner_id", "=", partner.id)]
        action["context"] = {"default_partner_id": partner.id}
        return action
