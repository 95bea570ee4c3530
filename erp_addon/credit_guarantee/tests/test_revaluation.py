"""Revaluing the collateral of a guarantee in force: the analyst records the valuation in the
dialog; less cover applies at once, more cover waits for the authority band of the new cover
(never decided by who proposed it) and the old value counts until then; the dates are not
in the future nor back-dated past the last valuation; the reminder is done; the check counts
the new cover from the moment it applies."""

import base64
from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged
from odoo.tests.common import freeze_time

from .common import GuaranteeCase

REVALUATION = "credit_guarantee.mail_activity_type_guarantee_revaluation"
APPROVAL = "credit_management.mail_activity_type_credit_approval"


@freeze_time("2026-06-15")
@tagged("post_install", "-at_install")
class TestGuaranteeRevaluation(GuaranteeCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.partner_id.lang = "en_US"

    def revalue(self, guarantee, user=None, value=None, haircut=None, date=None, note="ok"):
        """Open the dialog as the button does, as ``user``, fill it in as the web client
        does and confirm: returns the new valuation."""
        user = user or self.analyst
        action = guarantee.with_user(user).action_revalue()
        with Form(
            self.env[action["res_model"]].with_user(user).with_context(**action["context"])
        ) as dialog:
            if value is not None:
                dialog.new_value = value
            if haircut is not None:
                dialog.new_haircut = haircut
            if date is not None:
                dialog.valuation_date = date
            if note is not None:
                dialog.note = note
        dialog.record.action_confirm()
        return guarantee.valuation_ids[:1]

    def activities(self, guarantee, xmlid):
        return guarantee.activity_ids.filtered(lambda a: a.activity_type_id == self.env.ref(xmlid))

    def test_lower_value_applies_at_once(self):
        guarantee = self.activate(self.make_guarantee(10_000, haircut=20))
        self.assertEqual(self.figures(self.customer)["limit"], 18_000)
        valuation = self.revalue(guarantee, value=6_000, note="评估报告 2026-031")
        self.assertRecordValues(
            valuation,
            [
                {
                    "state": "applied",
                    "valuation_date": guarantee.valuation_date,
                    "previous_date": date(2026, 1, 1),
                    "old_value": 10_000,
                    "new_value": 6_000,
                    "old_haircut": 20,
                    "new_haircut": 20,
                    "old_cover": 8_000,
                    "new_cover": 4_800,
                    "proposed_by_id": self.analyst.id,
                    "decided_by_id": False,
                    "note": "评估报告 2026-031",
                }
            ],
        )
        self.assertRecordValues(
            guarantee,
            [{"value": 6_000, "cover_amount": 4_800, "valuation_date": date(2026, 6, 15)}],
        )
        # the check's own figures count the new cover at once: 10,000 + 4,800
        self.assertEqual(self.figures(self.customer)["limit"], 14_800)
        self.assertIn("Less cover applies at once", guarantee.message_ids[0].body)
        self.assertNotIn(self.analyst.name, guarantee.message_ids[0].body)

    def test_higher_haircut_is_less_cover_and_applies_at_once(self):
        guarantee = self.activate(self.make_guarantee(10_000, haircut=20))
        valuation = self.revalue(guarantee, value=10_000, haircut=50)
        self.assertEqual(valuation.state, "applied")
        self.assertEqual(guarantee.cover_amount, 5_000)
        self.assertEqual(self.figures(self.customer)["limit"], 15_000)

    def test_raise_waits_for_the_band_and_not_the_proposer(self):
        guarantee = self.activate(self.make_guarantee(10_000, haircut=20))
        valuation = self.revalue(guarantee, value=15_000, note="市场价上涨")
        self.assertRecordValues(
            valuation,
            [{"state": "to_approve", "required_level": "manager", "new_cover": 12_000}],
        )
        # until approved the old value counts
        self.assertRecordValues(guarantee, [{"value": 10_000, "cover_amount": 8_000}])
        self.assertEqual(self.figures(self.customer)["limit"], 18_000)
        self.assertIn("once approved by: Credit manager", guarantee.message_ids[0].body)
        approvers = self.activities(guarantee, APPROVAL).user_id
        self.assertIn(self.manager, approvers)
        self.assertNotIn(self.analyst, approvers)
        # the proposer may not approve their own, nor may an analyst
        with self.assertRaisesText(
            AccessError, "Nobody may decide on a revaluation they proposed."
        ):
            valuation.with_user(self.analyst).action_approve()
        with self.assertRaisesText(AccessError, "must be decided by: Credit manager"):
            valuation.with_user(self.analyst_2).action_approve()
        # no second valuation nor a release while one awaits approval
        with self.assertRaisesText(UserError, "awaits approval"):
            guarantee.with_user(self.analyst_2).action_revalue()
        with self.assertRaisesText(UserError, "awaits approval"):
            guarantee.with_user(self.analyst_2).action_request_release()
        # the manager approves through the decision dialog, as the button opens it
        action = valuation.with_user(self.manager).action_approve()
        with Form(
            self.env[action["res_model"]].with_user(self.manager).with_context(**action["context"])
        ) as dialog:
            dialog.note = "评估报告已核实"
        dialog.record.action_confirm()
        self.assertRecordValues(
            valuation,
            [
                {
                    "state": "applied",
                    "decided_by_id": self.manager.id,
                    "decision_note": "评估报告已核实",
                }
            ],
        )
        self.assertRecordValues(
            guarantee,
            [{"value": 15_000, "cover_amount": 12_000, "valuation_date": date(2026, 6, 15)}],
        )
        self.assertEqual(self.figures(self.customer)["limit"], 22_000)
        self.assertFalse(self.activities(guarantee, APPROVAL))
        self.assertIn("approved", guarantee.message_ids[0].body)

    def test_raise_refused_keeps_the_old_value(self):
        guarantee = self.activate(self.make_guarantee(10_000))
        valuation = self.revalue(guarantee, value=12_000)
        valuation.with_user(self.manager)._action_decide("refuse", "报告过期")
        self.assertEqual(valuation.state, "refused")
        self.assertRecordValues(
            guarantee, [{"value": 10_000, "valuation_date": date(2026, 1, 1), "state": "active"}]
        )
        with self.assertRaisesText(UserError, "awaits no decision"):
            valuation.with_user(self.manager).action_approve()

    def test_committee_decides_a_large_new_cover(self):
        guarantee = self.activate(self.make_guarantee(150_000))
        valuation = self.revalue(guarantee, value=250_000)
        self.assertEqual(valuation.required_level, "committee")
        with self.assertRaisesText(AccessError, "must be decided by: Credit committee"):
            valuation.with_user(self.manager)._action_decide("approve", "ok")
        valuation.with_user(self.committee)._action_decide("approve", "ok")
        self.assertEqual(guarantee.value, 250_000)

    def test_dates_not_in_the_future_nor_back_dated(self):
        guarantee = self.activate(self.make_guarantee(10_000, valuation_date="2026-03-01"))
        with self.assertRaisesText(UserError, "is in the future"):
            self.revalue(guarantee, value=9_000, date="2026-06-16")
        with self.assertRaisesText(UserError, "is before the last valuation, of 03/01/2026"):
            self.revalue(guarantee, value=9_000, date="2026-02-28")
        self.assertFalse(guarantee.valuation_ids)
        self.revalue(guarantee, value=9_000, date="2026-05-01")
        # and not before that one now
        with self.assertRaisesText(UserError, "before the last valuation, of 05/01/2026"):
            self.revalue(guarantee, value=8_000, date="2026-04-30")
        self.revalue(guarantee, value=8_000, date="2026-05-01")
        self.assertEqual(len(guarantee.valuation_ids), 2)

    def test_dialog_requires_its_fields(self):
        guarantee = self.activate(self.make_guarantee(10_000))
        action = guarantee.with_user(self.analyst).action_revalue()
        Revalue = self.env[action["res_model"]].with_user(self.analyst)
        for fname in ("new_value", "valuation_date", "note"):
            self.assertTrue(Revalue._fields[fname].required, fname)
        form = Form(Revalue.with_context(**action["context"]))
        form.new_value = 9_000
        with self.assertRaises(AssertionError):
            form.save()  # no basis: the browser cannot save it either
        with self.assertRaisesText(UserError, "The new value must be positive."):
            self.revalue(guarantee, value=0)
        with self.assertRaisesText(UserError, "Say who valued the collateral"):
            self.revalue(guarantee, value=9_000, note="   ")

    def test_who_may_revalue_what(self):
        guarantee = self.activate(self.make_guarantee(10_000))
        with self.assertRaisesText(AccessError, "Only credit analysts revalue collateral."):
            guarantee.with_user(self.salesman).action_revalue()
        third_party = self.activate(self.make_guarantee(10_000, kind="guarantee"))
        with self.assertRaisesText(UserError, "Only the collateral of a mortgage or a pledge"):
            third_party.with_user(self.analyst).action_revalue()
        draft = self.make_guarantee(10_000)
        with self.assertRaisesText(UserError, "Only a guarantee in force is revalued"):
            draft.with_user(self.analyst).action_revalue()
        # the value of a guarantee in force is written by the valuation only
        with self.assertRaisesText(UserError, "can no longer be changed"):
            guarantee.with_user(self.analyst).write({"value": 20_000})
        with self.assertRaisesText(UserError, "can no longer be changed"):
            guarantee.with_user(self.manager).write({"valuation_date": "2026-06-01"})
        # a valuation is the flow's: not written, created or deleted by hand
        valuation = self.revalue(guarantee, value=9_000)
        with self.assertRaises(AccessError):
            valuation.with_user(self.manager).write({"new_value": 1})
        with self.assertRaises(AccessError):
            self.env["credit.guarantee.valuation"].with_user(self.analyst).create(
                {
                    "guarantee_id": guarantee.id,
                    "valuation_date": "2026-06-15",
                    "new_value": 50_000,
                    "state": "applied",
                }
            )
        with self.assertRaises(UserError):
            valuation.with_user(self.manager).unlink()

    def test_reminder_done_and_next_counts_from_the_new_date(self):
        guarantee = self.activate(
            self.make_guarantee(
                10_000, kind="pledge", valuation_date="2025-05-01", date_end="2028-12-31"
            )
        )
        Guarantee = self.env["credit.guarantee"]
        Guarantee._cron_guarantees()
        reminder = self.activities(guarantee, REVALUATION)
        self.assertEqual(reminder.user_id, self.analyst_2)
        # recorded by another analyst than the one reminded: the reminder is done
        self.revalue(guarantee, value=9_000)
        self.assertFalse(reminder.exists())
        self.assertFalse(self.activities(guarantee, REVALUATION))
        done = guarantee.message_ids.filtered(
            lambda m: m.mail_activity_type_id == self.env.ref(REVALUATION)
        )
        self.assertTrue(done)
        Guarantee._cron_guarantees()
        self.assertFalse(self.activities(guarantee, REVALUATION))
        with freeze_time("2027-06-14"):
            Guarantee._cron_guarantees()
            self.assertFalse(self.activities(guarantee, REVALUATION))
        with freeze_time("2027-06-15"):
            Guarantee._cron_guarantees()
            self.assertTrue(self.activities(guarantee, REVALUATION))

    def test_no_reminder_while_a_raise_awaits_approval(self):
        guarantee = self.activate(
            self.make_guarantee(
                10_000, kind="mortgage", valuation_date="2025-05-01", date_end="2028-12-31"
            )
        )
        self.revalue(guarantee, value=12_000)
        self.env["credit.guarantee"]._cron_guarantees()
        self.assertFalse(self.activities(guarantee, REVALUATION))

    def test_documents_kept_with_the_valuation(self):
        guarantee = self.activate(self.make_guarantee(10_000))
        attachment = (
            self.env["ir.attachment"]
            .with_user(self.analyst)
            .create(
                {
                    "name": "评估报告.pdf",
                    "datas": base64.b64encode(b"%PDF-1.4"),
                    "res_model": "credit.guarantee.revalue",
                    "res_id": 0,
                }
            )
        )
        action = guarantee.with_user(self.analyst).action_revalue()
        with Form(
            self.env[action["res_model"]].with_user(self.analyst).with_context(**action["context"])
        ) as dialog:
            dialog.new_value = 9_000
            dialog.note = "评估"
            dialog.attachment_ids.add(attachment)
        dialog.record.action_confirm()
        valuation = guarantee.valuation_ids
        self.assertEqual(valuation.attachment_ids, attachment)
        self.assertEqual(
            (attachment.sudo().res_model, attachment.sudo().res_id),
            ("credit.guarantee.valuation", valuation.id),
        )
        # whoever reads the valuation reads its documents
        self.assertEqual(
            valuation.with_user(self.manager).attachment_ids.with_user(self.manager).name,
            "评估报告.pdf",
        )

    def test_chatter_in_the_company_language(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"].search(
            [("name", "=", "credit_guarantee")]
        )._update_translations(["zh_CN"])
        self.company.partner_id.lang = "zh_CN"
        guarantee = self.activate(self.make_guarantee(10_000))
        self.revalue(guarantee.with_context(lang="en_US"), value=9_000)
        self.assertIn("重新评估", guarantee.message_ids[0].body)
