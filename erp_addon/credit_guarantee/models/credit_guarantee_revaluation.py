"""Revaluing the collateral of a guarantee in force (重估): the analyst records a new value
(and haircut) from the revaluation dialog; less cover applies at once and is recorded, more
cover waits for the authority band of the new cover (credit.guarantee.valuation). The
revaluation reminder is done once a valuation is recorded; the next one counts from the new
valuation date."""

from odoo import fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import float_compare
from odoo.tools.misc import format_date

from .credit_guarantee_cron import REVALUATION_ACTIVITY

ANALYST = "credit_management.group_credit_analyst"
# the kinds whose value is a valuation of collateral (the others' is a contract's amount)
REVALUED_KINDS = ("mortgage", "pledge")


class CreditGuarantee(models.Model):
    _inherit = "credit.guarantee"  # pylint: disable=consider-merging-classes-inherited

    def action_revalue(self):
        """Open the revaluation dialog (credit.guarantee.revalue)."""
        self.ensure_one()
        self._check_can_revalue()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Revalue Collateral"),
            "res_model": "credit.guarantee.revalue",
            "views": [(False, "form")],
            "target": "new",
            "context": {
                "default_guarantee_id": self.id,
                "default_new_haircut": self.haircut,
            },
        }

    def _check_can_revalue(self):
        self.ensure_one()
        if not self.env.user.has_group(ANALYST):
            raise AccessError(self.env._("Only credit analysts revalue collateral."))
        if self.state != "active":
            raise UserError(
                self.env._(
                    "Only a guarantee in force is revalued: %(name)s is %(state)s.",
                    name=self.display_name,
                    state=self._guard_state_label(),
                )
            )
        if self.kind not in REVALUED_KINDS:
            raise UserError(
                self.env._(
                    "Only the collateral of a mortgage or a pledge is revalued; the value of "
                    "%(name)s is the amount of its contract.",
                    name=self.display_name,
                )
            )
        if self.valuation_ids.filtered(lambda v: v.state == "to_approve"):
            raise UserError(
                self.env._(
                    "A revaluation of guarantee %(name)s awaits approval: it is decided first.",
                    name=self.display_name,
                )
            )

    def _record_valuation(self, value, haircut, valuation_date, note, attachments=None):
        """Record a valuation as the analyst: checked, then applied at once when it lowers
        the cover, else proposed to the authority band of the new cover. Returns the
        credit.guarantee.valuation."""
        self.ensure_one()
        self._check_can_revalue()
        today = fields.Date.context_today(self)
        valuation_date = fields.Date.to_date(valuation_date)
        note = (note or "").strip()
        if not note:
            raise UserError(self.env._("Say who valued the collateral and on what basis."))
        if float_compare(value, 0.0, precision_rounding=self.currency_id.rounding) <= 0:
            raise UserError(self.env._("The new value must be positive."))
        if not 0.0 <= haircut <= 100.0:
            raise UserError(
                self.env._(
                    "The haircut must be between 0 and 100%%, not %(haircut)s%%.",
                    haircut=haircut,
                )
            )
        if not valuation_date or valuation_date > today:
            raise UserError(
                self.env._(
                    "The valuation date %(date)s is in the future: record a valuation once it "
                    "is made.",
                    date=format_date(self.env, valuation_date) if valuation_date else "",
                )
            )
        if valuation_date < self.valuation_date:
            raise UserError(
                self.env._(
                    "The valuation date %(date)s is before the last valuation, of %(last)s: a "
                    "valuation is not back-dated past the last one.",
                    date=format_date(self.env, valuation_date),
                    last=format_date(self.env, self.valuation_date),
                )
            )
        _value_company, cover = self._cover_for(value, haircut, valuation_date)
        raises = (
            float_compare(
                cover, self.cover_amount, precision_rounding=self.company_currency_id.rounding
            )
            > 0
        )
        level = False
        if raises:
            level = self.env["credit.authority.band"]._band_for_amount(cover, self.company_id).level
        valuation = (
            self.env["credit.guarantee.valuation"]
            .sudo()
            .create(
                {
                    "guarantee_id": self.id,
                    "valuation_date": valuation_date,
                    "previous_date": self.valuation_date,
                    "old_value": self.value,
                    "new_value": value,
                    "old_haircut": self.haircut,
                    "new_haircut": haircut,
                    "old_cover": self.cover_amount,
                    "new_cover": cover,
                    "note": note,
                    "state": "to_approve" if raises else "applied",
                    "required_level": level,
                    "proposed_by_id": self.env.uid,
                }
            )
        )
        valuation._attach(attachments)
        self._revaluation_reminder_done(valuation_date)
        if raises:
            valuation._post_on_guarantee("propose")
            self._notify_deciders(
                level,
                self.env.user,
                lambda env: env._("Approve the revaluation of guarantee %(name)s", name=self.name),
            )
        else:
            valuation._apply()
            valuation._post_on_guarantee("lower")
        return valuation.sudo(False)

    def _revaluation_reminder_done(self, valuation_date):
        """Mark the pending revaluation reminder done (whoever it was given to): the
        collateral was revalued."""
        self.ensure_one()
        activity_type = self.env.ref(REVALUATION_ACTIVITY)
        reminders = self._guard_sudo("read").activity_ids.filtered(
            lambda a: a.activity_type_id == activity_type
        )
        if reminders:
            env = self.company_id._credit_env()
            reminders.action_feedback(
                feedback=env._(
                    "Collateral revalued on %(date)s.", date=format_date(env, valuation_date)
                )
            )
