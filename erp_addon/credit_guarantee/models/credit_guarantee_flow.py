"""The guarantee's flow: proposed by an analyst, approved by the authority band of its cover
(as credit limits are: credit.authority.band, nobody decides on their own proposal), the
guarantor's share of its own limit checked, released on approval, called on default."""

from odoo import fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import float_compare, format_amount
from odoo.tools.misc import format_date

from odoo.addons.credit_management.models.credit_authority_band import (
    APPROVAL_LEVELS,
    LEVEL_GROUPS,
)

ANALYST = "credit_management.group_credit_analyst"
MANAGER = "credit_management.group_credit_manager"
APPROVAL_ACTIVITY = "credit_management.mail_activity_type_credit_approval"


class CreditGuarantee(models.Model):
    _inherit = "credit.guarantee"  # pylint: disable=consider-merging-classes-inherited

    # ------------------------------------------------------------ submit
    def action_submit(self):
        if not self.env.user.has_group(ANALYST):
            raise AccessError(self.env._("Only credit analysts propose guarantees."))
        for guarantee in self:
            if guarantee.state != "draft":
                raise UserError(
                    self.env._(
                        "Guarantee %(name)s was already submitted.", name=guarantee.display_name
                    )
                )
            if guarantee.date_end <= fields.Date.context_today(self):
                raise UserError(
                    self.env._(
                        "Guarantee %(name)s ends on %(date)s: it would never count.",
                        name=guarantee.display_name,
                        date=format_date(self.env, guarantee.date_end),
                    )
                )
            band = self.env["credit.authority.band"]._band_for_amount(
                guarantee.cover_amount, guarantee.company_id
            )
            vals = {
                "state": "to_approve",
                "required_level": band.level,
                "proposed_by_id": guarantee.proposed_by_id.id or self.env.uid,
            }
            vals.update(guarantee._guarantor_share())
            if vals.get("share_exceeded"):
                if not (guarantee.share_reason or "").strip():
                    raise UserError(
                        self.env._(
                            "%(guarantor)s would guarantee %(total)s, more than %(share)s%% of "
                            "its own credit limit of %(limit)s: give the reason beyond the "
                            "guarantor's share; the credit committee decides.",
                            guarantor=guarantee.guarantor_id.display_name,
                            total=format_amount(
                                self.env,
                                vals["guarantor_contingent"] + guarantee.value_company,
                                guarantee.company_currency_id,
                            ),
                            share=guarantee.company_id.credit_guarantee_max_share,
                            limit=format_amount(
                                self.env, vals["guarantor_limit"], guarantee.company_currency_id
                            ),
                        )
                    )
                vals["required_level"] = "committee"
            guarantee._guard_sudo("write").write(vals)
            guarantee._notify_deciders(
                vals["required_level"],
                guarantee.proposed_by_id,
                lambda env, g=guarantee: env._("Approve guarantee %(name)s", name=g.name),
            )
        return True

    def _guarantor_share(self):
        """The guarantor's limit and contingent liability now, and whether this guarantee
        takes it past the company's share of that limit (third-party guarantees only)."""
        self.ensure_one()
        if self.kind != "guarantee" or not self.guarantor_id:
            return {"share_exceeded": False, "guarantor_limit": 0.0, "guarantor_contingent": 0.0}
        guarantor = self.guarantor_id.commercial_partner_id.sudo()
        fig = guarantor._credit_exposure_figures(self.company_id)[guarantor.id]
        limit = fig["limit"] - (
            fig.get("guarantee_cover", 0.0) if fig.get("guarantee_cover_in_limit") else 0.0
        )
        contingent = fig.get("guarantee_contingent", 0.0)
        allowed = limit * (self.company_id.credit_guarantee_max_share or 0.0) / 100
        exceeded = (
            float_compare(
                contingent + self.value_company,
                allowed,
                precision_rounding=self.company_currency_id.rounding,
            )
            > 0
        )
        return {
            "share_exceeded": exceeded,
            "guarantor_limit": limit,
            "guarantor_contingent": contingent,
        }

    def _notify_deciders(self, level, requester, summary):
        """An approval activity for the users of ``level`` (not the requester), each in
        their own language."""
        self.ensure_one()
        activity_type = self.env.ref(APPROVAL_ACTIVITY)
        users = (
            self.env.ref(LEVEL_GROUPS[level])
            .sudo()
            .users.filtered(
                lambda u: u != requester and not u.share and self.company_id in u.company_ids
            )
        )
        for user in users[:10]:
            env = self.company_id._credit_env(user)
            self.sudo().activity_schedule(
                activity_type_id=activity_type.id, user_id=user.id, summary=summary(env)
            )

    # ------------------------------------------------------------ decide
    def _check_can_decide(self):
        self.ensure_one()
        if self.state == "to_approve":
            level, requester = self.required_level, self.proposed_by_id
        elif self.state == "to_release":
            level, requester = self.release_level, self.release_requested_by_id
        else:
            raise UserError(
                self.env._("Guarantee %(name)s awaits no decision.", name=self.display_name)
            )
        user = self.env.user
        if user in (requester | self.create_uid | self.proposed_by_id):
            raise AccessError(
                self.env._("Nobody may decide on a guarantee they proposed or asked to release.")
            )
        if not user.has_group(LEVEL_GROUPS[level]):
            raise AccessError(
                self.env._(
                    "Guarantee %(name)s with a cover of %(cover)s must be decided by: %(level)s.",
                    name=self.display_name,
                    cover=self._cover_label(),
                    level=dict(APPROVAL_LEVELS)[level],
                )
            )

    def _action_decide(self, decision, note):
        """Record who decided, when and why (the decision dialog, credit.decision): a
        proposal becomes active or is refused, a release request releases the guarantee or
        leaves it active."""
        for guarantee in self:
            guarantee._check_can_decide()
            approve = decision == "approve"
            now = fields.Datetime.now()
            if guarantee.state == "to_approve":
                vals = {
                    "state": "active" if approve else "refused",
                    "decided_by_id": self.env.uid,
                    "decision_date": now,
                    "decision_note": note,
                }
            else:
                vals = {"state": "released" if approve else "active", "release_note": note}
                if approve:
                    vals.update(
                        released_by_id=self.env.uid,
                        release_date=fields.Date.context_today(self),
                    )
                else:
                    vals.update(release_requested_by_id=False, release_level=False)
            was = guarantee.state
            guarantee._guard_sudo("write").write(vals)
            guarantee.sudo().activity_unlink([APPROVAL_ACTIVITY])
            env = guarantee.company_id._credit_env()
            if was == "to_approve":
                body = env._(
                    "%(decision)s by %(user)s: %(note)s",
                    decision=env._("Approved") if approve else env._("Refused"),
                    user=self.env.user.name,
                    note=note,
                )
            else:
                body = env._(
                    "%(decision)s by %(user)s: %(note)s",
                    decision=env._("Release approved") if approve else env._("Release refused"),
                    user=self.env.user.name,
                    note=note,
                )
            guarantee.message_post(body=body)
            if approve:
                guarantee._post_on_partners(was)
        return True

    def _post_on_partners(self, was):
        """Tell the customer's (and the guarantor's) credit file, in the company's
        language."""
        self.ensure_one()
        env = self.company_id._credit_env()
        cover = format_amount(env, self.cover_amount, self.company_currency_id)
        if was == "to_approve":
            body = env._(
                "Guarantee %(name)s in force: cover of %(cover)s until %(date)s.",
                name=self.name,
                cover=cover,
                date=format_date(env, self.date_end),
            )
        else:
            body = env._("Guarantee %(name)s released: its cover no longer counts.", name=self.name)
        partners = self.partner_id | self.guarantor_id.commercial_partner_id
        for partner in partners.sudo():
            partner.message_post(body=body)

    # ------------------------------------------------------------ release
    def action_request_release(self):
        """Ask to release an active guarantee: decided by the authority band of its cover,
        not by who asks; the record stays."""
        if not self.env.user.has_group(ANALYST):
            raise AccessError(self.env._("Only credit analysts ask to release a guarantee."))
        for guarantee in self:
            if guarantee.state != "active":
                raise UserError(self.env._("Only an active guarantee can be released."))
            if guarantee.valuation_ids.filtered(lambda v: v.state == "to_approve"):
                raise UserError(
                    self.env._(
                        "A revaluation of guarantee %(name)s awaits approval: it is decided "
                        "before a release is asked.",
                        name=guarantee.display_name,
                    )
                )
            band = self.env["credit.authority.band"]._band_for_amount(
                guarantee.cover_amount, guarantee.company_id
            )
            guarantee._guard_sudo("write").write(
                {
                    "state": "to_release",
                    "release_requested_by_id": self.env.uid,
                    "release_level": band.level,
                }
            )
            guarantee._notify_deciders(
                band.level,
                self.env.user,
                lambda env, g=guarantee: env._(
                    "Approve the release of guarantee %(name)s", name=g.name
                ),
            )
        return True

    def action_cancel(self):
        """Withdraw a proposal awaiting approval: back to draft."""
        for guarantee in self:
            if guarantee.state != "to_approve":
                raise UserError(self.env._("Only a proposal awaiting approval can be withdrawn."))
            if guarantee.proposed_by_id != self.env.user and not self.env.user.has_group(MANAGER):
                raise AccessError(
                    self.env._("Only who proposed it or a credit manager may withdraw it.")
                )
        self._guard_sudo("write").write(
            {"state": "draft", "required_level": False, "share_exceeded": False}
        )
        self.sudo().activity_unlink([APPROVAL_ACTIVITY])
        return True

    # ------------------------------------------------------------ call on default
    def action_call(self):
        """Call the guarantee on the customer's default: the dialog records the demand."""
        self.ensure_one()
        self._check_can_call("active")
        return self.env["credit.guarantee.call"]._action_open(self, "demand")

    def action_record_recovery(self):
        """Record what the call recovered."""
        self.ensure_one()
        self._check_can_call("called")
        return self.env["credit.guarantee.call"]._action_open(self, "recovery")

    def _check_can_call(self, state):
        self.ensure_one()
        if not self.env.user.has_group(MANAGER):
            raise AccessError(self.env._("Only a credit manager calls a guarantee."))
        if self.state != state and not (state == "active" and self.state == "to_release"):
            raise UserError(
                self.env._(
                    "Guarantee %(name)s is not in a state to do this.", name=self.display_name
                )
            )

    def _record_call(self, demand_date, amount, note, moves):
        self.ensure_one()
        self._check_can_call("active")
        if float_compare(amount, 0.0, precision_rounding=self.currency_id.rounding) <= 0:
            raise UserError(self.env._("The amount demanded must be positive."))
        if float_compare(amount, self.value, precision_rounding=self.currency_id.rounding) > 0:
            raise UserError(
                self.env._(
                    "The amount demanded (%(amount)s) is more than the guarantee's value "
                    "(%(value)s).",
                    amount=format_amount(self.env, amount, self.currency_id),
                    value=format_amount(self.env, self.value, self.currency_id),
                )
            )
        customer = self.partner_id.commercial_partner_id
        if moves.filtered(lambda m: m.commercial_partner_id != customer):
            raise UserError(self.env._("Only the customer's own invoices can be claimed."))
        self._guard_sudo("write").write(
            {
                "state": "called",
                "call_date": demand_date,
                "call_amount": amount,
                "call_note": note,
                "called_by_id": self.env.uid,
                "call_move_ids": [fields.Command.set(moves.ids)],
            }
        )
        self.sudo().activity_unlink([APPROVAL_ACTIVITY])
        env = self.company_id._credit_env()
        text = env._(
            "Guarantee %(name)s called on %(date)s for %(amount)s: %(note)s",
            name=self.name,
            date=format_date(env, demand_date),
            amount=format_amount(env, amount, self.currency_id),
            note=note,
        )
        self.message_post(body=text)
        if moves:
            moves.sudo()._collection_log("guarantee_call", note=text, stage_to=False)

    def _record_recovery(self, recovery_date, amount, note):
        self.ensure_one()
        self._check_can_call("called")
        if float_compare(amount, 0.0, precision_rounding=self.currency_id.rounding) < 0:
            raise UserError(self.env._("The amount recovered cannot be negative."))
        if (
            float_compare(amount, self.call_amount, precision_rounding=self.currency_id.rounding)
            > 0
        ):
            raise UserError(self.env._("More was recovered than was demanded."))
        self._guard_sudo("write").write(
            {"recovered_amount": amount, "recovery_date": recovery_date, "recovery_note": note}
        )
        env = self.company_id._credit_env()
        self.message_post(
            body=env._(
                "Recovered %(amount)s on %(date)s under guarantee %(name)s: %(note)s",
                amount=format_amount(env, amount, self.currency_id),
                date=format_date(env, recovery_date),
                name=self.name,
                note=note,
            )
        )

    def action_open_collections(self):
        """The customer's collections case: its overdue invoices in the collection
        procedure."""
        self.ensure_one()
        return self.partner_id.commercial_partner_id.action_collection_invoices()
