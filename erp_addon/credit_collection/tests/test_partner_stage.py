from odoo.tests import tagged

from .common import CollectionCase


@tagged("post_install", "-at_install")
class TestPartnerStage(CollectionCase):
    """The customer's collection stage (its most advanced open invoice's) is searchable and
    groupable on the customer list, for a credit user."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.late = Partner.create({"name": "Late Payer Ltd", "is_company": True})
        cls.later = Partner.create({"name": "Later Payer Ltd", "is_company": True})
        cls.on_time = Partner.create({"name": "On Time Ltd", "is_company": True})
        cls.late_contact = Partner.create({"name": "Late's buyer", "parent_id": cls.late.id})
        # late: one invoice in Reminder, one in Call -> Call; later: Reminder only
        cls.make_invoice(cls.late, 100, due="2026-06-01")
        cls.make_invoice(cls.late, 100, due="2026-05-15")
        cls.make_invoice(cls.later, 100, due="2026-06-01")
        cls.make_invoice(cls.on_time, 100, due="2026-07-31")
        paid = cls.make_invoice(cls.on_time, 100, due="2026-05-01")
        cls.run_daily("2026-05-03")
        cls.run_daily("2026-05-16")
        cls.run_daily("2026-06-02")
        cls.pay(paid, 100, "2026-06-03")  # paid, not yet seen by the daily action
        cls.credit_user = cls.salesman  # credit_management.group_credit_user, not a collector

    def test_stage_is_the_most_advanced(self):
        Partner = self.env["res.partner"].with_user(self.credit_user)
        self.assertEqual(Partner.browse(self.late.id).collection_stage_id, self.s_call)
        self.assertEqual(Partner.browse(self.late_contact.id).collection_stage_id, self.s_call)
        self.assertEqual(Partner.browse(self.later.id).collection_stage_id, self.s_reminder)
        self.assertFalse(Partner.browse(self.on_time.id).collection_stage_id, "paid: not open")

    def test_search_by_stage(self):
        Partner = self.env["res.partner"].with_user(self.credit_user)
        ours = [("id", "in", (self.late | self.later | self.on_time | self.late_contact).ids)]
        self.assertEqual(
            Partner.search(ours + [("collection_stage_id", "=", self.s_call.id)]),
            self.late | self.late_contact,
        )
        self.assertEqual(
            Partner.search(ours + [("collection_stage_id", "in", self.s_reminder.ids)]),
            self.later,
        )
        self.assertEqual(
            Partner.search(ours + [("collection_stage_id", "ilike", "remind")]), self.later
        )
        self.assertEqual(
            Partner.search(ours + [("collection_stage_id", "!=", False)]),
            self.late | self.late_contact | self.later,
        )
        self.assertEqual(Partner.search(ours + [("collection_stage_id", "=", False)]), self.on_time)
        self.assertEqual(
            Partner.search(ours + [("collection_stage_id", "!=", self.s_call.id)]),
            self.later | self.on_time,
        )
        # the search view's filter
        self.assertEqual(
            Partner.search(
                ours + [("collection_stage_id", "!=", False), ("is_company", "=", True)]
            ),
            self.late | self.later,
        )

    def test_group_by_stage(self):
        Partner = self.env["res.partner"].with_user(self.credit_user)
        self.assertTrue(
            Partner.fields_get(["collection_stage_id"])["collection_stage_id"]["groupable"]
        )
        ours = [("id", "in", (self.late | self.later | self.on_time).ids)]
        groups = Partner._read_group(ours, ["collection_stage_id"], ["__count"])
        self.assertEqual(
            dict(groups),
            {self.s_call: 1, self.s_reminder: 1, self.env["credit.collection.stage"]: 1},
        )
        # as the list view asks for it (web_read_group, ordered by the stage)
        result = Partner.web_read_group(ours, ["collection_stage_id"], ["collection_stage_id"])
        self.assertEqual(
            [g["collection_stage_id"] and g["collection_stage_id"][0] for g in result["groups"]],
            [self.s_reminder.id, self.s_call.id, False],
        )
        # sorted by stage
        self.assertEqual(
            Partner.search(ours, order="collection_stage_id").ids[:2],
            [self.later.id, self.late.id],
        )

    def test_search_view_has_filter_and_group_by(self):
        arch = (
            self.env["res.partner"]
            .with_user(self.credit_user)
            .get_views([(False, "search")])["views"]["search"]["arch"]
        )
        self.assertIn('name="collection_in_stage"', arch)
        self.assertIn('name="group_collection_stage"', arch)
