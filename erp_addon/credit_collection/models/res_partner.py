from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.osv import expression
from odoo.tools import SQL, format_amount

from odoo.addons.credit_management.models.res_partner import CREDIT_FIGURES_GROUPS


class ResPartner(models.Model):
    _name = "res.partner"
    _inherit = ["res.partner", "credit.guard.mixin"]

    @property
    def _guard_field_groups(self):
        """Which collection procedure a customer follows: credit administrators and above
        (added to what other add-ons declare on partners)."""
        return {
            **super()._guard_field_groups,
            "collection_procedure_id": "credit_management.group_credit_administrator",
        }

    collection_procedure_id = fields.Many2one(
        "credit.collection.procedure",
        company_dependent=True,
        domain="[('company_id', '=', current_company_id)]",
        help="Overrides the company's standard collection procedure for this customer.",
        groups=CREDIT_FIGURES_GROUPS,
    )
    # not stored (the daily action moves invoices set-wise in SQL): searched, grouped and
    # sorted through the same SQL expression (_field_to_sql), in the current company
    collection_stage_id = fields.Many2one(
        "credit.collection.stage",
        compute="_compute_collection_figures",
        search="_search_collection_stage_id",
        help="The most advanced collection stage of the customer's open invoices.",
        groups=CREDIT_FIGURES_GROUPS,
    )
    # ageing, DSO and overdue counts: the credit roles and accounting only
    collection_overdue_count = fields.Integer(
        string="Overdue Invoices",
        compute="_compute_collection_figures",
        groups=CREDIT_FIGURES_GROUPS,
    )
    collection_dso = fields.Float(
        string="DSO (Days)",
        compute="_compute_collection_figures",
        digits=(16, 1),
        help="Days sales outstanding = open receivables today / credit sales (customer "
        "invoices less credit notes, posted) of the last N days x N, N being the DSO period "
        "of the company settings (90 days by default). In company currency.",
        groups=CREDIT_FIGURES_GROUPS,
    )
    collection_ageing_html = fields.Html(
        string="Ageing",
        compute="_compute_collection_figures",
        sanitize=False,
        groups=CREDIT_FIGURES_GROUPS,
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
        # ageing by bucket, one query (the ageing report's rows on today, read in SQL: its
        # settings only, the cache left alone in the middle of this compute)
        Ageing = self.env["credit.collection.ageing"].with_context(collection_as_at=today)
        Ageing._credit_view_apply(Ageing._credit_view_settings(today))
        cr.execute(
            SQL(
                """
                SELECT a.partner_id, a.bucket_id, SUM(a.amount_residual),
                       COUNT(DISTINCT a.move_id) FILTER (WHERE a.amount_overdue > 0),
                       SUM(a.amount_credit)
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
        credit = {}
        for partner_id, bucket_id, amount, count, unapplied in cr.fetchall():
            ageing.setdefault(partner_id, {})[bucket_id] = float(amount)
            overdue_count[partner_id] = overdue_count.get(partner_id, 0) + count
            credit[partner_id] = credit.get(partner_id, 0.0) + float(unapplied or 0.0)
        # DSO, one query; the most advanced stage, one query
        days = company.collection_dso_days or 90
        cr.execute(
            SQL(
                """
                SELECT am.commercial_partner_id,
                       SUM(am.amount_residual_signed) FILTER (WHERE am.payment_state IN
                           ('not_paid', 'partial')),
                       SUM(am.amount_total_signed) FILTER (WHERE am.invoice_date > %(since)s)
                  FROM account_move am
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
        cr.execute(
            SQL(
                "SELECT rp.id, %s FROM res_partner rp WHERE rp.id = ANY(%s)",
                self._collection_stage_sql("rp"),
                ids,
            )
        )
        stages = dict(cr.fetchall())
        buckets = (
            self.env["credit.collection.bucket"].sudo().search([("company_id", "=", company.id)])
        )
        Stage = self.env["credit.collection.stage"]
        for partner in partners:
            cp = commercial[partner.id]
            receivable, sales = figures.get(cp, (0, 0))
            stage = stages.get(cp)
            partner.collection_stage_id = Stage.browse(stage) if stage else False
            partner.collection_overdue_count = overdue_count.get(cp, 0)
            partner.collection_dso = (
                float(receivable or 0) / float(sales) * days if sales and sales > 0 else 0.0
            )
            partner.collection_ageing_html = self._collection_ageing_table(
                buckets, ageing.get(cp, {}), company, credit.get(cp, 0.0)
            )

    # ------------------------------------------------------------ stage: search, group by
    @api.model
    def _collection_stage_sql(self, alias):
        """SQL: the most advanced collection stage of the open invoices of the customer of the
        partner at ``alias`` (its commercial entity) in the current company, or NULL."""
        move_stage = self.env["account.move"]._fields["collection_stage_id"]
        return SQL(
            """(SELECT am.collection_stage_id
                  FROM account_move am
                  JOIN credit_collection_stage cs ON cs.id = am.collection_stage_id
                 WHERE am.commercial_partner_id = %(partner)s AND am.company_id = %(company)s
                   AND am.state = 'posted' AND am.move_type IN ('out_invoice', 'out_receipt')
                   AND am.payment_state IN ('not_paid', 'partial')
              ORDER BY cs.days_from DESC, cs.id LIMIT 1)""",
            partner=SQL.identifier(alias, "commercial_partner_id"),
            company=self.env.company.id,
            to_flush=move_stage,
        )

    @api.model
    def _field_to_sql(self, alias, fname, query=None, flush=True):
        if fname == "collection_stage_id":
            self.check_field_access_rights("read", [fname])
            return self._collection_stage_sql(alias)
        return super()._field_to_sql(alias, fname, query=query, flush=flush)

    @api.model
    def _collection_partner_stages_sql(self):
        """SQL: each customer of the current company with an open invoice in a stage, and
        its most advanced stage (partner_id, stage_id); set-wise, from the staged invoices."""
        return SQL(
            """SELECT DISTINCT ON (am.commercial_partner_id)
                      am.commercial_partner_id AS partner_id, am.collection_stage_id AS stage_id
                 FROM account_move am
                 JOIN credit_collection_stage cs ON cs.id = am.collection_stage_id
                WHERE am.collection_stage_id IS NOT NULL AND am.company_id = %(company)s
                  AND am.state = 'posted' AND am.move_type IN ('out_invoice', 'out_receipt')
                  AND am.payment_state IN ('not_paid', 'partial')
             ORDER BY am.commercial_partner_id, cs.days_from DESC, cs.id""",
            company=self.env.company.id,
            to_flush=self.env["account.move"]._fields["collection_stage_id"],
        )

    def _search_collection_stage_id(self, operator, value):
        negative = operator in expression.NEGATIVE_TERM_OPERATORS
        if negative:
            operator = expression.TERM_OPERATORS_NEGATION[operator]
        if operator == "=" and not value:
            # in no stage = not in any stage
            negative, stages = not negative, None
        else:
            Stage = self.env["credit.collection.stage"].with_context(active_test=False)
            if isinstance(value, str) or (
                isinstance(value, list | tuple) and any(isinstance(v, str) for v in value)
            ):
                stages = Stage._search([("name", operator, value)])
            else:
                stages = Stage._search([("id", operator, value)])
        partners = SQL(
            "(SELECT rp.id FROM res_partner rp JOIN (%s) top "
            "ON top.partner_id = rp.commercial_partner_id%s)",
            self._collection_partner_stages_sql(),
            SQL(" WHERE top.stage_id IN %s", stages.subselect()) if stages is not None else SQL(),
        )
        return [("id", "not in" if negative else "in", partners)]

    def _collection_ageing_table(self, buckets, amounts, company, credit=0.0):
        """The ageing by bucket of what is owed once credits are applied (never negative),
        the credits left over in a column of their own when there are, and the balance."""
        head = "".join(f"<th class='text-end'>{escape(b.name)}</th>" for b in buckets)
        currency = company.currency_id
        cells = "".join(
            "<td class='text-end'>"
            f"{escape(format_amount(self.env, amounts.get(b.id, 0.0), currency))}</td>"
            for b in buckets
        )
        if not currency.is_zero(credit):
            head += f"<th class='text-end'>{escape(self.env._('Unapplied Credit'))}</th>"
            cells += (
                f"<td class='text-end'>{escape(format_amount(self.env, credit, currency))}</td>"
            )
        total = sum(amounts.values()) + credit
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

    # ------------------------------------------------------------ credit check
    def _credit_block_prefetch(self, company):
        extra = super()._credit_block_prefetch(company)
        blocking = self._collection_blocking_stages(company)
        for partner in self:
            extra.setdefault(partner.id, {})["collection_blocking"] = blocking.get(partner.id, [])
        return extra

    def _credit_block_figures_sql(self, company):
        """The blocking stages, read in the check's one query (as [[stage id, invoices]])."""
        extra = super()._credit_block_figures_sql(company)
        extra["collection_blocking"] = SQL(
            """
            (SELECT COALESCE(json_agg(json_build_array(b.stage, b.invoices) ORDER BY b.stage),
                             '[]'::json)
               FROM (SELECT s.id AS stage, COUNT(*) AS invoices
                       FROM account_move am
                       JOIN credit_collection_stage s ON s.id = am.collection_stage_id
                      WHERE am.collection_stage_id IS NOT NULL AND s.blocks_credit
                        AND am.commercial_partner_id = f.commercial_partner_id
                        AND am.company_id = %s
                        AND am.state = 'posted' AND am.payment_state IN ('not_paid', 'partial')
                        AND am.collection_disputed IS NOT TRUE
                   GROUP BY s.id) b)
            """,
            company.id,
        )
        return extra

    def _collection_blocking_stages(self, company):
        """{commercial partner id: [(stage id, invoices)]} of the stages that block new
        credit, for these commercial partners (one query)."""
        self.env.cr.execute(
            SQL(
                """
                SELECT am.commercial_partner_id, s.id, COUNT(*)
                  FROM account_move am
                  JOIN credit_collection_stage s ON s.id = am.collection_stage_id
                 WHERE am.collection_stage_id IS NOT NULL AND s.blocks_credit
                   AND am.commercial_partner_id = ANY(%s) AND am.company_id = %s
                   AND am.state = 'posted' AND am.payment_state IN ('not_paid', 'partial')
                   AND am.collection_disputed IS NOT TRUE
              GROUP BY am.commercial_partner_id, s.id
              ORDER BY am.commercial_partner_id, s.id
                """,
                self.ids,
                company.id,
            )
        )
        blocking = {}
        for partner_id, stage_id, count in self.env.cr.fetchall():
            blocking.setdefault(partner_id, []).append((stage_id, count))
        return blocking

    def _credit_block_reasons(self, company, figures, amount):
        """A customer with an invoice in a stage that blocks new credit is refused."""
        reasons, warnings = super()._credit_block_reasons(company, figures, amount)
        if "collection_blocking" in figures:  # read for many partners at once
            blocking = figures["collection_blocking"]
        else:
            partner = self.browse(figures.get("partner_id") or self.commercial_partner_id.id)
            blocking = partner._collection_blocking_stages(company).get(partner.id, [])
        for stage_id, count in blocking:
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
