"""The bridge's signal read in Chinese in the browser
(credit_warning/static/tests/tours/credit_warning_bridges_zh_tour.js)."""

from odoo.tests import HttpCase, tagged
from odoo.tests.common import freeze_time

from odoo.addons.credit_external_data.tests.common import ExternalCase, code, csv_file
from odoo.addons.credit_warning.tests.tour_zh import set_up_signal_tour_zh


@tagged("post_install", "-at_install")
class TestExternalAdverseTourZh(ExternalCase, HttpCase):
    """A credit user (least privilege) opens the warning of a customer an import reported
    as a dishonest judgment debtor (失信被执行人): the signal 外部不良记录 with its evidence in
    Chinese, at the level 关注."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        set_up_signal_tour_zh(
            cls, "zh_wed_user", cls.alpha, "ZH 失信钢贸有限公司", "external_adverse"
        )
        with freeze_time("2026-06-15"):
            imp = cls.make_import(
                csv_file([[code(1), "", "2026-06-10", "", "", "", "(2026)沪01执5号", "", "", ""]])
            )
            imp.action_preview()
            imp.action_apply()

    def test_external_adverse_zh(self):
        signal = self.env["credit.warning.signal"].search([("partner_id", "=", self.alpha.id)])
        self.assertRecordValues(signal, [{"signal_type": "external_adverse", "weight": 3.0}])
        self.assertEqual(
            signal.evidence, "自2026年06月10日起报告了 1 条不良记录：失信被执行人 (2026)沪01执5号。"
        )
        self.start_tour("/odoo", "credit_warning_external_data_zh", login=self.zh_user.login)
