from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tests.common import freeze_time

from .common import RestructuringCase


@freeze_time("2026-06-15")
@tagged("post_install", "-at_install")
class TestBadInput(RestructuringCase):
    def test_schedule_must_add_up(self):
        inv = self.make_invoice(self.debtor, 3000, due="2026-05-01")
        agreement = self.propose(inv, [("2026-07-01", 1000), ("2026-08-01", 1500)], waived=300)
        with self.assertRaisesExact(
            ValidationError,
            "The instalments add up to $\xa02,500.00, not to the $\xa02,700.00 to be paid",
        ):
            agreement.with_user(self.collector).action_submit()
        # nothing half-done: still a draft, no band, nobody asked
        self.assertRecordValues(
            agreement, [{"state": "draft", "required_level": False, "partial_watermark": 0}]
        )
        self.assertFalse(agreement.activity_ids)
        other = self.make_invoice(self.debtor, 500, due="2026-05-01")
        empty = self.create_agreement(other, [])
        with self.assertRaisesExact(ValidationError, "Give the agreement its instalments."):
            empty.with_user(self.collector).action_submit()

    def test_instalment_dates(self):
        inv = self.make_invoice(self.debtor, 3000, due="2026-05-01")
        with self.assertRaisesExact(ValidationError, "before the agreement date"):
            self.create_agreement(inv, [("2026-06-01", 3000)])
        with self.assertRaisesExact(ValidationError, "the schedule's dates must ascend"):
            self.create_agreement(inv, [("2026-08-01", 1500), ("2026-07-01", 1500)])
        with self.assertRaisesExact(ValidationError, "the schedule's dates must ascend"):
            self.create_agreement(inv, [("2026-08-01", 1500), ("2026-08-01", 1500)])
        with self.assertRaisesExact(ValidationError, "An instalment's amount must be positive."):
            self.create_agreement(inv, [("2026-08-01", 3500), ("2026-09-01", -500)])
        self.assertFalse(self.env["credit.restructuring"].search([("move_ids", "in", inv.ids)]))

    def test_invoices_of_the_debtor_open_and_overdue(self):
        mine = self.make_invoice(self.debtor, 1000, due="2026-05-01")
        theirs = self.make_invoice(self.customer, 1000, due="2026-05-01")
        not_due = self.make_invoice(self.debtor, 1000, due="2026-07-01")
        paid = self.make_invoice(self.debtor, 1000, due="2026-05-01")
        self.pay(paid, 1000, "2026-06-01")
        draft = self.make_invoice(self.debtor, 1000, due="2026-05-01", post=False)
        Agreement = self.env["credit.restructuring"].with_user(self.collector)
        base = {"partner_id": self.debtor.id, "reason": "Cash flow"}
        for moves, text in (
            (mine | theirs, "is not an invoice of Debtor Steel Ltd"),
            (not_due, "is not overdue"),
            (paid, "is not an open posted customer invoice"),
            (draft, "is not an open posted customer invoice"),
        ):
            with self.assertRaisesExact(ValidationError, text):
                Agreement.create(dict(base, move_ids=[(6, 0, moves.ids)]))
        agreement = Agreement.create(dict(base, move_ids=[(6, 0, mine.ids)]))
        with self.assertRaisesExact(ValidationError, "is already covered by agreement"):
            Agreement.create(dict(base, move_ids=[(6, 0, mine.ids)]))
        with self.assertRaisesExact(ValidationError, "must stay below the amount restructured"):
            agreement.with_user(self.collector).waived_amount = 1000
        # paid in full after the agreement was drafted: refused when submitted
        self.pay(mine, 1000, "2026-06-15")
        with self.assertRaisesExact(ValidationError, "is not an open posted customer invoice"):
            agreement.with_user(self.collector).action_submit()
        self.assertEqual(agreement.state, "draft")

    def test_who_proposes_and_changes(self):
        inv = self.make_invoice(self.debtor, 1000, due="2026-05-01")
        with self.assertRaisesExact(AccessError, "Only collection staff propose a restructuring."):
            self.create_agreement(inv, [("2026-07-01", 1000)], user=self.salesman)
        agreement = self.create_agreement(inv, [("2026-07-01", 1000)])
        with self.assertRaisesExact(AccessError, "Only its proposer may change"):
            agreement.with_user(self.collector_2).reason = "Mine now"
        with self.assertRaisesExact(AccessError, "Only its proposer may change"):
            agreement.instalment_ids.with_user(self.collector_2).amount = 900
        self.activate(agreement)
        with self.assertRaisesExact(UserError, "can no longer be changed"):
            agreement.with_user(self.collector).reason = "Changed after approval"
        with self.assertRaisesExact(UserError, "Due Date can no longer be changed"):
            agreement.instalment_ids.with_user(self.collector).date_due = "2026-12-01"
        with self.assertRaisesExact(UserError, "can no longer be changed"):
            agreement.with_user(self.collector).move_ids = [(5, 0, 0)]
        with self.assertRaisesExact(UserError, "its schedule can no longer be changed"):
            self.env["credit.restructuring.instalment"].with_user(self.collector).create(
                {"restructuring_id": agreement.id, "date_due": "2026-12-01", "amount": 1}
            )
        with self.assertRaisesExact(UserError, "is a record of a decision"):
            agreement.with_user(self.collection_manager).unlink()
        self.assertEqual(agreement.instalment_ids.amount, 1000.0)
