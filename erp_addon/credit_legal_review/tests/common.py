from odoo import Command, fields
from odoo.tests import new_test_user
from odoo.tests.common import freeze_time

from odoo.addons.credit_contract.tests.common import ContractCase


class LegalReviewCase(ContractCase):
    """ContractCase with the legal representative (a credit committee member named on the
    company) and an auditor; days fixed by the tests (freeze_time)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company_ids = [Command.set(cls.company.ids)]
        cls.legal_rep = new_test_user(
            cls.env,
            login="lr_legal_rep",
            name="Legal Representative",
            groups="base.group_user,credit_management.group_credit_committee",
            company_id=cls.company.id,
            company_ids=company_ids,
        )
        cls.auditor = new_test_user(
            cls.env,
            login="lr_auditor",
            groups="base.group_user,account.group_account_readonly",
            company_id=cls.company.id,
            company_ids=company_ids,
        )
        cls.company.credit_legal_representative_user_id = cls.legal_rep

    @classmethod
    def make_review(cls, date_from="2026-04-01", date_to="2026-06-30", user=None):
        return (
            cls.env["credit.legal.review"]
            .with_user(user or cls.admin_1)
            .create({"date_from": date_from, "date_to": date_to, "company_id": cls.company.id})
        )

    def signed_on(self, day, **kw):
        with freeze_time(day):
            return self.signed_contract(**kw)

    def register_on(self, contract, day):
        with freeze_time(day):
            contract.with_user(self.admin_1).action_register()

    def dispute_on(self, contract, day):
        return (
            self.env["credit.contract.dispute"]
            .sudo()
            .create(
                {
                    "contract_id": contract.id,
                    "description": "Late delivery",
                    "date_start": fields.Date.to_date(day),
                }
            )
        )

    def seal_use_on(self, contract, day):
        return (
            self.env["credit.contract.seal.use"]
            .sudo()
            .create(
                {
                    "seal_id": self.seal.id,
                    "contract_id": contract.id,
                    "date": day,
                    "requested_by_id": self.salesman.id,
                    "approved_by_id": self.admin_1.id,
                }
            )
        )
