from odoo import api, fields, models

from odoo.addons.credit_management.models.res_partner import CREDIT_FIGURES_GROUPS

ANALYST = "credit_management.group_credit_analyst"
IMPORTED_FIELDS = ("credit_external_rating", "credit_external_date", "credit_external_source")


class ResPartner(models.Model):
    _inherit = "res.partner"

    @property
    def _guard_flow_fields(self):
        """The external rating, its date and source: written by the import only."""
        return (*super()._guard_flow_fields, *IMPORTED_FIELDS)

    @property
    def _guard_field_groups(self):
        """Whether the customer's credit data may be shared: the analysts decide."""
        return {**super()._guard_field_groups, "credit_shareable": ANALYST}

    # what the last import said: the credit roles and accounting's auditors read it
    credit_external_rating = fields.Char(
        string="External Rating", readonly=True, copy=False, groups=CREDIT_FIGURES_GROUPS
    )
    credit_external_date = fields.Date(
        string="External Data Of", readonly=True, copy=False, groups=CREDIT_FIGURES_GROUPS
    )
    credit_external_source = fields.Char(
        string="External Source", readonly=True, copy=False, groups=CREDIT_FIGURES_GROUPS
    )
    credit_shareable = fields.Boolean(
        string="Credit Data Shareable",
        copy=False,
        tracking=True,
        help="The customer's credit data may be shared with banks, industry associations "
        "and rating agencies (Credit → External Data → Share Out).",
    )
    credit_external_record_ids = fields.One2many(
        "credit.external.record",
        "partner_id",
        string="External Records",
        groups="credit_management.group_credit_user",
    )
    credit_external_value_ids = fields.One2many(
        "credit.external.value",
        "partner_id",
        string="External Value History",
        groups="credit_management.group_credit_user",
    )
    credit_external_adverse_ids = fields.One2many(
        "credit.external.adverse",
        "partner_id",
        string="Adverse Records",
        groups="credit_management.group_credit_user",
    )
    credit_external_adverse_count = fields.Integer(
        string="Adverse Records (Count)",
        compute="_compute_credit_external_adverse_count",
        groups="credit_management.group_credit_user",
    )

    @api.depends("credit_external_adverse_ids")
    def _compute_credit_external_adverse_count(self):
        groups = self.env["credit.external.adverse"]._read_group(
            [("partner_id", "in", self.ids)], ["partner_id"], ["__count"]
        )
        counts = {partner.id: count for partner, count in groups}
        for partner in self:
            partner.credit_external_adverse_count = counts.get(partner.id, 0)

    def action_open_credit_external_adverse(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "credit_external_data.action_credit_external_adverse"
        )
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"create": False}
        return action
