"""The daily reminder of overdue rectifications."""

import logging

from odoo import api, fields, models
from odoo.tools.misc import format_date

from odoo.addons.credit_management.tools.reminders import schedule_reminders

_logger = logging.getLogger(__name__)

OVERDUE_ACTIVITY = "credit_audit.mail_activity_type_rectification_overdue"
MANAGER = "credit_management.group_credit_manager"


class CreditAuditFinding(models.Model):
    _inherit = "credit.audit.finding"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _cron_overdue_rectifications(self):
        """Give the responsible person and the company's credit managers an activity for
        each finding whose rectification deadline has passed, once, each in their own
        language (the shared reminder helper: activities in batches, a failing record
        logged and skipped). Returns the findings reminded."""
        today = fields.Date.context_today(self)
        managers = self.env.ref(MANAGER).sudo().users.filtered(lambda u: not u.share)
        activity_type = self.env.ref(OVERDUE_ACTIVITY)
        reminded = self.browse()
        for company in self.env["res.company"].sudo().search([("active", "=", True)]):
            company_managers = managers.filtered(lambda u, c=company: c in u.company_ids)

            def users(finding, m=company_managers):
                # the responsible person, and the credit managers who are not them
                return finding.responsible_user_id | (m - finding.responsible_user_id)

            overdue = (
                self.sudo()
                .with_company(company)
                .search(
                    [
                        ("company_id", "=", company.id),
                        ("state", "=", "open"),
                        ("date_deadline", "<", today),
                    ]
                )
            )
            reminded |= schedule_reminders(
                overdue,
                activity_type,
                users=users,
                deadline=lambda _f: today,
                summary=lambda f, _user: f.env._(
                    "The rectification of audit finding %(name)s was due on %(date)s",
                    name=f.name,
                    date=format_date(f.env, f.date_deadline),
                ),
            )
        _logger.info("Overdue audit rectifications reminded: %s", len(reminded))
        return reminded
