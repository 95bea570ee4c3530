"""Every role opens the add-on's documents as the web client does: the menus' actions
(views and list rows), an evaluation's form with its chatter, the supplier's form and a
purchase order with the supplier's grade."""

from lxml import etree

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import Form, new_test_user, tagged
from odoo.tests.common import freeze_time

from .common import TODAY, SupplierCase

ACTIONS = (
    "credit_supplier.action_credit_supplier_evaluation",
    "credit_supplier.action_partner_supplier_credit",
)


@freeze_time(TODAY)
@tagged("post_install", "-at_install")
class TestRolesOpenDocuments(SupplierCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        common = {"company_id": cls.company.id, "company_ids": [Command.set(cls.company.ids)]}
        cls.auditor = new_test_user(
            cls.env,
            login="cs_auditor",
            groups="base.group_user,account.group_account_readonly",
            **common,
        )
        cls.evaluation_ = cls.evaluation()
        cls.evaluation_.action_compute_figures()
        cls.give_points(cls.evaluation_, 60)
        cls.evaluation_.action_submit()
        cls.decide(cls.evaluation_, cls.signer, "approve", "OK")
        cls.order = cls.purchase(cls.supplier, 100, confirm=False)

    def open_action(self, user, xmlid):
        action = self.env["ir.actions.act_window"].with_user(user)._for_xml_id(xmlid)
        Model = self.env[action["res_model"]].with_user(user)
        views = Model.get_views([(False, "list"), (False, "search")])
        arch = etree.fromstring(views["views"]["list"]["arch"])
        names = [f.get("name") for f in arch.iter("field") if f.get("name") in Model._fields]
        domain = action.get("domain") or []
        if isinstance(domain, str):
            domain = [("credit_supplier_grade_id", "!=", False)] if "grade" in domain else []
        return Model.web_search_read(domain, {name: {} for name in names})

    def test_roles_open_everything(self):
        for user in (
            self.evaluator,
            self.signer,
            self.manager,
            self.salesman,
            self.accountant,
        ):
            with self.subTest(user=user.login):
                for xmlid in ACTIONS:
                    result = self.open_action(user, xmlid)
                    self.assertGreaterEqual(result["length"], 1, xmlid)
                form = Form(self.evaluation_.with_user(user))
                self.assertEqual(form.partner_id, self.supplier)
                self.evaluation_.with_user(user).message_ids.read(["body"])
                partner = Form(self.supplier.with_user(user))
                self.assertEqual(partner.credit_supplier_grade_id, self.evaluation_.grade_id)

    def test_buyer_sees_the_grade_on_the_order(self):
        """A buyer is no credit user: the supplier's grade on the order and the supplier's
        form, not the evaluations."""
        order = Form(self.order.with_user(self.buyer))
        self.assertEqual(order.credit_supplier_grade_id, self.evaluation_.grade_id)
        Form(self.supplier.with_user(self.buyer))
        with self.assertRaises(AccessError):
            self.evaluation_.with_user(self.buyer).read(["score"])

    def test_auditor_reads_evaluations(self):
        result = self.open_action(self.auditor, ACTIONS[0])
        self.assertEqual(result["length"], 1)
