import logging

from odoo import api, fields, models
from odoo.tools.misc import format_date

from ..exceptions import CreditCheckBlocked


class CreditCheckMixin(models.AbstractModel):
    """A document the hard credit check guards: the one entrance to the check.

    Sales orders and customer invoices inherit it and say, through the hooks below,
    which partner they charge, what they add to exposure and when they are checked.
    The figures come from one SQL call per company (res.partner._credit_exposure_figures)
    that leaves the checked documents out, so each document's whole amount is added here
    whether or not it already counted (a draft invoice, a confirmed order that grew).
    """

    _name = "credit.check.mixin"
    _description = "Document Checked Against Credit"

    credit_check_warning = fields.Text(compute="_compute_credit_check_warning")
    credit_exception_count = fields.Integer(compute="_compute_credit_exception_count")
    credit_exception_pending = fields.Text(compute="_compute_credit_exception_pending")

    # ------------------------------------------------------------ hooks
    def _credit_partner(self):
        """The partner charged; the check works on its commercial partner."""
        raise NotImplementedError

    def _credit_amount(self):
        """What the document makes the customer owe, in company currency."""
        raise NotImplementedError

    def _credit_is_paid(self):
        """Whether online payments received (Odoo's ``amount_paid``) cover the document.

        A paid document adds no risk: it passes, so that a customer who has just paid
        online is never refused.
        """
        return self.amount_total > 0 and (
            self.currency_id.compare_amounts(self.amount_paid, self.amount_total) >= 0
        )

    def _credit_exclusions(self):
        """Keyword arguments leaving these documents out of the exposure figures."""
        return {}

    def _credit_exception_documents(self):
        """Recordsets whose exceptions let this document through (itself first)."""
        return [self]

    # ------------------------------------------------------------ the check
    def _credit_evaluate(self, lock):
        """{document: (reasons, warnings, figures, amount)} for the documents checked.

        Queries do not grow with the number of invoices or orders: one SQL call per
        company gives the lock, the figures and what add-ons' reasons read; one more
        reads what others committed (with ``lock``).
        """
        results = {}
        Partner = self.env["res.partner"].sudo()
        todo = self.filtered(lambda d: d._credit_partner())
        for company in todo.company_id:
            docs = todo.filtered(lambda d, c=company: d.company_id == c)
            partners = Partner.browse([doc._credit_partner().id for doc in docs])
            figures = partners._credit_exposure_figures(
                company, lock=lock, reasons=True, **docs._credit_exclusions()
            )
            # one running total per commercial partner, shared by its contacts
            running = {}
            for doc in docs:
                fig = figures[doc._credit_partner().id]
                fig = running.setdefault(fig["partner_id"], dict(fig))
                amount = doc._credit_amount()
                commercial = Partner.browse(fig["partner_id"])
                reasons, warnings = commercial._credit_block_reasons(company, fig, amount)
                results[doc] = (reasons, warnings, dict(fig), amount)
                fig["exposure"] += amount
        return results

    def _credit_check(self, lock=True, consume=True):
        """Run the hard credit check; return {document: (reasons, figures, amount)} blocked.

        Granted exceptions let their documents through (used up unless ``consume`` is
        off). Without ``lock`` and ``consume`` it only reports, for display.
        """
        return self._credit_blocked(self._credit_evaluate(lock), consume)

    def _credit_blocked(self, results, consume):
        """The documents of ``results`` that stay blocked, after payments and exceptions."""
        # a paid document passes (asked only of the blocked ones: it costs a query)
        blocked = {
            doc: (reasons, figures, amount)
            for doc, (reasons, _warnings, figures, amount) in results.items()
            if reasons and not doc._credit_is_paid()
        }
        if blocked:
            docs = self.browse([doc.id for doc in blocked])
            passed = self.env["credit.exception"]._consume(
                docs, {doc.id: blocked[doc][2] for doc in docs}, dry_run=not consume
            )
            blocked = {doc: info for doc, info in blocked.items() if doc.id not in passed}
        return blocked

    def _credit_enforce(self):
        """Run the check with the partner lock; stop with the reasons when it fails."""
        blocked = self._credit_check()
        if blocked:
            self._credit_raise_blocked(blocked)

    @api.model
    def _credit_raise_blocked(self, blocked):
        """Stop with the reasons and figures, offering to request an exception."""
        doc, (reasons, _figures, _amount) = next(iter(blocked.items()))
        message = self.env._("Credit check failed for %(doc)s:", doc=doc.display_name)
        message += "\n- " + "\n- ".join(reasons)
        if len(blocked) > 1:
            message += "\n" + self.env._(
                "%(count)s other document(s) are blocked as well.", count=len(blocked) - 1
            )
        action = self.env["credit.exception.request"]._action_for(doc)
        error = CreditCheckBlocked(message, action, self.env._("Request Credit Exception"))
        # an expected business outcome, not a server fault: keep it out of the error log
        error.loglevel = logging.INFO
        raise error

    # ------------------------------------------------------------ display
    def _credit_displayed(self):
        """The documents whose banner shows what the check would say now."""
        return self.browse()

    @api.depends_context("company", "uid")
    def _compute_credit_check_warning(self):
        """What the check would say now: blocking reasons, then warnings."""
        self.credit_check_warning = False
        docs = self._credit_displayed().filtered("id")
        if not docs:
            return
        results = docs._credit_evaluate(lock=False)
        blocked = docs._credit_blocked(results, consume=False)
        for doc, (_reasons, warnings, _figures, _amount) in results.items():
            shown = (blocked[doc][0] if doc in blocked else []) + warnings
            doc.credit_check_warning = "\n".join(shown) or False

    def _compute_credit_exception_count(self):
        self.credit_exception_count = 0
        Exception_ = self.env["credit.exception"]
        if not Exception_.has_access("read"):
            return
        counts = dict(
            Exception_._read_group(
                [("res_model", "=", self._name), ("res_id", "in", self.ids)],
                ["res_id"],
                ["__count"],
            )
        )
        for doc in self:
            doc.credit_exception_count = counts.get(doc.id, 0)

    @api.depends_context("uid", "lang")
    def _compute_credit_exception_pending(self):
        """Who asked for an exception for the document and who is to decide on it."""
        self.credit_exception_pending = False
        docs = self.filtered("id")
        if not docs:
            return
        pending = (
            self.env["credit.exception"]
            .sudo()
            .search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", docs.ids),
                    ("state", "=", "requested"),
                ],
                order="id",
            )
        )
        activity_type = self.env.ref(
            "credit_management.mail_activity_type_credit_approval", raise_if_not_found=False
        )
        for doc in docs:
            lines = []
            for exc in pending.filtered(lambda e, d=doc: e.res_id == d.id):
                deciders = exc.activity_ids.filtered(
                    lambda a: a.activity_type_id == activity_type
                ).user_id
                lines.append(
                    self.env._(
                        "Credit exception %(name)s, requested by %(user)s on %(date)s, awaits "
                        "a decision by %(deciders)s.",
                        name=exc.name,
                        user=exc.requested_by_id.name,
                        date=format_date(self.env, exc.create_date.date()),
                        deciders=", ".join(deciders.mapped("name"))
                        or self.env._("a credit manager"),
                    )
                )
            doc.credit_exception_pending = "\n".join(lines) or False

    def action_view_credit_exceptions(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Credit Exceptions"),
            "res_model": "credit.exception",
            "views": [(False, "list"), (False, "form")],
            "domain": [("res_model", "=", self._name), ("res_id", "in", self.ids)],
        }
