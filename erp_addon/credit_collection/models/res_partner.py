from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.tools import SQL, format_amount


class ResPartner(models.Model):
    _inherit = "res.partner"

    collection_procedure_id = fields.Many2one(
        "credit.collection.procedure",
        company_dependent=True,
        domain="[('company_id', '=', current_company_id)]",
        help="Overrides the company's standard collection procedure for this customer.",
    )
    collection_stage_id = fields.Many2one(
        "credit.collection.stage",
        compute="_compute_collection_figures",
        help="The most advanced collection stage of the customer's open invoices.",
    )
    collection_overdue_count = fields.Integer(
        string="Overdue Invoices", compute="_compute_collection_figures"
    )
    collection_dso = fields.Float(
        string="DSO (Days)",
        compute="_compute_collection_figures",
        digits=(16, 1),
        help="Days sales outstanding = open receivables today / credit sales (customer "
        "invoices less credit notes, posted) of the last N days x N, N being the DSO period "
        "of the company settings (90 days by default). In company currency.",
    )
    collection_ageing_html = fields.Html(
        string="Ageing", compute="_compute_collection_figures", sanitize=False
    )

    def _compute_collection_figures(self):
        company = self.env.company
        today = fields.Date.context_today(self)
        self.collection_stage_id = False
        self.collection_overdue_count = 0
        self.collection_dso = 0.0
        self.collection_ageing_html = False
        partners = self.filtered("id")
        if not partners:
            return
        commercial = {p.id: p.commercial_partner_id.id for p in partners}
        ids = list(set(commercial.values()))
        self.env.flush_all()
        cr = self.env.cr
        # ageing by bucket, one query (the ageing report's rows on today)
        cr.execute(SQL("SELECT set_config('credit.collection_as_at', %s, true)", str(today)))
        cr.execute(
            SQL(
                """
                SELECT a.partner_id, a.bucket_id, SUM(a.amount_residual),
                       COUNT(DISTINCT a.move_id) FILTER (WHERE a.days_overdue > 0)
                  FROM credit_collection_ageing a
                 WHERE a.company_id = %s AND a.partner_id = ANY(%s)
              GROUP BY a.partner_id, a.bucket_id
                """,
                company.id,
                ids,
            )
        )
        ageing = {}
        overdue_count = {}
        for partner_id, bucket_id, amount, count in cr.fetchall():
            ageing.setdefault(partner_id, {})[bucket_id] = float(amount)
            overdue_count[partner_id] = overdue_count.get(partner_id, 0) + count
        # DSO and the most advanced stage, one query
        days = company.collection_dso_days or 90
        cr.execute(
            SQL(
                """
                SELECT am.commercial_partner_id,
                       SUM(am.amount_residual_signed) FILTER (WHERE am.payment_state IN
                           ('not_paid', 'partial')),
                       SUM(am.amount_total_signed) FILTER (WHERE am.invoice_date > %(since)s),
                       (ARRAY_AGG(am.collection_stage_id ORDER BY s.days_from DESC)
                            FILTER (WHERE s.id IS NOT NULL))[1]
                  FROM account_move am
             LEFT JOIN credit_collection_stage s ON s.id = am.collection_stage_id
                 WHERE am.company_id = %(company)s AND am.commercial_partner_id = ANY(%(ids)s)
                   AND am.state = 'posted'
                   AND am.move_type IN ('out_invoice', 'out_refund', 'out_receipt')
              GROUP BY am.commercial_partner_id
                """,
                since=fields.Date.subtract(today, days=days),
                company=company.id,
                ids=ids,
            )
        )
        figures = {row[0]: row[1:] for row in cr.fetchall()}
        buckets = (
            self.env["credit.collection.bucket"].sudo().search([("company_id", "=", company.id)])
        )
        Stage = self.env["credit.collection.stage"]
        for partner in partners:
            cp = commercial[partner.id]
            receivable, sales, stage = figures.get(cp, (0, 0, None))
            partner.collection_stage_id = Stage.browse(stage) if stage else False
            partner.collection_overdue_count = overdue_count.get(cp, 0)
            partner.collection_dso = (
                float(receivable or 0) / float(sales) * days if sales and sales > 0 else 0.0
            )
            partner.collection_ageing_html = self._collection_ageing_table(
                buckets, ageing.get(cp, {}), company
            )

    def _collection_ageing_table(self, buckets, amounts, company):
        head = "".join(f"<th class='text-end'>{escape(b.name)}</th>" for b in buckets)
        currency = company.currency_id
        cells = "".join(
            "<td class='text-end'>"
            f"{escape(format_amount(self.env, amounts.get(b.id, 0.0), currency))}</td>"
            for b in buckets
        )
        total = sum(amounts.values())
        return Markup(
            "<table class='table table-sm o_collection_ageing'><thead><tr>%s<th class='text-end'>"
            "%s</th></tr></thead><tbody><tr>%s<td class='text-end fw-bold'>%s</td></tr></tbody>"
            "</table>"
        ) % (
            Markup(head),
            self.env._("Total"),
            Markup(cells),
            format_amount(self.env, total, company.currency_id),
        )

    # ------------------------------------------------------------ guards
    def _collection_check_procedure_rights(self, vals):
        if (
            "collection_procedure_id" in vals
            and not self.env.su
            and not self.env.user.has_group("credit_management.group_credit_administrator")
        ):
            raise AccessError(
                self.env._(
                    "Only a credit administrator or manager sets a customer's collection procedure."
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._collection_check_procedure_rights(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._collection_check_procedure_rights(vals)
        return super().write(vals)

    # ------------------------------------------------------------ credit check
    def _credit_block_reasons(self, company, figures, amount):
        """A customer with an invoice in a stage that blocks new credit is refused."""
        reasons, warnings = super()._credit_block_reasons(company, figures, amount)
        self.env.cr.execute(
            SQL(
                """
                SELECT s.id, COUNT(*)
                  FROM account_move am
                  JOIN credit_collection_stage s ON s.id = am.collection_stage_id
                 WHERE am.collection_stage_id IS NOT NULL AND s.blocks_credit
                   AND am.commercial_partner_id = %s AND am.company_id = %s
                   AND am.state = 'posted' AND am.payment_state IN ('not_paid', 'partial')
                   AND am.collection_disputed IS NOT TRUE
              GROUP BY s.id
                """,
                figures.get("partner_id") or self.commercial_partner_id.id,
                company.id,
            )
        )
        for stage_id, count in self.env.cr.fetchall():
            stage = self.env["credit.collection.stage"].sudo().browse(stage_id)
            reasons.append(
                self.env._(
                    "%(count)s invoice(s) of this customer are in collection stage %(stage)s, "
                    "which blocks new credit.",
                    count=count,
                    stage=stage.name,
                )
            )
        return reasons, warnings

    def action_collection_invoices(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "credit_collection.action_collection_invoices"
        )
        action["domain"] = [("commercial_partner_id", "=", self.commercial_partner_id.id)]
        action["context"] = {"search_default_late": 1}
        return action

    def action_collection_statement(self):
        return self.env.ref("credit_collection.action_report_customer_statement").report_action(
            self
        )

    def _collection_statement_lines(self):
        """Open items and credit notes of the customer in the current company, oldest first."""
        self.ensure_one()
        return self.env["account.move"].search(
            [
                ("commercial_partner_id", "=", self.commercial_partner_id.id),
                ("company_id", "=", self.env.company.id),
                ("state", "=", "posted"),
                ("move_type", "in", ("out_invoice", "out_refund", "out_receipt")),
                ("payment_state", "in", ("not_paid", "partial")),
            ],
            order="invoice_date_due, id",
        )
