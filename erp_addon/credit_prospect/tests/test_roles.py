from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import ProspectCase


@tagged("post_install", "-at_install")
class TestRoles(ProspectCase):
    def test_salesperson_sees_own_customers_only(self):
        self.assertEqual(self.rows(self.seller).partner_id, self.good | self.slow)
        self.assertEqual(self.rows(self.seller_2).partner_id, self.fresh)
        # another's customer, even by id
        fresh = self.row(self.fresh).with_user(self.seller)
        with self.assertRaises(AccessError):
            fresh.read(["score"])

    def test_sales_manager_and_analyst_see_all(self):
        everyone = self.good | self.slow | self.fresh
        for user in (self.sales_manager, self.credit_analyst):
            with self.subTest(user=user.login):
                rows = self.rows(user, everyone)
                self.assertEqual(rows.partner_id, everyone)
                self.assertEqual(rows[0].score, 93.8)

    def test_others_read_nothing(self):
        """Billing, auditors and portal users have no access to the ranking."""
        auditor = new_test_user(
            self.env,
            login="cp_auditor",
            groups="account.group_account_readonly",
            company_id=self.company.id,
            company_ids=[Command.set(self.company.ids)],
        )
        portal = new_test_user(self.env, login="cp_portal", groups="base.group_portal")
        for user in (self.billing, auditor, portal):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self.rows(user)
                with self.assertRaises(AccessError):
                    self.env["credit.prospect"].with_user(user).credit_prospects(self.company.id)

    def test_nobody_writes_the_ranking(self):
        row = self.row(self.good)
        for user in (self.seller, self.sales_manager, self.credit_analyst, self.manager):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    row.with_user(user).write({"score": 100})
                with self.assertRaises(AccessError):
                    self.env["credit.prospect"].with_user(user).create({"score": 100})
                with self.assertRaises(AccessError):
                    row.with_user(user).unlink()

    def test_other_company(self):
        """A company the user is not in shows nothing of it."""
        other = self.env["res.company"].create({"name": "Other Steel Co"})
        self.good.with_company(other).sudo().credit_grade_id = self.env["credit.grade"].search(
            [("company_id", "=", other.id)], limit=1
        )
        rows = self.env["credit.prospect"].with_user(self.sales_manager).search([])
        self.assertEqual(rows.company_id, self.company)

    def test_command_reads_what_the_user_may_see(self):
        data = (
            self.env["credit.prospect"]
            .with_user(self.seller)
            .credit_prospects(self.company.id, "en_US")
        )
        self.assertEqual(
            [(r["rank"], r["name"], r["good_payer"]) for r in data["rows"]],
            [(1, "Good Payer Steel Ltd", True), (2, "Slow Payer Trading Ltd", False)],
        )
        first = data["rows"][0]
        self.assertEqual(
            {k: first[k] for k in ("kind_label", "grade", "policy_label", "salesperson")},
            {
                "kind_label": "Customer",
                "grade": "A",
                "policy_label": "Credit allowed",
                "salesperson": self.seller.name,
            },
        )
        self.assertEqual(first["score"], 93.8)
        self.assertEqual(first["proposed_limit"], 120_000)
        self.assertEqual(data["rule"]["raise_percent"], 20)
        self.assertEqual(data["date"], "2026-06-15")
        self.assertEqual(data["guarantees"], "credit.guarantee" in self.env)

    def test_action_and_customer_button(self):
        """The ranking's action (the menus' and the settings' button) opens for a
        salesperson on their customers; a row's Customer button opens the customer."""
        action = (
            self.env["ir.actions.act_window"]
            .with_user(self.seller)
            ._for_xml_id("credit_prospect.action_credit_prospect")
        )
        self.assertEqual(action["res_model"], "credit.prospect")
        self.assertIn("search_default_customers", action["context"])
        rows = (
            self.env["credit.prospect"].with_user(self.seller).search([("kind", "=", "customer")])
        )
        self.assertEqual(rows.partner_id, self.good | self.slow)
        opened = rows[0].action_open_partner()
        self.assertEqual((opened["res_model"], opened["res_id"]), ("res.partner", self.good.id))
