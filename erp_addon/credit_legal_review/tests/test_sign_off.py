import psycopg2

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, new_test_user, tagged
from odoo.tests.common import freeze_time
from odoo.tools import mute_logger

from odoo.addons.credit_management.tests.test_tour_zh import load_zh_cn

from .common import LegalReviewCase


@freeze_time("2026-07-02")
@tagged("post_install", "-at_install")
class TestLegalReviewSignOff(LegalReviewCase):
    def test_submit_sign(self):
        load_zh_cn(self.env)
        self.legal_rep.lang = "zh_CN"
        review = self.make_review()
        review.with_user(self.admin_1).action_submit()
        activity = review.activity_ids
        self.assertEqual(activity.user_id, self.legal_rep)
        self.assertIn("审查", activity.summary)
        self.assertTrue(review.with_user(self.legal_rep).can_sign)
        self.assertFalse(review.with_user(self.admin_1).can_sign)
        form = Form(review.with_user(self.legal_rep))
        form.opinion = "Contracts are signed properly."
        form.save()
        review.with_user(self.legal_rep).action_sign()
        self.assertRecordValues(
            review,
            [
                {
                    "state": "signed",
                    "signed_by_id": self.legal_rep.id,
                    "date_signed": review.date_signed,
                }
            ],
        )
        self.assertFalse(review.activity_ids)
        with self.assertRaisesText(UserError, "can no longer be changed"):
            review.with_user(self.legal_rep).opinion = "Changed my mind"
        with self.assertRaisesText(UserError, "it cannot be deleted"):
            review.with_user(self.manager).unlink()

    def test_the_submitter_never_signs(self):
        self.company.credit_legal_representative_user_id = False
        review = self.make_review(user=self.committee)
        review.with_user(self.committee).action_submit()
        with self.assertRaisesText(AccessError, "was submitted by you: someone else signs it."):
            review.with_user(self.committee).opinion = "My own review is fine"
        with self.assertRaisesText(AccessError, "was submitted by you: someone else signs it."):
            review.with_user(self.committee).action_sign()
        # without a named legal representative, any other committee member signs
        self.assertIn(self.legal_rep, review.activity_ids.user_id)
        review.with_user(self.legal_rep).opinion = "Agreed"
        review.with_user(self.legal_rep).action_sign()
        self.assertEqual(review.signed_by_id, self.legal_rep)

    def test_only_the_legal_representative_signs(self):
        review = self.make_review()
        review.with_user(self.admin_1).action_submit()
        for user in (self.admin_2, self.manager, self.committee):
            with self.assertRaisesText(AccessError, "Only the legal representative signs"):
                review.with_user(user).action_sign()
            with self.assertRaisesText(AccessError, "Only the legal representative signs"):
                review.with_user(user).opinion = "Fine"
        with self.assertRaisesText(UserError, "Write your opinion"):
            review.with_user(self.legal_rep).action_sign()
        self.assertEqual(review.state, "submitted")

    def test_roles(self):
        review = self.make_review()
        with self.assertRaises(AccessError):
            self.make_review(user=self.salesman)
        with self.assertRaises(AccessError):
            review.with_user(self.analyst).read(["name"])
        self.assertEqual(review.with_user(self.auditor).contract_signed_count, 0)
        with self.assertRaises(AccessError):
            review.with_user(self.auditor).note = "x"
        with self.assertRaisesText(AccessError, "Only the credit (contract) administrators"):
            review.with_user(self.auditor).action_submit()
        with self.assertRaisesText(AccessError, "set by its workflow"):
            review.with_user(self.admin_1).state = "signed"
        with self.assertRaisesText(AccessError, "set by its workflow"):
            review.with_user(self.admin_1).contract_signed_count = 99
        portal = new_test_user(self.env, login="lr_portal", groups="base.group_portal")
        with self.assertRaises(AccessError):
            review.with_user(portal).read(["name"])

    def test_bad_input(self):
        with self.assertRaisesText(ValidationError, "ends after it starts"):
            self.make_review("2026-06-30", "2026-04-01")
        with self.assertRaisesText(ValidationError, "a period that has begun"):
            self.make_review("2026-08-01", "2026-08-31")
        self.make_review()
        with self.assertRaises(psycopg2.IntegrityError), mute_logger("odoo.sql_db"):
            self.make_review()
        review = self.make_review("2026-01-01", "2026-03-31")
        review.with_user(self.admin_1).action_submit()
        with self.assertRaisesText(UserError, "it cannot be submitted"):
            review.with_user(self.admin_1).action_submit()
        draft = self.make_review("2026-05-01", "2026-05-31")
        with self.assertRaisesText(UserError, "opinion is written once submitted"):
            self.env["credit.legal.review"].with_user(self.admin_1).create(
                {"date_from": "2026-02-01", "date_to": "2026-02-28", "opinion": "x"}
            )
        draft.with_user(self.admin_1).unlink()
