from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged
from odoo.tests.common import freeze_time

from .common import TODAY, SeminarCase


@freeze_time(TODAY)
@tagged("post_install", "-at_install")
class TestSeminarRoles(SeminarCase):
    """Who reads and who writes: the credit roles and the auditors read, the head of the
    department (credit manager) writes; a portal user sees nothing."""

    def test_readers_and_writers(self):
        seminar = self.make_seminar()
        self.add_conclusion(seminar)
        for user in (self.salesman, self.analyst, self.auditor, self.accountant):
            self.assertEqual(seminar.with_user(user).read(["title"])[0]["title"], seminar.title)
            self.assertTrue(seminar.with_user(user).conclusion_ids.read(["name"]))
            with self.assertRaises(AccessError):
                seminar.with_user(user).title = "Changed"
        portal = new_test_user(self.env, login="sem_portal", groups="base.group_portal")
        with self.assertRaises(AccessError):
            seminar.with_user(portal).read(["title"])

    def test_other_company_not_seen(self):
        seminar = self.make_seminar()
        other = self.env["res.company"].create({"name": "Other Co"})
        outsider = new_test_user(
            self.env,
            login="sem_outsider",
            groups="base.group_user,credit_management.group_credit_manager",
            company_id=other.id,
            company_ids=[(6, 0, other.ids)],
        )
        self.assertFalse(
            self.env["credit.seminar"].with_user(outsider).search([("id", "=", seminar.id)])
        )
