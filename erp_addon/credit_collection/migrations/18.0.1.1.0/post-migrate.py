"""Letters keep what they said (issue 16 item 15): the letters made before give their
lines from the documents they list, with the balances of today (the best there is); the
contact log's day and the write-offs' submitter are filled in from what was recorded."""

from odoo import SUPERUSER_ID, Command, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    cr.execute(
        "UPDATE credit_collection_contact SET logged_on = (create_date AT TIME ZONE 'UTC')::date"
        " WHERE create_date IS NOT NULL"
    )
    cr.execute(
        "UPDATE credit_collection_writeoff SET submitted_by_id = proposed_by_id"
        " WHERE state <> 'draft' AND submitted_by_id IS NULL"
    )
    letters = env["credit.collection.letter"].search([("line_ids", "=", False)])
    for letter in letters:
        days = letter.move_ids._collection_days_on(letter.date)
        lines = [
            Command.create(
                {
                    "kind": "item",
                    "move_id": move.id,
                    "name": move.name,
                    "invoice_date": move.invoice_date,
                    "date_due": move.invoice_date_due,
                    "days_overdue": days.get(move.id, 0),
                    "amount_total": move.amount_total,
                    "amount_residual": move.amount_residual,
                }
            )
            for move in letter.move_ids
        ] + [
            Command.create(
                {
                    "kind": "credit",
                    "move_id": move.id,
                    "name": move.name,
                    "invoice_date": move.invoice_date,
                    "amount_total": move.amount_total,
                    "amount_residual": move.amount_residual,
                }
            )
            for move in letter.credit_move_ids
        ]
        if lines:
            letter.write({"line_ids": lines})
