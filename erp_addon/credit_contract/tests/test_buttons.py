"""Buttons and menus of the contract views pressed as the web client does, by a user of
the button's or menu's groups (issue 22, item 1)."""

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged
from odoo.tools.safe_eval import safe_eval

from .common import ContractCase

# menu -> (its action, the role that opens it)
MENUS = {
    "credit_contract.menu_credit_contract": ("credit_contract.action_credit_contract", "salesman"),
    "credit_contract.menu_credit_contract_review": (
        "credit_contract.action_credit_contract_review",
        "admin_1",
    ),
    "credit_contract.menu_credit_contract_ledger": (
        "credit_contract.action_credit_contract_ledger",
        "salesman",
    ),
    "credit_contract.menu_credit_contract_followup": (
        "credit_contract.action_credit_contract_followup",
        "salesman",
    ),
    "credit_contract.menu_credit_contract_amendment": (
        "credit_contract.action_credit_contract_amendment",
        "salesman",
    ),
    "credit_contract.menu_credit_contract_dispute": (
        "credit_contract.action_credit_contract_dispute",
        "salesman",
    ),
    "credit_contract.menu_credit_power_attorney": (
        "credit_contract.action_credit_power_attorney",
        "salesman",
    ),
    "credit_contract.menu_credit_contract_seal": (
        "credit_contract.action_credit_contract_seal",
        "salesman",
    ),
    "credit_contract.menu_credit_contract_seal_use": (
        "credit_contract.action_credit_contract_seal_use",
        "salesman",
    ),
    "credit_contract.menu_credit_contract_seal_check": (
        "credit_contract.action_credit_contract_seal_check",
        "salesman",
    ),
    "credit_contract.menu_credit_contract_template": (
        "credit_contract.action_credit_contract_template",
        "manager",
    ),
    "credit_contract.menu_credit_contract_clause": (
        "credit_contract.action_credit_contract_clause",
        "manager",
    ),
    "credit_contract.menu_credit_contract_review_template": (
        "credit_contract.action_credit_contract_review_template",
        "manager",
    ),
    "credit_contract.menu_credit_contract_review_role": (
        "credit_contract.action_credit_contract_review_role",
        "manager",
    ),
}


@tagged("post_install", "-at_install", "credit_contract")
class TestButtons(ContractCase):
    def test_menus_open_for_their_roles(self):
        self.signed_contract()
        for menu_xmlid, (action_xmlid, role) in MENUS.items():
            user = getattr(self, role)
            menu = self.env.ref(menu_xmlid)
            self.assertEqual(menu.action, self.env.ref(action_xmlid))
            visible = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
            self.assertIn(menu.id, visible, f"{menu_xmlid} hidden from {role}")
            action = self.env["ir.actions.act_window"].with_user(user)._for_xml_id(action_xmlid)
            Model = self.env[action["res_model"]].with_user(user)
            views = [(False, mode) for mode in action["view_mode"].split(",")]
            Model.get_views(views)
            domain = safe_eval(action.get("domain") or "[]", {"uid": user.id})
            Model.web_search_read(domain, {"display_name": {}}, limit=10)

    def test_view_buttons_of_a_signed_contract(self):
        contract = self.signed_contract()
        order = self.make_order(self.customer, 1_000, user=self.salesman)
        order.with_user(self.salesman).write({"credit_contract_ids": [Command.link(contract.id)]})
        self.env["credit.contract.seal.use"].with_user(self.admin_1)._log_use(
            contract, self.seal, self.salesman
        )
        as_owner = contract.with_user(self.salesman)
        action = as_owner.action_view_sale_orders()
        self.assertEqual(
            self.env["sale.order"].with_user(self.salesman).search(action["domain"]), order
        )
        action = as_owner.action_view_seal_uses()
        uses = self.env[action["res_model"]].with_user(self.salesman).search(action["domain"])
        self.assertEqual(uses, contract.seal_use_ids)
        action = as_owner.action_preview()
        self.assertEqual(action["report_name"], "credit_contract.report_contract_document")
        html = (
            self.env["ir.actions.report"]
            .with_user(self.salesman)
            ._render_qweb_html(action["report_name"], contract.ids)[0]
        )
        self.assertIn(contract.name, html.decode())
        action = order.with_user(self.salesman).action_view_credit_contracts()
        contracts = self.env["credit.contract"].with_user(self.salesman).search(action["domain"])
        self.assertEqual(contracts, contract)
        self.assertNotIn("default_sale_order_ids", action["context"])

    def test_back_to_review_keeps_what_was_judged(self):
        contract = self.approved_contract()
        contract.with_user(self.salesman).action_back_to_review()
        self.assertRecordValues(
            contract, [{"state": "review", "approved_by_id": False, "review_passed": True}]
        )
        with self.assertRaisesRegex(UserError, "cannot be sent back to review in state"):
            contract.with_user(self.salesman).action_back_to_review()

    def test_record_dispute_dialog(self):
        contract = self.signed_contract()
        # the salesperson sees no Record Dispute button: its dialog would not save either
        form = self.open_action_form(
            contract.with_user(self.salesman).action_open_dispute(), self.salesman
        )
        form.description = "quality complaint"
        with self.assertRaisesRegex(AccessError, "not allowed to create"):
            form.save()
        action = contract.with_user(self.admin_1).action_open_dispute()
        form = self.open_action_form(action, self.admin_1)
        form.method = "mediation"
        form.description = "quality complaint"
        dispute = form.save()
        self.assertRecordValues(
            dispute,
            [{"contract_id": contract.id, "stage": "open", "user_id": self.admin_1.id}],
        )
        self.assertEqual(contract.state, "dispute")

    def test_use_seal_dialog(self):
        contract = self.signed_contract()
        action = contract.with_user(self.salesman).action_use_seal()
        form = self.open_action_form(action, self.salesman)
        self.assertEqual(form.seal_id, self.seal)
        self.assertEqual(form.requested_by_id, self.salesman)
        with self.assertRaisesRegex(AccessError, "Only the custodian of Contract Seal No. 1"):
            form.save().action_confirm()
        form = self.open_action_form(
            contract.with_user(self.admin_1).action_use_seal(), self.admin_1
        )
        form.purpose = "two originals"
        form.copies = 2
        form.save().action_confirm()
        self.assertRecordValues(
            contract.seal_use_ids,
            [
                {
                    "seal_id": self.seal.id,
                    "requested_by_id": self.salesman.id,
                    "approved_by_id": self.admin_1.id,
                    "copies": 2,
                    "review_passed_at_use": True,
                }
            ],
        )

    def test_refuse_change(self):
        contract = self.signed_contract()
        change = (
            self.env["credit.contract.amendment"]
            .with_user(self.salesman)
            .create({"contract_id": contract.id, "reason": "longer", "new_title": "Longer"})
        )
        with self.assertRaisesRegex(
            AccessError, "Contract administrators approve changes and terminations"
        ):
            change.with_user(self.salesman).action_refuse()
        change.with_user(self.admin_1).action_refuse()
        self.assertEqual(change.state, "refused")
        with self.assertRaisesRegex(UserError, "Only a pending request can be refused"):
            change.with_user(self.admin_1).action_refuse()
        with self.assertRaisesRegex(UserError, "is a record of a decision"):
            change.with_user(self.salesman).unlink()

    def test_sign_dialog(self):
        contract = self.approved_contract()
        action = contract.with_user(self.salesman).action_sign()
        self.assertEqual(action["res_model"], "credit.contract.sign.wizard")
        form = Form(
            self.env[action["res_model"]].with_user(self.salesman).with_context(**action["context"])
        )
        self.assertEqual(form.contract_id, contract)
        self.assertEqual(form.date_signed, self.today())
        self.assertEqual(form.save().action_sign(), {"type": "ir.actions.act_window_close"})
        self.assertRecordValues(
            contract,
            [{"state": "signed", "date_signed": self.today(), "signed_by_id": self.salesman.id}],
        )
