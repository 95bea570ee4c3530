"""Adverse records feed the scoring model (factor source ``external_adverse``), and a new
dishonest-debtor record asks the customer's analyst to propose it for the warning list,
which the analyst does through the list's own rights."""

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tests.common import freeze_time

from .common import ExternalCase, code, csv_file

PROPOSAL = "credit_external_data.mail_activity_type_warning_proposal"


@freeze_time("2026-06-15")
@tagged("post_install", "-at_install")
class TestScoringAndWarningList(ExternalCase):
    def apply(self, rows):
        imp = self.make_import(csv_file(rows))
        imp.action_preview()
        imp.action_apply()
        return imp

    def proposals(self, partner):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "res.partner"),
                ("res_id", "=", partner.id),
                ("activity_type_id", "=", self.env.ref(PROPOSAL).id),
            ]
        )

    def test_factor_reads_adverse_records(self):
        model = self.env["credit.score.model"].create(
            {
                "name": "External model",
                "company_id": self.company.id,
                "factor_ids": [
                    Command.create(
                        {
                            "name": "Adverse records",
                            "factor_type": "quantitative",
                            "source": "external_adverse",
                            "weight": 10,
                            "range_ids": [
                                Command.create({"min_value": 0, "max_value": 1, "points": 100}),
                                Command.create({"min_value": 1, "max_value": 3, "points": 40}),
                                Command.create({"min_value": 3, "max_value": 1000, "points": 0}),
                            ],
                        }
                    )
                ],
            }
        )
        self.apply(
            [
                [code(1), "", "2026-06-01", "", "", "", "A1", "B1;B2", "", ""],
                [code(2), "", "2026-06-01", "", "", "", "", "", "P1", ""],
                # reported more than three years ago: no longer counts
                [code(3), "", "2023-01-01", "", "", "", "", "", "", "X1"],
            ]
        )
        scores = model._compute_scores(self.alpha | self.beta | self.gamma)
        self.assertEqual(
            [
                (scores[p][0], scores[p][2][0]["value_display"])
                for p in (self.alpha, self.beta, self.gamma)
            ],
            [(0.0, "3.00"), (40.0, "1.00"), (100.0, "0.00")],
        )

    def test_new_dishonest_record_asks_the_analyst_to_propose(self):
        self.apply([[code(1), "", "2026-06-01", "", "", "", "(2026)沪01执9号", "", "", ""]])
        activity = self.proposals(self.alpha)
        self.assertRecordValues(
            activity,
            [
                {
                    "activity_type_id": self.env.ref(PROPOSAL).id,
                    "user_id": self.analyst_2.id,
                    "summary": "Propose for the warning list",
                }
            ],
        )
        self.assertIn("(2026)沪01执9号", activity.note)
        self.assertFalse(self.alpha.credit_on_warning_list, "proposed, not listed")
        adverse = self.alpha.credit_external_adverse_ids
        # a salesperson cannot; the analyst puts it on the list with the analyst's rights
        with self.assertRaisesRegex(AccessError, "Only a credit analyst may propose"):
            adverse.with_user(self.salesman).action_propose_warning_list()
        adverse.with_user(self.analyst_2).action_propose_warning_list()
        entry = adverse.warning_entry_id
        self.assertRecordValues(
            entry,
            [
                {
                    "partner_id": self.alpha.id,
                    "credit_code": code(1),
                    "source": "Bank of Testing",
                    "active": True,
                }
            ],
        )
        self.assertIn("(2026)沪01执9号", entry.reason)
        self.assertTrue(self.alpha.credit_on_warning_list)
        self.assertFalse(activity.exists(), "the proposal activity is done")
        with self.assertRaisesRegex(UserError, "already on the warning list"):
            adverse.with_user(self.analyst_2).action_propose_warning_list()
        # the same record reported again is not new: no new activity
        self.apply([[code(1), "", "2026-06-10", "", "", "", "(2026)沪01执9号", "", "", ""]])
        self.assertFalse(self.proposals(self.alpha))

    def test_other_adverse_types_ask_nothing(self):
        self.apply([[code(2), "", "2026-06-01", "", "", "", "", "B1", "P1", "X1"]])
        self.assertFalse(self.proposals(self.beta))
        self.assertEqual(self.beta.credit_external_adverse_count, 3)
