"""The guarantees' daily job: expire at the end date, remind of expiry and revaluation."""

import logging

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.tools.misc import format_date

from odoo.addons.credit_management.tools.reminders import due_domain, schedule_reminders

_logger = logging.getLogger(__name__)

EXPIRY_ACTIVITY = "credit_guarantee.mail_activity_type_guarantee_expiry"
REVALUATION_ACTIVITY = "credit_guarantee.mail_activity_type_guarantee_revaluation"


class CreditGuarantee(models.Model):
    _inherit = "credit.guarantee"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _cron_guarantees(self):
        """Expire the guarantees whose end date has come, then give the customer's analyst
        (else an analyst of the company) an activity for each guarantee ending within the
        company's reminder days and each mortgage or pledge whose valuation is older than
        its revaluation interval (counted from its last
        valuation, none awaiting approval): once, in their language (the shared reminder helper,
        credit_management/tools/reminders.py). A record that fails is logged and skipped;
        the others go on. Returns (expired, expiry reminders, revaluation reminders)."""
        today = fields.Date.context_today(self)
        expired = self._guarantee_expire(today)
        analysts = self.env.ref("credit_management.group_credit_analyst").sudo().users
        expiry_type = self.env.ref(EXPIRY_ACTIVITY)
        revaluation_type = self.env.ref(REVALUATION_ACTIVITY)
        reminded = revalued = 0
        for company in self.env["res.company"].sudo().search([("active", "=", True)]):
            fallback = analysts.filtered(lambda u, c=company: c in u.company_ids and not u.share)

            def responsible(guarantee, f=fallback):
                return guarantee.partner_id.commercial_partner_id.credit_analyst_id or f[:1]

            base = [("company_id", "=", company.id), ("state", "in", ("active", "to_release"))]
            Guarantee = self.sudo().with_company(company)
            ending = Guarantee.search(
                base + due_domain("date_end", today, company.credit_guarantee_reminder_days)
            )
            reminded += len(
                schedule_reminders(
                    ending,
                    expiry_type,
                    users=responsible,
                    deadline=lambda g: g.date_end,
                    summary=lambda g, _user: g.env._(
                        "Guarantee %(name)s of %(customer)s ends on %(date)s",
                        name=g.name,
                        customer=g.partner_id.name,
                        date=format_date(g.env, g.date_end),
                    ),
                )
            )
            months = company.credit_guarantee_revaluation_months
            if months > 0:
                stale = Guarantee.search(
                    base
                    + [
                        ("kind", "in", ("mortgage", "pledge")),
                        ("valuation_date", "<=", today - relativedelta(months=months)),
                        # a revaluation awaiting approval: the collateral was revalued
                        ("valuation_ids", "not any", [("state", "=", "to_approve")]),
                    ]
                )
                revalued += len(
                    schedule_reminders(
                        stale,
                        revaluation_type,
                        users=responsible,
                        deadline=lambda _g: today,
                        summary=lambda g, _user: g.env._(
                            "Revalue the collateral of guarantee %(name)s (valued on %(date)s)",
                            name=g.name,
                            date=format_date(g.env, g.valuation_date),
                        ),
                    )
                )
        return expired, reminded, revalued

    @api.model
    def _guarantee_expire(self, today):
        """Mark the guarantees whose end date has come as expired (the check stopped
        counting them that day by itself: this only records it)."""
        due = self.sudo().search(
            [("state", "in", ("active", "to_release")), ("date_end", "<=", today)]
        )
        done = 0
        for guarantee in due:
            try:
                with self.env.cr.savepoint():
                    guarantee.write({"state": "expired"})
                    guarantee.activity_unlink(
                        ["credit_management.mail_activity_type_credit_approval"]
                    )
                    env = guarantee.company_id._credit_env()
                    guarantee.message_post(
                        body=env._(
                            "Guarantee %(name)s expired on %(date)s: its cover no longer counts.",
                            name=guarantee.name,
                            date=format_date(env, guarantee.date_end),
                        )
                    )
            except Exception:
                _logger.exception("Expiring guarantee %s failed: skipped", guarantee.name)
                continue
            done += 1
        return done
