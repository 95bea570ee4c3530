"""Every role Odoo ships opens its documents as the web client does, with every add-on
installed (CI installs them all together): the action's views (get_views), its list and
kanban rows (web_search_read with the fields of the arch), the form of a document
(``Form``: get_views and web_read of the form's fields) and its chatter, and every field the
credit add-ons put on the document's model that the role may read (fields_get) is read; the
portal user through the portal pages. Also who reads the collection figures (issue 16,
items 18-20)."""

from lxml import etree

from odoo import Command, fields
from odoo.exceptions import AccessError
from odoo.tests import Form, HttpCase, new_test_user, tagged
from odoo.tools.safe_eval import safe_eval

from odoo.addons.mail.tools.discuss import Store

from .common import CollectionCase

CREDIT_MODULES = (
    "credit_management",
    "credit_collection",
    "credit_contract",
    "credit_contract_purchase",
    "credit_appraisal",
    "credit_appraisal_survey",
    "credit_guarantee",
    "credit_warning",
    "credit_warning_contract",
    "credit_restructuring",
    "credit_warning_restructuring",
    "credit_warning_guarantee",
    "credit_audit",
    "credit_audit_contract",
    "credit_audit_appraisal",
    "credit_seminar",
    "credit_seminar_contract",
    "credit_seminar_appraisal",
    "credit_legal_review",
    "credit_external_data",
    "credit_warning_external_data",
    "credit_supplier",
)
RELATIONAL = ("many2one", "one2many", "many2many")
CHATTER_REQUESTS = ["activities", "attachments", "followers", "scheduledMessages"]
# ageing, DSO, overdue counts and collection status: the credit roles and accounting only
PARTNER_FIGURES = (
    "collection_stage_id",
    "collection_overdue_count",
    "collection_dso",
    "collection_ageing_html",
    "collection_procedure_id",
)
# (the days overdue and the disputed flag stay readable with the invoice: its due date and
# residual give them, and the collectors' list is coloured by them)
INVOICE_FIGURES = (
    "collection_stage_id",
    "collection_stage_date",
    "collection_bucket_id",
    "collection_history_ids",
    "collection_promise_ids",
    "collection_contact_ids",
    "collection_letter_ids",
)


class RolesCase(CollectionCase):
    """The stock roles and their documents: an order and its invoice of the salesperson,
    40 days overdue and in collection (history, a contact, a part payment), a vendor bill, a
    journal entry, a supplier payment, a purchase order when purchase is installed."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.today = fields.Date.context_today(env["res.users"])
        common = {"company_id": cls.company.id, "company_ids": [Command.set(cls.company.ids)]}

        def user(login, groups):
            return new_test_user(env, login=login, groups=groups, **common)

        cls.auditor = user("ro_auditor", "base.group_user,account.group_account_readonly")
        cls.billing = user("ro_billing", "account.group_account_invoice")
        cls.chief = user("ro_accountant", "account.group_account_manager")
        cls.sales_manager = user("ro_sales_manager", "sales_team.group_sale_manager")
        cls.employee = user("ro_employee", "base.group_user")
        cls.has_purchase = "purchase.order" in env
        cls.purchaser = (
            user("ro_purchaser", "purchase.group_purchase_user") if cls.has_purchase else None
        )
        cls.portal = new_test_user(
            env, login="ro_portal", groups="base.group_portal", partner_id=cls.contact.id, **common
        )
        cls.order = env["sale.order"].create(
            {
                "partner_id": cls.customer.id,
                "user_id": cls.salesman.id,
                "company_id": cls.company.id,
                "order_line": [
                    Command.create(
                        {"product_id": cls.product.id, "product_uom_qty": 2, "price_unit": 50}
                    )
                ],
            }
        )
        cls.order.action_confirm()
        cls.invoice = cls.make_invoice(
            cls.customer, 1000, due=fields.Date.subtract(cls.today, days=40)
        )
        cls.invoice.invoice_user_id = cls.salesman
        for days in (2, 1, 0):
            cls.run_daily(fields.Date.subtract(cls.today, days=days))
        env["credit.collection.contact"].with_user(cls.collector).create(
            {
                "partner_id": cls.customer.id,
                "move_id": cls.invoice.id,
                "contact_type": "call",
                "outcome": "promise",
                "note": "Pays next week.",
            }
        )
        cls.pay(cls.invoice, 100, cls.today)
        cls.customer_payment = cls.invoice.matched_payment_ids or env["account.payment"].search(
            [("partner_id", "=", cls.customer.id)], limit=1
        )
        cls.refund = cls.make_invoice(cls.customer, 10, move_type="out_refund")
        cls.vendor = env["res.partner"].create({"name": "Steel Supplier Ltd", "is_company": True})
        cls.bill = cls.make_invoice(cls.vendor, 300, move_type="in_invoice")
        cls.entry = env["account.move"].create(
            {
                "move_type": "entry",
                "company_id": cls.company.id,
                "line_ids": [
                    Command.create(
                        {
                            "name": "accrual",
                            "account_id": cls.company_data["default_account_expense"].id,
                            "debit": 40.0,
                        }
                    ),
                    Command.create(
                        {
                            "name": "accrual",
                            "account_id": cls.company_data["default_account_revenue"].id,
                            "credit": 40.0,
                        }
                    ),
                ],
            }
        )
        cls.entry.action_post()
        cls.vendor_payment = env["account.payment"].create(
            {
                "payment_type": "outbound",
                "partner_type": "supplier",
                "partner_id": cls.vendor.id,
                "amount": 30.0,
                "company_id": cls.company.id,
            }
        )
        cls.purchase = None
        if cls.has_purchase:
            cls.purchase = env["purchase.order"].create(
                {
                    "partner_id": cls.vendor.id,
                    "user_id": cls.purchaser.id,
                    "company_id": cls.company.id,
                    "order_line": [
                        Command.create(
                            {"product_id": cls.product.id, "product_qty": 3, "price_unit": 20}
                        )
                    ],
                }
            )
            cls.purchase.button_confirm()


@tagged("post_install", "-at_install")
class TestRolesOpenDocuments(RolesCase, HttpCase):
    """Item 20: every role Odoo ships opens its documents with every add-on installed."""

    # ------------------------------------------------------------ the web client
    def _spec(self, arch, fields_info):
        """web_read specification of the fields of a list or kanban arch."""
        spec = {}
        for node in etree.fromstring(arch).iter("field"):
            if any(parent.tag == "field" for parent in node.iterancestors()):
                continue
            name = node.get("name")
            kind = fields_info.get(name, {}).get("type")
            spec[name] = {"fields": {"display_name": {}}} if kind in RELATIONAL else {}
        return spec

    def _credit_fields(self, model):
        """The fields the credit add-ons define on ``model``."""
        data = (
            self.env["ir.model.data"]
            .sudo()
            .search([("model", "=", "ir.model.fields"), ("module", "in", CREDIT_MODULES)])
        )
        found = self.env["ir.model.fields"].sudo().browse(data.mapped("res_id")).exists()
        return set(found.filtered(lambda f: f.model == model).mapped("name"))

    def _open(self, user, action_xmlid, record):
        """Open ``action_xmlid`` as ``user`` the way the web client does, then ``record``
        in its form with its chatter; read each credit field of the model the user may."""
        action = self.env["ir.actions.act_window"].with_user(user)._for_xml_id(action_xmlid)
        eval_context = {
            "uid": user.id,
            "active_id": False,
            "active_ids": [],
            "allowed_company_ids": user.company_ids.ids,
            "context": {},
        }
        context = safe_eval(action.get("context") or "{}", eval_context)
        domain = safe_eval(action.get("domain") or "[]", eval_context)
        Model = self.env[action["res_model"]].with_user(user).with_context(**context)
        views = [tuple(view) for view in action["views"]]
        if action.get("search_view_id"):
            views.append((action["search_view_id"][0], "search"))
        result = Model.get_views(
            views, {"action_id": action["id"], "load_filters": True, "toolbar": True}
        )
        fields_info = result["models"][Model._name]["fields"]
        for mode in ("list", "kanban"):
            if mode in result["views"]:
                rows = Model.web_search_read(
                    domain + [("id", "=", record.id)],
                    self._spec(result["views"][mode]["arch"], fields_info),
                )
                self.assertEqual([row["id"] for row in rows["records"]], record.ids, mode)
        form_view = dict((mode, view_id) for view_id, mode in views).get("form")
        mine = self.env[Model._name].browse(record.id).with_user(user).with_context(**context)
        form = Form(mine, view=form_view or None)
        self.assertEqual(form.id, record.id)
        if "message_ids" in mine._fields:
            Store(mine, as_thread=True, request_list=CHATTER_REQUESTS).get_result()
            messages = (
                self.env["mail.message"]
                .with_user(user)
                ._message_fetch([("res_id", "=", record.id), ("model", "=", Model._name)])
            )["messages"]
            Store(messages, for_current_user=True).get_result()
        readable = set(mine.fields_get(attributes=["type"]))
        for fname in sorted(self._credit_fields(Model._name) & readable):
            mine.invalidate_recordset()
            mine.read([fname])
        return form

    def assertOpens(self, user, documents):
        for action_xmlid, record in documents:
            with self.subTest(user=user.login, action=action_xmlid):
                self._open(user, action_xmlid, record)

    def _customer_documents(self):
        return [
            ("account.action_move_out_invoice_type", self.invoice),
            ("base.action_partner_form", self.customer),
            ("account.res_partner_action_customer", self.customer),
        ]

    # ------------------------------------------------------------ per role
    def test_auditor(self):
        """Item 20: the auditor opens invoices with their collection history, bills,
        entries and customers (before: "no access to Collection History")."""
        self.assertOpens(
            self.auditor,
            self._customer_documents()
            + [
                ("account.action_move_in_invoice_type", self.bill),
                ("account.action_move_journal_line", self.entry),
                ("account.action_account_payments", self.customer_payment),
            ],
        )
        form = self._open(self.auditor, "account.action_move_out_invoice_type", self.invoice)
        self.assertTrue(form.collection_history_ids)
        self.assertEqual(form.collection_stage_id, self.invoice.collection_stage_id)
        # over RPC: read() of every field the auditor may read
        invoice = self.invoice.with_user(self.auditor)
        [values] = invoice.read(self._readable_fields(invoice))
        self.assertEqual(values["collection_history_ids"], self.invoice.collection_history_ids.ids)
        customer = self.customer.with_user(self.auditor)
        customer.read(self._readable_fields(customer))

    @staticmethod
    def _readable_fields(record):
        """The fields of ``record`` its user may read: all of them but the relations to
        models the role has no access to that other Odoo apps add (the stock valuation
        layers of an invoice once Inventory is installed, by Purchase Stock say)."""
        described = record.fields_get(attributes=["relation"])  # the fields it may read
        return [
            name
            for name, field in described.items()
            if not field.get("relation") or record.env[field["relation"]].has_access("read")
        ]

    def test_billing(self):
        self.assertOpens(
            self.billing,
            self._customer_documents()
            + [
                ("account.action_move_in_invoice_type", self.bill),
                ("account.action_account_payments", self.customer_payment),
            ],
        )

    def test_accountant(self):
        self.assertOpens(
            self.chief,
            self._customer_documents()
            + [
                ("account.action_move_in_invoice_type", self.bill),
                ("account.action_move_journal_line", self.entry),
                ("account.action_account_payments_payable", self.vendor_payment),
            ],
        )

    def test_salesperson_own_documents(self):
        self.assertOpens(
            self.salesman,
            self._customer_documents()
            + [
                ("sale.action_orders", self.order),
                ("sale.action_quotations_with_onboarding", self.order),
            ],
        )

    def test_salesperson_own_contract(self):
        """With the contracts add-on: the salesperson opens the contract they drafted."""
        if "credit.contract" not in self.env:
            self.skipTest("credit_contract is not installed")
        contract = (
            self.env["credit.contract"]
            .with_user(self.salesman)
            .create(
                {
                    "title": "Steel supply 2026",
                    "partner_id": self.customer.id,
                    "amount": 5000,
                    "company_id": self.company.id,
                }
            )
        )
        self.assertOpens(self.salesman, [("credit_contract.action_credit_contract", contract)])

    def test_sales_manager(self):
        self.assertOpens(
            self.sales_manager,
            self._customer_documents() + [("sale.action_orders", self.order)],
        )

    def test_purchase_user(self):
        if not self.has_purchase:
            self.skipTest("purchase is not installed")
        self.assertOpens(
            self.purchaser,
            [
                ("purchase.purchase_form_action", self.purchase),
                ("account.action_move_in_invoice_type", self.bill),
                ("base.action_partner_form", self.vendor),
            ],
        )

    def test_collector(self):
        self.assertOpens(
            self.collector,
            self._customer_documents()
            + [
                ("credit_collection.action_collection_worklist", self.invoice),
                ("account.action_move_out_refund_type", self.refund),
                ("account.action_account_payments", self.customer_payment),
            ],
        )

    def test_internal_user(self):
        self.assertOpens(self.employee, [("base.action_partner_form", self.customer)])
        if "hr.employee.public" in self.env:
            colleague = self.env["hr.employee"].create(
                {"name": "Colleague", "company_id": self.company.id}
            )
            public = self.env["hr.employee.public"].browse(colleague.id)
            self.assertOpens(self.employee, [("hr.hr_employee_public_action", public)])

    def test_hr_officer(self):
        if "hr.employee" not in self.env:
            self.skipTest("hr is not installed")
        officer = new_test_user(
            self.env,
            login="ro_hr_officer",
            groups="hr.group_hr_user",
            company_id=self.company.id,
            company_ids=[Command.set(self.company.ids)],
        )
        colleague = self.env["hr.employee"].create(
            {"name": "Colleague", "company_id": self.company.id}
        )
        self.assertOpens(officer, [("hr.open_view_employee_list_my", colleague)])

    def test_portal_user(self):
        """The customer's contact sees their invoice and order in the portal."""
        self.authenticate(self.portal.login, self.portal.login)
        for url, record in (
            ("/my/invoices", self.invoice),
            (f"/my/invoices/{self.invoice.id}", self.invoice),
            ("/my/orders", self.order),
            (f"/my/orders/{self.order.id}", self.order),
        ):
            with self.subTest(url=url):
                response = self.url_open(url)
                self.assertEqual(response.status_code, 200)
                self.assertIn(record.name, response.text)

    def test_auditor_invoice_in_browser(self):
        """Item 20 in the web client: the auditor's invoice form opens on its Collection
        page without an error dialog."""
        self.browser_js(
            f"/odoo/action-account.action_move_out_invoice_type/{self.invoice.id}",
            "console.log('test successful')",
            ready="!!document.querySelector('.o_form_view .o_field_widget[name=partner_id]')"
            " && !document.querySelector('.o_error_dialog')",
            login=self.auditor.login,
        )


@tagged("post_install", "-at_install")
class TestCollectionFiguresAccess(RolesCase):
    """Item 19: ageing, DSO, overdue counts and the collection status are read by the
    credit roles and accounting; an employee without a credit role reads none of them."""

    def test_employee_reads_no_partner_figures(self):
        partner = self.customer.with_user(self.employee)
        self.assertFalse(set(PARTNER_FIGURES) & set(partner.fields_get()))
        for fname in PARTNER_FIGURES:
            with self.subTest(field=fname), self.assertRaises(AccessError) as caught:
                partner.read([fname])
            self.assertIn(fname, str(caught.exception))
        # the form and the list still open (the views hide the fields for them)
        Form(partner)
        partner.read(["name", "email"])

    def test_purchase_user_reads_no_invoice_figures(self):
        if not self.has_purchase:
            self.skipTest("purchase is not installed")
        bill = self.bill.with_user(self.purchaser)
        self.assertFalse(set(INVOICE_FIGURES) & set(bill.fields_get()))
        for fname in INVOICE_FIGURES:
            with self.subTest(field=fname), self.assertRaises(AccessError):
                bill.read([fname])
        Form(bill)

    def test_credit_roles_and_accounting_read_them(self):
        for user in (self.salesman, self.collector, self.billing, self.chief, self.auditor):
            with self.subTest(user=user.login):
                [partner] = self.customer.with_user(user).read(list(PARTNER_FIGURES))
                self.assertEqual(partner["collection_overdue_count"], 1)
                self.assertTrue(partner["collection_stage_id"])
                self.assertGreater(partner["collection_dso"], 0)
                [invoice] = self.invoice.with_user(user).read(
                    [*INVOICE_FIGURES, "collection_days_overdue"]
                )
                self.assertEqual(invoice["collection_days_overdue"], 40)
                self.assertTrue(invoice["collection_history_ids"])


@tagged("post_install", "-at_install")
class TestCollectorReads(RolesCase):
    """Item 18: collectors read the customer invoices and payments of their companies, not
    vendor bills, journal entries or supplier payments; whoever also bills, audits or buys
    keeps what those roles read."""

    def test_collector_reads_customer_documents_only(self):
        Move = self.env["account.move"].with_user(self.collector)
        customer_docs = self.invoice | self.refund
        others = self.bill | self.entry
        self.assertEqual(Move.search([("id", "in", (customer_docs | others).ids)]), customer_docs)
        customer_docs.with_user(self.collector).read(["name", "amount_residual"])
        self.customer_payment.with_user(self.collector).read(["name", "amount"])
        lines = self.env["account.move.line"].with_user(self.collector)
        self.assertEqual(
            lines.search([("move_id", "in", (customer_docs | others).ids)]).move_id,
            customer_docs,
        )
        for record in (self.bill, self.entry, self.vendor_payment, self.bill.line_ids[:1]):
            with self.subTest(record=record), self.assertRaises(AccessError) as caught:
                record.with_user(self.collector).read(["name"])
            self.assertIn(record._description, str(caught.exception))
        self.assertFalse(
            self.env["account.payment"]
            .with_user(self.collector)
            .search([("id", "=", self.vendor_payment.id)])
        )

    def test_collector_of_other_company_reads_nothing(self):
        other = self.setup_other_company(name="Other Collections Co")["company"]
        stranger = new_test_user(
            self.env,
            login="ro_other_collector",
            groups="base.group_user,credit_management.group_credit_collector",
            company_id=other.id,
            company_ids=[Command.set(other.ids)],
        )
        with self.assertRaises(AccessError):
            self.invoice.with_user(stranger).read(["name"])

    def test_collector_who_also_bills_or_audits_keeps_accounting(self):
        documents = self.invoice | self.refund | self.bill | self.entry
        for extra in ("account.group_account_invoice", "account.group_account_readonly"):
            with self.subTest(group=extra):
                user = new_test_user(
                    self.env,
                    login=f"ro_collector_{extra.split('.')[1]}",
                    groups=f"credit_management.group_credit_collector,{extra}",
                    company_id=self.company.id,
                    company_ids=[Command.set(self.company.ids)],
                )
                Move = self.env["account.move"].with_user(user)
                self.assertEqual(Move.search([("id", "in", documents.ids)]), documents)
                documents.with_user(user).read(["name"])
                self.bill.line_ids.with_user(user).read(["name"])
                self.vendor_payment.with_user(user).read(["name"])

    def test_collector_who_also_buys_keeps_vendor_bills(self):
        if not self.has_purchase:
            self.skipTest("purchase is not installed")
        self.purchaser.groups_id |= self.env.ref("credit_management.group_credit_collector")
        Move = self.env["account.move"].with_user(self.purchaser)
        documents = self.invoice | self.bill
        self.assertEqual(Move.search([("id", "in", (documents | self.entry).ids)]), documents)
