from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import AppraisalCase


@tagged("post_install", "-at_install", "credit_appraisal")
class TestRubric(AppraisalCase):
    def test_shipped_scorecard(self):
        items = self.rubric.item_ids
        self.assertEqual(len(items), 19)
        self.assertEqual(
            items.mapped("points"),
            [3, 5, 3, 3, 3, 6, 4, 4, 5, 6, 5, 6, 6, 4, 6, 10, 5, 6, 10],
        )
        self.assertEqual(self.rubric.total_points, 100)
        self.assertEqual(
            sorted(items.filtered(lambda i: not i.compute_method).mapped("code")),
            ["3.2", "3.4", "4.2", "6.1"],
        )
        self.assertEqual(self.rubric.state, "active")

    def _draft(self, points):
        return self.env["credit.appraisal.rubric"].create(
            {
                "name": "Short scorecard",
                "version": 99,
                "company_id": self.company.id,
                "item_ids": [
                    Command.create({"code": str(n), "section": "S", "name": f"I{n}", "points": p})
                    for n, p in enumerate(points)
                ],
            }
        )

    def test_rubric_must_sum_to_100(self):
        rubric = self._draft([50, 49])
        with self.assertRaisesText(ValidationError, "sum to 99.0 points"):
            rubric.with_user(self.manager).action_activate()
        self.assertEqual(rubric.state, "draft")
        rubric.item_ids[1].points = 50
        rubric.with_user(self.manager).action_activate()
        self.assertEqual(rubric.state, "active")
        # an active scorecard cannot drift away from 100
        with self.assertRaisesText(ValidationError, "they must sum to 100"):
            rubric.item_ids[0].points = 40
        # nor be changed by hand, even unused: a change is a new version
        with self.assertRaisesText(UserError, "is In Use: Points can no longer be changed"):
            rubric.item_ids[0].with_user(self.manager).write({"points": 45})
        with self.assertRaisesText(UserError, "is in use; create a new version"):
            self.env["credit.appraisal.rubric.item"].with_user(self.manager).create(
                {"rubric_id": rubric.id, "code": "9", "section": "S", "name": "I9", "points": 1}
            )
        with self.assertRaisesText(UserError, "is a record of a decision"):
            rubric.item_ids[0].with_user(self.manager).unlink()
        rubric.with_user(self.manager).action_retire()
        self.assertEqual(rubric.state, "retired")
        with self.assertRaisesText(UserError, "Only a scorecard in use is retired"):
            rubric.with_user(self.manager).action_retire()
        with self.assertRaisesText(AccessError, "not allowed to modify"):
            rubric.with_user(self.assessor).action_activate()

    def test_used_rubric_is_kept_and_versioned(self):
        period = self.make_period(2024)
        period.with_user(self.manager).action_generate_appraisals()
        with self.assertRaisesText(UserError, "is In Use: Points can no longer be changed"):
            self.rubric.item_ids[0].with_user(self.manager).write({"points": 4})
        action = self.rubric.with_user(self.manager).action_new_version()
        new = self.env["credit.appraisal.rubric"].browse(action["res_id"])
        self.assertEqual(new.state, "draft")
        self.assertEqual(new.version, self.rubric.version + 1)
        self.assertEqual(len(new.item_ids), 19)
        new.item_ids[0].points = 4
        new.item_ids[1].points = 4
        new.with_user(self.manager).action_activate()
        # the past year keeps its scorecard
        self.assertEqual(period.rubric_id, self.rubric)
        self.assertEqual(period.appraisal_ids[0].line_ids[0].points, 3)

    def test_state_only_through_buttons(self):
        rubric = self._draft([100])
        with self.assertRaisesText(AccessError, "set by its workflow"):
            rubric.with_user(self.manager).write({"state": "active"})
