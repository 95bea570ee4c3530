"""Issue 19 item 9: the ledger's days to register, the review form's signatures and
columns, the power of attorney printed with the contracts signed under it."""

from odoo import fields
from odoo.tests import HttpCase, tagged
from odoo.tests.common import freeze_time

from .common import TODAY, ContractCase


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestFiguresReports(ContractCase, HttpCase):
    def load_chinese(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["credit_contract"], ["zh_CN"])

    def render(self, report, records, lang="en_US"):
        return (
            self.env["ir.actions.report"]
            .with_context(lang=lang)
            ._render_qweb_html(report, records.ids)[0]
            .decode()
        )

    def test_days_to_register_empty_until_registered_and_averaged(self):
        """Registered 4 and 10 days after signing, a third signed and not registered: its
        days are empty (not 0) and the ledger's pivot averages 7, not (4 + 10 + 0) / 3."""
        contracts = self.env["credit.contract"]
        for signed_on in ("2026-06-11", "2026-06-05", "2026-06-12"):
            with freeze_time("2026-05-29"):
                contract = self.approved_contract()
            self.sign_contract(contract, date=fields.Date.to_date(signed_on))
            contracts |= contract
        contracts[:2].with_user(self.admin_1).action_register()
        unregistered = contracts[2]
        self.assertEqual(contracts[:2].mapped("registration_days"), [4, 10])
        Contract = self.env["credit.contract"].with_user(self.admin_1)
        self.assertEqual(Contract._fields["registration_days"].aggregator, "avg")
        [(average, total)] = Contract._read_group(
            [("id", "in", contracts.ids)],
            [],
            ["registration_days:avg", "registration_days:sum"],
        )
        self.assertEqual((average, total), (7.0, 14))
        self.assertFalse(unregistered.date_registered)
        # the ledger's list and form show the days only once registered
        for view in ("view_credit_contract_list", "view_credit_contract_form"):
            arch = self.env.ref(f"credit_contract.{view}").arch
            self.assertIn('name="registration_days"', arch)
            self.assertRegex(arch, r'name="registration_days"[^>]*invisible="not date_registered"')
        self.load_chinese()
        described = Contract.with_context(lang="zh_CN").fields_get(["registration_days"])
        self.assertEqual(described["registration_days"]["string"], "登记天数")

    def test_review_form_signed_by_who_did_it(self):
        """An unapproved contract's form names the reviewers of its checklist and nobody as
        approver or signatory (not the legal representative who issued the power); once
        approved and signed, the approver and our signatory."""
        contract = self.make_contract()
        contract.with_user(self.salesman).action_submit_review()
        self.pass_review(contract, reviewer=self.admin_2)
        html = self.render("credit_contract.report_contract_review_form", contract)
        self.assertNotIn(self.committee.name, html, "not the legal representative")
        # the signatures: the last table of the form
        signatures = html.split("Submitted by", 1)[1]
        for header in ("Reviewed by", "Approved by", "Signed by"):
            self.assertIn(header, signatures)
        self.assertIn(self.admin_2.name, signatures, "the reviewer")
        self.assertNotIn(self.admin_1.name, signatures, "nobody approved yet")
        self.assertNotIn("Wang Signatory", signatures, "not signed yet")
        contract.with_user(self.admin_1).action_approve()
        self.sign_contract(contract)
        html = self.render("credit_contract.report_contract_review_form", contract)
        signatures = html.split("Submitted by", 1)[1]
        self.assertIn(self.admin_1.name, signatures, "the approver")
        self.assertIn("Wang Signatory", signatures, "our signatory, once signed")
        self.assertNotIn(self.committee.name, html)

    def test_review_form_joint_review_columns_in_chinese(self):
        contract = self.make_contract(amount=600_000)
        contract.with_user(self.salesman).action_submit_review()
        self.pass_review(contract)
        Opinion = self.env["credit.contract.joint.review"]
        Opinion.with_user(self.admin_1).create(
            {
                "contract_id": contract.id,
                "role_id": self.role_credit.id,
                "decision": "approve",
                "comment": "Customer's limit covers it",
            }
        )
        self.load_chinese()
        html = self.render("credit_contract.report_contract_review_form", contract, "zh_CN")
        headers = ("会审部门/角色", "会审人", "是否同意", "会审意见", "签署日期")
        for header in headers:
            self.assertIn(f">{header}<", html)
        self.assertEqual(len(set(headers)), len(headers), "each column headed distinctly")
        for header in ("经办人（提交）", "审查人", "批准人", "签约人"):
            self.assertIn(header, html)
        self.assertIn(self.admin_1.name, html)

    def test_power_of_attorney_printable_with_signed_contracts(self):
        signed = self.signed_contract(title="Signed steel supply")
        draft = self.make_contract(title="Draft copper supply")
        self.assertEqual(draft.power_of_attorney_id, self.poa)
        self.assertEqual(self.poa.contract_ids, signed, "only the contracts signed under it")
        action = self.poa.with_user(self.admin_1).action_print()
        self.assertEqual(action["report_name"], "credit_contract.report_power_attorney")
        self.load_chinese()
        html = self.render("credit_contract.report_power_attorney", self.poa, "zh_CN")
        for text in (
            "授权委托书",
            "受托人",
            "委托单位（盖章）：",
            "法定代表人（签字）：",
            "依本授权签订的合同",
            "Wang Signatory",
            "Signed steel supply",
            self.committee.name,
        ):
            self.assertIn(text, html)
        self.assertNotIn("Draft copper supply", html)
        pdf, kind = (
            self.env["ir.actions.report"]
            .with_context(lang="zh_CN", force_report_rendering=True)
            ._render_qweb_pdf("credit_contract.report_power_attorney", self.poa.ids)
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
