import base64

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from ..models.credit_external_import import SOURCE_TYPES
from ..tools.external_format import write_file

ANALYST = "credit_management.group_credit_analyst"


class CreditExternalShareWizard(models.TransientModel):
    """Share the company's customer credit data with a bank, an industry association or
    a rating agency, in the documented format; only customers marked shareable; every
    sharing logged (credit.external.share)."""

    _name = "credit.external.share.wizard"
    _description = "Share Customer Credit Data"

    recipient = fields.Char(required=True, help="The institution the data is sent to.")
    recipient_type = fields.Selection(SOURCE_TYPES, required=True, default="association")
    purpose = fields.Text()
    file_format = fields.Selection(
        [("xlsx", "XLSX"), ("csv", "CSV")], required=True, default="xlsx"
    )
    partner_ids = fields.Many2many(
        "res.partner",
        string="Customers",
        domain="[('credit_shareable', '=', True), ('credit_code', '!=', False)]",
        default=lambda self: self._default_partners(),
    )

    @api.model
    def _default_partners(self):
        return self.env["res.partner"].search(
            [
                ("credit_shareable", "=", True),
                ("credit_code", "!=", False),
                ("parent_id", "=", False),
            ]
        )

    def _share_rows(self, partners):
        company = self.env.company
        today = fields.Date.context_today(self)
        adverse = {}
        for record in self.env["credit.external.adverse"].search_fetch(
            [("partner_id", "in", partners.ids), ("company_id", "=", company.id)],
            ["partner_id", "adverse_type", "reference"],
            order="date, id",
        ):
            adverse.setdefault(record.partner_id.id, {}).setdefault(record.adverse_type, []).append(
                record.reference
            )
        rows = []
        for partner in partners.with_company(company):
            row = {
                "credit_code": partner.credit_code,
                "source": company.name,
                "date": today,
                "rating": partner.credit_grade_id.code or "",
                "registered_capital": partner.credit_registered_capital or None,
                "operating_status": partner.credit_operating_status or "",
            }
            row.update(adverse.get(partner.id, {}))
            rows.append(row)
        return rows

    def action_export(self):
        self.ensure_one()
        if not self.env.user.has_group(ANALYST):
            raise AccessError(self.env._("Only a credit analyst may share customer credit data."))
        partners = self.partner_ids
        if not partners:
            raise UserError(self.env._("Choose the customers whose credit data is shared."))
        refused = partners.filtered(lambda p: not p.credit_shareable)
        if refused:
            raise UserError(
                self.env._(
                    "These customers are not marked shareable: %(names)s.",
                    names=", ".join(refused.mapped("display_name")),
                )
            )
        no_code = partners.filtered(lambda p: not p.credit_code)
        if no_code:
            raise UserError(
                self.env._(
                    "These customers have no unified social credit code: %(names)s.",
                    names=", ".join(no_code.mapped("display_name")),
                )
            )
        content = write_file(self._share_rows(partners), self.file_format)
        Share = self.env["credit.external.share"]
        Share.check_access("create")
        now = fields.Datetime.now()
        stamp = fields.Datetime.context_timestamp(self, now).strftime("%Y%m%d_%H%M%S")
        file_name = f"credit_share_{stamp}.{self.file_format}"
        share = Share.sudo().create(
            {
                "company_id": self.env.company.id,
                "user_id": self.env.user.id,
                "date": now,
                "recipient": self.recipient,
                "recipient_type": self.recipient_type,
                "purpose": self.purpose,
                "partner_ids": [fields.Command.set(partners.ids)],
                "partner_count": len(partners),
                "file_format": self.file_format,
                "file_data": base64.b64encode(content),
                "file_name": file_name,
            }
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/credit.external.share/{share.id}/file_data/{file_name}"
            "?download=true",
            "target": "download",
        }
