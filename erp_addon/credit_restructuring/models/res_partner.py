from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    restructuring_count = fields.Integer(
        string="Restructurings",
        compute="_compute_restructuring_count",
        groups="credit_management.group_credit_user,account.group_account_readonly",
    )

    def _compute_restructuring_count(self):
        Agreement = self.env["credit.restructuring"]
        counts = {}
        if Agreement.has_access("read"):
            counts = dict(
                Agreement._read_group(
                    [("partner_id", "in", self.commercial_partner_id.ids)],
                    ["partner_id"],
                    ["__count"],
                )
            )
        for partner in self:
            partner.restructuring_count = counts.get(partner.commercial_partner_id, 0)

    def action_open_restructurings(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "credit_restructuring.action_credit_restructuring"
        )
        partner = self.commercial_partner_id
        action["domain"] = [("partner_id", "=", partner.id)]
        action["context"] = {"default_partner_id": partner.id}
        return action
