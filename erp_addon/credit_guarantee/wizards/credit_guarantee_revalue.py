import contextlib

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare

from odoo.addons.credit_management.models.credit_authority_band import APPROVAL_LEVELS


class CreditGuaranteeRevalue(models.TransientModel):
    """The revaluation dialog: the new value of a mortgage's or pledge's collateral, the
    day it was valued, by whom and on what basis, the documents, and the haircut if it
    changes. Shows whether the new cover applies at once or waits for approval."""

    _name = "credit.guarantee.revalue"
    _description = "Revalue a Guarantee's Collateral"

    guarantee_id = fields.Many2one("credit.guarantee", required=True, ondelete="cascade")
    currency_id = fields.Many2one(related="guarantee_id.currency_id")
    company_currency_id = fields.Many2one(related="guarantee_id.company_currency_id")
    old_value = fields.Monetary(
        related="guarantee_id.value", string="Current Value", currency_field="currency_id"
    )
    old_haircut = fields.Float(related="guarantee_id.haircut", string="Current Haircut (%)")
    old_valuation_date = fields.Date(
        related="guarantee_id.valuation_date", string="Last Valuation Date"
    )
    old_cover = fields.Monetary(
        related="guarantee_id.cover_amount",
        string="Current Cover",
        currency_field="company_currency_id",
    )
    new_value = fields.Monetary(required=True, currency_field="currency_id")
    new_haircut = fields.Float(
        string="New Haircut (%)",
        help="The haircut after the revaluation: left as it is unless it changes.",
    )
    valuation_date = fields.Date(required=True, default=fields.Date.context_today)
    note = fields.Text(
        string="Valuer and Basis",
        required=True,
        help="Who valued the collateral and on what basis (appraisal report, market price...).",
    )
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "credit_guarantee_revalue_ir_attachment_rel",
        "wizard_id",
        "attachment_id",
        string="Documents",
    )
    new_cover = fields.Monetary(compute="_compute_new_cover", currency_field="company_currency_id")
    needs_approval = fields.Boolean(compute="_compute_new_cover")
    required_level = fields.Selection(APPROVAL_LEVELS, compute="_compute_new_cover")

    @api.depends("guarantee_id", "new_value", "new_haircut", "valuation_date")
    def _compute_new_cover(self):
        Band = self.env["credit.authority.band"]
        for wizard in self:
            guarantee = wizard.guarantee_id
            if not guarantee:
                wizard.new_cover = 0.0
                wizard.needs_approval = False
                wizard.required_level = False
                continue
            _value, cover = guarantee._cover_for(
                wizard.new_value, wizard.new_haircut, wizard.valuation_date
            )
            wizard.new_cover = cover
            wizard.needs_approval = (
                float_compare(
                    cover,
                    guarantee.cover_amount,
                    precision_rounding=guarantee.company_currency_id.rounding,
                )
                > 0
            )
            level = False
            if wizard.needs_approval:
                # no band for the amount: the confirmation says so
                with contextlib.suppress(UserError):
                    level = Band._band_for_amount(cover, guarantee.company_id).level
            wizard.required_level = level

    def action_confirm(self):
        self.ensure_one()
        self.guarantee_id._record_valuation(
            self.new_value,
            self.new_haircut,
            self.valuation_date,
            self.note,
            self.attachment_ids,
        )
        return {"type": "ir.actions.act_window_close"}
