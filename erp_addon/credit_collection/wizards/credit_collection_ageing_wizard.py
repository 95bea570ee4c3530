import base64
import io
from collections import defaultdict

from odoo import fields, models
from odoo.tools.misc import format_date, xlsxwriter


class CreditCollectionAgeingWizard(models.TransientModel):
    _name = "credit.collection.ageing.wizard"
    _description = "Ageing Report As At"

    as_at = fields.Date(required=True, default=fields.Date.context_today)
    # an attachment: its type is known from the whole file when downloaded
    xlsx_file = fields.Binary(string="XLSX File", readonly=True)
    xlsx_name = fields.Char(string="XLSX File Name", readonly=True)

    def action_open(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "credit_collection.action_credit_collection_ageing"
        )
        action["context"] = {"collection_as_at": fields.Date.to_string(self.as_at)}
        action["display_name"] = self.env._(
            "Ageing as at %(date)s", date=format_date(self.env, self.as_at)
        )
        return action

    def action_export_xlsx(self):
        """The ageing as at the day as a spreadsheet: one row per company, customer,
        salesperson and collector, one column per ageing bucket."""
        self.ensure_one()
        self.write(
            {
                "xlsx_file": base64.b64encode(self._ageing_xlsx()),
                "xlsx_name": f"ageing-{fields.Date.to_string(self.as_at)}.xlsx",
            }
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{self._name}/{self.id}/xlsx_file/{self.xlsx_name}?download=true",
            "target": "download",
        }

    def _ageing_rows(self):
        """(headers, rows, totals): the ageing grouped in SQL (one query), ordered."""
        Ageing = self.env["credit.collection.ageing"].with_context(
            collection_as_at=fields.Date.to_string(self.as_at)
        )
        groups = Ageing._read_group(
            [],
            ["company_id", "partner_id", "invoice_user_id", "collector_id", "bucket_id"],
            ["amount_residual:sum", "amount_overdue:sum"],
        )
        companies = self.env["res.company"].union(*(group[0] for group in groups))
        buckets = self.env["credit.collection.bucket"].search(
            [("company_id", "in", companies.ids)], order="company_id, days_from"
        )
        # buckets of the companies shown, by name: one column per name, in their order
        columns = []
        for bucket in buckets:
            if bucket.name not in columns:
                columns.append(bucket.name)
        lines = {}
        for company, partner, salesperson, collector, bucket, residual, overdue in groups:
            key = (company, partner, salesperson, collector)
            line = lines.setdefault(key, defaultdict(float))
            line[bucket.name if bucket else ""] += residual
            line["__overdue"] += overdue
            line["__total"] += residual
        if "" in {name for line in lines.values() for name in line}:
            columns.append("")
        headers = [
            self.env._("Company"),
            self.env._("Customer"),
            self.env._("Salesperson"),
            self.env._("Collector"),
            self.env._("Currency"),
            *[name or self.env._("No Bucket") for name in columns],
            self.env._("Overdue"),
            self.env._("Total"),
        ]
        rows = []
        totals = defaultdict(lambda: defaultdict(float))
        for key in sorted(
            lines,
            key=lambda k: (k[0].name or "", k[1].name or "", k[2].name or "", k[3].name or ""),
        ):
            company, partner, salesperson, collector = key
            line = lines[key]
            currency = company.currency_id
            amounts = [line.get(name, 0.0) for name in columns]
            amounts += [line["__overdue"], line["__total"]]
            rows.append(
                [
                    company.name,
                    partner.display_name or "",
                    salesperson.name or "",
                    collector.name or "",
                    currency.name,
                    *amounts,
                ]
            )
            for i, amount in enumerate(amounts):
                totals[currency.name][i] += amount
        total_rows = [
            [
                self.env._("Total"),
                "",
                "",
                "",
                currency,
                *[values[i] for i in range(len(columns) + 2)],
            ]
            for currency, values in sorted(totals.items())
        ]
        return headers, rows, total_rows

    def _ageing_xlsx(self):
        headers, rows, total_rows = self._ageing_rows()
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"in_memory": True})
        sheet = workbook.add_worksheet(self.env._("Ageing")[:31])
        bold = workbook.add_format({"bold": True})
        head = workbook.add_format({"bold": True, "bg_color": "#DDDDDD", "border": 1})
        money = workbook.add_format({"num_format": "#,##0.00"})
        money_bold = workbook.add_format({"num_format": "#,##0.00", "bold": True})
        sheet.write(
            0,
            0,
            self.env._("Receivable Ageing as at %(date)s", date=format_date(self.env, self.as_at)),
            bold,
        )
        first_amount = 5
        for col, title in enumerate(headers):
            sheet.write(2, col, title, head)
        row_index = 3
        for row in rows:
            for col, value in enumerate(row):
                sheet.write(row_index, col, value, money if col >= first_amount else None)
            row_index += 1
        for row in total_rows:
            for col, value in enumerate(row):
                sheet.write(row_index, col, value, money_bold if col >= first_amount else bold)
            row_index += 1
        sheet.set_column(0, 3, 24)
        sheet.set_column(first_amount, len(headers) - 1, 14)
        sheet.freeze_panes(3, 2)
        workbook.close()
        return output.getvalue()
