"""The daily check of the agreements in force, run by the collection run of their company
before it classifies the invoices (models/credit_collection_run.py), so that an agreement
broken today returns its invoices to the procedure in the same run:

- an instalment not fully paid once its due date plus the company's grace days has passed
  breaks the agreement: state breached, the invoices go back into the escalation (the run
  moves each to the stage its days overdue give), the collector is told (an activity and a
  chatter note, in the company's language) and ``_on_breach`` is called, the one hook
  other add-ons extend (credit_warning's "restructuring breached" signal);
- an agreement whose every instalment is paid is completed.

What is missed or paid is read in one query from the view credit_restructuring_adherence,
whatever the number of agreements; a failing agreement is skipped and the check goes on."""

import logging

from odoo import api, fields, models
from odoo.tools import SQL, format_amount
from odoo.tools.misc import format_date

_logger = logging.getLogger(__name__)

ALERT_ACTIVITY = "credit_collection.mail_activity_type_collection_alert"


# one model, one file per concern (the agreement's fields in credit_restructuring.py)
class CreditRestructuring(models.Model):
    _inherit = "credit.restructuring"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _restructuring_daily(self, company, today):
        """Breach and complete the agreements in force of ``company`` on ``today``.
        Returns ``(breached, completed, errors)``; ``errors`` one line per agreement
        skipped."""
        cr = self.env.cr
        self.env.flush_all()
        Adherence = self.env["credit.restructuring.adherence"]
        cr.execute(
            SQL(
                """
                %(settings)s;
                SELECT restructuring_id,
                       (array_agg(instalment_id ORDER BY date_due, instalment_id)
                            FILTER (WHERE status = 'missed'))[1] AS missed,
                       bool_and(date_paid IS NOT NULL) AS paid
                  FROM credit_restructuring_adherence
                 WHERE company_id = %(company)s AND agreement_state = 'active'
              GROUP BY restructuring_id
                """,
                settings=Adherence._credit_view_settings_sql(
                    Adherence._credit_view_settings(today)
                ),
                company=company.id,
            )
        )
        rows = cr.fetchall()
        Agreement = self.sudo()
        completed = Agreement.browse([rid for rid, missed, paid in rows if paid])
        if completed:
            completed.write({"state": "completed", "closed_date": today})
            env = company._credit_env()
            for agreement in completed:
                agreement.message_post(
                    body=env._("Every instalment paid: the agreement is completed."),
                    subtype_xmlid="mail.mt_note",
                )
        breached = Agreement.browse()
        errors = []
        Instalment = self.env["credit.restructuring.instalment"].sudo()
        for rid, missed, paid in rows:
            if paid or not missed:
                continue
            agreement = Agreement.browse(rid)
            try:
                with cr.savepoint():
                    agreement._breach(Instalment.browse(missed), today)
                breached |= agreement
            except Exception as exc:
                _logger.exception("Restructuring agreement %s: breach check failed", rid)
                errors.append(f"{agreement.display_name} [{rid}]: {str(exc) or type(exc).__name__}")
        return breached, completed, errors

    def _breach(self, instalment, today):
        """Break this agreement on ``today`` for the missed ``instalment``: the invoices
        go back into the escalation, the history says so, then ``_on_breach``."""
        self.ensure_one()
        self.sudo().write(
            {"state": "breached", "breach_date": today, "breach_instalment_id": instalment.id}
        )
        env = self.company_id._credit_env()
        moves = self.sudo().move_ids.filtered(
            lambda m: m.state == "posted" and m.payment_state in ("not_paid", "partial")
        )
        moves._collection_log(
            "restructuring_breached",
            stage_to=False,
            note=env._("Agreement %(name)s breached", name=self.name),
        )
        self._on_breach(instalment)

    def _on_breach(self, instalment):
        """What a breach sets off, once per agreement breached (as superuser): the
        collector is told. Add-ons extend this hook (an early-warning signal...)."""
        self.ensure_one()
        company = self.company_id
        env = company._credit_env()
        users = (self.user_id | self.move_ids.collection_user_id).filtered(
            lambda u: u.active and not u.share
        ) or company.collection_default_user_id
        body = env._(
            "Agreement breached: instalment %(number)s of %(amount)s due on %(due)s was not "
            "paid within %(grace)s days. Its invoices are back in the collection procedure, "
            "in the stage their days overdue give.",
            number=instalment.number,
            amount=format_amount(env, instalment.amount, self.currency_id),
            due=format_date(env, instalment.date_due),
            grace=company.restructuring_grace_days,
        )
        self.message_post(
            body=body,
            partner_ids=users.partner_id.ids,
            message_type="comment",
            subtype_xmlid="mail.mt_note",
        )
        summary = env._("Restructuring %(name)s breached", name=self.name)
        self.env["mail.activity"].create(
            [
                {
                    "res_model_id": self.env["ir.model"]._get_id(self._name),
                    "res_id": self.id,
                    "activity_type_id": self.env.ref(ALERT_ACTIVITY).id,
                    "summary": summary,
                    "note": body,
                    "date_deadline": self.breach_date or fields.Date.context_today(self),
                    "user_id": user.id,
                }
                for user in users
            ]
        )
