from odoo import api, fields, models

SUPPLIER_FLOW_FIELDS = (
    "credit_supplier_grade_id",
    "credit_supplier_score",
    "credit_supplier_evaluation_date",
    "credit_supplier_next_evaluation_date",
)


class ResPartner(models.Model):
    _inherit = "res.partner"

    @property
    def _guard_flow_fields(self):
        """The supplier grade and its dates: written by a signed-off evaluation only."""
        return (*super()._guard_flow_fields, *SUPPLIER_FLOW_FIELDS)

    # per company, written by a signed-off supplier evaluation only
    credit_supplier_grade_id = fields.Many2one(
        "credit.supplier.grade", string="Supplier Grade", company_dependent=True, tracking=True
    )
    credit_supplier_policy = fields.Selection(
        string="Purchasing Policy", related="credit_supplier_grade_id.purchase_policy"
    )
    credit_supplier_score = fields.Float(
        string="Supplier Score", company_dependent=True, groups="base.group_user"
    )
    credit_supplier_evaluation_date = fields.Date(
        string="Supplier Evaluated On", company_dependent=True
    )
    credit_supplier_next_evaluation_date = fields.Date(
        string="Next Supplier Evaluation", company_dependent=True
    )
    credit_supplier_evaluation_ids = fields.One2many(
        "credit.supplier.evaluation",
        "partner_id",
        string="Supplier Evaluations",
        groups="credit_management.group_credit_user,account.group_account_readonly",
    )
    credit_supplier_evaluation_count = fields.Integer(
        compute="_compute_credit_supplier_evaluation_count",
        groups="credit_management.group_credit_user,account.group_account_readonly",
    )

    @api.depends("credit_supplier_evaluation_ids")
    def _compute_credit_supplier_evaluation_count(self):
        counts = dict(
            self.env["credit.supplier.evaluation"]._read_group(
                [("partner_id", "in", self.ids)], ["partner_id"], ["__count"]
            )
        )
        for partner in self:
            partner.credit_supplier_evaluation_count = counts.get(partner, 0)

    def _credit_supplier_figures(self, company, date_from, date_to):
        """{partner id: {figure: value}} of the purchase data over the period, for these
        (commercial) partners: one SQL call (sql/credit_supplier_figures.sql). The
        bridges add their figures (on-time receipts, contract performance)."""
        if not self:
            return {}
        self.env.flush_all()
        self.env.cr.execute(
            "SELECT * FROM credit_supplier_purchase_figures(%s, %s, %s, %s)",
            (company.id, date_from, date_to, self.ids),
        )
        return {
            row["partner_id"]: {
                "order_count": row["order_count"],
                "return_rate": _num(row["return_rate"]),
                "price_change": _num(row["price_change"]),
            }
            for row in self.env.cr.dictfetchall()
        }

    def action_open_supplier_evaluations(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "credit_supplier.action_credit_supplier_evaluation"
        )
        action["domain"] = [("partner_id", "=", self.commercial_partner_id.id)]
        action["context"] = {"default_partner_id": self.commercial_partner_id.id}
        return action


def _num(value):
    return None if value is None else float(value)
