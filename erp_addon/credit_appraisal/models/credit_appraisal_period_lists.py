from odoo import fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

COMMITTEE = "credit_management.group_credit_committee"


class CreditAppraisalPeriod(models.Model):
    """The year's lists: misuse, drawing the award and disqualification lists, sending them
    to the legal representative and their decision (SPEC section 6)."""

    _inherit = "credit.appraisal.period"  # pylint: disable=consider-merging-classes-inherited

    # ------------------------------------------------------------------ misuse
    def _check_misuse(self, appraisal_ids):
        """Contracts used for unlawful acts by an administrator propose revoking them and
        raise the question of their accountability."""
        field = self.env["credit.contract"]._fields["misuse_employee_ids"]
        self.env.cr.execute(
            SQL(
                """SELECT a.id, array_agg(DISTINCT m.%s)
                     FROM credit_appraisal a
                     JOIN %s m ON m.%s = a.employee_id
                     JOIN credit_contract c ON c.id = m.%s AND c.company_id = %s
                    WHERE a.id = ANY(%s)
                 GROUP BY a.id""",
                SQL.identifier(field.column1),
                SQL.identifier(field.relation),
                SQL.identifier(field.column2),
                SQL.identifier(field.column1),
                self.company_id.id,
                appraisal_ids,
            )
        )
        rows = self.env.cr.fetchall()
        if not rows:
            return
        Appraisal = self.env["credit.appraisal"].sudo()
        for appraisal_id, contract_ids in rows:
            appraisal = Appraisal.browse(appraisal_id)
            contracts = self.env["credit.contract"].sudo().browse(contract_ids)
            if appraisal.misuse_contract_ids != contracts:
                appraisal.write({"misuse_contract_ids": [(6, 0, contracts.ids)]})
            admin = appraisal.administrator_id
            reason = self.company_id._credit_env()._(
                "Contracts used for unlawful acts: %(names)s.",
                names=", ".join(contracts.mapped("name")),
            )
            event = admin.event_ids.filtered(
                lambda e: e.kind == "revocation" and e.state in ("pending", "done")
            )[:1]
            if admin.qualification_state == "qualified":
                event = admin._propose_revocation(
                    reason, source="misuse", appraisal=appraisal, contracts=contracts
                )
            self.env["credit.appraisal.accountability"]._raise_for(
                admin, reason, appraisal=appraisal, contracts=contracts, event=event
            )

    # ------------------------------------------------------------------ drawing
    def action_draw_lists(self):
        """Credit manager: draw (or draw again) the award and disqualification lists from
        the appraisals: every qualifier is proposed; a name the credit department removed
        stays removed with its reason while the person still qualifies."""
        periods = self._check_manager()
        for period in periods:
            if period.state != "open":
                raise UserError(
                    self.env._("The lists of %(name)s were already sent.", name=period.name)
                )
            appraisals = period.appraisal_ids
            period._check_misuse(appraisals.ids)
            appraisals._compute_outcome()
            period._draw_lists()
        return True

    def _draw_lists(self):
        self.ensure_one()
        Entry = self.env["credit.appraisal.list.entry"].sudo()
        entries = {entry.appraisal_id: entry for entry in self.list_entry_ids}
        company = self.company_id
        currency = company.credit_fee_currency_id or company.currency_id
        new, stale = [], Entry
        for appraisal in self.appraisal_ids.sorted(lambda a: (-a.total, a.id)):
            list_type = appraisal._list_type()
            entry = entries.pop(appraisal, Entry)
            if entry and entry.list_type != list_type:
                stale |= entry
                entry = Entry
            if not list_type:
                continue
            tier = appraisal.rating if list_type == "award" else False
            recognition, amount = company._credit_reward(tier) if tier else (False, 0.0)
            vals = {
                "tier": tier,
                "recognition": recognition,
                "amount": amount,
                "currency_id": currency.id,
            }
            if entry:
                entry.write(vals)
            else:
                new.append(
                    dict(vals, period_id=self.id, appraisal_id=appraisal.id, list_type=list_type)
                )
        stale |= Entry.union(*entries.values())
        stale.unlink()
        Entry.create(new)

    # ------------------------------------------------------------------ lists
    def action_submit_lists(self):
        """Credit manager: send the award and disqualification lists to the legal rep."""
        self._check_manager()
        for period in self:
            if period.state != "open":
                raise UserError(
                    self.env._("The lists of %(name)s were already sent.", name=period.name)
                )
            appraisals = period.sudo().appraisal_ids
            if not appraisals:
                raise UserError(self.env._("The period has no appraisals."))
            # nobody of the register is left out of the year's lists
            missing = period._administrators_without_appraisal()
            if missing:
                raise UserError(
                    self.env._(
                        "Every administrator of the register is appraised before the lists "
                        "are sent; without an appraisal for %(year)s: %(names)s. Open their "
                        "appraisals first.",
                        year=period.year,
                        names=", ".join(missing.mapped("name")),
                    )
                )
            pending = appraisals.filtered(lambda a: a.state != "approved")
            if pending:
                raise UserError(
                    self.env._(
                        "Every appraisal must be approved before the lists are sent; still "
                        "open: %(names)s.",
                        names=", ".join(pending.mapped("employee_id.name")),
                    )
                )
            # misuse recorded since the last recompute counts as well; the lists are drawn
            # again from the final appraisals (the credit department's removals kept)
            period.sudo()._check_misuse(appraisals.ids)
            appraisals._compute_outcome()
            period.sudo()._draw_lists()
            period.sudo()._propose_disqualifications()
            period.sudo().write(
                {
                    "state": "submitted",
                    "lists_submitted_by_id": self.env.user.id,
                    "date_lists_submitted": fields.Date.context_today(self),
                }
            )
            period._ask_legal_representatives()
        return True

    def _ask_legal_representatives(self):
        """One activity per legal representative (at most five), in their language."""
        self.ensure_one()
        activity_type = self.env.ref("credit_appraisal.mail_activity_type_lists")
        model_id = self.env["ir.model"]._get_id(self._name)
        vals_list = []
        for user in self._legal_representatives()[:5]:
            env = self.company_id._credit_env(user)
            vals_list.append(
                {
                    "res_model_id": model_id,
                    "res_id": self.id,
                    "activity_type_id": activity_type.id,
                    "automated": True,
                    "user_id": user.id,
                    "summary": env._(
                        "Approve the award and disqualification lists of %(name)s",
                        name=self.name,
                    ),
                }
            )
        self.env["mail.activity"].sudo().create(vals_list)

    def _propose_disqualifications(self):
        """Each disqualification on the sent list is the register's revocation request:
        the request pending already (unlawful use found during the year), else a new one.
        The register shows it pending while the list awaits the legal representative."""
        self.ensure_one()
        for entry in self.disqualification_entry_ids.filtered(lambda e: e.state != "removed"):
            appraisal = entry.appraisal_id
            admin = appraisal.administrator_id
            event = admin._current_revocation()
            if not event and admin.qualification_state == "qualified":
                event = admin._propose_revocation(
                    appraisal._outcome_reason(),
                    source="misuse" if appraisal.misuse_contract_ids else "appraisal",
                    appraisal=appraisal,
                    contracts=appraisal.misuse_contract_ids,
                    notify=False,
                )
            if event and entry.event_id != event:
                entry.write({"event_id": event.id})

    def _legal_representatives(self):
        group = self.env.ref(COMMITTEE)
        return group.sudo().users.filtered(
            lambda u: not u.share and u.active and self.company_id in u.company_ids
        )

    def _check_legal_representative(self):
        if not self.env.user.has_group(COMMITTEE):
            raise AccessError(
                self.env._(
                    "Only the legal representative approves the award and disqualification lists."
                )
            )
        periods = self._guard_sudo("write")
        for period in periods:
            if period.state != "submitted":
                raise UserError(
                    self.env._("The lists of %(name)s are not awaiting approval.", name=period.name)
                )
            if self.env.user in period.appraisal_ids.user_id:
                raise AccessError(
                    self.env._("Nobody approves a list that contains their own appraisal.")
                )
        return periods

    def action_approve_lists(self):
        """Legal representative: approve the lists; the appraisals lock as history.

        The approval decides each person on the lists at once: a disqualification's
        revocation request is approved with it (the register says revoked, not pending),
        a refused one stays refused; a first failure opens the department head's education
        and help and withholds the bonus; unlawful use raises its accountability decision.
        The names stay on the lists (the appraisals, which only HR, the credit manager, the
        legal representative and each person for their own read), never in the period's
        chatter, which every employee reads.
        """
        periods = self._check_legal_representative()
        today = fields.Date.context_today(self)
        for period in periods:
            period.appraisal_ids.write({"state": "locked"})
            disqualified = period.disqualification_entry_ids.filtered(
                lambda e: e.state != "removed"
            )
            for entry in disqualified:
                appraisal = entry.appraisal_id
                event = entry.event_id or appraisal.administrator_id._current_revocation()
                if not event:
                    # the register's pending request was decided meanwhile, or none was
                    # made: the approval records the revocation now
                    event = appraisal.administrator_id._add_event(
                        "revocation",
                        appraisal._outcome_reason(),
                        state="pending",
                        source="misuse" if appraisal.misuse_contract_ids else "appraisal",
                        appraisal=appraisal,
                        contract_ids=[(6, 0, appraisal.misuse_contract_ids.ids)],
                    )
                if entry.event_id != event:
                    entry.write({"event_id": event.id})
                if event.state == "pending":
                    event._apply_decision("done", self.env.user)
                if appraisal.misuse_contract_ids:
                    self.env["credit.appraisal.accountability"]._raise_for(
                        appraisal.administrator_id,
                        appraisal._outcome_reason(),
                        appraisal=appraisal,
                        contracts=appraisal.misuse_contract_ids,
                        event=event,
                    )
            first = period.appraisal_ids.filtered(lambda a: a.outcome == "first_failure")
            self.env["credit.appraisal.followup"]._open_for(first)
            period.write(
                {
                    "state": "locked",
                    "lists_approved_by_id": self.env.user.id,
                    "date_lists_approved": today,
                }
            )
            period.activity_unlink(["credit_appraisal.mail_activity_type_lists"])
            period.message_post(
                body=period.company_id._credit_env()._(
                    "The award and disqualification lists were approved by %(user)s.",
                    user=self.env.user.name,
                ),
                author_id=self.env.user.partner_id.id,
            )
        return True

    def action_return_lists(self):
        """Legal representative: send the lists back to the credit manager. The revocation
        requests the sending made are withdrawn with them (the register is qualified
        again); a request made during the year for unlawful use stays pending."""
        periods = self._check_legal_representative()
        for period in periods:
            for entry in period.disqualification_entry_ids.filtered("event_id"):
                event = entry.event_id
                if event.state == "pending" and event.source == "appraisal":
                    event._withdraw()
                    entry.write({"event_id": False})
        periods.write({"state": "open", "lists_submitted_by_id": False})
        periods.activity_unlink(["credit_appraisal.mail_activity_type_lists"])
        return True
