from odoo import Command, fields
from odoo.tests import HttpCase, new_test_user, tagged

from .common import CollectionCase

WRITEOFFS = "/odoo/action-credit_collection.action_credit_collection_writeoff"


@tagged("post_install", "-at_install")
class TestWriteoffTour(CollectionCase, HttpCase):
    """A write-off proposed by a collector and approved by a credit manager and by an
    accountant in the browser, each the least-privileged user of their role
    (static/tests/tours/credit_collection_writeoff_tour.js)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company = cls.company
        company.write(
            {
                "collection_writeoff_account_id": cls.company_data["default_account_expense"].id,
                "collection_writeoff_journal_id": cls.company_data["default_journal_misc"].id,
            }
        )
        common = {"company_id": company.id, "company_ids": [Command.set(company.ids)]}
        # the password of each is its login
        cls.tour_collector = new_test_user(
            cls.env,
            login="tour_wo_collector",
            name="Tour Collector",
            groups="base.group_user,credit_management.group_credit_collector",
            **common,
        )
        cls.tour_credit_manager = new_test_user(
            cls.env,
            login="tour_wo_manager",
            name="Tour Credit Manager",
            groups="base.group_user,credit_management.group_credit_manager",
            **common,
        )
        cls.tour_accountant = new_test_user(
            cls.env,
            login="tour_wo_accountant",
            name="Tour Accountant",
            groups="account.group_account_manager",
            **common,
        )
        cls.today = fields.Date.context_today(cls.env["res.users"])
        cls.tour_customer = cls.env["res.partner"].create(
            {"name": "Writeoff Tour Customer", "is_company": True, "customer_rank": 1}
        )
        cls.invoice = cls.make_invoice(
            cls.tour_customer, 1200, post=False, due=fields.Date.subtract(cls.today, days=200)
        )
        cls.invoice.ref = "WRITEOFF-TOUR"
        cls.company.credit_check_invoice = False
        cls.invoice.action_post()

    def test_writeoff_tour(self):
        Writeoff = self.env["credit.collection.writeoff"]
        self.start_tour(
            "/odoo", "credit_collection_writeoff_propose", login=self.tour_collector.login
        )
        writeoff = Writeoff.search([("move_id", "=", self.invoice.id)])
        self.assertRecordValues(
            writeoff,
            [
                {
                    "state": "submitted",
                    "partner_id": self.tour_customer.id,
                    "amount": 1200.0,
                    "evidence": "Customer bankrupt, court ruling 2026-123",
                    "proposed_by_id": self.tour_collector.id,
                    "create_uid": self.tour_collector.id,
                    "manager_id": False,
                    "accountant_id": False,
                }
            ],
        )
        self.assertNotEqual(writeoff.name, "/", "numbered from its sequence")
        self.assertEqual(
            writeoff.message_ids.tracking_value_ids.filtered(
                lambda v: v.field_id.name == "state"
            ).mapped("new_value_char"),
            ["Submitted"],
        )

        self.start_tour(
            "/odoo",
            "credit_collection_writeoff_approve_manager",
            login=self.tour_credit_manager.login,
        )
        self.assertRecordValues(
            writeoff,
            [
                {
                    "state": "submitted",
                    "manager_id": self.tour_credit_manager.id,
                    "accountant_id": False,
                    "writeoff_move_id": False,
                }
            ],
        )
        self.assertEqual(self.invoice.payment_state, "not_paid")

        # an accountant has no Collections menu: they open the write-off by its link
        self.start_tour(
            f"{WRITEOFFS}/{writeoff.id}",
            "credit_collection_writeoff_approve_accountant",
            login=self.tour_accountant.login,
        )
        self.assertRecordValues(
            writeoff,
            [
                {
                    "state": "posted",
                    "manager_id": self.tour_credit_manager.id,
                    "accountant_id": self.tour_accountant.id,
                    "amount": 1200.0,
                }
            ],
        )
        entry = writeoff.writeoff_move_id
        self.assertEqual(entry.state, "posted")
        self.assertEqual(entry.amount_total, 1200.0)
        self.assertIn(self.invoice.payment_state, ("paid", "in_payment"))
        self.assertIn(entry.name, " ".join(self.invoice.message_ids.mapped("body")))
        tracked = writeoff.message_ids.tracking_value_ids.filtered(
            lambda v: v.field_id.name == "state"
        )
        self.assertEqual(
            writeoff.message_ids.filtered(lambda m: m.tracking_value_ids & tracked).author_id,
            self.tour_collector.partner_id | self.tour_accountant.partner_id,
            "the chatter shows who submitted and who posted",
        )
