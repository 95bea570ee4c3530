from odoo import api, fields, models
from odoo.tools import SQL


class CreditTodayViewMixin(models.AbstractModel):
    """A report read from an SQL view whose overdue is measured on the user's today.

    Why: "overdue" has one definition (sql/credit_overdue.sql), measured on the day of
    whoever reads, as the credit check does; the view reads it from the transaction's
    ``credit.today`` setting. Every way the web client reads (search, fetch, grouping)
    sets it first, after flushing the other models' pending changes the view reads.
    """

    _name = "credit.today.view.mixin"
    _description = "Report Measured on the User's Today"

    def _credit_set_today(self):
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "SELECT set_config('credit.today', %s, true)",
                fields.Date.to_string(fields.Date.context_today(self)),
            )
        )

    @api.model
    def _read_group(self, *args, **kwargs):
        self._credit_set_today()
        return super()._read_group(*args, **kwargs)

    @api.model
    def search_fetch(self, *args, **kwargs):
        self._credit_set_today()
        return super().search_fetch(*args, **kwargs)

    def fetch(self, field_names=None):
        self._credit_set_today()
        return super().fetch(field_names)
