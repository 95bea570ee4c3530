from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.credit_management.tests.common import CreditCase

TODAY = "2026-06-15"


class SeminarCase(CreditCase):
    """CreditCase with employees to take part and a second customer; days fixed by the
    tests (freeze_time)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company_ids = [Command.set(cls.company.ids)]
        cls.auditor = new_test_user(
            cls.env,
            login="sem_auditor",
            groups="base.group_user,account.group_account_readonly",
            company_id=cls.company.id,
            company_ids=company_ids,
        )
        Employee = cls.env["hr.employee"]
        cls.emp_manager = Employee.create(
            {"name": "Head of Credit", "user_id": cls.manager.id, "company_id": cls.company.id}
        )
        cls.emp_analyst = Employee.create(
            {"name": "Credit Analyst", "user_id": cls.analyst.id, "company_id": cls.company.id}
        )
        cls.emp_sales = Employee.create({"name": "Sales Rep", "company_id": cls.company.id})
        cls.customer_2 = cls.env["res.partner"].create(
            {"name": "Late Payer Ltd", "is_company": True, "customer_rank": 1}
        )

    @classmethod
    def make_seminar(cls, user=None, kind="seminar", **vals):
        values = {
            "title": "Half-year credit seminar",
            "kind": kind,
            "date": TODAY,
            "participant_ids": [Command.set((cls.emp_manager | cls.emp_analyst).ids)],
            "partner_ids": [Command.set((cls.customer | cls.customer_2).ids)],
        }
        values.update(vals)
        return cls.env["credit.seminar"].with_user(user or cls.manager).create(values)

    @classmethod
    def add_conclusion(cls, seminar, text="Stop credit sales until paid", partner=None):
        return (
            cls.env["credit.seminar.conclusion"]
            .with_user(cls.manager)
            .create(
                {
                    "seminar_id": seminar.id,
                    "name": text,
                    "partner_id": (partner or cls.customer).id,
                }
            )
        )

    @classmethod
    def add_action(cls, seminar, owner, text="Send a dunning letter", deadline="2026-06-30"):
        return (
            cls.env["credit.seminar.action"]
            .with_user(cls.manager)
            .create(
                {
                    "seminar_id": seminar.id,
                    "name": text,
                    "user_id": owner.id,
                    "date_deadline": deadline,
                }
            )
        )
