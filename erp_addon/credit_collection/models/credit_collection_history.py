from odoo import api, fields, models
from odoo.tools.misc import format_date

EVENTS = [
    ("escalated", "Escalated"),
    ("manual", "Moved by hand"),
    ("paid", "Paid, left the procedure"),
    ("reset", "Back after payment or kept promise"),
    ("promise_kept", "Promise kept"),
    ("promise_broken", "Promise broken"),
    ("dispute", "Disputed, left the procedure"),
    ("resolved", "Dispute resolved"),
    ("letter", "Letter sent"),
    ("letter_failed", "Letter not delivered"),
    ("writeoff", "Written off"),
    ("no_collector", "No collector"),
    ("collector", "Collector changed"),
]
# escalated, manual, reset, paid, dispute and resolved move an invoice between stages (or
# out of the procedure): the ageing as at a past day (sql/credit_collection_ageing.sql)
# takes the "to" stage of the last of them up to that day


class CreditCollectionHistory(models.Model):
    """What happened to an invoice in the collection procedure, one row per event.

    Written by the add-on only (the daily action inserts them set-wise), never edited.
    """

    _name = "credit.collection.history"
    _description = "Collection History"
    _inherit = ["credit.guard.mixin"]
    _order = "date desc, id desc"

    _guard_flow_fields = (
        "move_id",
        "partner_id",
        "company_id",
        "date",
        "event",
        "stage_from_id",
        "stage_to_id",
        "days_overdue",
        "note",
        "user_id",
        "collector_id",
    )
    _guard_undeletable_states = "__all__"

    move_id = fields.Many2one(
        "account.move",
        string="Invoice",
        required=True,
        index=True,
        ondelete="cascade",
        readonly=True,
    )
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True, index=True)
    company_id = fields.Many2one("res.company", readonly=True, index=True)
    date = fields.Date(readonly=True, required=True)
    event = fields.Selection(EVENTS, readonly=True, required=True)
    stage_from_id = fields.Many2one("credit.collection.stage", string="From Stage", readonly=True)
    stage_to_id = fields.Many2one("credit.collection.stage", string="To Stage", readonly=True)
    days_overdue = fields.Integer(readonly=True)
    note = fields.Char(readonly=True)
    user_id = fields.Many2one("res.users", string="By", readonly=True)
    collector_id = fields.Many2one(
        "res.users",
        readonly=True,
        help="The invoice's collector from this event on (the ageing report as at a past "
        "day shows the collector of the last event up to that day).",
    )

    @api.depends("move_id", "event", "date")
    @api.depends_context("lang")
    def _compute_display_name(self):
        for row in self:
            events = dict(row._fields["event"]._description_selection(row.env))
            row.display_name = row.env._(
                "%(invoice)s: %(event)s, %(date)s",
                invoice=row.move_id.name or "-",
                event=events.get(row.event, "-"),
                date=format_date(row.env, row.date),
            )
