from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .credit_contract_review_template_line import AUTO_CHECKS, REVIEW_CATEGORIES

RESULTS = [("pass", "Pass"), ("fail", "Fail"), ("na", "Not Applicable")]
ADMINISTRATOR = "credit_management.group_credit_administrator"


class CreditContractReviewLine(models.Model):
    """An item of a contract's review checklist, with its result and evidence."""

    _name = "credit.contract.review.line"
    _description = "Contract Review Item"
    _inherit = ["credit.guard.mixin"]
    _order = "contract_id, sequence, id"

    # the checklist comes from the review template, its results from the Pass, Fail and
    # N/A buttons and the ERP's evaluation; only a reviewer's comment is typed, under review
    _guard_flow_fields = (
        "contract_id",
        "company_id",
        "sequence",
        "template_line_id",
        "name",
        "description",
        "category",
        "required",
        "auto_check",
        "result",
        "reviewer_id",
        "date",
        "evidence",
        "auto_result",
        "auto_evaluated",
        "contract_state",
    )
    _guard_state_field = "contract_state"
    _guard_locks = [(("comment",), ("review",))]
    _guard_field_groups = {"comment": ADMINISTRATOR}
    _guard_undeletable_states = "__all__"

    contract_id = fields.Many2one(
        "credit.contract", required=True, ondelete="cascade", index=True, readonly=True
    )
    company_id = fields.Many2one(related="contract_id.company_id", store=True, index=True)
    contract_state = fields.Selection(related="contract_id.state", string="Contract Status")
    sequence = fields.Integer(default=10, readonly=True)
    # the item as the checklist had it when the review started, in every language of the
    # checklist: each reader reads it in their own, whoever submitted the contract
    template_line_id = fields.Many2one(
        "credit.contract.review.template.line",
        string="Checklist Item",
        readonly=True,
        ondelete="set null",
    )
    name = fields.Char(string="Item", required=True, readonly=True, translate=True)
    description = fields.Text(readonly=True, translate=True)
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

    @api.model
    def _create_from_template(self, contract, template):
        """The checklist of ``contract`` from ``template``'s items, their name and
        description copied in every installed language."""
        Line = self.sudo().with_context(lang="en_US")
        items = template.line_ids.with_context(lang="en_US")
        lines = Line.create(
            [
                {
                    "contract_id": contract.id,
                    "template_line_id": item.id,
                    "sequence": item.sequence,
                    "name": item.name,
                    "description": item.description,
                    "category": item.category,
                    "required": item.required,
                    "auto_check": item.auto_check,
                }
                for item in items
            ]
        )
        lines._copy_item_translations()
        return lines

    def _copy_item_translations(self):
        """Give each line its checklist item's name and description in every installed
        language other than English (English is what ``create`` wrote)."""
        langs = [code for code, _name in self.env["res.lang"].get_installed() if code != "en_US"]
        if not langs:
            return
        for line in self.sudo().filtered("template_line_id"):
            for fname in ("name", "description"):
                if not line.with_context(lang="en_US")[fname]:
                    continue
                translations = {
                    lang: line.template_line_id.with_context(lang=lang)[fname] for lang in langs
                }
                line.update_field_translations(
                    fname, {lang: value for lang, value in translations.items() if value}
                )

    @api.model
    def _guard_check_create(self, vals_list):
        raise AccessError(
            self.env._("Checklist items come from the review checklist when a review starts.")
        )

    def _guard_check_write(self, vals):
        if "comment" in vals:
            self.contract_id._check_not_own(self.env._("Nobody reviews their own contract."))

    def _check_reviewer(self):
        if not self.env.user.has_group(ADMINISTRATOR):
            raise AccessError(self.env._("Only contract administrators review contracts."))
        self.contract_id._check_not_own(self.env._("Nobody reviews their own contract."))
        for line in self:
            if line.contract_id.state != "review":
                raise UserError(
                    self.env._("Contract %(name)s is not under review.", name=line.contract_id.name)
                )

    def _set_result(self, result):
        self.check_access("read")
        self._check_reviewer()
        for line in self:
            # what the ERP found failing is no reviewer's to pass or to set aside: only
            # a credit manager's recorded override lets the contract through
            if result in ("pass", "na") and line.auto_evaluated and line.auto_result == "fail":
                raise UserError(
                    self.env._(
                        "The ERP found that %(item)s fails:\n%(evidence)s\nOnly a credit "
                        "manager's override lets the contract through.",
                        item=line.name,
                        evidence=line.evidence,
                    )
                )
            # N/A is for what does not apply: the items the ERP judges apply unless it
            # found they do not
            if result == "na" and line.auto_check not in (False, "none"):
                if line.auto_result != "na":
                    raise UserError(
                        self.env._(
                            "%(item)s applies to this contract: judge it, it cannot be set "
                            "aside as not applicable.",
                            item=line.name,
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
