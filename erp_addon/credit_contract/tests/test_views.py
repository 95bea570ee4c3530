from lxml import etree

from odoo import Command
from odoo.tests import new_test_user, tagged

from .common import ContractCase


@tagged("post_install", "-at_install", "credit_contract")
class TestViews(ContractCase):
    """Every role keeps opening what it opened before the add-on, and sees its contracts."""

    def open_form(self, record, user):
        """Read what the web client reads: the fields of the user's form arch (not every
        field of ``models``, which also names fields of nodes the user's groups removed,
        such as purchase_stock's on-time rate button on the partner)."""
        views = record.with_user(user).get_views([(False, "form")])
        arch = etree.fromstring(views["views"]["form"]["arch"])
        arch_fields = {
            node.get("name")
            for node in arch.iter("field")
            if not any(parent.tag == "field" for parent in node.iterancestors())
        }
        return record.with_user(user).web_read({name: {} for name in arch_fields})

    def test_roles_open_orders_and_partners(self):
        order = self.make_order(self.customer, 1000, user=self.salesman)
        order.user_id = self.salesman
        auditor = new_test_user(
            self.env,
            login="cc_auditor",
            groups="base.group_user,account.group_account_readonly",
            company_id=self.company.id,
            company_ids=[Command.set(self.company.ids)],
        )
        plain = new_test_user(
            self.env,
            login="cc_plain",
            groups="base.group_user",
            company_id=self.company.id,
            company_ids=[Command.set(self.company.ids)],
        )
        billed = self.make_order(self.customer, 500, user=self.accountant)
        billed.user_id = self.accountant
        for user, own_order in ((self.salesman, order), (self.accountant, billed)):
            data = self.open_form(own_order, user)
            self.assertEqual(data[0]["id"], own_order.id)
            self.assertFalse(data[0]["credit_contract_required"])
        for user in (self.salesman, self.accountant, auditor, plain):
            partner = self.open_form(self.customer, user)
            self.assertEqual(partner[0]["id"], self.customer.id)

    def test_contract_form_and_smart_buttons(self):
        contract = self.make_contract()
        data = self.open_form(contract, self.salesman)
        self.assertEqual(data[0]["title"], "Steel supply 2026")
        self.assertEqual(self.customer.with_user(self.salesman).credit_contract_count, 1)
        action = self.customer.with_user(self.salesman).action_view_credit_contracts()
        self.assertEqual(
            self.env["credit.contract"].with_user(self.salesman).search(action["domain"]),
            contract,
        )
        for model in ("credit.power.attorney", "credit.contract.seal", "credit.contract.dispute"):
            self.env[model].with_user(self.salesman).get_views([(False, "list"), (False, "form")])
        pivot = self.env["credit.contract"].with_user(self.admin_1).get_views([(False, "pivot")])
        self.assertIn("pivot", pivot["views"])

    def test_ledger_list_marks_the_late_cells(self):
        """The ledger marks the late figure, not the whole row: the follow-up date when a
        follow-up is overdue, the days to register when registered late (issue 19, item 9:
        the ledger read as a Chinese user)."""
        action = self.env.ref("credit_contract.action_credit_contract_ledger")
        views = (
            self.env["credit.contract"]
            .with_user(self.salesman)
            .with_context(lang="zh_CN")
            .get_views([(action.view_id.id or False, "list")])
        )
        arch = etree.fromstring(views["views"]["list"]["arch"])
        self.assertIsNone(arch.get("decoration-danger"), "no row in red")
        followup = arch.find(".//field[@name='next_followup_date']")
        self.assertEqual(followup.get("decoration-danger"), "followup_overdue")
        days = arch.find(".//field[@name='registration_days']")
        self.assertEqual(
            days.get("decoration-warning"), "date_registered and not registration_on_time"
        )
        self.assertEqual(days.get("invisible"), "not date_registered", "empty until registered")
