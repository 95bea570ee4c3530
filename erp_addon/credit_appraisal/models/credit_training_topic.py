from odoo import fields, models


class CreditTrainingTopic(models.Model):
    _name = "credit.training.topic"
    _description = "Training Topic"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", help="Empty: shared by all companies.")

    _sql_constraints = [
        ("name_uniq", "unique(name, company_id)", "This training topic already exists.")
    ]
