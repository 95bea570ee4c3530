"""The run's window (issue 18 item 6): a run that follows a finished run of the same set-up
classifies only the invoices whose days reached a new bucket or stage since, those written
since and those it left pending; any change to the set-up classifies every invoice again.

The invoices are made "long ago" (their last write moved before the runs, as for invoices
posted and not touched since), so that only the window brings them to a run."""

from odoo.tests import tagged

from .common import CollectionCase


@tagged("post_install", "-at_install")
class TestCollectionWindow(CollectionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # 14 days overdue on 2026-06-05 (Reminder), 15 the next day: reaches the Call
        cls.crossing = cls.make_invoice(cls.customer, 100, due="2026-05-22")
        # 16 days overdue on 2026-06-05 (Call), 17 the next day: no new bucket or stage
        cls.standing = cls.make_invoice(cls.customer, 200, due="2026-05-20")
        cls.invoices = cls.crossing | cls.standing

    def _written_long_ago(self, invoices):
        """As if last written before the runs (the tests' own writes are all of today)."""
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE account_move SET write_date = '2026-05-01' WHERE id = ANY(%s)",
            [invoices.ids],
        )
        invoices.invalidate_recordset(["write_date"])

    def _moved_by_hand(self, invoice, stage):
        """Put ``invoice`` in ``stage`` without writing it (what only a full
        classification puts right): shows whether a run looked at it."""
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE account_move SET collection_stage_id = %s WHERE id = %s",
            [stage.id, invoice.id],
        )
        invoice.invalidate_recordset(["collection_stage_id"])

    def test_first_run_classifies_every_invoice(self):
        run = self.run_daily("2026-06-05")
        self.assertRecordValues(run, [{"window_from": False, "invoice_count": 2}])
        self.assertTrue(run.classify_key)
        self.assertEqual(self.crossing.collection_stage_id, self.s_reminder)
        self.assertEqual(self.standing.collection_stage_id, self.s_call)
        self.assertFalse(run.pending_move_ids)

    def test_ordinary_day_classifies_what_crossed(self):
        """The next day, the invoice that reaches the Call is classified and moved; the
        one whose days reach nothing new is not looked at (left as it stands, even where
        only a full classification would put it right)."""
        first = self.run_daily("2026-06-05")
        self._written_long_ago(self.invoices)
        self._moved_by_hand(self.standing, self.s_reminder)
        stats = {}
        run = self.run_daily("2026-06-06", stats=stats)
        self.assertRecordValues(
            run,
            [
                {
                    "window_from": first.date,
                    "classify_key": first.classify_key,
                    "invoice_count": 1,
                    "changed_count": 1,
                    "moved_count": 1,
                    "state": "done",
                }
            ],
        )
        self.assertEqual(self.crossing.collection_stage_id, self.s_call)
        self.assertEqual(self.crossing.collection_history_ids[0].stage_to_id, self.s_call)
        self.assertEqual(self.standing.collection_stage_id, self.s_reminder, "not looked at")
        # the same day again: nothing crossed since, nothing is classified
        again = self.run_daily("2026-06-06")
        self.assertRecordValues(
            again, [{"window_from": run.date, "invoice_count": 0, "batch_count": 0}]
        )

    def test_written_invoice_is_classified(self):
        """An invoice written since the previous run (here paid) is looked at though its
        days reach nothing new: paid, it leaves the procedure."""
        self.run_daily("2026-06-05")
        self._written_long_ago(self.invoices)
        self.pay(self.standing, 200, "2026-06-06")
        run = self.run_daily("2026-06-06")
        self.assertEqual(str(run.window_from), "2026-06-05")
        self.assertFalse(self.standing.collection_stage_id)
        self.assertEqual(self.standing.collection_history_ids[0].event, "paid")
        self.assertEqual(self.crossing.collection_stage_id, self.s_call)

    def test_changed_procedure_classifies_every_invoice(self):
        """A stage whose first day changes: the next run classifies every open invoice
        again (and puts right what the window alone would have left)."""
        first = self.run_daily("2026-06-05")
        self._written_long_ago(self.invoices)
        self._moved_by_hand(self.standing, self.s_reminder)
        self.s_call.days_from = 16
        run = self.run_daily("2026-06-06")
        self.assertRecordValues(run, [{"window_from": False, "invoice_count": 2}])
        self.assertNotEqual(run.classify_key, first.classify_key)
        self.assertEqual(self.standing.collection_stage_id, self.s_call, "put right")
        self.assertEqual(self.crossing.collection_stage_id, self.s_reminder, "15 < 16 days")

    def test_changed_grace_days_classify_every_invoice(self):
        self.run_daily("2026-06-05")
        self._written_long_ago(self.invoices)
        self.company.credit_overdue_grace_days = 2
        run = self.run_daily("2026-06-06")
        self.assertRecordValues(run, [{"window_from": False, "invoice_count": 2}])

    def test_pending_invoice_looked_at_again(self):
        """With one stage per run, an invoice found 40 days overdue is left short of its
        stage: the run keeps it pending and the next runs move it on, though its days
        reach nothing new."""
        self.procedure.stage_mode = "step"
        late = self.make_invoice(self.customer, 300, due="2026-04-26")  # 40 days on 06-05
        first = self.run_daily("2026-06-05")
        self.assertEqual(late.collection_stage_id, self.s_reminder)
        # short of their stage: found 40 and 16 days overdue, in the Reminder
        self.assertEqual(first.pending_move_ids, late | self.standing)
        self._written_long_ago(self.invoices | late)
        second = self.run_daily("2026-06-06")
        self.assertEqual(second.window_from, first.date)
        self.assertEqual(late.collection_stage_id, self.s_call)
        self._written_long_ago(late)
        third = self.run_daily("2026-06-07")
        self.assertEqual(late.collection_stage_id, self.s_letter)
        self.assertFalse(third.pending_move_ids, "in the stage its days call for")

    def test_earlier_day_classifies_every_invoice(self):
        """A run for a day before the previous run's classifies every invoice."""
        self.run_daily("2026-06-06")
        self._written_long_ago(self.invoices)
        run = self.run_daily("2026-06-05")
        self.assertRecordValues(run, [{"window_from": False, "invoice_count": 2}])
