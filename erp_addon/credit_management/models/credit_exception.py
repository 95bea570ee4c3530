from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.osv import expression


class CreditException(models.Model):
    """A recorded, one-document exception to the hard credit check (特批)."""

    _name = "credit.exception"
    _description = "Credit Check Exception"
    _inherit = ["mail.thread", "mail.activity.mixin", "credit.guard.mixin"]
    _order = "id desc"

    # guards (credit.guard.mixin): the requester gives the document, fixed once requested,
    # and the justification, while the request is pending; the rest comes from the check
    # (_request_values) or the decision
    _guard_sequence = "credit.exception"
    _guard_flow_fields = (
        "name",
        "partner_id",
        "company_id",
        "document_name",
        "amount",
        "credit_limit",
        "exposure_amount",
        "overdue_amount",
        "reasons",
        "requested_by_id",
        "state",
        "decided_by_id",
        "decision_date",
        "decision_note",
        "used_date",
    )
    _guard_locks = [("__all__", ("requested",)), (("res_model", "res_id"), ())]
    _guard_undeletable_states = "__all__"

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
    awaiting_my_decision = fields.Boolean(
        compute="_compute_awaiting_my_decision", search="_search_awaiting_my_decision"
    )

    @api.depends_context("uid")
    @api.depends("state", "requested_by_id")
    def _compute_awaiting_my_decision(self):
        mine = self.filtered_domain(self._awaiting_my_decision_domain())
        for exc in self:
            exc.awaiting_my_decision = exc in mine

    def _awaiting_my_decision_domain(self):
        """Requested, I am a credit manager, and not requested by me (_check_can_decide)."""
        user = self.env.user
        if not user.has_group("credit_management.group_credit_manager"):
            return expression.FALSE_DOMAIN
        return [("state", "=", "requested"), ("requested_by_id", "!=", user.id)]

    def _search_awaiting_my_decision(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on exceptions awaiting a decision."))
        domain = self._awaiting_my_decision_domain()
        if (operator == "=") == value:
            return domain
        return ["!", *expression.normalize_domain(domain)]

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records._notify_managers()
        return records

    @api.model
    def _guard_start_values(self, vals):
        # only the document and the justification come from the requester; the figures
        # are the check's own, computed here, and the flow starts anew
        return dict(
            self._request_values(vals.get("res_model"), vals.get("res_id")),
            **super()._guard_start_values(vals),
        )

    @api.model
    def _request_values(self, res_model, res_id):
        """The values of a new request for a document, from the credit check itself."""
        if res_model not in dict(self._fields["res_model"].selection) or not res_id:
            raise UserError(self.env._("Choose the sales order or invoice the exception is for."))
        document = self.env[res_model].browse(res_id).exists()
        if not document:
            raise UserError(self.env._("The document no longer exists."))
        document.check_access("read")
        blocked = document._credit_check(lock=False, consume=False)
        if document not in blocked:
            raise UserError(
                self.env._(
                    "%(doc)s passes the credit check: no exception is needed.",
                    doc=document.display_name,
                )
            )
        if self.sudo().search_count(
            [
                ("res_model", "=", res_model),
                ("res_id", "=", res_id),
                ("state", "in", ("requested", "granted")),
            ]
        ):
            raise UserError(
                self.env._(
                    "%(doc)s already has a pending or granted credit exception.",
                    doc=document.display_name,
                )
            )
        reasons, figures, amount = blocked[document]
        return {
            "res_model": res_model,
            "res_id": res_id,
            "document_name": document.display_name,
            "partner_id": figures["partner_id"],
            "company_id": document.company_id.id,
            "amount": amount,
            "credit_limit": figures["limit"],
            "exposure_amount": figures["exposure"],
            "overdue_amount": figures["overdue"],
            "reasons": "\n".join(reasons),
            "requested_by_id": self.env.user.id,
            "state": "requested",
            "decided_by_id": False,
            "decision_date": False,
            "decision_note": False,
            "used_date": False,
        }

    def _guard_check_write(self, vals):
        if "request_note" in vals and any(exc.requested_by_id != self.env.user for exc in self):
            raise AccessError(
                self.env._("Only the requester may change a pending request's justification.")
            )

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
                    summary=exc.with_context(lang=user.lang).env._(
                        "Credit exception for %(doc)s", doc=exc.document_name
                    ),
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
            exc._guard_sudo("write").write(
                {
                    "state": "granted" if decision == "approve" else "refused",
                    "decided_by_id": self.env.user.id,
                    "decision_date": fields.Datetime.now(),
                    "decision_note": note,
                }
            )
            exc.sudo().activity_unlink(["credit_management.mail_activity_type_credit_approval"])
            env = exc.with_context(lang=exc.company_id._credit_lang()).env
            body = env._(
                "Credit exception %(name)s %(decision)s by %(user)s: %(note)s",
                name=exc.name,
                decision=env._("granted") if decision == "approve" else env._("refused"),
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
        self._guard_sudo("read").write({"state": "cancelled"})
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

        One query for all documents. An exception granted on a document covers it once,
        up to its amount; one granted on a related document (the order of an invoice)
        covers it too, up to its amount, without being used up again.
        """
        if not documents:
            return set()
        related = {doc.id: doc._credit_exception_documents() for doc in documents}
        by_model = {}
        for groups in related.values():
            for recs in groups:
                by_model.setdefault(recs._name, set()).update(recs.ids)
        found = self.sudo().search(
            expression.AND(
                [
                    [("state", "in", ("granted", "used"))],
                    expression.OR(
                        [("res_model", "=", model), ("res_id", "in", list(ids))]
                        for model, ids in by_model.items()
                    ),
                ]
            )
        )
        passed = set()
        for doc in documents:
            amount = amounts.get(doc.id, 0.0)
            own, *others = related[doc.id]
            for exc in found:
                if exc.currency_id.compare_amounts(amount, exc.amount) > 0:
                    continue
                if exc.res_model == own._name and exc.res_id == own.id and exc.state == "granted":
                    passed.add(doc.id)
                    if not dry_run:
                        exc.sudo().write({"state": "used", "used_date": fields.Datetime.now()})
                        env = exc.with_context(lang=exc.company_id._credit_lang()).env
                        exc.message_post(
                            body=env._("Used to let %(doc)s through.", doc=exc.document_name)
                        )
                    break
                if any(exc.res_model == rec._name and exc.res_id in rec.ids for rec in others):
                    passed.add(doc.id)
                    break
        return passed
