"""The dunning letters of a collection run, and of a letter's correction.

A letter is made once, with what it lists frozen in its lines: the open items and open
credit notes of the customer in the currency, with their balances and days overdue on the
letter's date. A payment afterwards does not change the letter; a correction makes a new
one (credit.collection.letter._correct)."""

from collections import defaultdict

from odoo import api, fields, models
from odoo.tools import SQL

from .credit_collection_run_batch import _without_defaults


# one model, one file per concern (the run itself in credit_collection_run.py)
class CreditCollectionRun(models.Model):
    _inherit = "credit.collection.run"  # pylint: disable=consider-merging-classes-inherited

    def _collection_make_letters(self, entered, setup):
        """Letters for the customers, stages and currencies invoices ``entered`` this run;
        skipped when what is overdue stays within the company's tolerance."""
        keys = {
            key: moves[0][1] or setup["default_user"] or False for key, moves in entered.items()
        }
        vals_list = self._collection_letter_vals(self.company_id, self.date, keys, setup)
        return len(self._collection_create_letters(vals_list))

    @api.model
    def _collection_letter_vals(self, company, today, keys, setup, tolerance=True):
        """The values of the letters of ``keys`` {(partner, stage, currency): collector}:
        every open item and open credit note of the customer in the currency, as lines."""
        cr = self.env.cr
        # read in SQL: what this transaction changed first
        self.env.flush_all()
        partners = list({key[0] for key in keys})
        cr.execute(
            SQL(
                """
                SELECT DISTINCT am.id, am.commercial_partner_id, am.currency_id
                  FROM account_move_line aml
                  JOIN account_move am ON am.id = aml.move_id
                  JOIN account_account acc ON acc.id = aml.account_id
                 WHERE aml.company_id = %(company)s AND aml.parent_state = 'posted'
                   AND aml.reconciled IS NOT TRUE AND aml.amount_residual < 0
                   AND acc.account_type = 'asset_receivable'
                   AND am.move_type = 'out_refund'
                   AND am.commercial_partner_id = ANY(%(partners)s)
                """,
                company=company.id,
                partners=partners,
            )
        )
        credits = defaultdict(set)
        for move_id, partner_id, currency_id in cr.fetchall():
            credits[(partner_id, currency_id)].add(move_id)
        # every open item of these customers (the batch query returned only those to move)
        cr.execute(
            SQL(
                "SELECT move_id, partner_id, currency_id, days_overdue, net_residual "
                "FROM credit_collection_items(%s, %s, %s) ORDER BY move_id",
                company.id,
                today,
                partners,
            )
        )
        items = defaultdict(list)
        days = {}
        overdue = defaultdict(float)
        for move_id, partner_id, currency_id, move_days, net_residual in cr.fetchall():
            items[(partner_id, currency_id)].append(move_id)
            days[move_id] = move_days
            if move_days > 0:
                # what is overdue once the customer's credits are applied (the check's)
                overdue[(partner_id, currency_id)] += float(net_residual)
        # what the letters print of each document, read once
        documents = {}
        listed = list(days) + [m for ids in credits.values() for m in ids]
        if listed:
            cr.execute(
                SQL(
                    "SELECT id, name, invoice_date, invoice_date_due, amount_total, "
                    "amount_residual FROM account_move WHERE id = ANY(%s)",
                    listed,
                )
            )
            documents = {row[0]: row[1:] for row in cr.fetchall()}
        # the invoice address with an email, else the customer (one query)
        cr.execute(
            SQL(
                """
                SELECT DISTINCT ON (rp.commercial_partner_id) rp.commercial_partner_id, rp.id
                  FROM res_partner rp
                 WHERE rp.commercial_partner_id = ANY(%s) AND rp.active
                   AND COALESCE(rp.email, '') <> ''
              ORDER BY rp.commercial_partner_id, (rp.type = 'invoice') DESC,
                       (rp.id = rp.commercial_partner_id) DESC, rp.id
                """,
                partners,
            )
        )
        recipients = dict(cr.fetchall())

        Line = self.env["credit.collection.letter.line"]

        def line(move_id, kind, currency_id):
            name, invoice_date, date_due, total, residual = documents[move_id]
            return {
                # the letter's company and currency (stored related fields) given: no
                # UPDATE of the lines after their INSERT, no letter read per line
                "company_id": company.id,
                "currency_id": currency_id,
                "kind": kind,
                "move_id": move_id,
                "name": name,
                "invoice_date": invoice_date,
                "date_due": date_due if kind == "item" else False,
                "days_overdue": days.get(move_id, 0) if kind == "item" else 0,
                "amount_total": float(total or 0.0),
                "amount_residual": float(residual or 0.0),
            }

        vals_list = []
        for (partner_id, stage_id, currency_id), user_id in keys.items():
            key = (partner_id, currency_id)
            if not items[key] or (tolerance and overdue[key] <= setup["tolerance"]):
                continue
            channel = setup["stage_info"][stage_id]["channel"]
            open_items = sorted(items[key], key=lambda m: (documents[m][2] or today, m))
            open_credits = sorted(credits[key])
            vals_list.append(
                {
                    "partner_id": partner_id,
                    "recipient_id": recipients.get(partner_id, partner_id),
                    "company_id": company.id,
                    "stage_id": stage_id,
                    "currency_id": currency_id,
                    "date": today,
                    "channel": "email"
                    if channel == "email" and partner_id in recipients
                    else "print",
                    "user_id": user_id,
                    "move_ids": [fields.Command.set(items[key])],
                    "credit_move_ids": [fields.Command.set(open_credits)],
                    "line_ids": [
                        fields.Command.create(vals)
                        for vals in _without_defaults(
                            Line,
                            [line(m, "item", currency_id) for m in open_items]
                            + [line(m, "credit", currency_id) for m in open_credits],
                        )
                    ],
                }
            )
        return vals_list

    @api.model
    def _collection_create_letters(self, vals_list):
        """Create the letters (as the add-on: nobody creates one by hand) and number them."""
        if not vals_list:
            return self.env["credit.collection.letter"]
        letters = (
            self.env["credit.collection.letter"]
            .sudo()
            .with_context(
                tracking_disable=True, mail_create_nolog=True, mail_create_nosubscribe=True
            )
            .create(vals_list)
        )
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "UPDATE credit_collection_letter SET name = 'DL' || lpad(id::text, 7, '0') "
                "WHERE id = ANY(%s)",
                letters.ids,
            )
        )
        letters.invalidate_recordset(["name"])
        return letters
