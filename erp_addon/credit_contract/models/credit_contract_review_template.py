from odoo import api, fields, models
from odoo.exceptions import ValidationError


class CreditContractReviewTemplate(models.Model):
    """A review checklist (合同审查表): the items every contract review goes through."""

    _name = "credit.contract.review.template"
    _description = "Contract Review Checklist"
    _order = "name"

    name = fields.Char(required=True, translate=True)
    line_ids = fields.One2many(
        "credit.contract.review.template.line", "template_id", string="Items", copy=True
    )
    company_id = fields.Many2one("res.company", help="Empty: shared.")
    active = fields.Boolean(default=True)

    @api.constrains("line_ids", "active")
    def _check_lines(self):
        # an archived checklist may be empty (the shipped one is filled while archived)
        for template in self.filtered("active"):
            if not template.line_ids:
                raise ValidationError(
                    self.env._(
                        "Review checklist %(name)s has no item: add at least one.",
                        name=template.name,
                    )
                )
