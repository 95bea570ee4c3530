from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tests.common import freeze_time

from .common import GuaranteeCase


@freeze_time("2026-06-15")
@tagged("post_install", "-at_install")
class TestGuaranteeFlow(GuaranteeCase):
    def test_approval_by_band_through_the_dialog(self):
        guarantee = self.make_guarantee(8_000, haircut=25)
        self.assertEqual(guarantee.state, "draft")
        self.assertTrue(guarantee.name.startswith("CG/"))
        self.assertEqual(guarantee.cover_amount, 6_000)
        guarantee.action_submit()
        self.assertRecordValues(
            guarantee,
            [
                {
                    "state": "to_approve",
                    "required_level": "manager",
                    "proposed_by_id": self.analyst.id,
                }
            ],
        )
        action = guarantee.with_user(self.manager).action_approve()
        with Form(
            self.env[action["res_model"]].with_user(self.manager).with_context(**action["context"])
        ) as dialog:
            dialog.note = "Mortgage registered"
        dialog.record.action_confirm()
        self.assertRecordValues(
            guarantee,
            [
                {
                    "state": "active",
                    "decided_by_id": self.manager.id,
                    "decision_note": "Mortgage registered",
                }
            ],
        )
        self.assertTrue(guarantee.counting)

    def test_nobody_approves_their_own(self):
        guarantee = self.make_guarantee(user=self.manager)
        guarantee.with_user(self.manager).action_submit()
        with self.assertRaisesText(
            AccessError, "Nobody may decide on a guarantee they proposed or asked to release."
        ):
            guarantee.with_user(self.manager).action_approve()
        with self.assertRaisesText(AccessError, "must be decided by: Credit manager"):
            guarantee.with_user(self.analyst_2)._action_decide("approve", "mine")
        guarantee.with_user(self.manager_2)._action_decide("refuse", "no registration")
        self.assertRecordValues(
            guarantee, [{"state": "refused", "decided_by_id": self.manager_2.id}]
        )

    def test_committee_band_for_a_large_cover(self):
        guarantee = self.make_guarantee(300_000)
        guarantee.action_submit()
        self.assertEqual(guarantee.required_level, "committee")
        with self.assertRaisesText(AccessError, "must be decided by: Credit committee"):
            guarantee.with_user(self.manager)._action_decide("approve", "ok")
        guarantee.with_user(self.committee)._action_decide("approve", "ok")
        self.assertEqual(guarantee.state, "active")

    def test_only_analysts_propose(self):
        guarantee = self.make_guarantee()
        with self.assertRaisesText(AccessError, "Only credit analysts propose guarantees."):
            guarantee.with_user(self.salesman).action_submit()
        with self.assertRaises(AccessError):
            self.make_guarantee(user=self.salesman)

    def test_release_needs_approval_and_keeps_the_record(self):
        guarantee = self.activate(self.make_guarantee())
        guarantee.with_user(self.analyst).action_request_release()
        self.assertRecordValues(
            guarantee,
            [{"state": "to_release", "release_requested_by_id": self.analyst.id}],
        )
        self.assertTrue(guarantee.counting, "still counts until the release is approved")
        with self.assertRaisesText(AccessError, "Nobody may decide"):
            guarantee.with_user(self.analyst)._action_decide("approve", "mine")
        guarantee.with_user(self.manager_2)._action_decide("refuse", "keep it")
        self.assertEqual(guarantee.state, "active")
        guarantee.with_user(self.analyst_2).action_request_release()
        guarantee.with_user(self.manager)._action_decide("approve", "debt paid")
        self.assertRecordValues(
            guarantee,
            [
                {
                    "state": "released",
                    "released_by_id": self.manager.id,
                    "release_note": "debt paid",
                    "counting": False,
                }
            ],
        )
        with self.assertRaisesText(UserError, "it cannot be deleted"):
            guarantee.with_user(self.manager).unlink()

    # ------------------------------------------------------------ bad input
    def test_bad_input(self):
        with self.assertRaisesText(ValidationError, "must be positive"):
            self.make_guarantee(-5)
        with self.assertRaisesText(ValidationError, "A guarantee must end after it starts."):
            self.make_guarantee(date_start="2026-06-01", date_end="2026-05-01")
        with self.assertRaisesText(ValidationError, "The haircut must be between 0 and 100%"):
            self.make_guarantee(haircut=120)
        with self.assertRaisesText(ValidationError, "The haircut must be between 0 and 100%"):
            self.make_guarantee(haircut=-1)
        with self.assertRaisesText(ValidationError, "cannot guarantee its own credit"):
            self.make_guarantee(kind="guarantee", guarantor_id=self.contact.id)
        with self.assertRaisesText(ValidationError, "A third-party guarantee names its guarantor."):
            self.make_guarantee(kind="guarantee", guarantor_id=False)
        self.assertFalse(
            self.env["credit.guarantee"].search([("partner_id", "=", self.customer.id)]),
            "nothing half-done",
        )
        guarantee = self.make_guarantee()
        with self.assertRaisesText(ValidationError, "must be positive"):
            guarantee.write({"value": 0})
        self.assertEqual(guarantee.value, 5_000)

    def test_bad_input_in_chinese(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"].search(
            [("name", "=", "credit_guarantee")]
        )._update_translations(["zh_CN"])
        Guarantee = self.env["credit.guarantee"].with_user(self.analyst).with_context(lang="zh_CN")
        with self.assertRaisesText(ValidationError, "担保的结束日期必须晚于开始日期"):
            Guarantee.create(
                {
                    "partner_id": self.customer.id,
                    "kind": "mortgage",
                    "value": 100,
                    "date_start": "2026-06-01",
                    "date_end": "2026-05-01",
                }
            )
        with self.assertRaisesText(ValidationError, "不能为自己的信用提供担保"):
            Guarantee.create(
                {
                    "partner_id": self.customer.id,
                    "kind": "guarantee",
                    "guarantor_id": self.customer.id,
                    "value": 100,
                    "date_end": "2026-12-31",
                }
            )

    def test_locked_after_draft(self):
        guarantee = self.make_guarantee()
        guarantee.action_submit()
        with self.assertRaisesText(UserError, "Value"):
            guarantee.with_user(self.analyst).write({"value": 9_000})
        with self.assertRaises(AccessError):
            guarantee.with_user(self.analyst).write({"state": "active"})
        self.assertRecordValues(guarantee, [{"value": 5_000, "state": "to_approve"}])
        guarantee.with_user(self.analyst).action_cancel()
        self.assertEqual(guarantee.state, "draft")

    # ------------------------------------------------------------ guarantor's share
    def test_guarantor_share_needs_committee_and_reason(self):
        # within 50 % of the guarantor's 100,000: the manager band
        small = self.make_guarantee(40_000, kind="guarantee")
        self.activate(small)
        self.assertFalse(small.share_exceeded)
        # 40,000 already guaranteed + 20,000 > 50,000: committee, on a recorded reason
        big = self.make_guarantee(20_000, kind="guarantee")
        with self.assertRaisesText(UserError, "give the reason beyond the guarantor's share"):
            big.action_submit()
        self.assertEqual(big.state, "draft", "nothing half-done")
        big.share_reason = "Parent company, consolidated accounts reviewed"
        big.action_submit()
        self.assertRecordValues(
            big,
            [
                {
                    "state": "to_approve",
                    "share_exceeded": True,
                    "required_level": "committee",
                    "guarantor_limit": 100_000,
                    "guarantor_contingent": 40_000,
                }
            ],
        )
        with self.assertRaisesText(AccessError, "must be decided by: Credit committee"):
            big.with_user(self.manager)._action_decide("approve", "ok")
        big.with_user(self.committee)._action_decide("approve", "ok")
        self.assertEqual(big.state, "active")
