import logging

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

from .credit_supplier_evaluation_flow import ACTIVITY_EVALUATE

_logger = logging.getLogger(__name__)


class CreditSupplierEvaluation(models.Model):
    """The evaluation cycle: a daily job opens the evaluations that are due."""

    _inherit = "credit.supplier.evaluation"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _cron_supplier_evaluations(self):
        """For every company with a supplier model: open an evaluation of each supplier
        bought from in the look-back period (or graded before) whose next evaluation is
        due and who has none open, read its figures and remind the evaluator. A supplier
        that fails is logged and skipped."""
        companies = self.env["res.company"].search(
            [("credit_supplier_score_model_id", "!=", False)]
        )
        for company in companies:
            self.with_company(company)._open_due_evaluations(company)

    @api.model
    def _due_suppliers(self, company, today):
        """The commercial partners whose evaluation is due in ``company`` (a few grouped
        reads, whatever the number of suppliers)."""
        start = today - relativedelta(months=company.credit_supplier_lookback_months or 12)
        bought = (
            self.env["purchase.order"]
            .sudo()
            ._read_group(
                [
                    ("company_id", "=", company.id),
                    ("state", "in", ("purchase", "done")),
                    ("date_approve", ">=", start),
                ],
                ["partner_id"],
            )
        )
        Partner = self.env["res.partner"].sudo().with_company(company)
        suppliers = Partner.union(*(partner for (partner,) in bought)).commercial_partner_id
        suppliers |= Partner.search([("credit_supplier_grade_id", "!=", False)])
        suppliers = suppliers.filtered(
            lambda p: (
                not p.credit_supplier_next_evaluation_date
                or p.credit_supplier_next_evaluation_date <= today
            )
        )
        open_ones = self.sudo()._read_group(
            [
                ("company_id", "=", company.id),
                ("state", "in", ("draft", "submitted")),
                ("partner_id", "in", suppliers.ids),
            ],
            ["partner_id"],
        )
        return suppliers - Partner.union(*(partner for (partner,) in open_ones))

    @api.model
    def _open_due_evaluations(self, company):
        today = fields.Date.context_today(self)
        model = company.credit_supplier_score_model_id
        evaluator = company.credit_supplier_evaluator_id
        created = self.browse()
        for partner in self._due_suppliers(company, today):
            try:
                with self.env.cr.savepoint():
                    evaluation = self.sudo().create(
                        {
                            "partner_id": partner.id,
                            "company_id": company.id,
                            "model_id": model.id,
                            "evaluator_id": evaluator.id,
                            "date_from": today
                            - relativedelta(months=company.credit_supplier_lookback_months or 12),
                            "date_to": today,
                            "date_deadline": today
                            + relativedelta(days=company.credit_supplier_deadline_days or 14),
                        }
                    )
                    evaluation._compute_lines()
                created |= evaluation
            except Exception:
                _logger.exception(
                    "Supplier evaluation of partner %s in company %s failed; skipped",
                    partner.id,
                    company.id,
                )
        created._remind_evaluators()
        return created

    def _remind_evaluators(self):
        """An activity for the evaluator of each evaluation, in the evaluator's language."""
        for evaluation in self.filtered("evaluator_id"):
            env = evaluation.company_id._credit_env(evaluation.evaluator_id)
            evaluation.sudo().activity_schedule(
                ACTIVITY_EVALUATE,
                date_deadline=evaluation.date_deadline,
                user_id=evaluation.evaluator_id.id,
                summary=env._(
                    "Evaluate supplier %(supplier)s", supplier=evaluation.partner_id.name
                ),
            )
