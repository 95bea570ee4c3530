from collections import defaultdict
from datetime import timedelta

from odoo import fields, models

from odoo.addons.credit_contract.models.credit_contract import SIGNED_STATES


class CreditLegalReview(models.Model):
    """The contract ledger's statistics for a review's period, set-based: the reviews of
    one period are counted together, one ``_read_group`` per figure grouped by company,
    whatever the number of contracts and companies."""

    _inherit = "credit.legal.review"  # pylint: disable=consider-merging-classes-inherited

    def _legal_compute_figures(self):
        """Count the period's ledger into the reviews' figures (as superuser: the review
        states the company's whole ledger, which its readers may see in total)."""
        by_period = defaultdict(lambda: self.browse())
        for review in self:
            by_period[(review.date_from, review.date_to)] |= review
        today = fields.Date.context_today(self)
        for (date_from, date_to), reviews in by_period.items():
            figures = self._legal_figures(reviews.company_id, date_from, date_to)
            for review in reviews:
                values = {
                    name: by_company.get(review.company_id.id, 0)
                    for name, by_company in figures.items()
                }
                values["figures_date"] = today
                review.sudo().write(values)

    def _legal_figures(self, companies, date_from, date_to):
        """``{figure: {company_id: value}}`` for the period ``date_from``-``date_to``."""
        env = self.sudo().env
        company = [("company_id", "in", companies.ids)]

        def count(model, domain, aggregate="__count"):
            groups = env[model]._read_group(company + domain, ["company_id"], [aggregate])
            return {comp.id: value for comp, value in groups}

        def period(fname):
            return [(fname, ">=", date_from), (fname, "<=", date_to)]

        signed = [("state", "in", SIGNED_STATES + ("terminated",))] + period("date_signed")
        failed = env["credit.contract.review.line"]._read_group(
            company + [("result", "=", "fail")] + period("date"),
            ["company_id"],
            ["contract_id:count_distinct"],
        )
        return {
            "contract_signed_count": count("credit.contract", signed),
            "contract_signed_amount": count("credit.contract", signed, "amount_company:sum"),
            "review_failed_count": {comp.id: value for comp, value in failed},
            "override_count": count(
                "credit.contract", [("review_override", "=", True)] + period("review_override_date")
            ),
            "dispute_count": count("credit.contract.dispute", period("date_start")),
            "seal_use_count": count("credit.contract.seal.use", period("date")),
            "late_registration_count": count(
                "credit.contract", signed + self._legal_late_domain(companies, date_to)
            ),
            "invalid_count": count(
                "credit.contract", [("is_invalid", "=", True)] + period("invalid_date")
            ),
        }

    def _legal_late_domain(self, companies, date_to):
        """Registered after the company's deadline, or not registered once it passed by
        the end of the period: one domain for every company."""
        late = ["&", ("date_registered", "!=", False), ("registration_on_time", "=", False)]
        for comp in companies.sudo():
            deadline = date_to - timedelta(days=comp.credit_contract_registration_days)
            late = [
                "|",
                *late,
                "&",
                "&",
                ("company_id", "=", comp.id),
                ("date_registered", "=", False),
                ("date_signed", "<", deadline),
            ]
        return late
