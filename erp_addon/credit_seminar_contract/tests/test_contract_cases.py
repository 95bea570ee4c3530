from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import Form, HttpCase, tagged
from odoo.tests.common import freeze_time

from odoo.addons.credit_contract.tests.common import ContractCase
from odoo.addons.credit_management.tests.test_tour_zh import load_zh_cn
from odoo.addons.credit_seminar.tests.common import TODAY, SeminarCase


class SeminarContractCase(SeminarCase, ContractCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with freeze_time(TODAY):
            cls.contract = cls.make_contract(title="Disputed steel supply")
            cls.contract.sudo().write({"state": "signed", "date_signed": TODAY})
            cls.dispute = (
                cls.env["credit.contract.dispute"]
                .sudo()
                .create({"contract_id": cls.contract.id, "description": "Quality claim"})
            )


@freeze_time(TODAY)
@tagged("post_install", "-at_install")
class TestSeminarContractCases(SeminarContractCase):
    def test_dispute_brings_its_contract(self):
        form = Form(self.env["credit.seminar"].with_user(self.manager))
        form.title = "Dispute review"
        form.participant_ids.add(self.emp_manager)
        form.dispute_ids.add(self.dispute)
        with form.conclusion_ids.new() as line:
            line.name = "Settle by mediation"
            line.contract_id = self.contract
        seminar = form.save()
        self.assertEqual(seminar.contract_ids, self.contract)
        self.assertEqual(seminar.partner_ids, self.customer)
        self.assertEqual(seminar.conclusion_ids.contract_id, self.contract)
        seminar.action_hold()
        seminar.action_close()
        with self.assertRaisesText(UserError, "can no longer be changed"):
            seminar.with_user(self.manager).contract_ids = [Command.clear()]
        with self.assertRaisesText(UserError, "Contract can no longer be changed"):
            seminar.conclusion_ids.with_user(self.manager).contract_id = False


@tagged("post_install", "-at_install")
class TestSeminarContractTourZh(SeminarContractCase, HttpCase):
    def test_contract_cases_zh(self):
        load_zh_cn(self.env)
        self.manager.lang = "zh_CN"
        self.make_seminar(
            title="ZH 合同纠纷评析",
            kind="case_review",
            contract_ids=[Command.set(self.contract.ids)],
            dispute_ids=[Command.set(self.dispute.ids)],
        )
        self.start_tour("/odoo", "credit_seminar_contract_zh", login=self.manager.login)
