from odoo import fields, models

CONTRACT_TYPES = [
    ("sale", "Sales Contract"),
    ("purchase", "Purchase Contract"),
    ("technical", "Technical Contract"),
    ("other", "Other Contract"),
]


class CreditContractClause(models.Model):
    """A clause of the library; its text may hold placeholders filled from the contract."""

    _name = "credit.contract.clause"
    _description = "Contract Clause"
    _order = "sequence, id"

    name = fields.Char(string="Clause", required=True, translate=True)
    sequence = fields.Integer(default=10)
    body = fields.Html(
        string="Text",
        required=True,
        translate=True,
        help="Placeholders: {{number}}, {{title}}, {{company}}, {{partner}}, {{amount}}, "
        "{{currency}}, {{date_start}}, {{date_end}}, {{signatory}}, "
        "{{partner_signatory}}, {{subject_matter}}.",
    )
    contract_type = fields.Selection(CONTRACT_TYPES, help="Empty: fits every type.")
    company_id = fields.Many2one("res.company", help="Empty: shared.")
    active = fields.Boolean(default=True)
