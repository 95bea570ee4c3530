"""The hard credit check's reasons, and their preview for callers outside Odoo.

``_credit_block_reasons`` words why adding an amount to a partner's exposure is refused
(or only warned about), from the figures of ``_credit_exposure_figures``; add-ons extend
it with their own reasons. ``credit_block_preview`` asks the same of many partners at once.
"""

from odoo import api, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import float_compare

from .res_partner import CREDIT_FIGURES_GROUPS

# the new document a preview of the check asks about (company currency)
CREDIT_PREVIEW_AMOUNT = 0.01


class ResPartner(models.Model):
    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

    # ------------------------------------------------------------ hard check
    def _credit_block_reasons(self, company, figures, amount):
        """(reasons, warnings) for adding ``amount`` to this partner's exposure.

        Reasons block the document; warnings are only shown. Reads only ``figures`` and
        the cached company settings; records are read only to word the reasons.
        """
        self.ensure_one()
        settings = company._credit_settings()
        rounding = settings["currency_rounding"]
        reasons, warnings = [], []
        if figures["on_warning_list"]:
            reasons.append(
                self.env._(
                    "%(partner)s is on the serious-dishonesty warning list.",
                    partner=self.display_name,
                )
            )
        policy = figures["policy"]
        grade = self.with_company(company).sudo().credit_grade_id if policy else None
        if policy == "blocked":
            reasons.append(self.env._("Credit grade %(grade)s blocks sales.", grade=grade.name))
        new_exposure = figures["exposure"] + amount
        if policy == "prepayment":
            # what advance payments do not cover of this document
            uncovered = min(amount, new_exposure)
            if float_compare(uncovered, 0.0, precision_rounding=rounding) > 0:
                reasons.append(
                    self.env._(
                        "Credit grade %(grade)s requires prepayment: %(amount)s of this "
                        "document is not covered by advance payments.",
                        grade=grade.name,
                        amount=_money(uncovered, company),
                    )
                )
        elif figures["has_limit"]:
            if float_compare(new_exposure, figures["limit"], precision_rounding=rounding) > 0:
                reasons.append(
                    self.env._(
                        "Exposure would be %(new)s, over the credit limit of %(limit)s "
                        "(open receivables %(rec)s, draft invoices %(draft)s, orders not "
                        "invoiced %(orders)s, this document %(amount)s).",
                        new=_money(new_exposure, company),
                        limit=_money(figures["limit"], company),
                        rec=_money(figures["receivable"], company),
                        draft=_money(figures["draft_invoice"], company),
                        orders=_money(figures["sale_order"], company),
                        amount=_money(amount, company),
                    )
                )
        elif settings["credit_no_limit_policy"] == "block":
            reasons.append(
                self.env._(
                    "%(partner)s has no approved credit limit: a due-diligence credit "
                    "application must be approved first.",
                    partner=self.display_name,
                )
            )
        elif settings["credit_no_limit_policy"] == "warn":
            warnings.append(
                self.env._("%(partner)s has no approved credit limit.", partner=self.display_name)
            )
        if (
            settings["credit_block_overdue"]
            and float_compare(
                figures["overdue"],
                settings["credit_overdue_tolerance"],
                precision_rounding=rounding,
            )
            > 0
        ):
            reasons.append(
                self.env._(
                    "Overdue receivables of %(overdue)s exceed the tolerance of %(tolerance)s.",
                    overdue=_money(figures["overdue"], company),
                    tolerance=_money(settings["credit_overdue_tolerance"], company),
                )
            )
        return reasons, warnings

    # ------------------------------------------------------------ outside callers
    @api.model
    def credit_block_preview(self, partner_ids, company_id):
        """What the hard credit check would say now of a new sale to each partner.

        For callers outside Odoo (the ``credit`` command's exposure report): the real
        check's figures and reasons (``_credit_exposure_figures`` and
        ``_credit_block_reasons``, with every add-on's reasons) for a new document of
        0.01 in ``company_id``'s currency, worded in the context's language. Returns
        ``{"checks": {"sale": bool, "invoice": bool}, "reasons": {partner id: [reason]}}``;
        when the company checks neither sales orders nor invoices nothing is blocked and
        every list is empty. The figures of all the partners come from one SQL call.
        """
        if not isinstance(company_id, int) or isinstance(company_id, bool):
            raise UserError(self.env._("Name the company by its id."))
        if not isinstance(partner_ids, list | tuple) or not all(
            isinstance(pid, int) and not isinstance(pid, bool) for pid in partner_ids
        ):
            raise UserError(self.env._("Name the partners by a list of ids."))
        user = self.env.user
        if company_id not in user.company_ids.ids:
            raise AccessError(
                self.env._("You can only preview the credit check of your own companies.")
            )
        if not user.has_groups(CREDIT_FIGURES_GROUPS):
            raise AccessError(self.env._("You are not allowed to see credit figures."))
        partners = self.browse(partner_ids).exists()
        partners.check_access("read")
        company = self.env["res.company"].browse(company_id)
        settings = company._credit_settings()
        checks = {
            "sale": settings["credit_check_sale"],
            "invoice": settings["credit_check_invoice"],
        }
        result = {"checks": checks, "reasons": {pid: [] for pid in partners.ids}}
        if not partners or not (checks["sale"] or checks["invoice"]):
            return result
        figures = partners.sudo()._credit_exposure_figures(company)
        # one answer per commercial partner, shared by its contacts
        of_commercial = {fig["partner_id"]: fig for fig in figures.values()}
        commercial = self.sudo().browse(list(of_commercial))
        # what add-ons' reasons read, for all of them at once (not a query per partner)
        extra = commercial._credit_block_prefetch(company)
        # browsed together: grades and names are read for all of them at once
        reasons = {}
        for partner in commercial:
            fig = dict(of_commercial[partner.id], **extra.get(partner.id, {}))
            reasons[partner.id] = partner._credit_block_reasons(
                company, fig, CREDIT_PREVIEW_AMOUNT
            )[0]
        for pid, fig in figures.items():
            result["reasons"][pid] = list(reasons[fig["partner_id"]])
        return result

    def _credit_block_prefetch(self, company):
        """Extension point of ``_credit_block_reasons`` for many partners at once:
        {commercial partner id: {key: value}} merged into each one's figures before its
        reasons are asked, so that an add-on's reason can be read for all of them in one
        query. The check itself (one partner) does not call it."""
        return {}


def _money(amount, company):
    """An amount as a refusal message shows it, in the company's currency."""
    return f"{company.currency_id.symbol or ''}{amount:,.2f}"
