from odoo import api, fields, models
from odoo.exceptions import ValidationError


class CreditScoreModel(models.Model):
    """A scoring model grades customers or suppliers: the same weighted factors and
    ranges, one more field saying whom it applies to."""

    _inherit = "credit.score.model"

    applies_to = fields.Selection(
        [("customer", "Customers"), ("supplier", "Suppliers")],
        required=True,
        default="customer",
        help="A customer model grades customers (the company's scoring model); a supplier "
        "model scores the periodic supplier evaluations.",
    )

    @api.constrains("applies_to")
    def _check_applies_to(self):
        Company = self.env["res.company"].sudo()
        for model in self:
            if model.applies_to == "supplier" and Company.search_count(
                [("credit_score_model_id", "=", model.id)], limit=1
            ):
                raise ValidationError(
                    self.env._(
                        "Scoring model %(model)s grades the customers of a company: it cannot "
                        "apply to suppliers.",
                        model=model.name,
                    )
                )
            if model.applies_to == "customer" and Company.search_count(
                [("credit_supplier_score_model_id", "=", model.id)], limit=1
            ):
                raise ValidationError(
                    self.env._(
                        "Scoring model %(model)s scores the supplier evaluations of a company: "
                        "it cannot apply to customers.",
                        model=model.name,
                    )
                )

    @api.model
    def _credit_supplier_add_factor(self, factor_xmlid):
        """A bridge's shipped factor joins the supplier model of every company that has
        none reading its source (the model was copied from the main company's before)."""
        factor = self.env.ref(factor_xmlid, raise_if_not_found=False)
        if not factor:
            return
        companies = (
            self.env["res.company"].sudo().search([("credit_supplier_score_model_id", "!=", False)])
        )
        models_ = companies.credit_supplier_score_model_id
        for model in models_ - factor.model_id:
            if factor.source not in model.factor_ids.mapped("source"):
                factor.sudo().copy({"model_id": model.id})
