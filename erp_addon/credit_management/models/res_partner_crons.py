"""The partner's scheduled jobs: folding the kept balances, reminding of re-reviews."""

from odoo import api, fields, models

from ..tools.reminders import due_domain, schedule_reminders


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

        The partner's credit analyst, or else an analyst of the company, once (not while
        one is pending), in their language (tools/reminders.py). A partner that fails is
        logged and skipped; the others still get theirs.
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
                .search(
                    due_domain("credit_next_review_date", today, overdue=True)
                    + [("parent_id", "=", False)]
                )
            )
            fallback = analysts.filtered(lambda u, c=company: c in u.company_ids and not u.share)
            count += len(
                schedule_reminders(
                    partners,
                    activity_type,
                    users=lambda partner, f=fallback: partner.credit_analyst_id or f[:1],
                    deadline=lambda _partner: today,
                    summary=lambda partner, _user, c=company: partner.env._(
                        "Credit re-review due (%(company)s)", company=c.name
                    ),
                )
            )
        return count
