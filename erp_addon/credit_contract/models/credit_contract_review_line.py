from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .credit_contract_review_template_line import AUTO_CHECKS, REVIEW_CATEGORIES

RESULTS = [("pass", "Pass"), ("fail", "Fail"), ("na", "Not Applicable")]
# the checklist itself and its results: set by the review, never by hand
LINE_FLOW_FIELDS = {
    "contract_id",
    "name",
    "category",
    "required",
    "auto_check",
    "result",
    "reviewer_id",
    "date",
    "evidence",
    "auto_result",
    "auto_evaluated",
}


class CreditContractReviewLine(models.Model):
    """An item of a contract's review checklist, with its result and evidence."""

    _name = "credit.contract.review.line"
    _description = "Contract Review Item"
    _order = "contract_id, sequence, id"

    contract_id = fields.Many2one(
        "credit.contract", required=True, ondelete="cascade", index=True, readonly=True
    )
    company_id = fields.Many2one(related="contract_id.company_id", store=True, index=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Item", required=True, readonly=True)
    description = fields.Text(readonly=True)
    category = fields.Selection(REVIEW_CATEGORIES, required=True, readonly=True)
    required = fields.Boolean(readonly=True)
    auto_check = fields.Selection(AUTO_CHECKS, string="Evidence From", readonly=True)
    result = fields.Selection(RESULTS, readonly=True)
    auto_result = fields.Selection(RESULTS, string="ERP Finding", readonly=True)
    auto_evaluated = fields.Boolean(readonly=True)
    reviewer_id = fields.Many2one("res.users", readonly=True)
    date = fields.Date(readonly=True)
    comment = fields.Text()
    evidence = fields.Text(readonly=True, help="What the ERP found.")

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            raise AccessError(
                self.env._("Checklist items come from the review checklist when a review starts.")
            )
        return super().create(vals_list)

    def write(self, vals):
        if LINE_FLOW_FIELDS & set(vals) and not self.env.su:
            raise AccessError(
                self.env._("Review results are recorded with the Pass, Fail and N/A buttons.")
            )
        if "comment" in vals and not self.env.su:
            self._check_reviewer()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_review(self):
        if not self.env.su and self:
            raise UserError(self.env._("Checklist items are kept with their contract."))

    def _check_reviewer(self):
        if not self.env.user.has_group("credit_management.group_credit_administrator"):
            raise AccessError(self.env._("Only contract administrators review contracts."))
        for line in self:
            if line.contract_id.state != "review":
                raise UserError(
                    self.env._("Contract %(name)s is not under review.", name=line.contract_id.name)
                )

    def _set_result(self, result):
        self._check_reviewer()
        for line in self:
            if result == "pass" and line.auto_result == "fail" and line.auto_evaluated:
                raise UserError(
                    self.env._(
                        "The ERP found that %(item)s fails:\n%(evidence)s\nOnly a credit "
                        "manager's override lets the contract through.",
                        item=line.name,
                        evidence=line.evidence,
                    )
                )
        self.sudo().write(
            {
                "result": result,
                "reviewer_id": self.env.user.id,
                "date": fields.Date.context_today(self),
            }
        )
        return True

    def action_pass(self):
        return self._set_result("pass")

    def action_fail(self):
        return self._set_result("fail")

    def action_na(self):
        return self._set_result("na")
