from odoo import models
from odoo.tools import SQL


class CreditCollectionRun(models.Model):
    """The daily collection run with restructuring: first the agreements in force are
    checked (breached or completed, models/credit_restructuring_breach.py), then the
    invoices of those still in force are left where they are, as an open promise to pay
    leaves its invoice: the instalments are what is due. One query per run reads them
    (sql/credit_restructuring_adherence.sql), whatever the number of invoices."""

    _inherit = "credit.collection.run"

    def _execute(self, batch_size=None, commit=None, stats=None):
        breached, completed, errors = self.env["credit.restructuring"]._restructuring_daily(
            self.company_id, self.date
        )
        if stats is not None:
            stats["restructuring"] = {"breached": len(breached), "completed": len(completed)}
        res = super()._execute(batch_size=batch_size, commit=commit, stats=stats)
        if errors:
            self.write({"errors": "\n".join(filter(None, [self.errors, *errors]))})
        return res

    def _collection_classify(self, setup, moves=None):
        work, classified = super()._collection_classify(setup, moves)
        self.env.cr.execute(
            SQL(
                "SELECT ARRAY(SELECT move_id FROM credit_restructuring_paused_moves(%s))",
                self.company_id.id,
            )
        )
        paused = set(self.env.cr.fetchone()[0])
        if paused:
            for rows in work.values():
                for row in rows["open"]:
                    if row["move_id"] in paused:
                        row["paused"] = True
        return work, classified
