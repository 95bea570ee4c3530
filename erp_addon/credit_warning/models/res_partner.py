from odoo import api, fields, models

from odoo.addons.credit_management.models.res_partner import CREDIT_FIGURES_GROUPS

from .credit_warning_signal_run import LEVELS


class ResPartner(models.Model):
    _inherit = "res.partner"

    @property
    def _guard_flow_fields(self):
        """The warning level and score: written by the early-warning run only (added to
        what other add-ons declare on partners)."""
        return (*super()._guard_flow_fields, "credit_warning_level", "credit_warning_score")

    # per company, stored (company-dependent: searchable and groupable in the company);
    # written by credit.warning.signal's run only
    credit_warning_level = fields.Selection(
        LEVELS,
        string="Warning Level",
        company_dependent=True,
        readonly=True,
        groups=CREDIT_FIGURES_GROUPS,
        help="Early warning (预警) from the signals in force and their weights, against the "
        "company's thresholds; worked out daily.",
    )
    credit_warning_score = fields.Float(
        string="Warning Score",
        company_dependent=True,
        readonly=True,
        digits=(16, 1),
        groups=CREDIT_FIGURES_GROUPS,
    )
    credit_warning_signal_ids = fields.One2many(
        "credit.warning.signal",
        "partner_id",
        string="Early-Warning Signals",
        groups="credit_management.group_credit_user",
    )
    credit_warning_history_ids = fields.One2many(
        "credit.warning.history",
        "partner_id",
        string="Warning Level History",
        groups="credit_management.group_credit_user",
    )
    credit_rescue_ids = fields.One2many(
        "credit.rescue",
        "partner_id",
        string="Rescue Cases",
        groups="credit_management.group_credit_user",
    )
    credit_rescue_count = fields.Integer(
        compute="_compute_credit_rescue_count", groups="credit_management.group_credit_user"
    )

    @api.depends_context("company")
    def _compute_credit_rescue_count(self):
        counts = dict(
            self.env["credit.rescue"]._read_group(
                [
                    ("partner_id", "in", self.commercial_partner_id.ids),
                    ("company_id", "=", self.env.company.id),
                ],
                ["partner_id"],
                ["__count"],
            )
        )
        for partner in self:
            partner.credit_rescue_count = counts.get(partner.commercial_partner_id, 0)

    def action_credit_open_rescue(self):
        """Open a rescue case (挽救) for the customer from its warning: the case's form,
        new, with the customer and its warning (credit.rescue's create takes the signals
        in force)."""
        self.ensure_one()
        return self.env["credit.rescue"]._action_new_for(self.commercial_partner_id)

    def action_credit_view_rescues(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "credit_warning.action_credit_rescue"
        )
        action["domain"] = [("partner_id", "=", self.commercial_partner_id.id)]
        action["context"] = {"default_partner_id": self.commercial_partner_id.id}
        return action
