"""The daily action's runs (credit.collection.run, issue 18 item 2): one record per company
and run with what it did, its errors and its duration; history rows and activities made
through the ORM; the "Run now" button of collections managers."""

from unittest.mock import patch

from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tests.common import freeze_time

from .common import CollectionCase

RUN_MODULE = "odoo.addons.credit_collection.models.credit_collection_run"


@tagged("post_install", "-at_install")
class TestCollectionRun(CollectionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other = cls.env["res.partner"].create(
            {"name": "Run Other Ltd", "is_company": True, "email": "ap@other.example.com"}
        )
        cls.invoices = (
            cls.make_invoice(cls.customer, 100, due="2026-06-01")
            | cls.make_invoice(cls.customer, 200, due="2026-06-01")
            | cls.make_invoice(cls.other, 300, due="2026-06-01")
        )

    def _activities(self):
        return self.env["mail.activity"].search(
            [("res_model", "=", "account.move"), ("res_id", "in", self.invoices.ids)]
        )

    def test_run_records_what_it_did(self):
        """The run's figures are those of what it made; its duration is measured."""
        run = self.run_daily("2026-06-03")
        self.assertRecordValues(
            run,
            [
                {
                    "company_id": self.company.id,
                    "state": "done",
                    "trigger": "cron",
                    "user_id": self.env.uid,
                    "invoice_count": 3,
                    "changed_count": 3,
                    "moved_count": 3,
                    "activity_count": 3,
                    "history_count": 3,
                    "letter_count": 2,
                    "skipped_count": 0,
                    "batch_count": 1,
                    "errors": False,
                }
            ],
        )
        self.assertEqual(str(run.date), "2026-06-03")
        self.assertGreater(run.duration, 0.0)
        self.assertLessEqual(run.started, run.ended)
        # what the figures count exists: history rows, activities and letters
        history = self.env["credit.collection.history"].search(
            [("move_id", "in", self.invoices.ids)]
        )
        self.assertEqual(len(history), 3)
        self.assertEqual(set(history.mapped("event")), {"escalated"})
        self.assertEqual(history.collector_id, self.collector)
        activities = self._activities()
        self.assertRecordValues(
            activities,
            [
                {
                    "summary": "Reminder",
                    "user_id": self.collector.id,
                    "automated": True,
                    "date_deadline": run.date,
                }
            ]
            * 3,
        )
        # made through the ORM: the collector follows the invoices, as for any activity
        for invoice in self.invoices:
            self.assertIn(self.collector.partner_id, invoice.message_partner_ids)
        letters = self.env["credit.collection.letter"].search(
            [("partner_id", "in", (self.customer | self.other).ids)]
        )
        self.assertEqual(len(letters), 2)
        # the next day nothing moves: classified, nothing written
        quiet = self.run_daily("2026-06-04")
        self.assertRecordValues(
            quiet,
            [{"invoice_count": 3, "changed_count": 0, "moved_count": 0, "batch_count": 0}],
        )
        self.assertEqual(len(self._activities()), 3)

    def test_run_failing_before_its_batches(self):
        """A run whose set-up fails is recorded as failed with why; nothing is moved."""
        Run = type(self.env["credit.collection.run"])
        with (
            patch.object(Run, "_collection_setup", side_effect=RuntimeError("no set-up")),
            self.assertLogs(RUN_MODULE, level="ERROR"),
        ):
            run = self.run_daily("2026-06-03")
        self.assertRecordValues(run, [{"state": "failed", "moved_count": 0}])
        self.assertEqual(run.errors, "The run failed before its batches: no set-up")
        self.assertFalse(self.invoices.collection_stage_id)

    @freeze_time("2026-06-20")
    def test_cron_one_run_per_company(self):
        self.env.ref("credit_collection.ir_cron_collection_daily").method_direct_trigger()
        runs = self.env["credit.collection.run"].search([("date", "=", "2026-06-20")])
        self.assertIn(self.company, runs.company_id)
        self.assertEqual(len(runs), len(runs.company_id), "one run per company")
        self.assertEqual(set(runs.mapped("state")), {"done"})
        self.assertEqual(set(self.invoices.mapped("collection_stage_id.name")), {"Call"})

    @freeze_time("2026-06-20")
    def test_run_now_button(self):
        """A collections manager runs the daily action for their company from the runs'
        list; the run opens."""
        Run = self.env["credit.collection.run"].with_user(self.collection_manager)
        action = Run.action_run_now()
        self.assertEqual(action["res_model"], "credit.collection.run")
        run = Run.browse(action["res_id"])
        self.assertRecordValues(
            run,
            [
                {
                    "company_id": self.company.id,
                    "trigger": "manual",
                    "user_id": self.collection_manager.id,
                    "state": "done",
                    "moved_count": 3,
                }
            ],
        )
        self.assertEqual(str(run.date), "2026-06-20")
        self.assertEqual(set(self.invoices.mapped("collection_stage_id.name")), {"Call"})

    def test_run_now_refused_to_others(self):
        for user in (self.collector, self.salesman, self.chief_accountant):
            with self.assertRaisesExact(
                AccessError, "Only collections managers run the daily action."
            ):
                self.env["credit.collection.run"].with_user(user).action_run_now()
        self.assertFalse(
            self.env["credit.collection.run"].search([("company_id", "=", self.company.id)])
        )
        self.assertFalse(self.invoices.collection_stage_id)

    def test_runs_read_only(self):
        """Collectors read the runs; nobody writes, makes or deletes one by hand."""
        run = self.run_daily("2026-06-03")
        self.assertEqual(run.with_user(self.collector).moved_count, 3)
        with self.assertRaises(AccessError):
            run.with_user(self.salesman).read(["moved_count"])
        for user in (self.collector, self.collection_manager):
            with self.assertRaisesExact(AccessError, "is set by its workflow"):
                run.with_user(user).write({"moved_count": 0})
            with self.assertRaises(AccessError):
                self.env["credit.collection.run"].with_user(user).create(
                    {"company_id": self.company.id, "date": "2026-06-04"}
                )
            with self.assertRaises(AccessError):
                run.with_user(user).unlink()
        self.assertEqual(run.moved_count, 3)
