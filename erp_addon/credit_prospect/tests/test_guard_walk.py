"""The generic guard walk over credit_prospect: the add-on declares no guarded model of
its own (the ranking is a read-only view; the proposal is a credit application, whose
guards credit_management's walk covers). Every shipped role is tried against the view:
nobody writes, creates or deletes a row, and the proposal's context cannot set the
application's flow fields."""

from odoo.exceptions import AccessError
from odoo.tests import Form, tagged
from odoo.tests.common import freeze_time

from odoo.addons.credit_management.tests import guard_walk

from .common import TODAY, ProspectCase


@freeze_time(TODAY)
@tagged("post_install", "-at_install")
class TestGuardWalk(guard_walk.GuardWalkCase, ProspectCase):
    guard_modules = ("credit_prospect",)

    @classmethod
    def _guard_samples(cls):
        return {}

    def test_no_guarded_model_of_its_own(self):
        self.assertEqual(self._models_walked(), [])

    def test_every_role_refused_on_the_view(self):
        row = self.row(self.good)
        for role, user in self.role_users.items():
            with self.subTest(role=role):
                for attempt in (
                    lambda u: row.with_user(u).write({"score": 100.0}),
                    lambda u: row.with_user(u).unlink(),
                    lambda u: self.env["credit.prospect"].with_user(u).create({"score": 1.0}),
                ):
                    with self.assertRaises(AccessError), self._rolled_back():
                        attempt(user)
        self.assertEqual(row.score, 93.8)

    def test_proposal_context_sets_no_flow_field(self):
        action = self.row(self.good, self.seller).action_propose_limit()
        flow = self.env["credit.application"]._guard_flow_fields
        context = dict(action["context"])
        context.update(
            default_state="approved",
            default_required_level="manager",
            default_previous_limit=1.0,
            default_current_limit=1.0,
        )
        application = Form(
            self.env["credit.application"].with_user(self.seller).with_context(**context)
        ).save()
        self.assertIn("state", flow)
        self.assertRecordValues(
            application,
            [
                {
                    "state": "draft",
                    "required_level": False,
                    "previous_limit": 0.0,
                    "current_limit": 0.0,
                    "requested_by_id": self.seller.id,
                }
            ],
        )
