import re
from contextlib import contextmanager

from odoo import Command, fields
from odoo.tests import Form, new_test_user
from odoo.tests.common import freeze_time

from odoo.addons.credit_management.tests.common import CreditCase

TODAY = "2026-06-15"
VALID_USCC = "91350100M000100Y43"


@freeze_time(TODAY)
class ContractCase(CreditCase):
    """A company with a credit file customer, an issued power of attorney, a seal and roles."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company_ids = [Command.set(cls.company.ids)]
        common = {"company_id": cls.company.id, "company_ids": company_ids}
        cls.admin_1 = new_test_user(
            cls.env,
            login="cc_admin1",
            groups="base.group_user,credit_management.group_credit_administrator",
            **common,
        )
        cls.admin_2 = new_test_user(
            cls.env,
            login="cc_admin2",
            groups="base.group_user,credit_management.group_credit_administrator",
            **common,
        )
        cls.company.write(
            {
                "credit_contract_joint_review_amount": 500_000,
                "credit_contract_registration_days": 7,
                "credit_contract_amendment_days": 15,
                "credit_contract_expiry_days": 30,
                "credit_contract_poa_expiry_days": 30,
                "credit_contract_review_template_id": cls.env.ref(
                    "credit_contract.review_template_standard"
                ).id,
            }
        )
        cls.department = cls.env["hr.department"].create(
            {"name": "Sales Department 1", "company_id": cls.company.id}
        )
        cls.signatory = cls.env["hr.employee"].create(
            {
                "name": "Wang Signatory",
                "company_id": cls.company.id,
                "department_id": cls.department.id,
                "user_id": cls.salesman.id,
            }
        )
        cls.other_employee = cls.env["hr.employee"].create(
            {"name": "Li Without Authority", "company_id": cls.company.id}
        )
        cls.poa = (
            cls.env["credit.power.attorney"]
            .with_user(cls.committee)
            .create(
                {
                    "employee_id": cls.signatory.id,
                    "allow_sale": True,
                    "max_amount": 1_000_000,
                    "date_from": "2026-01-01",
                    "date_to": "2026-12-31",
                    "company_id": cls.company.id,
                }
            )
        )
        # issued when it took effect: it covers signatures from the start of the year
        with freeze_time("2026-01-01"):
            cls.poa.with_user(cls.committee).action_issue()
        cls.customer.sudo().write(
            {
                "credit_code": VALID_USCC,
                "credit_operating_status": "active",
                "credit_entity_type": "llc",
                "credit_legal_representative": "Zhao Legal",
                "credit_business_scope": "Wholesale of steel coil and metal products",
            }
        )
        cls.set_limit(cls.customer, 2_000_000, cls.grade_a)
        cls.seal = cls.env["credit.contract.seal"].create(
            {"name": "Contract Seal No. 1", "custodian_id": cls.admin_1.id}
        )
        cls.role_credit = cls.env.ref("credit_contract.review_role_credit")
        cls.role_legal = cls.env.ref("credit_contract.review_role_legal")
        cls.role_credit.user_ids = [Command.set((cls.admin_1 | cls.admin_2).ids)]
        cls.role_legal.user_ids = [Command.set(cls.manager.ids)]

    @contextmanager
    def _assert_raises_match(self, exc_type, pattern):
        with self.assertRaises(exc_type) as caught:
            yield caught
        # the exact class: an AccessError is a UserError too, and would pass for one
        self.assertIs(type(caught.exception), exc_type, str(caught.exception))
        self.assertRegex(str(caught.exception), pattern)

    def assertRaisesText(self, exc_type, text):
        """The exact class of exception, whose message holds ``text``."""
        return self._assert_raises_match(exc_type, re.escape(text))

    def assertRaisesRegex(self, expected_exception, expected_regex, *args, **kwargs):
        """Like unittest's, as a context manager rolled back to a savepoint (Odoo's
        assertRaises is, unittest's assertRaisesRegex is not: what the failed call wrote
        would stay), expecting the exact class of the exception."""
        if args or kwargs:
            return super().assertRaisesRegex(expected_exception, expected_regex, *args, **kwargs)
        return self._assert_raises_match(expected_exception, expected_regex)

    @classmethod
    def contract_vals(cls, **kw):
        vals = {
            "title": "Steel supply 2026",
            "contract_type": "sale",
            "partner_id": cls.customer.id,
            "amount": 100_000,
            "subject_matter": "steel coil",
            "date_start": "2026-07-01",
            "date_end": "2026-12-31",
            "signatory_id": cls.signatory.id,
            "power_of_attorney_id": cls.poa.id,
            "partner_signatory": "Zhao Legal",
            "department_id": cls.department.id,
            "company_id": cls.company.id,
        }
        vals.update(kw)
        return vals

    @classmethod
    def make_contract(cls, user=None, **kw):
        user = user or cls.salesman
        return cls.env["credit.contract"].with_user(user).create(cls.contract_vals(**kw))

    def pass_review(self, contract, reviewer=None):
        reviewer = reviewer or self.admin_1
        for line in contract.review_line_ids.filtered(lambda ln: not ln.result):
            line.with_user(reviewer).action_pass()

    def open_action_form(self, action, user):
        """The dialog an action opens, as the web client opens it (the action's context)."""
        Model = self.env[action["res_model"]].with_user(user)
        return Form(Model.with_context(**action.get("context", {})))

    def sign_contract(self, contract, user=None, date=None):
        """Sign as the Sign button does: its dialog opened, the date given, confirmed."""
        user = user or self.salesman
        form = self.open_action_form(contract.with_user(user).action_sign(), user)
        if date:
            form.date_signed = date
        return form.save().action_sign()

    def decide(self, record, method, user, reason, **values):
        """A reason dialog (override, invalid, revoke, hand over) as the web client runs
        it: the button's method, its dialog filled and confirmed."""
        form = self.open_action_form(getattr(record.with_user(user), method)(), user)
        form.reason = reason
        for fname, value in values.items():
            if fname == "employee_ids":
                for employee in value:
                    form.employee_ids.add(employee)
            else:
                setattr(form, fname, value)
        return form.save().action_confirm()

    def override(self, contract, reason, user=None):
        return self.decide(contract, "action_override", user or self.manager, reason)

    def approved_contract(self, **kw):
        contract = self.make_contract(**kw)
        contract.with_user(self.salesman).action_submit_review()
        self.pass_review(contract)
        contract.with_user(self.admin_1).action_approve()
        return contract

    def signed_contract(self, **kw):
        """A contract reviewed, approved and signed today."""
        contract = self.approved_contract(**kw)
        self.sign_contract(contract)
        return contract

    def today(self):
        return fields.Date.to_date(TODAY)
