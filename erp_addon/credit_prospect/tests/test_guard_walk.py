"""The guard walk's roles over credit_prospect. The add-on declares no guarded model of its
own (the ranking is a read-only SQL view; the proposal is a credit application, whose
guards credit_management's walk covers), so the generic walk (which needs guarded models
in states) has nothing to walk: every role the walk makes (each group of the credit
add-ons and Odoo's own roles) is tried against the view instead: nobody writes, creates or
deletes a row; and the proposal's context cannot set the application's flow fields."""

from odoo.exceptions import AccessError
from odoo.tests import Form, tagged
from odoo.tests.common import freeze_time

from odoo.addons.credit_management.tests import guard_walk

from .common import TODAY, ProspectCase


@freeze_time(TODAY)
@tagged("post_install", "-at_install")
class TestGuardWalk(ProspectCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.role_users = guard_walk.GuardWalkCase._guard_role_users.__func__(cls)

    def _rolled_back(self):
        return guard_walk.GuardWalkCase._rolled_back(self)

    def test_no_guarded_model_of_its_own(self):
        self.assertEqual(
            [
                name
                for name in guard_walk.guarded_models(self.env)
                if guard_walk.guard_owner(self.env[name]) == "credit_prospect"
            ],
            [],
        )

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
        """The proposal's context fills the request only: a flow field of the application
        added to it (a decision, a state past draft) is refused when the form sends it
        (the state) or ignored (the fields the form does not show), as on any application."""
        action = self.row(self.good, self.seller).action_propose_limit()
        flow = self.env["credit.application"]._guard_flow_fields
        for fname, value in (
            ("state", "approved"),
            ("decided_by_id", self.seller.id),
            ("previous_limit", 1.0),
            ("required_level", "manager"),
        ):
            with self.subTest(field=fname):
                self.assertIn(fname, flow)
                context = dict(action["context"], **{f"default_{fname}": value})
                form = Form(
                    self.env["credit.application"].with_user(self.seller).with_context(**context)
                )
                with self._rolled_back():
                    try:
                        application = form.save()
                    except AccessError as refused:
                        self.assertIn("is set by its workflow", str(refused))
                    else:
                        saved = application[fname]
                        self.assertNotEqual(saved.id if hasattr(saved, "id") else saved, value)
                        self.assertEqual(application.state, "draft")
        application = Form(
            self.env["credit.application"].with_user(self.seller).with_context(**action["context"])
        ).save()
        self.assertRecordValues(
            application,
            [
                {
                    "state": "draft",
                    "required_level": False,
                    "decided_by_id": False,
                    "requested_by_id": self.seller.id,
                    "company_id": self.company.id,
                }
            ],
        )
