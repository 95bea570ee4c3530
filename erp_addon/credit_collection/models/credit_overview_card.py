from babel.dates import format_skeleton
from dateutil.relativedelta import relativedelta

from odoo import fields, models
from odoo.tools import SQL, float_repr, format_amount
from odoo.tools.misc import babel_locale_parse, get_lang

COLLECTION_CARDS = [
    ("collection_ageing", "Receivable Ageing"),
    ("collection_dso", "DSO Trend"),
]
# months of the DSO trend
DSO_MONTHS = 12
CREDIT_SALES = ("out_invoice", "out_refund", "out_receipt")


class CreditOverviewCard(models.Model):
    """The collections' cards on the credit manager's overview: ageing by bucket and the
    DSO of the last twelve months, both read from the receivable ageing
    (sql/credit_collection_ageing.sql, overdue as credit_overdue_cutoff says) as the
    reader sees it (record rules apply), in the company's currency."""

    _inherit = "credit.overview.card"

    card_type = fields.Selection(
        selection_add=COLLECTION_CARDS,
        ondelete={key: "cascade" for key, _label in COLLECTION_CARDS},
    )

    # ------------------------------------------------------------ domains
    def _domain_collection_ageing(self, company):
        """The overdue items today."""
        return [("company_id", "=", company.id), ("days_overdue", ">", 0)]

    def _domain_collection_dso(self, company):
        """The open items today (the receivable of today's DSO)."""
        return [("company_id", "=", company.id)]

    # ------------------------------------------------------------ figures
    def _card_collection_ageing(self, company):
        Ageing = self.env["credit.collection.ageing"]
        if not Ageing.has_access("read"):
            return {"count": 0}
        domain = self._domain_collection_ageing(company)
        [(count, overdue)] = Ageing._read_group(domain, [], ["__count", "amount_overdue:sum"])
        top = Ageing._read_group(
            domain,
            ["partner_id"],
            ["amount_overdue:sum"],
            order="amount_overdue:sum desc, partner_id",
            limit=5,
        )
        by_bucket = dict(
            Ageing._read_group(
                [("company_id", "=", company.id)], ["bucket_id"], ["amount_residual:sum"]
            )
        )
        # every bucket of the company, in order, empty ones as 0
        buckets = [
            (bucket, by_bucket.get(bucket, 0.0))
            for bucket in self.env["credit.collection.bucket"]
            .sudo()
            .search([("company_id", "=", company.id)])
            .with_env(self.env)
        ]
        return {
            "count": count,
            "amount": overdue or 0.0,
            "amount_label": self.env._("overdue"),
            "lines": [
                {
                    "name": partner.display_name,
                    "value": format_amount(self.env, amount, company.currency_id),
                }
                for partner, amount in top
            ],
            "graph": self._chart(
                "bar",
                [bucket.sudo().name for bucket, _amount in buckets],
                [(self.env._("Open receivables"), [round(a or 0.0, 2) for _b, a in buckets])],
                self.env._("Ageing bucket"),
                self._amount_axis(company),
            ),
        }

    def _dso_trend(self, company, today):
        """``[(month end, DSO in days)]`` of the last ``DSO_MONTHS`` months (this month up
        to today): the receivables open on that day (the ageing as at that day) / the
        credit sales (invoices less credit notes, posted) of the N days up to it x N, N
        being the company's DSO period, as the partner's DSO. One query for the sales and
        one per month for the receivables, whatever the number of documents."""
        days = company.collection_dso_days or 90
        ends = [min(today, today + relativedelta(months=-i, day=31)) for i in range(DSO_MONTHS)][
            ::-1
        ]
        first = ends[0] - relativedelta(days=days - 1)
        sales = dict(
            self.env["account.move"]._read_group(
                [
                    ("company_id", "=", company.id),
                    ("state", "=", "posted"),
                    ("move_type", "in", CREDIT_SALES),
                    ("invoice_date", ">=", first),
                    ("invoice_date", "<=", today),
                ],
                ["invoice_date:day"],
                ["amount_total_signed:sum"],
            )
        )
        sales = {fields.Date.to_date(day): amount for day, amount in sales.items()}
        self.env.flush_all()
        trend = []
        for end in ends:
            since = end - relativedelta(days=days - 1)
            sold = sum(amount for day, amount in sales.items() if since <= day <= end)
            open_amount = self._receivable_at(company, end, today)
            trend.append((end, round(open_amount / sold * days, 1) if sold > 0 else 0.0))
        # the ageing's later reads are of today again
        self.env["credit.collection.ageing"]._credit_set_today()
        return trend

    def _receivable_at(self, company, day, today):
        """The receivables open on ``day`` in ``company`` as the reader sees them: the sum
        of the ageing's rows as at that day (its record rules apply), one query."""
        Ageing = self.env["credit.collection.ageing"]
        query = Ageing._search([("company_id", "=", company.id)])
        # the view's settings as at ``day`` (read in SQL: no row of that day in the cache)
        Ageing = Ageing.with_context(collection_as_at=day)
        Ageing._credit_view_apply(Ageing._credit_view_settings(today))
        self.env.cr.execute(
            query.select(SQL("SUM(%s)", SQL.identifier(query.table, "amount_residual")))
        )
        return float(self.env.cr.fetchone()[0] or 0.0)

    def _card_collection_dso(self, company):
        Ageing = self.env["credit.collection.ageing"]
        if not (Ageing.has_access("read") and self.env["account.move"].has_access("read")):
            return {"count": 0}
        today = fields.Date.context_today(self)
        domain = self._domain_collection_dso(company)
        trend = self._dso_trend(company, today)
        [(count, amount)] = Ageing._read_group(domain, [], ["__count", "amount_residual:sum"])
        return {
            "count": count,
            "amount": amount or 0.0,
            "amount_label": self.env._("open receivables"),
            "lines": [
                {
                    "name": self.env._("DSO %(month)s", month=self._month_label(end)),
                    "value": self.env._("%(days)s days", days=float_repr(dso, 1)),
                }
                for end, dso in trend[::-1][:3]
            ],
            "graph": self._chart(
                "line",
                [self._month_label(end) for end, _dso in trend],
                [(self.env._("DSO (days)"), [dso for _end, dso in trend])],
                self.env._("Month"),
                self.env._("Days"),
            ),
        }

    def _month_label(self, day):
        """The month as the reader writes it: "2026年6月" in Chinese, "Jun 2026" in English
        (never "2026-06" inside a sentence)."""
        locale = babel_locale_parse(get_lang(self.env).code)
        return format_skeleton("yMMM", day, locale=locale)

    # ------------------------------------------------------------ opening
    def _ageing_action(self, domain):
        action = self._action_for("credit_collection.action_credit_collection_ageing", domain)
        # the list the card counts first, the pivot and graph a click away
        action["views"] = sorted(action["views"], key=lambda view: view[1] != "list")
        return action

    def _open_collection_ageing(self, company):
        return self._ageing_action(self._domain_collection_ageing(company))

    def _open_collection_dso(self, company):
        return self._ageing_action(self._domain_collection_dso(company))
