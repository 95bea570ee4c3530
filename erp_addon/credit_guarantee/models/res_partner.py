"""What guarantees do to the partner's credit: cover counted by the check (added to the
limit or deducted from exposure, as the company sets), a guarantor's contingent liability
counted in its own exposure, both read in the check's one query."""

from odoo import api, fields, models
from odoo.tools import SQL, float_compare

from odoo.addons.credit_management.models.res_partner import CREDIT_FIGURES_GROUPS
from odoo.addons.credit_management.models.res_partner_check import _money

# only the cover keys in the figures' query (the check asks every add-on's keys itself)
COVER_ONLY = "credit_guarantee_cover_only"


class ResPartner(models.Model):
    _inherit = "res.partner"

    credit_guarantee_ids = fields.One2many(
        "credit.guarantee",
        "partner_id",
        string="Guarantees and Collateral",
        groups="credit_management.group_credit_user",
    )
    credit_guarantee_count = fields.Integer(
        compute="_compute_credit_guarantee_count", groups="credit_management.group_credit_user"
    )
    credit_guarantor_count = fields.Integer(
        string="Guarantees Given",
        compute="_compute_credit_guarantee_count",
        groups="credit_management.group_credit_user",
    )
    credit_guarantee_cover = fields.Monetary(
        string="Active Cover",
        compute="_compute_credit_guarantee_figures",
        currency_field="credit_currency_id",
        groups=CREDIT_FIGURES_GROUPS,
        help="Guarantees and collateral in force today, after haircut, in company currency.",
    )
    credit_guarantee_contingent = fields.Monetary(
        string="Contingent Liability",
        compute="_compute_credit_guarantee_figures",
        currency_field="credit_currency_id",
        groups=CREDIT_FIGURES_GROUPS,
        help="What this partner guarantees for others (third-party guarantees in force "
        "today): counted in its own exposure.",
    )

    def _compute_credit_guarantee_count(self):
        Guarantee = self.env["credit.guarantee"]
        self.credit_guarantee_count = self.credit_guarantor_count = 0
        if not Guarantee.has_access("read") or not self.ids:
            return
        commercial = self.commercial_partner_id
        customers = dict(
            Guarantee._read_group(
                [("partner_id", "in", commercial.ids)], ["partner_id"], ["__count"]
            )
        )
        guarantors = dict(
            Guarantee._read_group(
                [("guarantor_id", "in", commercial.ids)], ["guarantor_id"], ["__count"]
            )
        )
        for partner in self:
            partner.credit_guarantee_count = customers.get(partner.commercial_partner_id, 0)
            partner.credit_guarantor_count = guarantors.get(partner.commercial_partner_id, 0)

    @api.depends_context("company")
    def _compute_credit_guarantee_figures(self):
        """The same figures the check counts (its SQL functions), one query for all."""
        company = self.env.company
        self.credit_guarantee_cover = self.credit_guarantee_contingent = 0.0
        real = self.filtered("id")
        if not real:
            return
        self.env.flush_all()
        today = fields.Date.context_today(self)
        self.env.cr.execute(
            SQL(
                "SELECT p.id, credit_guarantee_cover(p.commercial_partner_id, %s, %s), "
                "credit_guarantee_contingent(p.commercial_partner_id, %s, %s) "
                "FROM res_partner p WHERE p.id = ANY(%s)",
                company.id,
                today,
                company.id,
                today,
                real.ids,
            )
        )
        for pid, cover, contingent in self.env.cr.fetchall():
            partner = self.browse(pid)
            partner.credit_guarantee_cover = float(cover or 0.0)
            partner.credit_guarantee_contingent = float(contingent or 0.0)

    # ------------------------------------------------------------ the check's figures
    def _credit_block_figures_sql(self, company):
        """The cover and contingent liability, in the check's one query."""
        extra = (
            {} if self.env.context.get(COVER_ONLY) else super()._credit_block_figures_sql(company)
        )
        # today computed in the query as the check's figures compute it (no read of the
        # user's time zone here: the check's query count stays as it is)
        today = SQL(
            "credit_guarantee_today(%s, %s, %s)",
            fields.Datetime.now(),
            self.env.context.get("tz") or None,
            self.env.uid,
        )
        extra["guarantee_cover"] = SQL(
            "credit_guarantee_cover(f.commercial_partner_id, %s, %s)", company.id, today
        )
        extra["guarantee_contingent"] = SQL(
            "credit_guarantee_contingent(f.commercial_partner_id, %s, %s)", company.id, today
        )
        return extra

    def _credit_exposure_figures(
        self, company, lock=False, exclude_moves=(), exclude_orders=(), reasons=False
    ):
        """The figures with guarantees counted: a guarantor's contingent liability adds to
        its exposure; active cover adds to an approved limit, or (company setting) is
        deducted from exposure. Read in the same one query (only the cover's columns when
        the caller did not ask for the add-ons' reasons)."""
        partners = self if reasons else self.with_context(**{COVER_ONLY: True})
        result = super(ResPartner, partners)._credit_exposure_figures(
            company,
            lock=lock,
            exclude_moves=exclude_moves,
            exclude_orders=exclude_orders,
            reasons=True,
        )
        mode = company._credit_settings().get("credit_guarantee_cover_mode", "limit")
        done = set()
        for fig in result.values():
            if id(fig) in done:
                continue
            done.add(id(fig))
            _apply_cover(fig, mode)
        return result

    def _credit_block_reasons(self, company, figures, amount):
        """When the limit blocks, say what guarantees counted in the figures."""
        reasons, warnings = super()._credit_block_reasons(company, figures, amount)
        cover = figures.get("guarantee_cover") or 0.0
        contingent = figures.get("guarantee_contingent") or 0.0
        if not (cover or contingent) or figures.get("policy") == "prepayment":
            return reasons, warnings
        rounding = company._credit_settings()["currency_rounding"]
        over = figures["has_limit"] and (
            float_compare(
                figures["exposure"] + amount, figures["limit"], precision_rounding=rounding
            )
            > 0
        )
        if not over:
            return reasons, warnings
        parts = []
        if cover and figures.get("guarantee_cover_in_limit"):
            parts.append(
                self.env._(
                    "active guarantee cover of %(cover)s is included in the limit",
                    cover=_money(cover, company),
                )
            )
        elif cover and figures.get("guarantee_cover_in_exposure"):
            parts.append(
                self.env._(
                    "active guarantee cover of %(cover)s is deducted from the exposure",
                    cover=_money(cover, company),
                )
            )
        if contingent:
            parts.append(
                self.env._(
                    "contingent liability as guarantor of %(amount)s is included in the exposure",
                    amount=_money(contingent, company),
                )
            )
        if parts:
            reasons.append(self.env._("Guarantees: %(parts)s.", parts="; ".join(parts)))
        return reasons, warnings

    # ------------------------------------------------------------ smart buttons
    def action_credit_guarantees(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "credit_guarantee.action_credit_guarantee"
        )
        partner = self.commercial_partner_id
        action["domain"] = [("partner_id", "=", partner.id)]
        action["context"] = {"default_partner_id": partner.id}
        return action

    def action_credit_guarantees_given(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "credit_guarantee.action_credit_guarantee"
        )
        partner = self.commercial_partner_id
        action["domain"] = [("guarantor_id", "=", partner.id)]
        action["context"] = {"default_guarantor_id": partner.id, "default_kind": "guarantee"}
        return action


def _apply_cover(fig, mode):
    """Count the guarantees in one commercial partner's figures (in place)."""
    cover = float(fig.get("guarantee_cover") or 0.0)
    contingent = float(fig.get("guarantee_contingent") or 0.0)
    fig["guarantee_cover"], fig["guarantee_contingent"] = cover, contingent
    fig["guarantee_cover_in_limit"] = fig["guarantee_cover_in_exposure"] = False
    fig["exposure"] += contingent
    if not cover:
        return
    if mode == "exposure":
        fig["exposure"] -= cover
        fig["guarantee_cover_in_exposure"] = True
    elif fig["has_limit"]:
        # cover backs an approved limit; it does not replace due diligence
        fig["limit"] += cover
        fig["guarantee_cover_in_limit"] = True
