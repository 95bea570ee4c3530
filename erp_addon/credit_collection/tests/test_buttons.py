"""The buttons and menus of credit_collection's views that no flow test presses, pressed
as the web client does, by a user of the button's or the menu's groups (issue 22)."""

from datetime import date

from odoo.tests import tagged
from odoo.tests.common import freeze_time
from odoo.tools.safe_eval import safe_eval

from .common import CollectionCase

# every menu of the add-on that opens an action, with the action
MENUS = {
    "credit_collection.menu_collection_worklist": "credit_collection.action_collection_worklist",
    "credit_collection.menu_collection_invoices": "credit_collection.action_collection_invoices",
    "credit_collection.menu_collection_contacts": (
        "credit_collection.action_credit_collection_contact"
    ),
    "credit_collection.menu_collection_promises": (
        "credit_collection.action_credit_collection_promise"
    ),
    "credit_collection.menu_collection_disputes": (
        "credit_collection.action_credit_collection_dispute"
    ),
    "credit_collection.menu_collection_letters": (
        "credit_collection.action_credit_collection_letter"
    ),
    "credit_collection.menu_collection_writeoffs": (
        "credit_collection.action_credit_collection_writeoff"
    ),
    "credit_collection.menu_collection_history": (
        "credit_collection.action_credit_collection_history"
    ),
    "credit_collection.menu_collection_runs": "credit_collection.action_credit_collection_run",
    "credit_collection.menu_collection_ageing": (
        "credit_collection.action_credit_collection_ageing_wizard"
    ),
    "credit_collection.menu_collection_procedures": (
        "credit_collection.action_credit_collection_procedure"
    ),
    "credit_collection.menu_collection_buckets": (
        "credit_collection.action_credit_collection_bucket"
    ),
    "credit_collection.menu_collection_rules": "credit_collection.action_credit_collection_rule",
}
# the settings page's buttons (type="action")
SETTINGS_ACTIONS = (
    "credit_collection.action_credit_collection_procedure",
    "credit_collection.action_credit_collection_bucket",
)


@tagged("post_install", "-at_install")
class TestButtons(CollectionCase):
    def _open_action(self, xmlid, user):
        """Open an window action as the web client does: its views and its first page."""
        action = self.env["ir.actions.actions"].with_user(user)._for_xml_id(xmlid)
        self.assertEqual(action["type"], "ir.actions.act_window", xmlid)
        context = action.get("context") or {}
        if isinstance(context, str):
            context = safe_eval(context, {"uid": user.id, "active_id": False})
        domain = action.get("domain") or []
        if isinstance(domain, str):
            domain = safe_eval(domain, {"uid": user.id})
        Model = self.env[action["res_model"]].with_user(user).with_context(**context)
        views = [(view_id, kind) for view_id, kind in action["views"]]
        search_view = action.get("search_view_id") or [False]
        Model.get_views(views + [(search_view[0], "search")])
        if action.get("target") != "new":
            Model.web_search_read(domain, {"display_name": {}}, limit=80)
        return action

    def test_every_menu_opens_for_its_role(self):
        Menu = self.env["ir.ui.menu"]
        for menu_xmlid, action_xmlid in MENUS.items():
            menu = self.env.ref(menu_xmlid)
            self.assertEqual(
                menu.action, self.env.ref(action_xmlid), f"{menu_xmlid} opens {action_xmlid}"
            )
            users = [
                user
                for user in (self.collector, self.collection_manager)
                if menu.id in Menu.with_user(user)._visible_menu_ids()
            ]
            self.assertTrue(users, f"{menu_xmlid}: no collection role sees it")
            self._open_action(action_xmlid, users[0])

    def test_settings_buttons(self):
        for xmlid in SETTINGS_ACTIONS:
            self._open_action(xmlid, self.collection_manager)

    @freeze_time("2026-06-20")
    def test_partner_buttons(self):
        inv = self.make_invoice(self.customer, 1000, due="2026-06-01")
        inv.invoice_user_id = self.salesman  # a salesperson reads their own invoices
        for user in (self.salesman, self.collector):  # the Collections tab's readers
            partner = self.customer.with_user(user)
            action = partner.action_collection_invoices()
            self.assertEqual(action["res_model"], "account.move")
            moves = self.env["account.move"].with_user(user).search(action["domain"])
            self.assertIn(inv, moves)
            report = partner.action_collection_statement()
            self.assertEqual(report["report_name"], "credit_collection.report_customer_statement")
        html = (
            self.env["ir.actions.report"]
            .with_user(self.collector)
            ._render_qweb_html("credit_collection.report_customer_statement", self.customer.ids)[0]
            .decode()
        )
        self.assertIn(inv.name, html)

    @freeze_time("2026-06-20")
    def test_ageing_dialog_show(self):
        self.make_invoice(self.customer, 1000, due="2026-06-01")
        wizard = self.env["credit.collection.ageing.wizard"].with_user(self.collector).create({})
        action = wizard.action_open()
        self.assertEqual(action["context"]["collection_as_at"], "2026-06-20")
        rows = (
            self.env[action["res_model"]]
            .with_user(self.collector)
            .with_context(**action["context"])
            .search([("partner_id", "=", self.customer.id)])
        )
        self.assertEqual(sum(rows.mapped("amount_residual")), 1000)

    @freeze_time("2026-06-20")
    def test_promise_button(self):
        inv = self.make_invoice(self.customer, 1000, due="2026-06-01")
        action = inv.with_user(self.collector).action_collection_promise()
        promise = self.open_dialog(action, self.collector, amount=400, date=date(2026, 6, 30))
        self.assertRecordValues(
            promise,
            [{"move_id": inv.id, "amount": 400, "state": "open", "user_id": self.collector.id}],
        )
