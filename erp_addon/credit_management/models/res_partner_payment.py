"""The partner's payment behaviour, which the scoring model's factors read.

How late a customer paid over the last twelve months (amount-weighted) and what share of
its open receivables is overdue, for many partners in one query.
"""

from odoo import fields, models
from odoo.tools import SQL


class ResPartner(models.Model):
    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

    def _credit_payment_history(self, company):
        """Average days paid late (12 months, amount-weighted) and overdue share, one query."""
        result = {pid: {"avg_days_late": None, "overdue_share": None} for pid in self.ids}
        if not self.ids:
            return result
        self.env.flush_all()
        today = fields.Date.context_today(self)
        self.env.cr.execute(
            SQL(
                """
                WITH members AS (
                    SELECT id, commercial_partner_id AS cp
                      FROM res_partner WHERE commercial_partner_id = ANY(%(pids)s)
                ), lines AS (
                    SELECT m.cp, aml.id, aml.amount_residual, aml.reconciled,
                           COALESCE(aml.date_maturity, aml.date) AS due
                      FROM account_move_line aml
                      JOIN members m ON m.id = aml.partner_id
                      JOIN account_account acc ON acc.id = aml.account_id
                     WHERE aml.company_id = %(company)s AND aml.parent_state = 'posted'
                       AND acc.account_type = 'asset_receivable' AND aml.balance > 0
                       AND aml.date >= %(since)s
                )
                SELECT l.cp,
                       SUM(GREATEST(apr.max_date - l.due, 0) * apr.amount)
                           / NULLIF(SUM(apr.amount), 0),
                       (SELECT SUM(CASE WHEN o.due < %(today)s THEN o.amount_residual ELSE 0 END)
                               / NULLIF(SUM(o.amount_residual), 0) * 100
                          FROM lines o WHERE o.cp = l.cp AND o.reconciled IS NOT TRUE
                           AND o.amount_residual > 0)
                  FROM lines l
             LEFT JOIN account_partial_reconcile apr ON apr.debit_move_id = l.id
              GROUP BY l.cp
                """,
                pids=self.ids,
                company=company.id,
                today=today,
                since=fields.Date.subtract(today, years=1),
            )
        )
        for pid, avg_late, overdue_share in self.env.cr.fetchall():
            result[pid] = {
                "avg_days_late": float(avg_late) if avg_late is not None else None,
                "overdue_share": float(overdue_share) if overdue_share is not None else 0.0,
            }
        return result
