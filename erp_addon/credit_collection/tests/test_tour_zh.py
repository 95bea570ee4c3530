from odoo import Command, fields
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.credit_management.tests.test_tour_zh import load_zh_cn

from .common import CollectionCase

WRITEOFFS = "/odoo/action-credit_collection.action_credit_collection_writeoff"


@tagged("post_install", "-at_install")
class TestCollectionTourZh(CollectionCase, HttpCase):
    """Collections walked in Chinese by each role, least privilege
    (static/tests/tours/credit_collection_zh_tour.js): the run started by hand, the
    collector's worklist with a call and a promise to pay, a write-off proposed and approved
    by the credit manager and the accountant."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        load_zh_cn(cls.env)
        company = cls.company
        company.write(
            {
                "collection_writeoff_account_id": cls.company_data["default_account_expense"].id,
                "collection_writeoff_journal_id": cls.company_data["default_journal_misc"].id,
            }
        )
        cls.s_reminder.name = "ZH提醒"
        common = {
            "company_id": company.id,
            "company_ids": [Command.set(company.ids)],
            "lang": "zh_CN",
        }
        # the password of each is its login
        cls.zh_collector = new_test_user(
            cls.env,
            login="zh_cc_collector",
            name="ZH Collector",
            groups="base.group_user,credit_management.group_credit_collector",
            **common,
        )
        cls.zh_manager = new_test_user(
            cls.env,
            login="zh_cc_manager",
            name="ZH Credit Manager",
            groups="base.group_user,credit_management.group_credit_manager",
            **common,
        )
        cls.zh_accountant = new_test_user(
            cls.env,
            login="zh_cc_accountant",
            name="ZH Accountant",
            groups="account.group_account_manager",
            **common,
        )
        company.collection_default_user_id = cls.zh_collector
        cls.today = fields.Date.context_today(cls.env["res.users"])
        customer = cls.env["res.partner"].create(
            {"name": "ZH Customer A", "is_company": True, "customer_rank": 1}
        )
        debtor = cls.env["res.partner"].create(
            {"name": "ZH Bad Debtor", "is_company": True, "customer_rank": 1}
        )
        # 10 days overdue: the reminder's stage (1-14)
        cls.invoice = cls.make_invoice(customer, 1000, due=fields.Date.subtract(cls.today, days=10))
        cls.bad_debt = cls.make_invoice(
            debtor, 1200, post=False, due=fields.Date.subtract(cls.today, days=200)
        )
        cls.bad_debt.ref = "ZH-WO-1"
        cls.bad_debt.action_post()

    def test_collections_zh(self):
        self.start_tour("/odoo", "credit_collection_zh_run_now", login=self.zh_manager.login)
        run = self.env["credit.collection.run"].search([("company_id", "=", self.company.id)])
        self.assertRecordValues(
            run,
            [{"trigger": "manual", "user_id": self.zh_manager.id, "state": "done"}],
        )
        self.assertRecordValues(
            self.invoice,
            [
                {
                    "collection_stage_id": self.s_reminder.id,
                    "collection_user_id": self.zh_collector.id,
                }
            ],
        )

        self.start_tour("/odoo", "credit_collection_zh_worklist", login=self.zh_collector.login)
        contact = self.env["credit.collection.contact"].search([("move_id", "=", self.invoice.id)])
        self.assertRecordValues(
            contact,
            [
                {
                    "user_id": self.zh_collector.id,
                    "contact_type": "call",
                    "outcome": "promise",
                    "contact_person": "王女士（应付账款）",
                    "next_step": "核对回款",
                    "note": "下周付 400 元。",
                }
            ],
        )
        self.assertGreater(contact.next_date, self.today)
        self.assertRecordValues(
            self.invoice.collection_promise_ids,
            [{"amount": 400.0, "state": "open", "user_id": self.zh_collector.id}],
        )

        Writeoff = self.env["credit.collection.writeoff"]
        self.start_tour(
            "/odoo", "credit_collection_zh_writeoff_propose", login=self.zh_collector.login
        )
        writeoff = Writeoff.search([("move_id", "=", self.bad_debt.id)])
        self.assertRecordValues(
            writeoff,
            [
                {
                    "state": "submitted",
                    "amount": 1200.0,
                    "evidence": "客户已破产，法院裁定书（2026）第123号",
                    "proposed_by_id": self.zh_collector.id,
                }
            ],
        )
        self.start_tour(
            "/odoo", "credit_collection_zh_writeoff_manager", login=self.zh_manager.login
        )
        self.assertRecordValues(
            writeoff, [{"state": "submitted", "manager_id": self.zh_manager.id}]
        )
        self.start_tour(
            f"{WRITEOFFS}/{writeoff.id}",
            "credit_collection_zh_writeoff_accountant",
            login=self.zh_accountant.login,
        )
        self.assertRecordValues(
            writeoff, [{"state": "posted", "accountant_id": self.zh_accountant.id}]
        )
        self.assertIn(self.bad_debt.payment_state, ("paid", "in_payment"))
