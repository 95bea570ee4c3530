from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError


class CreditException(models.Model):
    """A recorded, one-document exception to the hard credit check (特批)."""

    _name = "credit.exception"
    _description = "Credit Check Exception"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "id desc"

    name = fields.Char(required=True, copy=False, readonly=True, default="/")
    partner_id = fields.Many2one("res.partner", required=True, index=True, readonly=True)
    company_id = fields.Many2one("res.company", required=True, readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    res_model = fields.Selection(
        [("sale.order", "Sales Order"), ("account.move", "Customer Invoice")],
        string="Document Type",
        required=True,
        readonly=True,
    )
    res_id = fields.Many2oneReference(model_field="res_model", required=True, readonly=True)
    document_name = fields.Char(string="Document", readonly=True)
    amount = fields.Monetary(
        readonly=True, help="Document amount in company currency; a larger amount is not covered."
    )
    credit_limit = fields.Monetary(readonly=True)
    exposure_amount = fields.Monetary(string="Exposure Before", readonly=True)
    overdue_amount = fields.Monetary(readonly=True)
    reasons = fields.Text(string="Blocked Because", readonly=True)
    request_note = fields.Text(string="Justification", required=True)
    requested_by_id = fields.Many2one(
        "res.users", required=True, readonly=True, default=lambda self: self.env.user
    )
    state = fields.Selection(
        [
            ("requested", "Requested"),
            ("granted", "Granted"),
            ("refused", "Refused"),
            ("used", "Used"),
            ("cancelled", "Cancelled"),
        ],
        default="requested",
        required=True,
        tracking=True,
        copy=False,
    )
    decided_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    decision_date = fields.Datetime(readonly=True, copy=False)
    decision_note = fields.Text(readonly=True, copy=False)
    used_date = fields.Datetime(readonly=True, copy=False)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not self.env.su:
                for field in (
                    "state",
                    "decided_by_id",
                    "decision_date",
                    "decision_note",
                    "used_date",
                ):
                    vals.pop(field, None)
                vals["requested_by_id"] = self.env.user.id
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("credit.exception") or "/"
            if not vals.get("document_name") and vals.get("res_model") and vals.get("res_id"):
                document = self.env[vals["res_model"]].browse(vals["res_id"])
                vals["document_name"] = document.sudo().display_name
        records = super().create(vals_list)
        records._notify_managers()
        return records

    def _notify_managers(self):
        activity_type = self.env.ref("credit_management.mail_activity_type_credit_approval")
        managers = self.env.ref("credit_management.group_credit_manager").sudo().users
        for exc in self:
            for user in managers.filtered(
                lambda u, e=exc: (
                    u != e.requested_by_id and not u.share and e.company_id in u.company_ids
                )
            )[:10]:
                exc.sudo().activity_schedule(
                    activity_type_id=activity_type.id,
                    user_id=user.id,
                    summary=self.env._("Credit exception for %(doc)s", doc=exc.document_name),
                )

    def _check_can_decide(self):
        self.ensure_one()
        if self.state != "requested":
            raise UserError(
                self.env._("Exception %(name)s is not awaiting a decision.", name=self.name)
            )
        if not self.env.user.has_group("credit_management.group_credit_manager"):
            raise AccessError(
                self.env._("Only a credit manager may grant or refuse a credit exception.")
            )
        if self.requested_by_id == self.env.user:
            raise AccessError(self.env._("Nobody may decide on their own exception request."))

    def _action_decide(self, decision, note):
        for exc in self:
            exc._check_can_decide()
            exc.write(
                {
                    "state": "granted" if decision == "approve" else "refused",
                    "decided_by_id": self.env.user.id,
                    "decision_date": fields.Datetime.now(),
                    "decision_note": note,
                }
            )
            exc.sudo().activity_unlink(["credit_management.mail_activity_type_credit_approval"])
            body = self.env._(
                "Credit exception %(name)s %(decision)s by %(user)s: %(note)s",
                name=exc.name,
                decision=self.env._("granted") if decision == "approve" else self.env._("refused"),
                user=self.env.user.name,
                note=note,
            )
            exc.message_post(body=body)
            exc._document().sudo().message_post(body=body)
            exc.message_notify(
                partner_ids=exc.requested_by_id.partner_id.ids,
                body=body,
                subject=self.env._("Credit exception %(name)s", name=exc.name),
            )
        return True

    def action_grant(self):
        self.ensure_one()
        self._check_can_decide()
        return self.env["credit.decision"]._action_open(self, "approve")

    def action_refuse(self):
        self.ensure_one()
        self._check_can_decide()
        return self.env["credit.decision"]._action_open(self, "refuse")

    def action_cancel(self):
        for exc in self:
            if exc.state != "requested":
                raise UserError(self.env._("Only a pending request can be cancelled."))
            if exc.requested_by_id != self.env.user and not self.env.user.has_group(
                "credit_management.group_credit_manager"
            ):
                raise AccessError(self.env._("Only the requester or a credit manager may cancel."))
        self.write({"state": "cancelled"})
        self.sudo().activity_unlink(["credit_management.mail_activity_type_credit_approval"])
        return True

    def _document(self):
        self.ensure_one()
        return self.env[self.res_model].browse(self.res_id)

    def action_open_document(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self.res_model,
            "res_id": self.res_id,
            "views": [(False, "form")],
        }

    @api.model
    def _consume(self, documents, amounts, dry_run=False):
        """Use up granted exceptions covering these documents; return the ids let through.

        One query for all documents; an exception covers its document once, up to its amount.
        """
        if not documents:
            return set()
        granted = self.sudo().search(
            [
                ("res_model", "=", documents._name),
                ("res_id", "in", documents.ids),
                ("state", "=", "granted"),
            ]
        )
        passed = set()
        for exc in granted:
            amount = amounts.get(exc.res_id, 0.0)
            if exc.res_id in passed or exc.currency_id.compare_amounts(amount, exc.amount) > 0:
                continue
            passed.add(exc.res_id)
            if not dry_run:
                exc.write({"state": "used", "used_date": fields.Datetime.now()})
                exc.message_post(
                    body=self.env._("Used to let %(doc)s through.", doc=exc.document_name)
                )
        return passed
