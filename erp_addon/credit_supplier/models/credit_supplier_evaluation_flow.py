from dateutil.relativedelta import relativedelta

from odoo import fields, models
from odoo.exceptions import AccessError, UserError

from .credit_supplier_evaluation import SIGNER

ACTIVITY_EVALUATE = "credit_supplier.mail_activity_type_supplier_evaluation"
ACTIVITY_SIGN = "credit_supplier.mail_activity_type_supplier_signoff"


class CreditSupplierEvaluation(models.Model):
    """The flow of an evaluation: figures read, submitted, signed off or returned."""

    _inherit = "credit.supplier.evaluation"  # pylint: disable=consider-merging-classes-inherited

    # ------------------------------------------------------------ figures
    def action_compute_figures(self):
        """Read the period's figures again and score every factor of the model."""
        for evaluation in self:
            evaluation._check_draft()
        self._check_evaluator()
        self._guard_sudo("write")._compute_lines()
        return True

    def _compute_lines(self):
        """Lines of every factor of the model with this period's values; the evaluator's
        points are kept. One read of the figures per company, model and period."""
        groups = {}
        for evaluation in self:
            key = (
                evaluation.company_id,
                evaluation.model_id,
                evaluation.date_from,
                evaluation.date_to,
            )
            groups.setdefault(key, self.browse())
            groups[key] |= evaluation
        today = fields.Date.context_today(self)
        for (company, model, date_from, date_to), evaluations in groups.items():
            partners = evaluations.partner_id
            factors = model.factor_ids.with_context(credit_supplier_period=(date_from, date_to))
            values = factors._read_values(partners, company)
            counts = partners._credit_supplier_figures(company, date_from, date_to)
            for evaluation in evaluations:
                kept = {
                    line.factor_id.id: line.evaluator_points
                    for line in evaluation.line_ids
                    if line.factor_id.source == "evaluator"
                }
                commands = []
                for factor in factors:
                    value = values[factor.id].get(evaluation.partner_id.id)
                    commands.append(
                        fields.Command.create(
                            {
                                "factor_id": factor.id,
                                "weight": factor.weight,
                                "has_value": value is not None and value is not False,
                                "value_float": value or 0.0,
                                "evaluator_points": kept.get(factor.id, 0.0),
                            }
                        )
                    )
                evaluation.line_ids.unlink()
                evaluation.write(
                    {
                        "line_ids": commands,
                        "figures_date": today,
                        "order_count": counts.get(evaluation.partner_id.id, {}).get(
                            "order_count", 0
                        ),
                    }
                )

    # ------------------------------------------------------------ submit
    def action_submit(self):
        for evaluation in self:
            evaluation._check_draft()
            if not evaluation.line_ids:
                raise UserError(
                    self.env._(
                        "Read the figures of %(name)s before submitting it.", name=evaluation.name
                    )
                )
        self._check_evaluator()
        today = fields.Date.context_today(self)
        self._guard_sudo("write").write({"state": "submitted", "submitted_date": today})
        self.sudo().activity_unlink([ACTIVITY_EVALUATE])
        self._notify_signers()
        for evaluation in self:
            env = evaluation.company_id._credit_env()
            evaluation.message_post(
                body=env._(
                    "Submitted for sign-off by the labour and wages section (劳资科): score "
                    "%(score).2f, grade %(grade)s.",
                    score=evaluation.score,
                    grade=evaluation.grade_id.with_env(env).name or "-",
                )
            )
        return True

    def _notify_signers(self):
        """An activity for each signer of the company (not the evaluator)."""
        signers = self.env.ref(SIGNER).sudo().users
        for evaluation in self:
            for user in signers.filtered(
                lambda u, e=evaluation: (
                    u != e.evaluator_id and not u.share and e.company_id in u.company_ids
                )
            )[:10]:
                env = evaluation.company_id._credit_env(user)
                evaluation.sudo().activity_schedule(
                    ACTIVITY_SIGN,
                    user_id=user.id,
                    summary=env._(
                        "Sign off the evaluation of %(supplier)s",
                        supplier=evaluation.partner_id.name,
                    ),
                )

    # ------------------------------------------------------------ sign-off
    def _check_can_decide(self):
        self.ensure_one()
        if self.state != "submitted":
            raise UserError(
                self.env._("Evaluation %(name)s is not awaiting sign-off.", name=self.name)
            )
        if not self.env.user.has_group(SIGNER):
            raise AccessError(
                self.env._(
                    "Only the labour and wages section (劳资科) signs off supplier evaluations."
                )
            )
        if self.evaluator_id == self.env.user:
            raise AccessError(self.env._("Nobody may sign off their own evaluation."))

    def _action_decide(self, decision, note):
        for evaluation in self:
            evaluation._check_can_decide()
            env = evaluation.company_id._credit_env()
            if decision == "approve":
                evaluation._guard_sudo("read").write(
                    {
                        "state": "signed",
                        "signed_by_id": self.env.user.id,
                        "signed_date": fields.Date.context_today(self),
                        "sign_note": note,
                    }
                )
                evaluation._apply_to_partner()
                body = env._("Signed off by the labour and wages section: %(note)s", note=note)
            else:
                evaluation._guard_sudo("read").write({"state": "draft", "sign_note": note})
                body = env._("Returned to the evaluator: %(note)s", note=note)
                if evaluation.evaluator_id:
                    evaluation.sudo().activity_schedule(
                        ACTIVITY_EVALUATE,
                        user_id=evaluation.evaluator_id.id,
                        summary=evaluation.company_id._credit_env(evaluation.evaluator_id)._(
                            "Evaluation returned: %(note)s", note=note
                        ),
                    )
            evaluation.sudo().activity_unlink([ACTIVITY_SIGN])
            evaluation.message_post(body=body)
        return True

    def _apply_to_partner(self):
        """The signed-off grade becomes the supplier's, until the next evaluation."""
        self.ensure_one()
        company = self.company_id
        months = company.credit_supplier_evaluation_months or 12
        partner = self.partner_id.with_company(company).sudo()
        partner.write(
            {
                "credit_supplier_grade_id": self.grade_id.id,
                "credit_supplier_score": self.score,
                "credit_supplier_evaluation_date": self.signed_date,
                "credit_supplier_next_evaluation_date": self.signed_date
                + relativedelta(months=months),
            }
        )
        env = company._credit_env()
        partner.message_post(
            body=env._(
                "Supplier evaluation %(name)s signed off: score %(score).2f, grade %(grade)s.",
                name=self.name,
                score=self.score,
                grade=self.grade_id.with_env(env).name or "-",
            )
        )

    # ------------------------------------------------------------ cancel
    def action_cancel(self):
        for evaluation in self:
            evaluation._check_draft()
        self._check_evaluator()
        self._guard_sudo("write").write({"state": "cancelled"})
        self.sudo().activity_unlink([ACTIVITY_EVALUATE])
        return True

    def _check_draft(self):
        if self.state != "draft":
            raise UserError(
                self.env._("Evaluation %(name)s is no longer being evaluated.", name=self.name)
            )
