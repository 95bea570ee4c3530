"""Every menu of the credit add-ons opens for the least-privileged user who sees it.

Why: a menu whose list needs a field, a rule or an ACL its role lacks fails only in the
browser. For each menu below (the add-ons installed in this database), a user holding
just one group of each level of the menu's path logs in, sees the menu, and loads its
action as the web client does: the action, its views, then its records (or the defaults
of a dialog). The list is literal so that a new menu is added here on purpose: the test
fails when a credit add-on ships a menu it does not name.
"""

from lxml import etree

from odoo.tests import new_test_user, tagged
from odoo.tests.common import TransactionCase
from odoo.tools.safe_eval import safe_eval

MENUS = (
    "credit_appraisal.menu_credit_staff_appraisals",
    "credit_appraisal.menu_credit_staff_reconciliations",
    "credit_appraisal.menu_credit_staff_feedback",
    "credit_appraisal.menu_credit_staff_innovations",
    "credit_appraisal.menu_credit_staff_periods",
    "credit_appraisal.menu_credit_staff_lists",
    "credit_appraisal.menu_credit_staff_followups",
    "credit_appraisal.menu_credit_staff_accountability",
    "credit_appraisal.menu_credit_staff_register",
    "credit_appraisal.menu_credit_staff_decisions",
    "credit_appraisal.menu_credit_staff_sessions",
    "credit_appraisal.menu_credit_staff_results",
    "credit_appraisal.menu_credit_staff_fees",
    "credit_appraisal.menu_credit_staff_plans",
    "credit_appraisal.menu_credit_staff_rubrics",
    "credit_appraisal.menu_credit_staff_topics",
    "credit_appraisal.menu_hr_credit_fees",
    "credit_appraisal.menu_hr_credit_lists",
    "credit_appraisal.menu_hr_credit_followups",
    "credit_appraisal.menu_hr_credit_appraisals",
    "credit_appraisal.menu_hr_credit_lines",
    "credit_appraisal.menu_hr_credit_register",
    "credit_collection.menu_collection_worklist",
    "credit_collection.menu_collection_invoices",
    "credit_collection.menu_collection_contacts",
    "credit_collection.menu_collection_promises",
    "credit_collection.menu_collection_disputes",
    "credit_collection.menu_collection_letters",
    "credit_collection.menu_collection_writeoffs",
    "credit_collection.menu_collection_history",
    "credit_collection.menu_collection_ageing",
    "credit_collection.menu_collection_runs",
    "credit_collection.menu_collection_procedures",
    "credit_collection.menu_collection_buckets",
    "credit_collection.menu_collection_rules",
    "credit_contract.menu_credit_contract",
    "credit_contract.menu_credit_contract_review",
    "credit_contract.menu_credit_contract_ledger",
    "credit_contract.menu_credit_contract_followup",
    "credit_contract.menu_credit_contract_amendment",
    "credit_contract.menu_credit_contract_dispute",
    "credit_contract.menu_credit_power_attorney",
    "credit_audit.menu_credit_audits",
    "credit_audit.menu_credit_audit_findings",
    "credit_audit.menu_credit_audit_accountability",
    "credit_contract.menu_credit_contract_seal",
    "credit_contract.menu_credit_contract_seal_use",
    "credit_contract.menu_credit_contract_seal_check",
    "credit_contract.menu_credit_contract_template",
    "credit_contract.menu_credit_contract_clause",
    "credit_contract.menu_credit_contract_review_template",
    "credit_contract.menu_credit_contract_review_role",
    "credit_external_data.menu_credit_external_imports",
    "credit_external_data.menu_credit_external_records",
    "credit_external_data.menu_credit_external_adverse",
    "credit_external_data.menu_credit_external_values",
    "credit_external_data.menu_credit_external_share_out",
    "credit_external_data.menu_credit_external_share_log",
    "credit_guarantee.menu_credit_guarantees",
    "credit_legal_review.menu_credit_legal_review",
    "credit_management.menu_credit_overview",
    "credit_management.menu_credit_files",
    "credit_management.menu_credit_applications",
    "credit_management.menu_credit_exceptions",
    "credit_management.menu_credit_warning_list",
    "credit_management.menu_credit_exposure",
    "credit_management.menu_credit_scores",
    "credit_management.menu_credit_settings",
    "credit_management.menu_credit_grades",
    "credit_management.menu_credit_score_models",
    "credit_management.menu_credit_authority",
    "credit_management.menu_credit_overview_cards",
    "credit_restructuring.menu_restructuring",
    "credit_restructuring.menu_restructuring_adherence",
    "credit_seminar.menu_credit_seminars",
    "credit_supplier.menu_credit_supplier_evaluations",
    "credit_supplier.menu_credit_supplier_to_sign",
    "credit_supplier.menu_credit_supplier_graded",
    "credit_supplier.menu_credit_supplier_grades",
    "credit_supplier.menu_credit_supplier_models",
    "credit_warning.menu_warning_customers",
    "credit_warning.menu_warning_signals",
    "credit_warning.menu_warning_rescues",
    "credit_warning.menu_warning_history",
    "credit_warning.menu_warning_rules",
    "credit_prospect.menu_sale_credit_prospect",
    "credit_prospect.menu_credit_prospect",
)


@tagged("post_install", "-at_install")
class TestMenusOpen(TransactionCase):
    def _installed(self, xmlid):
        module = xmlid.split(".")[0]
        return bool(
            self.env["ir.module.module"].search_count(
                [("name", "=", module), ("state", "=", "installed")]
            )
        )

    def _user_for(self, menu):
        """A user with one group of each level of the menu's path (the least one)."""
        groups = self.env["res.groups"]
        level = menu
        while level:
            if level.groups_id and not (level.groups_id & groups):
                groups |= min(level.groups_id, key=lambda g: (len(g.trans_implied_ids), g.id))
            level = level.parent_id
        user = new_test_user(
            self.env, login=f"menu_{menu.id}", groups="base.group_user", name=menu.name
        )
        user.groups_id |= groups
        return user

    @staticmethod
    def _arch_fields(views, mode):
        """The fields the web client reads for a view: those of its arch outside sub-views."""
        arch = etree.fromstring(views["views"][mode]["arch"])
        names = set()
        for node in arch.iter("field"):
            if any(parent.tag == "field" for parent in node.iterancestors()):
                continue
            names.add(node.get("name"))
        return names

    def test_every_credit_menu_is_listed(self):
        data = self.env["ir.model.data"].search(
            [("model", "=", "ir.ui.menu"), ("module", "=like", "credit\\_%")]
        )
        shipped = {
            f"{d.module}.{d.name}" for d in data if self.env["ir.ui.menu"].browse(d.res_id).action
        }
        listed = {xmlid for xmlid in MENUS if self._installed(xmlid)}
        self.assertEqual(shipped, listed)

    def test_every_menu_opens_for_its_role(self):
        opened = 0
        for menu_xmlid in MENUS:
            if not self._installed(menu_xmlid):
                continue
            menu = self.env.ref(menu_xmlid)
            self.assertTrue(menu.action, menu_xmlid)
            action_xmlid = menu.action.sudo().get_external_id()[menu.action.id]
            user = self._user_for(menu)
            with self.subTest(menu=menu_xmlid, groups=user.groups_id.mapped("full_name")):
                visible = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
                self.assertIn(menu.id, visible, f"{menu_xmlid} hidden from its own role")
                action_model = menu.action._name
                action = self.env[action_model].with_user(user)._for_xml_id(action_xmlid)
                if action_model != "ir.actions.act_window":
                    opened += 1
                    continue
                eval_context = self.env["ir.actions.actions"]._get_eval_context()
                eval_context.update(uid=user.id, allowed_company_ids=user.company_ids.ids)
                context = safe_eval(action.get("context") or "{}", dict(eval_context))
                Model = self.env[action["res_model"]].with_user(user).with_context(**context)
                view_ids = dict((mode, view_id) for view_id, mode in action["views"])
                modes = [m if m != "tree" else "list" for m in action["view_mode"].split(",")]
                views = Model.get_views([(view_ids.get(mode), mode) for mode in modes])
                if Model._transient:
                    Model.default_get(list(self._arch_fields(views, "form")))
                else:
                    domain = safe_eval(action.get("domain") or "[]", dict(eval_context))
                    for mode in ("list", "kanban"):
                        if mode in views["views"]:
                            spec = dict.fromkeys(self._arch_fields(views, mode), {})
                            Model.web_search_read(domain, spec, limit=20)
                    if "form" in views["views"]:
                        records = Model.search(domain, limit=3)
                        records.web_read(dict.fromkeys(self._arch_fields(views, "form"), {}))
                opened += 1
        self.assertEqual(opened, len([m for m in MENUS if self._installed(m)]))
