from unittest.mock import patch

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from odoo.addons.credit_management.models.res_partner_exposure import ResPartner

from .common import CreditCommon


@tagged("post_install", "-at_install", "credit_management")
class TestBlockPreview(CreditCommon):
    """credit_block_preview: the real check's answer for a new sale, for outside callers."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.within = Partner.create({"name": "Within Limit Co", "is_company": True})
        cls.over = Partner.create({"name": "Over Limit Co", "is_company": True})
        cls.at_limit = Partner.create({"name": "At Limit Co", "is_company": True})
        cls.blocked = Partner.create({"name": "Grade D Co", "is_company": True})
        cls.unlimited = Partner.create({"name": "No Limit Co", "is_company": True})
        cls.late = Partner.create({"name": "Late Payer Co", "is_company": True})
        cls.over_contact = Partner.create({"name": "Buyer at Over", "parent_id": cls.over.id})
        cls.set_limit(cls.within, 1000, cls.grade_a)
        cls.set_limit(cls.over, 1000, cls.grade_a)
        cls.set_limit(cls.at_limit, 1000, cls.grade_a)
        cls.set_limit(cls.blocked, 1000, cls.grade_d)
        cls.set_limit(cls.late, 100_000, cls.grade_a)
        cls.make_invoice(cls.within, 400, due="2026-07-15")
        cls.make_invoice(cls.over_contact, 1200, due="2026-07-15")
        cls.make_invoice(cls.at_limit, 1000, due="2026-07-15")
        cls.make_invoice(cls.unlimited, 300, due="2026-07-15")
        # due ten days before the frozen day (2026-06-15)
        cls.make_invoice(cls.late, 500, due="2026-06-05")
        cls.everyone = (
            cls.within
            | cls.over
            | cls.at_limit
            | cls.blocked
            | cls.unlimited
            | cls.late
            | cls.over_contact
        )
        cls.other_company = cls.env["res.company"].sudo().create({"name": "Other Credit Co"})
        cls.outsider = new_test_user(
            cls.env,
            login="cm_preview_plain",
            groups="base.group_user",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )

    def preview(self, partners=None, user=None, company=None):
        Partner = self.env["res.partner"].with_user(user or self.salesman)
        partners = self.everyone if partners is None else partners
        return Partner.credit_block_preview(partners.ids, (company or self.company).id)

    def test_reasons_of_the_real_check(self):
        answer = self.preview()
        self.assertEqual(answer["checks"], {"sale": True, "invoice": True})
        reasons = answer["reasons"]
        self.assertEqual(set(reasons), set(self.everyone.ids))
        self.assertEqual(reasons[self.within.id], [])
        self.assertEqual(len(reasons[self.over.id]), 1)
        self.assertIn("over the credit limit", reasons[self.over.id][0])
        # a contact gets its company's answer
        self.assertEqual(reasons[self.over_contact.id], reasons[self.over.id])
        # at the limit, one more cent is refused
        self.assertIn("over the credit limit", reasons[self.at_limit.id][0])
        self.assertIn("Credit grade D blocks sales.", reasons[self.blocked.id])
        # the company's no-limit policy is "none": no reason for a customer without a limit
        self.assertEqual(reasons[self.unlimited.id], [])
        # overdue beyond the tolerance (0) and no grace days
        self.assertEqual(len(reasons[self.late.id]), 1)
        self.assertIn("Overdue receivables", reasons[self.late.id][0])

    def test_same_answer_as_the_check_of_an_order(self):
        """A new order of 0.01 is refused for exactly the reasons the preview gives."""
        order = self.make_order(self.over, 0.01)
        results = order._credit_evaluate(lock=False)
        self.assertEqual(results[order][0], self.preview(self.over)["reasons"][self.over.id])

    def test_grace_days_and_no_limit_policy(self):
        self.company.write({"credit_overdue_grace_days": 30, "credit_no_limit_policy": "block"})
        reasons = self.preview()["reasons"]
        # ten days late is within the thirty days' grace
        self.assertEqual(reasons[self.late.id], [])
        self.assertEqual(len(reasons[self.unlimited.id]), 1)
        self.assertIn("has no approved credit limit", reasons[self.unlimited.id][0])

    def test_warning_list(self):
        self.env["credit.warning.entry"].create(
            {"name": "x", "partner_id": self.within.id, "reason": "court list"}
        )
        reasons = self.preview(self.within)["reasons"][self.within.id]
        self.assertEqual(len(reasons), 1)
        self.assertIn("warning list", reasons[0])

    def test_check_switched_off_blocks_nothing(self):
        self.company.write({"credit_check_sale": False, "credit_check_invoice": False})
        answer = self.preview()
        self.assertEqual(answer["checks"], {"sale": False, "invoice": False})
        self.assertEqual(answer["reasons"], {pid: [] for pid in self.everyone.ids})
        # either check on is enough: an order passes but its invoice would not
        self.company.credit_check_invoice = True
        answer = self.preview()
        self.assertEqual(answer["checks"], {"sale": False, "invoice": True})
        self.assertTrue(answer["reasons"][self.over.id])

    def test_one_figures_query_for_all_partners(self):
        with patch.object(
            ResPartner,
            "_credit_exposure_figures",
            autospec=True,
            side_effect=ResPartner._credit_exposure_figures,
        ) as figures:
            self.preview()
        self.assertEqual(figures.call_count, 1)
        self.assertEqual(set(figures.call_args.args[0].ids), set(self.everyone.ids))

    def test_only_users_who_may_see_credit_figures(self):
        with self.assertRaises(AccessError):
            self.preview(user=self.outsider)

    def test_only_the_users_companies(self):
        with self.assertRaisesText(AccessError, "your own companies"):
            self.preview(company=self.other_company)

    def test_partners_the_user_cannot_read(self):
        hidden = (
            self.env["res.partner"]
            .sudo()
            .create({"name": "Other Company's Customer", "company_id": self.other_company.id})
        )
        with self.assertRaises(AccessError):
            self.preview(hidden)

    def test_bad_arguments_are_refused_clearly(self):
        Partner = self.env["res.partner"].with_user(self.salesman)
        with self.assertRaisesText(UserError, "company by its id"):
            Partner.credit_block_preview(self.within.ids, str(self.company.id))
        with self.assertRaisesText(UserError, "list of ids"):
            Partner.credit_block_preview(self.within.id, self.company.id)

    def test_unknown_partners_are_left_out(self):
        missing = self.env["res.partner"].create({"name": "Gone"})
        gone_id = missing.id
        missing.unlink()
        answer = self.preview(self.within | self.env["res.partner"].browse(gone_id))
        self.assertEqual(answer["reasons"], {self.within.id: []})
