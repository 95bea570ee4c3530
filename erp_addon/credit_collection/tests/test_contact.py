from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tests.common import freeze_time

from .common import CollectionCase


@tagged("post_install", "-at_install")
class TestContactLog(CollectionCase):
    """Issue 16 item 17: the contact log is its author's, on the day; its company is the
    customer's; nothing is posted where its author cannot read."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other = cls.setup_other_company(name="Other Collections Co")["company"]
        cls.other_customer = cls.env["res.partner"].create(
            {"name": "Other's Customer", "is_company": True, "company_id": cls.other.id}
        )
        cls.other_invoice = cls.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": cls.customer.id,
                "company_id": cls.other.id,
                "invoice_date": "2026-05-01",
                "invoice_date_due": "2026-05-01",
                "invoice_line_ids": [
                    Command.create({"name": "goods", "quantity": 1, "price_unit": 100})
                ],
            }
        )
        cls.other_invoice.action_post()

    def _log(self, inv, user=None, **values):
        """A contact logged from the invoice's button, as the web client does."""
        user = user or self.collector
        action = inv.with_user(user).action_collection_log_contact()
        return self.open_dialog(
            action,
            user,
            **dict({"contact_type": "call", "outcome": "promise", "note": "Pays Friday"}, **values),
        )

    def test_author_edits_on_the_day_only(self):
        inv = self.make_invoice(self.customer, 1000, due="2026-06-01")
        with freeze_time("2026-06-10 09:00:00"):
            contact = self._log(inv)
            self.assertEqual(contact.user_id, self.collector)
            self.assertEqual(contact.company_id, self.company)
            self.assertEqual(contact.partner_id, self.customer)
            contact.with_user(self.collector).write({"note": "Pays Friday, half"})
            for user in (self.collector_2, self.collection_manager):
                with self.assertRaisesExact(AccessError, "who logged this contact"):
                    contact.with_user(user).write({"note": "Rewritten"})
            with self.assertRaisesExact(AccessError, "set by its workflow"):
                contact.with_user(self.collector).write({"user_id": self.collector_2.id})
        with freeze_time("2026-06-11 09:00:00"):
            with self.assertRaisesExact(UserError, "only be changed on the day"):
                contact.with_user(self.collector).write({"note": "Paid nothing"})
            # deleting it is changing it: a credit manager may delete, not someone's entry
            with self.assertRaisesExact(AccessError, "who logged this contact"):
                contact.with_user(self.collection_manager).unlink()
            self.assertTrue(contact.exists())
        self.assertEqual(contact.note, "Pays Friday, half")
        # posted on the invoice by its author
        message = inv.message_ids.filtered(lambda m: "Pays Friday" in (m.body or ""))
        self.assertEqual(message.author_id, self.collector.partner_id)

    def test_author_and_company_not_chosen_by_hand(self):
        Contact = self.env["credit.collection.contact"].with_user(self.collector)
        vals = {"partner_id": self.customer.id, "contact_type": "call", "outcome": "reached"}
        with self.assertRaisesExact(AccessError, "set by its workflow"):
            Contact.create(dict(vals, user_id=self.collector_2.id))
        with self.assertRaisesExact(AccessError, "set by its workflow"):
            Contact.create(dict(vals, company_id=self.other.id))
        contact = Contact.with_context(
            default_company_id=self.other.id, default_user_id=self.collector_2.id
        ).create(vals)
        self.assertEqual(contact.company_id, self.company)
        self.assertEqual(contact.user_id, self.collector)

    def test_company_comes_from_the_partner(self):
        # the collector works for both companies, the customer belongs to the other one
        self.collector.company_ids |= self.other
        contact = (
            self.env["credit.collection.contact"]
            .with_user(self.collector)
            .with_context(allowed_company_ids=[self.company.id, self.other.id])
            .create({"partner_id": self.other_customer.id, "contact_type": "visit"})
        )
        self.assertEqual(contact.company_id, self.other, "the customer's company")

    def test_other_company_partner_refused_nothing_posted(self):
        """A collector of this company cannot log a contact on another company's customer
        or invoice, and nothing is posted on them (it used to be, as superuser)."""
        Contact = self.env["credit.collection.contact"].with_user(self.collector)
        before = len(self.other_customer.message_ids)
        with self.assertRaisesExact(AccessError, "top-secret records"):
            Contact.create({"partner_id": self.other_customer.id, "contact_type": "call"})
        self.assertEqual(len(self.other_customer.message_ids), before)
        before = len(self.other_invoice.message_ids)
        with self.assertRaisesExact(AccessError, "top-secret records"):
            Contact.create(
                {
                    "partner_id": self.customer.id,
                    "move_id": self.other_invoice.id,
                    "contact_type": "call",
                    "note": "Logged on another company's invoice",
                }
            )
        self.assertEqual(len(self.other_invoice.message_ids), before)
        self.assertFalse(
            self.env["credit.collection.contact"].search(
                [("partner_id", "=", self.other_customer.id)]
            )
        )
