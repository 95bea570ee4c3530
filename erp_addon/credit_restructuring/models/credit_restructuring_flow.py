"""The approval of a restructuring agreement: submitted by its proposer, approved or
refused by someone of the authority band of the amount restructured (credit_management's
bands, as credit applications), never by the proposer; on approval the waived part goes
to the collections' bad-debt write-off approvals (credit.collection.writeoff), the
invoices leave the collection procedure's escalation and the history says so."""

from odoo import fields, models
from odoo.exceptions import AccessError, UserError
from odoo.osv import expression
from odoo.tools import float_compare, float_is_zero, format_amount

from odoo.addons.credit_management.models.credit_authority_band import (
    APPROVAL_LEVELS,
    LEVEL_GROUPS,
)

from .credit_restructuring import MANAGER

APPROVAL_ACTIVITY = "credit_management.mail_activity_type_credit_approval"


# one model, one file per concern (the agreement's fields in credit_restructuring.py)
class CreditRestructuring(models.Model):
    _inherit = "credit.restructuring"  # pylint: disable=consider-merging-classes-inherited

    # ------------------------------------------------------------ who decides
    def _awaiting_my_decision_domain(self):
        """Submitted, within my authority, and not proposed by me (_check_can_decide)."""
        user = self.env.user
        levels = [level for level, group in LEVEL_GROUPS.items() if user.has_group(group)]
        return [
            ("state", "=", "submitted"),
            ("required_level", "in", levels),
            ("proposed_by_id", "!=", user.id),
            ("create_uid", "!=", user.id),
        ]

    def _compute_awaiting_my_decision(self):
        mine = self.filtered_domain(self._awaiting_my_decision_domain())
        for agreement in self:
            agreement.awaiting_my_decision = agreement in mine

    def _search_awaiting_my_decision(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on agreements awaiting a decision."))
        domain = self._awaiting_my_decision_domain()
        if (operator == "=") == value:
            return domain
        return ["!", *expression.normalize_domain(domain)]

    def _approver_users(self):
        self.ensure_one()
        group = self.env.ref(LEVEL_GROUPS[self.required_level])
        return group.sudo().users.filtered(
            lambda u: u != self.proposed_by_id and not u.share and self.company_id in u.company_ids
        )

    def _check_can_decide(self):
        self.ensure_one()
        if self.state != "submitted":
            raise UserError(
                self.env._("Agreement %(name)s is not awaiting approval.", name=self.name)
            )
        if self.env.user in (self.proposed_by_id | self.create_uid):
            raise AccessError(
                self.env._(
                    "Agreement %(name)s was proposed by you: someone else of its authority "
                    "band approves it.",
                    name=self.name,
                )
            )
        if not self.env.user.has_group(LEVEL_GROUPS[self.required_level]):
            raise AccessError(
                self.env._(
                    "An agreement restructuring %(amount)s must be approved by: %(level)s.",
                    amount=format_amount(self.env, self.amount_restructured, self.currency_id),
                    level=dict(APPROVAL_LEVELS)[self.required_level],
                )
            )

    # ------------------------------------------------------------ flow
    def action_submit(self):
        for agreement in self:
            if agreement.state != "draft":
                raise UserError(
                    self.env._("Agreement %(name)s was already submitted.", name=agreement.name)
                )
            if agreement.proposed_by_id != self.env.user:
                raise AccessError(
                    self.env._("Only its proposer may submit a restructuring agreement.")
                )
            # the invoices as they are now, then the schedule against their open amount
            agreement._check_moves()
            agreement._check_waiver()
            agreement._check_schedule_total()
            band = self.env["credit.authority.band"]._band_for_amount(
                agreement.amount_restructured, agreement.company_id
            )
            self.env.cr.execute("SELECT COALESCE(MAX(id), 0) FROM account_partial_reconcile")
            watermark = self.env.cr.fetchone()[0]
            agreement._guard_sudo("write").write(
                {
                    "state": "submitted",
                    "required_level": band.level,
                    "submitted_date": fields.Datetime.now(),
                    "partial_watermark": watermark,
                }
            )
            agreement._notify_approvers()
        return True

    def _notify_approvers(self):
        self.ensure_one()
        for user in self._approver_users()[:10]:
            env = self.company_id._credit_env(user)
            self.sudo().activity_schedule(
                APPROVAL_ACTIVITY,
                user_id=user.id,
                summary=env._("Approve restructuring agreement %(name)s", name=self.name),
            )

    def _action_decide(self, decision, note):
        """Record who decided, when and why (the credit.decision dialog); approval puts
        the agreement in force."""
        for agreement in self:
            agreement._check_can_decide()
            if decision == "approve":
                agreement._check_moves()
            agreement._guard_sudo("write").write(
                {
                    "state": "active" if decision == "approve" else "refused",
                    "decided_by_id": self.env.user.id,
                    "decision_date": fields.Datetime.now(),
                    "decision_note": note,
                }
            )
            agreement.sudo().activity_unlink([APPROVAL_ACTIVITY])
            env = agreement.company_id._credit_env()
            agreement.message_post(
                body=env._(
                    "%(decision)s by %(user)s: %(note)s",
                    decision=env._("Approved") if decision == "approve" else env._("Refused"),
                    user=self.env.user.name,
                    note=note,
                )
            )
            if decision == "approve":
                agreement._activate()
        return True

    def _activate(self):
        """In force: the invoices leave the escalation (the daily run reads the agreements
        in force, sql/credit_restructuring_adherence.sql), the history says so, and the
        waived part goes to the write-off approvals."""
        self.ensure_one()
        moves = self.sudo().move_ids
        env = self.company_id._credit_env()
        moves._collection_log(
            "restructured", stage_to=False, note=env._("Agreement %(name)s", name=self.name)
        )
        self._request_waiver()

    def _request_waiver(self):
        """The waived amount as bad-debt write-off requests (one per invoice, the latest due
        first), submitted in the proposer's name: the collections' own approvals (a credit
        manager and an accountant, neither the proposer) decide on them."""
        self.ensure_one()
        currency = self.currency_id
        left = self.waived_amount
        if float_is_zero(left, precision_rounding=currency.rounding):
            return self.env["credit.collection.writeoff"]
        env = self.company_id._credit_env()
        vals_list = []
        for move in self.sudo().move_ids.sorted(lambda m: (m.invoice_date_due, m.id), reverse=True):
            if float_compare(left, 0.0, precision_rounding=currency.rounding) <= 0:
                break
            part = min(left, move.amount_residual)
            if float_is_zero(part, precision_rounding=currency.rounding):
                continue
            left = currency.round(left - part)
            vals_list.append(
                {
                    "move_id": move.id,
                    "restructuring_id": self.id,
                    "restructuring_amount": part,
                    "proposed_by_id": self.proposed_by_id.id,
                    "evidence": env._(
                        "Waived under debt restructuring agreement %(name)s: %(reason)s",
                        name=self.name,
                        reason=self.reason,
                    ),
                }
            )
        proposer = self.proposed_by_id
        writeoffs = (
            self.env["credit.collection.writeoff"].with_user(proposer).sudo().create(vals_list)
        )
        writeoffs.action_submit()
        self.message_post(
            body=env._(
                "Waiver of %(amount)s sent to the bad-debt write-off approvals: %(names)s.",
                amount=format_amount(env, self.waived_amount, currency),
                names=", ".join(writeoffs.mapped("name")),
            )
        )
        return writeoffs.with_env(self.env)

    def action_cancel(self):
        for agreement in self:
            if agreement.state not in ("draft", "submitted"):
                raise UserError(self.env._("Only a draft or submitted agreement can be cancelled."))
            if agreement.proposed_by_id != self.env.user and not self.env.user.has_group(MANAGER):
                raise AccessError(
                    self.env._("Only its proposer or a credit manager may cancel an agreement.")
                )
        self._guard_sudo("write").write({"state": "cancelled"})
        self.sudo().activity_unlink([APPROVAL_ACTIVITY])
        return True

    def action_reset_draft(self):
        for agreement in self:
            if agreement.state != "cancelled":
                raise UserError(self.env._("Only a cancelled agreement can go back to draft."))
            if agreement.proposed_by_id != self.env.user:
                raise AccessError(self.env._("Only its proposer may reopen an agreement."))
        self._guard_sudo("write").write({"state": "draft"})
        return True

    def action_print(self):
        self.ensure_one()
        return self.env.ref("credit_restructuring.action_report_restructuring").report_action(self)

    def action_open_writeoffs(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "credit_collection.action_credit_collection_writeoff"
        )
        action["domain"] = [("restructuring_id", "=", self.id)]
        action["context"] = {"create": False}
        return action
