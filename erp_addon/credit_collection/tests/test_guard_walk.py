"""The generic guard walk over credit_collection's guarded models (credit.guard.mixin):
write-offs, disputes, promises, letters and their lines, the contact log, the history, the
runs of the daily action and the invoices' collection fields."""

from odoo.tests import tagged
from odoo.tests.common import freeze_time

from odoo.addons.credit_management.tests import guard_walk

from .common import CollectionCase


@freeze_time("2026-06-15")
@tagged("post_install", "-at_install")
class TestGuardWalk(guard_walk.GuardWalkCase, CollectionCase):
    guard_modules = ("credit_collection",)

    @classmethod
    def _confirm(cls, action, user, **values):
        """A button's dialog as the web client opens it, filled in and confirmed."""
        Wizard = cls.env[action["res_model"]].with_user(user).with_context(**action["context"])
        return Wizard.create(values).action_confirm()

    @classmethod
    def _guard_samples(cls):
        cls.company.write(
            {
                "collection_writeoff_account_id": cls.company_data["default_account_expense"].id,
                "collection_writeoff_journal_id": cls.company_data["default_journal_misc"].id,
            }
        )
        collector, manager, accountant = cls.collector, cls.manager, cls.chief_accountant
        Partner = cls.env["res.partner"]
        # invoices: one new, one the daily action put in a stage (and gave a letter)
        fresh = cls.make_invoice(cls.customer, 100, due="2026-07-31")
        staged = cls.make_invoice(cls.customer, 1000, due="2026-05-01")
        printed_customer = Partner.create({"name": "Walk Print Ltd", "is_company": True})
        to_print = cls.make_invoice(printed_customer, 700, due="2026-05-01")
        mailed_customer = Partner.create(
            {"name": "Walk Mail Ltd", "is_company": True, "email": "ap@walk.example.com"}
        )
        mailed = cls.make_invoice(mailed_customer, 300, due="2026-06-10")
        run = cls.run_daily("2026-06-15")

        # write-offs: draft, submitted, refused, written off
        def writeoff(amount):
            inv = cls.make_invoice(cls.customer, amount, due="2026-01-01")
            return (
                cls.env["credit.collection.writeoff"]
                .with_user(collector)
                .create({"move_id": inv.id, "evidence": "Bankrupt"})
            )

        w_draft, w_submitted, w_refused, w_posted = (writeoff(a) for a in (10, 20, 30, 40))
        for w in w_submitted | w_refused | w_posted:
            w.with_user(collector).action_submit()
        w_refused.with_user(accountant).action_refuse()
        w_posted.with_user(manager).action_approve_manager()
        w_posted.with_user(accountant).action_approve_accountant()

        # disputes: open, resolved
        d_open = (
            cls.env["credit.collection.dispute"]
            .with_user(collector)
            .create(
                {
                    "move_id": cls.make_invoice(cls.customer, 50, due="2026-06-01").id,
                    "reason": "Damaged",
                }
            )
        )
        d_resolved = (
            cls.env["credit.collection.dispute"]
            .with_user(collector)
            .create(
                {
                    "move_id": cls.make_invoice(cls.customer, 60, due="2026-06-01").id,
                    "reason": "Short",
                }
            )
        )
        d_resolved.with_user(collector).resolution = "Credit note"
        d_resolved.with_user(collector).action_resolve()

        # promises: open, cancelled, broken (by escalating by hand)
        def promise(amount):
            inv = cls.make_invoice(cls.customer, amount, due="2026-06-01")
            return (
                cls.env["credit.collection.promise"]
                .with_user(collector)
                .create({"move_id": inv.id, "amount": amount / 2, "date": "2026-06-30"})
            )

        p_open, p_cancel, p_broken = (promise(a) for a in (100, 200, 300))
        p_cancel.with_user(collector).action_cancel()
        cls._confirm(
            p_broken.move_id.with_user(collector).action_collection_escalate(),
            collector,
            reason="No answer",
        )

        # letters: to send, printed, cancelled by a correction (its replacement to send)
        Letter = cls.env["credit.collection.letter"]
        l_draft = Letter.search([("partner_id", "=", mailed_customer.id)])
        l_printed = Letter.search([("partner_id", "=", printed_customer.id)])
        l_printed.sudo()._dispatch()  # as the hourly action does
        l_printed.with_user(collector).action_mark_printed()
        l_cancel = Letter.search([("partner_id", "=", cls.customer.id)], limit=1)
        cls._confirm(l_cancel.with_user(collector).action_correct(), collector, reason="Address")
        assert (l_draft.state, l_printed.state, l_cancel.state) == ("draft", "printed", "cancel")

        contact = (
            cls.env["credit.collection.contact"]
            .with_user(collector)
            .create({"partner_id": cls.customer.id, "move_id": staged.id, "note": "Called"})
        )
        # spare invoices for the creates of the walk (one open dispute or promise each)
        cls.spare = {
            "credit.collection.dispute": cls.make_invoice(cls.customer, 80, due="2026-06-01"),
            "credit.collection.promise": cls.make_invoice(cls.customer, 90, due="2026-06-01"),
        }
        assert staged.collection_stage_id and to_print.collection_stage_id and mailed
        return {
            "account.move": fresh | staged,
            "credit.collection.writeoff": w_draft | w_submitted | w_refused | w_posted,
            "credit.collection.dispute": d_open | d_resolved,
            "credit.collection.promise": p_open | p_cancel | p_broken,
            "credit.collection.letter": l_draft | l_printed | l_cancel,
            "credit.collection.letter.line": l_printed.line_ids | l_cancel.line_ids,
            "credit.collection.contact": contact,
            "credit.collection.history": staged.collection_history_ids,
            "credit.collection.run": run,
        }

    def _guard_create_vals(self, record):
        vals = super()._guard_create_vals(record)
        if record._name in self.spare:
            vals["move_id"] = self.spare[record._name].id
        return vals

    def test_samples_in_their_states(self):
        samples = self.samples
        self.assertEqual(
            samples["credit.collection.writeoff"].mapped("state"),
            ["draft", "submitted", "refused", "posted"],
        )
        self.assertEqual(samples["credit.collection.dispute"].mapped("state"), ["open", "resolved"])
        self.assertEqual(
            samples["credit.collection.promise"].mapped("state"), ["open", "cancel", "broken"]
        )
        self.assertEqual(
            samples["credit.collection.letter"].mapped("state"), ["draft", "printed", "cancel"]
        )
        self.assertTrue(samples["account.move"][1].collection_stage_id)
        self.assertEqual(samples["credit.collection.run"].state, "done")
