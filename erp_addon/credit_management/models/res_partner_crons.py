"""The partner's scheduled jobs: folding the kept balances, reminding of re-reviews."""

import logging

from odoo import api, fields, models

_logger = logging.getLogger(__name__)


class ResPartner(models.Model):
    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _cron_credit_compact_balances(self):
        """Fold the kept balances' change rows (sql/credit_*_balance.sql), daily."""
        self.env["account.move.line"]._credit_compact_receivable_balance()
        self.env["sale.order"]._credit_compact_order_balance()

    @api.model
    def _cron_credit_review_due(self):
        """Give analysts an activity for each partner whose re-review is due.

        A partner that fails is logged and skipped; the others still get theirs.
        """
        activity_type = self.env.ref("credit_management.mail_activity_type_credit_review")
        analysts = self.env.ref("credit_management.group_credit_analyst").sudo().users
        today = fields.Date.context_today(self)
        count = 0
        # every active company: each keeps its own grades and review dates
        for company in self.env["res.company"].sudo().search([("active", "=", True)]):
            partners = (
                self.sudo()
                .with_company(company)
                .search([("credit_next_review_date", "<=", today), ("parent_id", "=", False)])
            )
            pending = set(
                self.env["mail.activity"]
                .search(
                    [
                        ("res_model", "=", "res.partner"),
                        ("res_id", "in", partners.ids),
                        ("activity_type_id", "=", activity_type.id),
                    ]
                )
                .mapped("res_id")
            )
            fallback = analysts.filtered(lambda u, c=company: c in u.company_ids and not u.share)
            for partner in partners.filtered(lambda p, done=pending: p.id not in done):
                user = partner.credit_analyst_id or fallback[:1]
                if not user:
                    continue
                try:
                    with self.env.cr.savepoint():
                        partner.activity_schedule(
                            activity_type_id=activity_type.id,
                            user_id=user.id,
                            date_deadline=today,
                            summary=self.with_context(lang=user.lang).env._(
                                "Credit re-review due (%(company)s)", company=company.name
                            ),
                        )
                except Exception:
                    _logger.exception("Credit review activity for partner %s failed", partner.id)
                    continue
                count += 1
        return count
