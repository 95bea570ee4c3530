"""Periodic checks of a contract seal (issue 17, item 7: seal use and custody checked)."""

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tests.common import freeze_time

from .common import TODAY, ContractCase


@freeze_time(TODAY)
@tagged("post_install", "-at_install", "credit_contract")
class TestSealCheck(ContractCase):
    def test_administrator_records_a_check(self):
        with Form(self.env["credit.contract.seal.check"].with_user(self.admin_2)) as form:
            form.seal_id = self.seal
            self.assertEqual(form.custodian_id, self.admin_1)
            form.result = "in_order"
            form.note = "Kept in the custodian's safe; log matches the uses."
        check = form.record
        self.assertEqual(check.checked_by_id, self.admin_2)
        self.assertEqual(str(check.date), TODAY)
        self.assertEqual(check.company_id, self.company)
        self.assertEqual(self.seal.check_ids, check)
        # the note may be completed; what was found is kept as recorded
        check.with_user(self.admin_2).note += " Two copies counted."
        with self.assertRaisesText(UserError, "A seal check is kept as recorded"):
            check.with_user(self.admin_2).result = "issues"
        with self.assertRaisesText(UserError, "A seal check is kept as recorded"):
            check.with_user(self.manager).date = "2026-06-01"
        with self.assertRaisesText(AccessError, "not allowed to delete"):
            check.with_user(self.manager).unlink()

    def test_who_checks_and_what_is_refused(self):
        Check = self.env["credit.contract.seal.check"]
        # a salesperson records no check
        with self.assertRaisesText(AccessError, "You may not change Seal of Contract Seal Check."):
            Check.with_user(self.salesman).create({"seal_id": self.seal.id})
        # nobody records a check in someone else's name
        with self.assertRaisesText(AccessError, "Checked By"):
            Check.with_user(self.admin_2).create(
                {"seal_id": self.seal.id, "checked_by_id": self.admin_1.id}
            )
        with self.assertRaisesText(ValidationError, "Say which issues the seal check found."):
            Check.with_user(self.admin_2).create({"seal_id": self.seal.id, "result": "issues"})
        with self.assertRaisesText(ValidationError, "A seal check is recorded once made."):
            Check.with_user(self.admin_2).create({"seal_id": self.seal.id, "date": "2026-07-01"})
        self.assertFalse(Check.search([]))
