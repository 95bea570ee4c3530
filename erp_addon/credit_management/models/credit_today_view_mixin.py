from odoo import api, fields, models
from odoo.tools import SQL


class CreditTodayViewMixin(models.AbstractModel):
    """A report read from an SQL view whose overdue is measured on the user's today.

    Why: "overdue" has one definition (sql/credit_overdue.sql), measured on the day of
    whoever reads, as the credit check does; the view reads it from the transaction's
    ``credit.today`` setting. Every way the web client reads (search, fetch, grouping)
    sets it first, after flushing the other models' pending changes the view reads.

    A report reading more settings (the receivable ageing's as-at day) adds them in
    ``_credit_view_settings``; one whose rows change with a day within a transaction names
    that day in ``_credit_view_cache_day`` (the rows of another day may be in the cache
    under the same ids: the cache is dropped when it changes). Code that reads the view in
    SQL of its own sets its settings with ``_credit_view_apply`` (or puts
    ``_credit_view_settings_sql`` before its own statement).
    """

    _name = "credit.today.view.mixin"
    _description = "Report Measured on the User's Today"

    def _credit_view_settings(self, today):
        """``{setting: date}``: the transaction settings the view reads, on ``today``."""
        return {"credit.today": today}

    def _credit_view_cache_day(self, today):
        """The day the rows in the cache are of, or False: the rows are never stale."""
        return False

    def _credit_view_settings_sql(self, settings):
        """The statement setting ``settings`` (``{setting: date}``) for the transaction."""
        return SQL(
            "SELECT %s",
            SQL(", ").join(
                SQL("set_config(%s, %s, true)", name, fields.Date.to_string(day))
                for name, day in settings.items()
            ),
        )

    def _credit_view_apply(self, settings):
        """Set ``settings`` (``{setting: date}``) for the transaction, one statement."""
        self.env.cr.execute(self._credit_view_settings_sql(settings))

    def _credit_set_today(self):
        today = fields.Date.context_today(self)
        # the view reads other models' tables: their pending changes first
        self.env.flush_all()
        day = self._credit_view_cache_day(today)
        key = f"_credit_view_day.{self._name}"
        if day and self.env.cr.__dict__.get(key) != day:
            self.env.cr.__dict__[key] = day
            self.env.invalidate_all()
        self._credit_view_apply(self._credit_view_settings(today))

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
