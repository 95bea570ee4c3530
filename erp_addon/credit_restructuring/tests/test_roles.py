"""Every shipped role opens the documents it works with once the add-on is installed: the
agreements (list and form, with the adherence report) for the credit roles and the
auditor; the customer and its invoice (with the fields this add-on adds) for billing,
the auditor and the salesperson; the portal user its invoice through the portal."""

from lxml import etree

from odoo import Command
from odoo.tests import Form, HttpCase, new_test_user, tagged
from odoo.tools.safe_eval import safe_eval

from .common import RestructuringCase


@tagged("post_install", "-at_install")
class TestRolesOpenDocuments(RestructuringCase, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        common = {"company_id": cls.company.id, "company_ids": [Command.set(cls.company.ids)]}
        cls.auditor = new_test_user(
            cls.env,
            login="dr_auditor",
            groups="base.group_user,account.group_account_readonly",
            **common,
        )
        cls.billing = new_test_user(
            cls.env, login="dr_billing", groups="account.group_account_invoice", **common
        )
        buyer = cls.env["res.partner"].create(
            {"name": "Buyer of Debtor", "parent_id": cls.debtor.id}
        )
        cls.portal = new_test_user(
            cls.env, login="dr_portal", groups="base.group_portal", partner_id=buyer.id, **common
        )
        cls.invoice = cls.make_invoice(cls.debtor, 5000, due="2026-01-15")
        cls.invoice.invoice_user_id = cls.salesman
        cls.agreement = cls.create_agreement(cls.invoice, [("2099-01-15", 5000)], date="2026-01-20")

    def _open_list_and_form(self, model, action_xmlid, record, user):
        action = self.env.ref(action_xmlid)
        Model = self.env[model].with_user(user)
        views = Model.get_views([(False, "list"), (False, "form"), (False, "search")])["views"]
        arch = etree.fromstring(views["list"]["arch"])
        spec = {node.get("name"): {} for node in arch.iter("field")}
        rows = Model.web_search_read(safe_eval(action.domain or "[]"), spec)
        self.assertIn(record.id, [row["id"] for row in rows["records"]], f"{model} as {user.login}")
        form = Form(record.with_user(user))
        return form

    def test_roles_open_agreements(self):
        self.activate(self.agreement)
        for user in (self.salesman, self.billing, self.auditor, self.collector, self.manager):
            form = self._open_list_and_form(
                "credit.restructuring",
                "credit_restructuring.action_credit_restructuring",
                self.agreement,
                user,
            )
            self.assertEqual(form.state, "active")
            self.assertEqual(form.amount_restructured, 5000.0)
            self.assertEqual(
                self.agreement.with_user(user).instalment_ids.status, "upcoming", user.login
            )
            # the adherence report (its menu's action, pivot and list)
            report = self.env.ref("credit_restructuring.action_credit_restructuring_adherence")
            Adherence = self.env[report.res_model].with_user(user)
            Adherence.get_views([(False, "pivot"), (False, "list"), (False, "search")])
            Adherence.web_read_group([], ["amount:sum"], ["status"])
            self.assertEqual(Adherence.search([]).restructuring_id, self.agreement, user.login)

    def test_roles_open_customer_and_invoice(self):
        self.activate(self.agreement)
        for user in (self.salesman, self.billing, self.auditor, self.collector):
            partner = Form(self.debtor.with_user(user))
            self.assertEqual(partner.restructuring_count, 1, user.login)
            action = self.debtor.with_user(user).action_open_restructurings()
            self.assertEqual(action["domain"], [("partner_id", "=", self.debtor.id)])
            move = self.invoice.with_user(user)
            Form(move)
            fields = [
                name
                for name, field in move.fields_get().items()
                if name in ("restructuring_ids", "collection_restructuring_id", "collection_status")
            ]
            self.assertEqual(len(fields), 3, user.login)
            values = move.read(fields)[0]
            self.assertEqual(values["collection_restructuring_id"][0], self.agreement.id)

    def test_portal_opens_its_invoice(self):
        self.activate(self.agreement)
        self.authenticate("dr_portal", "dr_portal")
        response = self.url_open(f"/my/invoices/{self.invoice.id}")
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.invoice.name, response.text)
        self.assertFalse(self.env["credit.restructuring"].with_user(self.portal).has_access("read"))
