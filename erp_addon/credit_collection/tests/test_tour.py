import base64
import io

import openpyxl

from odoo import Command, fields
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools.misc import format_date

from .common import CollectionCase


@tagged("post_install", "-at_install")
class TestCollectorUi(CollectionCase, HttpCase):
    """What a collector does in the browser, and the ageing spreadsheet as downloaded."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.s_reminder.name = "Tour Reminder"
        cls.today = fields.Date.context_today(cls.env["res.users"])
        cls.tour_customer = cls.env["res.partner"].create(
            {"name": "Tour Customer Ltd", "is_company": True, "customer_rank": 1}
        )
        # 10 days overdue: the reminder stage's days (1-14), whichever way stages move
        cls.invoice = cls.make_invoice(
            cls.tour_customer, 1000, due=fields.Date.subtract(cls.today, days=10)
        )
        cls.run_daily(cls.today)

    def test_collector_tour(self):
        self.assertEqual(self.invoice.collection_stage_id, self.s_reminder)
        self.assertEqual(self.invoice.collection_user_id, self.collector)
        self.start_tour("/odoo", "credit_collection_collector_tour", login=self.collector.login)
        contact = self.env["credit.collection.contact"].search([("move_id", "=", self.invoice.id)])
        self.assertEqual(len(contact), 1)
        self.assertRecordValues(
            contact,
            [
                {
                    "partner_id": self.tour_customer.id,
                    "company_id": self.company.id,
                    "user_id": self.collector.id,
                    "contact_type": "call",
                    "outcome": "promise",
                    "contact_person": "Ms. Wang, accounts payable",
                    "next_step": "Check that the payment arrived",
                    "note": "Will pay 400 next week.",
                }
            ],
        )
        self.assertGreater(contact.next_date, self.today)
        activity = self.invoice.activity_ids.filtered(
            lambda a: a.summary == "Check that the payment arrived"
        )
        self.assertEqual(activity.user_id, self.collector)
        self.assertEqual(activity.date_deadline, contact.next_date)
        promise = self.invoice.collection_promise_ids
        self.assertRecordValues(
            promise, [{"amount": 400.0, "state": "open", "user_id": self.collector.id}]
        )
        self.assertEqual(promise.date, contact.next_date)
        self.assertIn("Promise to pay", " ".join(self.invoice.message_ids.mapped("body")))

    def test_ageing_xlsx_download(self):
        other = self.env["res.partner"].create({"name": "Alpha Trading Co", "is_company": True})
        self.make_invoice(other, 250, due=self.today)  # not yet overdue
        wizard = (
            self.env["credit.collection.ageing.wizard"]
            .with_user(self.collector)
            .create({"as_at": self.today})
        )
        action = wizard.action_export_xlsx()
        self.assertEqual(action["target"], "download")
        self.authenticate(self.collector.login, self.collector.login)
        response = self.url_open(action["url"])
        self.assertEqual(response.status_code, 200)
        self.assertIn("attachment", response.headers["Content-Disposition"])
        self.assertEqual(response.content, base64.b64decode(wizard.xlsx_file))
        sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
        cells = [[cell.value for cell in row] for row in sheet.iter_rows()]
        # the day in the reader's date format (not ISO)
        day = format_date(self.env(context={"lang": "en_US"}), self.today)
        self.assertEqual(cells[0][0], f"Receivable Ageing as at {day}")
        self.assertEqual(
            cells[2],
            [
                "Company",
                "Customer",
                "Salesperson",
                "Collector",
                "Currency",
                "Current",
                "1-30",
                "31-90",
                "90+",
                "Overdue",
                "Total",
            ],
        )
        currency = self.company.currency_id.name
        company = self.company.name
        salesperson = self.invoice.invoice_user_id.name
        self.assertEqual(
            cells[3:],
            [
                [company, "Alpha Trading Co", salesperson, None, currency] + [250, 0, 0, 0, 0, 250],
                [company, "Tour Customer Ltd", salesperson, self.collector.name, currency]
                + [0, 1000, 0, 0, 1000, 1000],
                ["Total", None, None, None, currency, 250, 1000, 0, 0, 1000, 1250],
            ],
        )
        # another user cannot download the collector's file
        self.authenticate(self.salesman.login, self.salesman.login)
        self.assertNotEqual(self.url_open(action["url"]).status_code, 200)


@tagged("post_install", "-at_install")
class TestRunNowUi(CollectionCase, HttpCase):
    """A credit manager (the least role the button shows to) runs the daily collection
    action from Credit > Reporting > Collection Runs (static/tests/tours/
    credit_collection_run_tour.js)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.today = fields.Date.context_today(cls.env["res.users"])
        cls.tour_manager = new_test_user(
            cls.env,
            login="tour_cc_manager",
            name="Tour Credit Manager",
            groups="base.group_user,credit_management.group_credit_manager",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )
        customer = cls.env["res.partner"].create(
            {"name": "Run Now Customer Ltd", "is_company": True, "customer_rank": 1}
        )
        # 10 and 20 days overdue: the reminder's and the call's stages
        cls.invoices = cls.make_invoice(
            customer, 1000, due=fields.Date.subtract(cls.today, days=10)
        ) | cls.make_invoice(customer, 500, due=fields.Date.subtract(cls.today, days=20))

    def test_run_now_tour(self):
        Run = self.env["credit.collection.run"]
        self.assertFalse(Run.search([("company_id", "=", self.company.id)]))
        self.start_tour("/odoo", "credit_collection_run_now", login=self.tour_manager.login)
        run = Run.search([("company_id", "=", self.company.id)])
        self.assertRecordValues(
            run,
            [
                {
                    "trigger": "manual",
                    "user_id": self.tour_manager.id,
                    "state": "done",
                    "date": self.today,
                    "invoice_count": 2,
                    "changed_count": 2,
                    "moved_count": 2,
                    "skipped_count": 0,
                    "errors": False,
                }
            ],
        )
        self.assertEqual(self.invoices.mapped("collection_stage_id"), self.s_reminder | self.s_call)
