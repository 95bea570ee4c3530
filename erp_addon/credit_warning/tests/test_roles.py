"""Every credit role opens the add-on's documents as the web client does: the menus'
actions (views and list rows), a rescue case's form with its chatter, the customer's form
with its early-warning tab; the auditor reads the signals and the history."""

from lxml import etree

from odoo import Command
from odoo.tests import Form, new_test_user, tagged
from odoo.tests.common import freeze_time

from .common import TODAY, WarningCase

ACTIONS = (
    "credit_warning.action_partner_credit_warning",
    "credit_warning.action_credit_warning_signal",
    "credit_warning.action_credit_warning_history",
    "credit_warning.action_credit_rescue",
)


@freeze_time(TODAY)
@tagged("post_install", "-at_install")
class TestRolesOpenDocuments(WarningCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        common = {"company_id": cls.company.id, "company_ids": [Command.set(cls.company.ids)]}
        cls.auditor = new_test_user(
            cls.env,
            login="cw_auditor",
            groups="base.group_user,account.group_account_readonly",
            **common,
        )
        cls.administrator = new_test_user(
            cls.env,
            login="cw_admin",
            groups="base.group_user,credit_management.group_credit_administrator",
            **common,
        )
        rules = cls.Rule.search([("company_id", "=", cls.company.id)])
        rules.filtered(
            lambda r: r.signal_type not in ("limit_usage", "warning_list")
        ).active = False
        cls.set_limit(cls.customer, 1000)
        cls.invoice(cls.customer, 950, "2026-06-01", "2026-07-01")
        cls.customer.credit_legal_representative = "Zhao Gang"
        cls.env["credit.warning.entry"].create(
            {"name": "Zhao Gang", "entry_type": "person", "reason": "Court list"}
        )
        cls.run_warning()
        cls.rescue = (
            cls.env["credit.rescue"]
            .with_user(cls.analyst)
            .create({"partner_id": cls.customer.id, "situation": "Court list"})
        )
        cls.env["credit.rescue.action"].with_user(cls.analyst).create(
            {
                "rescue_id": cls.rescue.id,
                "action_type": "prepayment",
                "name": "Cash first",
                "user_id": cls.salesman.id,
                "date_deadline": "2026-06-30",
            }
        )
        cls.rescue.with_user(cls.analyst).action_open()

    def open_action(self, user, xmlid):
        action = self.env["ir.actions.act_window"].with_user(user)._for_xml_id(xmlid)
        Model = self.env[action["res_model"]].with_user(user)
        views = Model.get_views([(False, "list"), (False, "search")])
        arch = etree.fromstring(views["views"]["list"]["arch"])
        names = [f.get("name") for f in arch.iter("field") if f.get("name") in Model._fields]
        domain = action.get("domain") or []
        if isinstance(domain, str):
            domain = []
        return Model.web_search_read(domain, {name: {} for name in names})

    def test_credit_roles_open_everything(self):
        for user in (
            self.salesman,
            self.collector,
            self.analyst,
            self.administrator,
            self.manager,
            self.committee,
            self.accountant,
        ):
            with self.subTest(user=user.login):
                for xmlid in ACTIONS:
                    result = self.open_action(user, xmlid)
                    self.assertGreaterEqual(result["length"], 1, xmlid)
                form = Form(self.rescue.with_user(user))
                self.assertEqual(form.partner_id, self.customer)
                self.rescue.with_user(user).message_ids.read(["body"])
                partner = Form(self.customer.with_user(user))
                self.assertEqual(partner.credit_warning_level, "warning")

    def test_auditor_reads_signals_and_history(self):
        for xmlid in ACTIONS[1:3]:
            self.assertGreaterEqual(self.open_action(self.auditor, xmlid)["length"], 1)

    def test_manager_opens_the_rules(self):
        result = self.open_action(self.manager, "credit_warning.action_credit_warning_rule")
        self.assertEqual(result["length"], 2)  # the two rules left on
