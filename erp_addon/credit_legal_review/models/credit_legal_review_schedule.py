import logging

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

_logger = logging.getLogger(__name__)

# months per period of res.company.credit_legal_review_period
PERIOD_MONTHS = {"month": 1, "quarter": 3, "half": 6, "year": 12}


def period_before(day, period):
    """``(first day, last day)`` of the last whole ``period`` ending before ``day``."""
    months = PERIOD_MONTHS[period]
    start_month = ((day.month - 1) // months) * months + 1
    current = day.replace(month=start_month, day=1)
    return current - relativedelta(months=months), current - relativedelta(days=1)


class CreditLegalReview(models.Model):
    """The scheduled review: each company's past period gets its review, drafted with the
    ledger's figures, the day after the period ends."""

    _inherit = "credit.legal.review"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _cron_create_reviews(self, today=None):
        """A draft review of the last whole period of each company that reviews on a
        schedule and has none yet; a company that fails is logged and skipped."""
        today = today or fields.Date.context_today(self)
        companies = self.env["res.company"].search([("credit_legal_review_period", "!=", "none")])
        created = self.browse()
        for company in companies:
            date_from, date_to = period_before(today, company.credit_legal_review_period)
            exists = self.sudo().search_count(
                [
                    ("company_id", "=", company.id),
                    ("date_from", "=", date_from),
                    ("date_to", "=", date_to),
                ]
            )
            if exists:
                continue
            try:
                with self.env.cr.savepoint():
                    created |= (
                        self.sudo()
                        .with_company(company)
                        .create(
                            {"company_id": company.id, "date_from": date_from, "date_to": date_to}
                        )
                    )
            except Exception:
                _logger.exception(
                    "Legal contract review of company %s (%s to %s) not created; skipped",
                    company.id,
                    date_from,
                    date_to,
                )
        return created
