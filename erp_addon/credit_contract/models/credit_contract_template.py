from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .credit_contract_clause import CONTRACT_TYPES


class CreditContractTemplate(models.Model):
    """A contract template: the clauses a contract of a type starts from."""

    _name = "credit.contract.template"
    _description = "Contract Template"
    _order = "contract_type, name"

    name = fields.Char(required=True, translate=True)
    contract_type = fields.Selection(CONTRACT_TYPES, required=True)
    clause_ids = fields.Many2many(
        "credit.contract.clause",
        "credit_contract_template_clause_rel",
        "template_id",
        "clause_id",
        string="Clauses",
    )
    company_id = fields.Many2one("res.company", help="Empty: shared.")
    active = fields.Boolean(default=True)

    @api.constrains("clause_ids", "name")
    def _check_clauses(self):
        for template in self:
            if not template.clause_ids:
                raise ValidationError(
                    self.env._(
                        "Contract template %(name)s has no clause: add at least one.",
                        name=template.name,
                    )
                )
