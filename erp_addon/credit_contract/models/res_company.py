from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    credit_contract_registration_days = fields.Integer(
        string="Contract Registration Days",
        default=7,
        help="A signed contract registered in the ledger within this many days of signing "
        "is registered on time.",
    )
    credit_contract_amendment_days = fields.Integer(
        string="Contract Change Processing Days",
        default=15,
        help="A change or termination processed within this many days of its request is "
        "processed on time.",
    )
    credit_contract_expiry_days = fields.Integer(
        string="Contract Expiry Reminder Days",
        default=30,
        help="The responsible person gets an activity this many days before a contract ends.",
    )
    credit_contract_poa_expiry_days = fields.Integer(
        string="Power of Attorney Expiry Reminder Days",
        default=30,
        help="Contract administrators get an activity this many days before a power of "
        "attorney ends.",
    )
    credit_contract_joint_review_amount = fields.Monetary(
        string="Joint Review Above",
        currency_field="currency_id",
        default=1_000_000,
        help="Contracts of this amount or more (company currency) need a joint review by "
        "reviewers of at least two different roles.",
    )
    credit_contract_sale_required = fields.Boolean(
        string="Sales Orders Need a Signed Contract",
        help="Confirming a sales order above the threshold needs a signed contract covering "
        "it, except immediate settlement.",
    )
    credit_contract_threshold = fields.Monetary(
        string="Written Contract Above",
        currency_field="currency_id",
        help="Sales orders whose total exceeds this amount need a signed contract.",
    )
    credit_contract_review_template_id = fields.Many2one(
        "credit.contract.review.template",
        string="Contract Review Checklist",
        help="The checklist new contract reviews start from.",
    )

    @api.constrains(
        "credit_contract_registration_days",
        "credit_contract_amendment_days",
        "credit_contract_expiry_days",
        "credit_contract_poa_expiry_days",
        "credit_contract_joint_review_amount",
        "credit_contract_threshold",
    )
    def _check_credit_contract_settings(self):
        for company in self:
            values = (
                company.credit_contract_registration_days,
                company.credit_contract_amendment_days,
                company.credit_contract_expiry_days,
                company.credit_contract_poa_expiry_days,
                company.credit_contract_joint_review_amount,
                company.credit_contract_threshold,
            )
            if any(value < 0 for value in values):
                raise ValidationError(
                    self.env._("Contract days, thresholds and amounts cannot be negative.")
                )
