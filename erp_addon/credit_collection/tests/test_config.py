from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import CollectionCase


@tagged("post_install", "-at_install")
class TestConfig(CollectionCase):
    def test_bucket_overlap_refused(self):
        with mute_logger("odoo.sql_db"), self.assertRaisesText(ValidationError, "overlap"):
            self.env["credit.collection.bucket"].create(
                {"name": "Dup", "days_from": 31, "company_id": self.company.id}
            )

    def test_bucket_gap_refused(self):
        first = self.buckets[0]
        with self.assertRaisesText(ValidationError, "gap"):
            first.days_from = 5
        with self.assertRaisesText(ValidationError, "gap"):
            first.unlink()
        # the ends follow the next bucket's start
        self.assertEqual(self.buckets.mapped("days_to"), [0, 30, 90, 0])

    def test_stage_overlap_gap_owner(self):
        with mute_logger("odoo.sql_db"), self.assertRaisesText(ValidationError, "overlap"):
            self.procedure.write(
                {
                    "stage_ids": [
                        Command.create(
                            {
                                "name": "Dup",
                                "days_from": 15,
                                "owner_group_id": self.env.ref(
                                    "credit_management.group_credit_collector"
                                ).id,
                            }
                        )
                    ]
                }
            )
        with self.assertRaisesText(ValidationError, "gap"):
            self.s_reminder.days_from = 3
        with self.assertRaisesText(ValidationError, "owning group"):
            self.env["credit.collection.stage"].create(
                {"name": "Nobody", "days_from": 200, "procedure_id": self.procedure.id}
            )
        with self.assertRaisesText(ValidationError, "mail template"):
            self.s_call.channel = "email"
        # nothing half-saved
        self.assertEqual(len(self.procedure.stage_ids), 4)
        self.assertEqual(self.s_reminder.days_from, 1)

    def test_stage_with_invoices_not_deleted(self):
        """The history and the ageing as at a past day name the stages invoices were in."""
        self.make_invoice(self.customer, 100, due="2026-06-01")
        self.run_daily("2026-06-05")
        with self.assertRaisesExact(UserError, "cannot be deleted"):
            self.s_reminder.with_user(self.manager).unlink()
        with self.assertRaisesExact(UserError, "cannot be deleted"):
            self.procedure.with_user(self.manager).unlink()
        self.assertTrue(self.s_reminder.exists())
        # a stage no invoice was ever in goes
        self.s_writeoff.with_user(self.manager).unlink()
        self.assertFalse(self.s_writeoff.exists())

    def test_new_company_gets_defaults(self):
        company = self.env["res.company"].create({"name": "Collections Branch"})
        self.assertTrue(company.collection_procedure_id)
        self.assertEqual(
            company.collection_procedure_id.stage_ids.mapped("days_from"),
            self.env.ref("base.main_company").collection_procedure_id.stage_ids.mapped("days_from"),
        )
        self.assertEqual(
            self.env["credit.collection.bucket"].search_count([("company_id", "=", company.id)]),
            7,
        )
