from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_amount

APPROVAL_LEVELS = [
    ("manager", "Credit manager"),
    ("committee", "Credit committee"),
]
LEVEL_GROUPS = {
    "manager": "credit_management.group_credit_manager",
    "committee": "credit_management.group_credit_committee",
}


class CreditAuthorityBand(models.Model):
    """Who may approve a credit limit, by amount (审批权限)."""

    _name = "credit.authority.band"
    _description = "Credit Approval Authority Band"
    _order = "company_id, amount_from"

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    amount_from = fields.Monetary(required=True, currency_field="currency_id")
    amount_to = fields.Monetary(
        currency_field="currency_id",
        help="Upper bound, excluded. Leave at zero for no upper bound.",
    )
    level = fields.Selection(APPROVAL_LEVELS, required=True, string="Approved By")

    @api.depends("level", "amount_from", "amount_to", "currency_id")
    @api.depends_context("lang")
    def _compute_display_name(self):
        for band in self:
            env = band.env
            levels = dict(band._fields["level"]._description_selection(env))
            low = format_amount(env, band.amount_from, band.currency_id)
            if band.amount_to:
                band.display_name = env._(
                    "%(level)s: %(low)s to %(high)s",
                    level=levels.get(band.level, "-"),
                    low=low,
                    high=format_amount(env, band.amount_to, band.currency_id),
                )
            else:
                band.display_name = env._(
                    "%(level)s: from %(low)s", level=levels.get(band.level, "-"), low=low
                )

    @api.constrains("amount_from", "amount_to", "company_id")
    def _check_bands(self):
        for company in self.company_id:
            bands = self.search([("company_id", "=", company.id)], order="amount_from")
            expected_from = 0.0
            for index, band in enumerate(bands):
                if band.amount_from < 0 or band.amount_to < 0:
                    raise ValidationError(self.env._("Authority band amounts cannot be negative."))
                if band.amount_to and band.amount_to <= band.amount_from:
                    raise ValidationError(
                        self.env._(
                            "A band must end above its start (%(start).2f).", start=band.amount_from
                        )
                    )
                if band.currency_id.compare_amounts(band.amount_from, expected_from) > 0:
                    raise ValidationError(
                        self.env._(
                            "Authority bands leave a gap from %(start).2f to %(end).2f.",
                            start=expected_from,
                            end=band.amount_from,
                        )
                    )
                if band.currency_id.compare_amounts(band.amount_from, expected_from) < 0:
                    raise ValidationError(
                        self.env._(
                            "Authority bands overlap at %(amount).2f.", amount=band.amount_from
                        )
                    )
                if not band.amount_to and index < len(bands) - 1:
                    raise ValidationError(
                        self.env._("Only the highest authority band may be open-ended.")
                    )
                expected_from = band.amount_to

    def unlink(self):
        companies = self.company_id
        res = super().unlink()
        # the bands left must still follow each other without gaps
        self.search([("company_id", "in", companies.ids)])._check_bands()
        return res

    @api.model
    def _band_for_amount(self, amount, company):
        band = self.search(
            [
                ("company_id", "=", company.id),
                ("amount_from", "<=", amount),
                "|",
                ("amount_to", "=", 0),
                ("amount_to", ">", amount),
            ],
            limit=1,
        )
        if not band:
            raise UserError(
                self.env._(
                    "No approval authority band covers %(amount).2f in company %(company)s. "
                    "Ask an administrator to configure the bands under Credit > Configuration.",
                    amount=amount,
                    company=company.name,
                )
            )
        return band
