"""The daily action commits each finished batch (issue 22 item 7): the scheduled action
passes ``_collection_commit`` to the run (credit.collection.run), which calls it after
every batch with the run's figures so far; a failing customer is skipped and recorded, the
finished batches are kept."""

from datetime import date
from unittest.mock import patch

from odoo import SUPERUSER_ID, api
from odoo.tests import tagged
from odoo.tests.common import freeze_time

from .common import CollectionCase

ENGINE = "odoo.addons.credit_collection.models.credit_collection_run"


class WorkerKilled(BaseException):
    """The worker dies mid-run (time limit, restart): not an Exception the run catches."""


@tagged("post_install", "-at_install")
class TestDailyCommit(CollectionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.partners = cls.env["res.partner"].create(
            [{"name": f"Commit customer {i}", "is_company": True} for i in range(5)]
        )
        cls.invoices = cls.env["account.move"]
        for partner in cls.partners:
            cls.invoices |= cls.make_invoice(partner, 100, due="2026-06-01")

    def _flaky_batches(self, events, fail=(), kill=()):
        """``_collection_run_batch`` logging its batches of the test company in ``events``,
        raising a RuntimeError for a batch with a customer of ``fail`` and killing the
        worker for a batch with a customer of ``kill``."""
        Run = type(self.env["credit.collection.run"])
        original = Run._collection_run_batch
        company_id = self.company.id

        def run_batch(self_, partner_ids, work, setup):
            company = self_.company_id
            events.append(("batch", company.id, tuple(partner_ids)))
            if company.id == company_id and set(partner_ids) & set(fail):
                raise RuntimeError("boom")
            if company.id == company_id and set(partner_ids) & set(kill):
                raise WorkerKilled()
            return original(self_, partner_ids, work, setup)

        return patch.object(Run, "_collection_run_batch", run_batch)

    def _done(self, env=None):
        """The test customers whose invoices have a history row (were moved on)."""
        env = env or self.env
        history = (
            env["credit.collection.history"].sudo().search([("move_id", "in", self.invoices.ids)])
        )
        return set(history.partner_id.ids)

    @freeze_time("2026-06-03")
    def test_cron_commits_after_each_batch(self):
        """The scheduled action calls ``_collection_commit`` once after each batch, when
        the batch's history rows exist; a failing customer is skipped, the batches before
        and after it are done and committed."""
        p = self.partners.ids
        events = []

        def commit(self_):
            events.append(("commit", self._done()))

        Run = type(self.env["credit.collection.run"])
        with (
            patch(f"{ENGINE}.BATCH_PARTNERS", 2),
            patch.object(Run, "_collection_commit", commit),
            self._flaky_batches(events, fail=[p[2]]),
            self.assertLogs(ENGINE, level="ERROR") as logs,
        ):
            # the scheduled action as it runs
            self.env.ref("credit_collection.ir_cron_collection_daily").method_direct_trigger()
        # the test company's batches and the commits that follow them
        ours, company_id = [], None
        for event in events:
            if event[0] == "batch":
                company_id = event[1]
                if company_id == self.company.id:
                    ours.append(("batch", event[2]))
            elif company_id == self.company.id:
                ours.append(event)
        self.assertEqual(
            ours,
            [
                ("batch", (p[0], p[1])),
                ("commit", {p[0], p[1]}),
                ("batch", (p[2], p[3])),  # fails: redone customer by customer
                ("batch", (p[2],)),  # fails: skipped
                ("batch", (p[3],)),
                ("commit", {p[0], p[1], p[3]}),
                ("batch", (p[4],)),
                ("commit", {p[0], p[1], p[3], p[4]}),
            ],
        )
        self.assertIn(f"customer {p[2]} skipped", "\n".join(logs.output))
        self.assertEqual(
            [inv.collection_stage_id.id for inv in self.invoices],
            [self.s_reminder.id, self.s_reminder.id, False, self.s_reminder.id, self.s_reminder.id],
        )
        # one run per company, the skipped customer in its errors
        run = self.env["credit.collection.run"].search(
            [("company_id", "=", self.company.id), ("date", "=", "2026-06-03")]
        )
        self.assertRecordValues(run, [{"state": "done", "trigger": "cron", "skipped_count": 1}])
        self.assertIn(f"Commit customer 2 [{p[2]}]: boom", run.errors)

    @freeze_time("2026-06-03")
    def test_commit_keeps_finished_batches(self):
        """On a cursor that really commits (the test cursor's commit), a worker that dies
        in the fourth batch loses only that batch's work: the first two are kept, the
        third's failing customer is skipped. Without a commit, everything is lost."""
        p = self.partners.ids
        self.env.flush_all()
        self.registry.enter_test_mode(self.cr)
        self.addCleanup(self.registry.leave_test_mode)
        for with_commit, kept in ((False, set()), (True, {p[0], p[1]})):
            with (
                self.subTest(with_commit=with_commit),
                self._flaky_batches([], fail=[p[2]], kill=[p[3]]),
                self.assertLogs(ENGINE, level="ERROR") as logs,
            ):
                # not assertRaises: Odoo's rolls its own savepoint back on the exception
                killed = False
                try:
                    with self.registry.cursor() as cr:
                        env = api.Environment(cr, SUPERUSER_ID, {})
                        env["credit.collection.run"]._run_for(
                            self.company.id,
                            date(2026, 6, 3),
                            batch_size=1,
                            commit=cr.commit if with_commit else None,
                        )
                except WorkerKilled:
                    killed = True
                self.assertTrue(killed)
                self.assertIn(f"customer {p[2]} skipped", "\n".join(logs.output))
                self.env.invalidate_all()
                self.assertEqual(self._done(), kept)
                self.assertEqual(
                    set(self.invoices.filtered("collection_stage_id").partner_id.ids), kept
                )
                # the run as committed: still "running", its figures up to the last commit
                run = self.env["credit.collection.run"].search(
                    [("company_id", "=", self.company.id), ("date", "=", "2026-06-03")]
                )
                if with_commit:
                    self.assertRecordValues(
                        run,
                        [{"state": "running", "batch_count": 3, "moved_count": 2}],
                    )
                    self.assertIn(f"[{p[2]}]: boom", run.errors)
                else:
                    self.assertFalse(run)

    def test_no_commit_in_tests(self):
        """The commit the scheduled action passes does not commit in tests (the test
        cursor refuses a commit with an AssertionError)."""
        self.env["credit.collection.run"]._collection_commit()
