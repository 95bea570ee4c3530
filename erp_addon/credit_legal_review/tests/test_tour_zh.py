from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.credit_management.tests.test_tour_zh import load_zh_cn

from .common import LegalReviewCase


@tagged("post_install", "-at_install")
class TestLegalReviewTourZh(LegalReviewCase, HttpCase):
    """The legal representative signs the period's review in Chinese
    (static/tests/tours/credit_legal_review_zh_tour.js)."""

    def test_sign_off_zh(self):
        load_zh_cn(self.env)
        self.company.partner_id.lang = "zh_CN"
        zh_rep = new_test_user(
            self.env,
            login="zh_lr_rep",
            name="ZH 法定代表人",
            groups="base.group_user,credit_management.group_credit_committee",
            company_id=self.company.id,
            company_ids=[Command.set(self.company.ids)],
            lang="zh_CN",
        )
        self.company.credit_legal_representative_user_id = zh_rep
        review = self.make_review("2026-01-01", "2026-03-31")
        review.with_user(self.admin_1).action_submit()
        self.start_tour("/odoo", "credit_legal_review_zh", login=zh_rep.login)
        self.assertRecordValues(
            review,
            [{"state": "signed", "signed_by_id": zh_rep.id, "opinion": "本期合同签订规范，同意。"}],
        )
