from unittest.mock import patch

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged
from odoo.tests.common import freeze_time
from odoo.tools import mute_logger

from .common import GuaranteeCase

EXPIRY = "credit_guarantee.mail_activity_type_guarantee_expiry"
REVALUATION = "credit_guarantee.mail_activity_type_guarantee_revaluation"


@freeze_time("2026-06-15")
@tagged("post_install", "-at_install")
class TestGuaranteeCron(GuaranteeCase):
    def activities(self, guarantee, xmlid):
        return guarantee.activity_ids.filtered(lambda a: a.activity_type_id == self.env.ref(xmlid))

    def test_reminders_and_expiry(self):
        self.analyst_2.lang = "en_US"
        ending = self.activate(self.make_guarantee(1_000, date_end="2026-07-01"))
        later = self.activate(self.make_guarantee(2_000, date_end="2027-06-01"))
        stale = self.activate(
            self.make_guarantee(3_000, kind="pledge", valuation_date="2025-05-01")
        )
        Guarantee = self.env["credit.guarantee"]
        Guarantee._cron_guarantees()
        reminder = self.activities(ending, EXPIRY)
        self.assertRecordValues(
            reminder, [{"user_id": self.analyst_2.id, "date_deadline": ending.date_end}]
        )
        self.assertIn("ends on 07/01/2026", reminder.summary)
        self.assertFalse(self.activities(later, EXPIRY))
        self.assertEqual(self.activities(stale, REVALUATION).user_id, self.analyst_2)
        # once only while pending
        Guarantee._cron_guarantees()
        self.assertEqual(len(self.activities(ending, EXPIRY)), 1)
        self.assertEqual(len(self.activities(stale, REVALUATION)), 1)
        with freeze_time("2026-07-01"):
            Guarantee._cron_guarantees()
        self.assertEqual(ending.state, "expired")
        self.assertIn("expired on", ending.message_ids[0].body)
        self.assertEqual(later.state, "active")

    def test_reminder_in_the_analysts_language(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"].search(
            [("name", "=", "credit_guarantee")]
        )._update_translations(["zh_CN"])
        self.analyst_2.lang = "zh_CN"
        ending = self.activate(self.make_guarantee(1_000, date_end="2026-07-01"))
        self.env["credit.guarantee"].with_context(lang="en_US")._cron_guarantees()
        self.assertIn("到期", self.activities(ending, EXPIRY).summary)

    def test_a_failing_record_is_skipped(self):
        first = self.activate(self.make_guarantee(1_000, date_end="2026-06-20"))
        second = self.activate(self.make_guarantee(2_000, date_end="2026-06-20"))
        Guarantee = type(self.env["credit.guarantee"])
        original = Guarantee.message_post

        def failing(record, **kwargs):
            if record.id == first.id:
                raise ValueError("mail server down")
            return original(record, **kwargs)

        with (
            patch.object(Guarantee, "message_post", failing, create=True),
            mute_logger("odoo.addons.credit_guarantee.models.credit_guarantee_cron"),
        ):
            expired = self.env["credit.guarantee"]._guarantee_expire(
                fields.Date.to_date("2026-06-20")
            )
        self.assertEqual(expired, 1)
        self.assertEqual((first.state, second.state), ("active", "expired"))


@freeze_time("2026-06-15")
@tagged("post_install", "-at_install")
class TestGuaranteeCall(GuaranteeCase):
    def test_call_on_default_then_recovery(self):
        guarantee = self.activate(self.make_guarantee(20_000, kind="guarantee"))
        overdue = self.make_invoice(self.customer, 7_000, due="2026-05-01")
        self.make_invoice(self.customer, 1_000, due="2026-07-31")  # not due yet
        with self.assertRaisesText(AccessError, "Only a credit manager calls a guarantee."):
            guarantee.with_user(self.analyst).action_call()
        action = guarantee.with_user(self.manager).action_call()
        with Form(
            self.env[action["res_model"]].with_user(self.manager).with_context(**action["context"])
        ) as dialog:
            self.assertEqual(dialog.amount, 7_000)
            self.assertEqual(dialog.move_ids[:], overdue)
            dialog.note = "Demand letter sent to the guarantor"
        dialog.record.action_confirm()
        self.assertRecordValues(
            guarantee,
            [
                {
                    "state": "called",
                    "call_amount": 7_000,
                    "called_by_id": self.manager.id,
                    "call_move_ids": overdue.ids,
                    "counting": False,
                }
            ],
        )
        history = overdue.collection_history_ids.filtered(lambda h: h.event == "guarantee_call")
        self.assertEqual(len(history), 1)
        self.assertIn(guarantee.name, history.note)
        action = guarantee.with_user(self.manager).action_record_recovery()
        with Form(
            self.env[action["res_model"]].with_user(self.manager).with_context(**action["context"])
        ) as dialog:
            dialog.amount = 9_000
            dialog.note = "Guarantor paid"
        with self.assertRaisesText(UserError, "More was recovered than was demanded."):
            dialog.record.action_confirm()
        dialog.record.amount = 6_500
        dialog.record.action_confirm()
        self.assertRecordValues(
            guarantee, [{"recovered_amount": 6_500, "recovery_note": "Guarantor paid"}]
        )
        self.assertEqual(
            guarantee.with_user(self.manager).action_open_collections()["domain"],
            [("commercial_partner_id", "=", self.customer.id)],
        )

    def test_demand_beyond_the_value_is_refused(self):
        guarantee = self.activate(self.make_guarantee(5_000))
        action = guarantee.with_user(self.manager).action_call()
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.manager)
            .with_context(**action["context"])
            .create({"amount": 6_000, "note": "too much"})
        )
        with self.assertRaisesText(UserError, "more than the guarantee's value"):
            wizard.action_confirm()
        self.assertEqual(guarantee.state, "active")
