"""Signing and the orders a contract covers (issue 16, contracts items 5 to 7), tried as
the acting users through create/write and the buttons' public methods."""

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged
from odoo.tests.common import freeze_time

from .common import ContractCase


@tagged("post_install", "-at_install", "credit_contract")
class TestSigningOrders(ContractCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.immediate = cls.env["account.payment.term"].create(
            {"name": "Cash on the spot", "credit_immediate_settlement": True}
        )
        cls.thirty_days = cls.env["account.payment.term"].create(
            {
                "name": "30 days",
                "line_ids": [
                    Command.create({"value": "percent", "value_amount": 100, "nb_days": 30})
                ],
            }
        )
        cls.other_salesman = new_test_user(
            cls.env,
            login="cc_other_sales",
            groups="sales_team.group_sale_salesman",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )

    def issued_power(self, date_from, date_to, issued_on):
        """A power of attorney of the signatory for sales up to 500,000, issued on a day."""
        poa = (
            self.env["credit.power.attorney"]
            .with_user(self.committee)
            .create(
                {
                    "employee_id": self.signatory.id,
                    "allow_sale": True,
                    "max_amount": 500_000,
                    "date_from": date_from,
                    "date_to": date_to,
                }
            )
        )
        with freeze_time(issued_on):
            poa.with_user(self.committee).action_issue()
        return poa

    # ------------------------------------------------------------ item 5
    def test_signing_date_not_before_approval_nor_future(self):
        with freeze_time("2026-06-10"):
            contract = self.approved_contract()
        with self.assertRaisesRegex(UserError, "before the review was approved \\(06/10/2026\\)"):
            self.sign_contract(contract, date="2026-06-09")
        with self.assertRaisesRegex(UserError, "The signing date cannot be in the future"):
            self.sign_contract(contract, date="2026-06-16")
        self.assertEqual(contract.state, "approved")
        self.sign_contract(contract, date="2026-06-10")
        self.assertRecordValues(
            contract, [{"state": "signed", "date_signed": self.today().replace(day=10)}]
        )

    def test_revoked_power_never_covers_a_later_recording(self):
        with freeze_time("2026-06-05"):
            contract = self.approved_contract()
        # signed on the 8th, revoked on the 12th, the signing recorded on the 15th
        with freeze_time("2026-06-12"):
            self.decide(self.poa, "action_revoke", self.committee, "left the company")
        with self.assertRaisesRegex(UserError, "is no longer in force \\(Revoked\\)"):
            self.sign_contract(contract, date="2026-06-08")
        self.assertEqual(contract.state, "approved")
        self.assertFalse(contract.date_signed)

    def test_expired_power_covers_no_later_recording(self):
        poa = self.issued_power("2026-05-01", "2026-06-10", issued_on="2026-05-01")
        with freeze_time("2026-06-05"):
            contract = self.approved_contract(power_of_attorney_id=poa.id)
        with self.assertRaisesRegex(UserError, "ended on 06/10/2026"):
            self.sign_contract(contract, date="2026-06-08")
        with freeze_time("2026-06-09"):
            self.sign_contract(contract, date="2026-06-08")
        self.assertEqual(contract.state, "signed")
        self.assertTrue(contract.signed_within_authority)

    def test_power_issued_after_the_signing_date(self):
        poa = self.issued_power("2026-06-01", "2026-12-31", issued_on="2026-06-11")
        with freeze_time("2026-06-05"):
            contract = self.make_contract(power_of_attorney_id=poa.id)
            contract.with_user(self.salesman).action_submit_review()
            self.pass_review(contract)
        self.override(contract, "issued later the same week", self.manager)
        with freeze_time("2026-06-06"):
            contract.with_user(self.admin_1).action_approve()
        with self.assertRaisesRegex(UserError, "was issued on 06/11/2026, after 06/08/2026"):
            self.sign_contract(contract, date="2026-06-08")

    # ------------------------------------------------------------ item 6
    def test_orders_linked_to_signed_contracts_only(self):
        order = self.make_order(self.customer, 1_000, user=self.salesman)
        draft = self.make_contract()
        with self.assertRaisesRegex(
            ValidationError, "can only be linked to a signed contract in force: .* is Draft"
        ):
            draft.with_user(self.salesman).write({"sale_order_ids": [Command.link(order.id)]})
        with self.assertRaisesRegex(
            ValidationError, "can only be linked to a signed contract in force"
        ):
            self.make_contract(sale_order_ids=[Command.set(order.ids)])
        with self.assertRaisesRegex(
            ValidationError, "can only be linked to a signed contract in force: .* is Draft"
        ):
            order.with_user(self.salesman).write({"credit_contract_ids": [Command.link(draft.id)]})
        self.assertFalse(order.credit_contract_ids)
        signed = self.signed_contract()
        order.with_user(self.salesman).write({"credit_contract_ids": [Command.link(signed.id)]})
        self.assertEqual(signed.sale_order_ids, order)
        self.assertTrue(order.credit_contract_signed)

    def test_order_side_checks_partner_company_and_access(self):
        signed = self.signed_contract()
        other = self.env["res.partner"].create({"name": "Other Buyer", "is_company": True})
        foreign = self.make_order(other, 1_000, user=self.salesman)
        with self.assertRaisesRegex(ValidationError, "is not an order of Credit Customer Ltd"):
            foreign.with_user(self.salesman).write(
                {"credit_contract_ids": [Command.link(signed.id)]}
            )
        with self.assertRaisesRegex(ValidationError, "is not an order of Credit Customer Ltd"):
            self.env["sale.order"].with_user(self.salesman).create(
                {
                    "partner_id": other.id,
                    "company_id": self.company.id,
                    "credit_contract_ids": [Command.set(signed.ids)],
                }
            )
        # a contact's order belongs to the commercial partner
        contact_order = self.make_order(self.contact, 1_000, user=self.salesman)
        contact_order.with_user(self.salesman).write(
            {"credit_contract_ids": [Command.link(signed.id)]}
        )
        self.assertIn(contact_order, signed.sale_order_ids)
        # nobody covers their order with a contract they may not read
        own_order = self.make_order(self.customer, 1_000, user=self.other_salesman)
        with self.assertRaisesRegex(AccessError, "not allowed to access|Contract"):
            own_order.with_user(self.other_salesman).write(
                {"credit_contract_ids": [Command.link(signed.id)]}
            )
        self.assertFalse(own_order.credit_contract_ids)

    def test_order_of_another_company_refused(self):
        signed = self.signed_contract()
        other_company = self.env["res.company"].create({"name": "Second Company"})
        self.manager.company_ids |= other_company
        order = self.env["sale.order"].create(
            {
                "partner_id": self.customer.id,
                "company_id": other_company.id,
                "user_id": self.manager.id,
                "order_line": [Command.create({"product_id": self.product.id, "price_unit": 10})],
            }
        )
        companies = {"allowed_company_ids": [self.company.id, other_company.id]}
        with self.assertRaisesRegex(ValidationError, "is not an order of .* in "):
            signed.with_user(self.manager).with_context(**companies).write(
                {"sale_order_ids": [Command.link(order.id)]}
            )
        with self.assertRaisesRegex(ValidationError, "is not an order of .* in "):
            order.with_user(self.manager).with_context(**companies).write(
                {"credit_contract_ids": [Command.link(signed.id)]}
            )

    # ------------------------------------------------------------ item 7
    def rule_on(self):
        self.company.write(
            {"credit_contract_sale_required": True, "credit_contract_threshold": 50_000}
        )

    def test_confirmed_order_switched_to_credit_terms(self):
        self.rule_on()
        order = self.make_order(self.customer, 80_000, user=self.salesman)
        order.with_user(self.salesman).payment_term_id = self.immediate
        order.with_user(self.salesman).action_confirm()
        self.assertEqual(order.state, "sale")
        with self.assertRaisesRegex(UserError, "above the written-contract threshold"):
            order.with_user(self.salesman).write({"payment_term_id": self.thirty_days.id})
        self.assertEqual(order.payment_term_id, self.immediate)
        # with a signed contract covering it, it may
        contract = self.signed_contract(amount=80_000)
        order.with_user(self.salesman).write({"credit_contract_ids": [Command.link(contract.id)]})
        order.with_user(self.salesman).write({"payment_term_id": self.thirty_days.id})
        self.assertEqual(order.payment_term_id, self.thirty_days)

    def test_confirmed_order_raised_above_threshold(self):
        self.rule_on()
        order = self.make_order(self.customer, 10_000, user=self.salesman)
        order.with_user(self.salesman).action_confirm()
        line = order.order_line
        with self.assertRaisesRegex(UserError, "above the written-contract threshold"):
            line.with_user(self.salesman).write({"product_uom_qty": 10, "price_unit": 10_000})
        with self.assertRaisesRegex(UserError, "above the written-contract threshold"):
            self.env["sale.order.line"].with_user(self.salesman).create(
                {"order_id": order.id, "product_id": self.product.id, "price_unit": 60_000}
            )
        self.assertEqual(order.amount_total, 10_000)

    def test_covering_contract_not_unlinked_from_a_confirmed_order(self):
        self.rule_on()
        contract = self.signed_contract(amount=80_000)
        order = self.make_order(self.customer, 80_000, user=self.salesman)
        order.with_user(self.salesman).write({"credit_contract_ids": [Command.link(contract.id)]})
        order.with_user(self.salesman).action_confirm()
        with self.assertRaisesRegex(UserError, "above the written-contract threshold"):
            order.with_user(self.salesman).write(
                {"credit_contract_ids": [Command.unlink(contract.id)]}
            )
        with self.assertRaisesRegex(UserError, "above the written-contract threshold"):
            contract.with_user(self.salesman).write({"sale_order_ids": [Command.unlink(order.id)]})
        self.assertEqual(order.credit_contract_ids, contract)

    def test_orders_confirmed_before_the_rule_stay_editable(self):
        order = self.make_order(self.customer, 80_000, user=self.salesman)
        order.with_user(self.salesman).action_confirm()
        self.rule_on()
        order.with_user(self.salesman).write({"note": "<p>deliver to gate 2</p>"})
        self.assertIn("gate 2", str(order.note))
