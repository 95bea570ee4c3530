from unittest.mock import patch

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tests.common import freeze_time

from odoo.addons.base.models.ir_mail_server import MailDeliveryException

from .common import CollectionCase

# a delivery status notification (RFC 3464) as a mail server sends it back after having
# accepted the mail: the returned message's Message-Id refers to the letter's mail
BOUNCE = """Return-Path: <>
Received: by mail.customer.example.com (Postfix) id 4F2C81A2B3; Fri,  5 Jun 2026 10:02:11 +0800
Date: Fri,  5 Jun 2026 10:02:11 +0800
From: MAILER-DAEMON@mail.customer.example.com (Mail Delivery System)
Subject: Undelivered Mail Returned to Sender
To: collections@company.example.com
Auto-Submitted: auto-replied
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status;
    boundary="4F2C81A2B3.1780625531/mail.customer.example.com"
Message-Id: {bounce_id}

This is a MIME-encapsulated message.

--4F2C81A2B3.1780625531/mail.customer.example.com
Content-Description: Notification
Content-Type: text/plain; charset=us-ascii

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients. It's attached below.

<{recipient}>: host mail.customer.example.com[192.0.2.10] said: 550 5.1.1
    Mailbox does not exist (in reply to RCPT TO command)

--4F2C81A2B3.1780625531/mail.customer.example.com
Content-Description: Delivery report
Content-Type: message/delivery-status

Reporting-MTA: dns; mail.customer.example.com
X-Postfix-Queue-ID: 4F2C81A2B3
Arrival-Date: Fri,  5 Jun 2026 10:02:10 +0800

Final-Recipient: rfc822; {recipient}
Original-Recipient: rfc822;{recipient}
Action: failed
Status: 5.1.1
Remote-MTA: dns; mail.customer.example.com
Diagnostic-Code: smtp; 550 5.1.1 Mailbox does not exist

--4F2C81A2B3.1780625531/mail.customer.example.com
Content-Description: Undelivered Message
Content-Type: message/rfc822

Message-Id: {message_id}
Subject: Payment reminder
From: collections@company.example.com
To: {recipient}
Date: Fri,  5 Jun 2026 10:02:09 +0800
MIME-Version: 1.0
Content-Type: text/plain; charset="utf-8"

Our records show that the following amount is overdue.

--4F2C81A2B3.1780625531/mail.customer.example.com--
"""


@tagged("post_install", "-at_install")
class TestLetters(CollectionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.invoice_contact = cls.env["res.partner"].create(
            {
                "name": "Accounts Payable",
                "type": "invoice",
                "parent_id": cls.customer.id,
                "email": "invoices@customer.example.com",
            }
        )

    def test_one_letter_per_customer_stage_currency(self):
        inv1 = self.make_invoice(self.customer, 1000, due="2026-06-01")
        inv2 = self.make_invoice(self.customer, 500, due="2026-06-02")
        not_due = self.make_invoice(self.customer, 300, due="2026-07-31")
        refund = self.make_invoice(self.customer, 200, move_type="out_refund")
        self.pay(inv1, 400, "2026-06-03")
        self.run_daily("2026-06-05")
        letter = self.env["credit.collection.letter"].search(
            [("partner_id", "=", self.customer.id)]
        )
        self.assertEqual(len(letter), 1)
        self.assertEqual(letter.stage_id, self.s_reminder)
        self.assertEqual(letter.move_ids, inv1 | inv2 | not_due, "every open item")
        self.assertEqual(letter.credit_move_ids, refund)
        self.assertEqual(letter.amount_open, 600 + 500 + 300, "balances after partial payments")
        # overdue less the open credit note, as the credit check counts it (issue 19 item 6)
        self.assertEqual(letter.amount_overdue, 1100 - 200)
        self.assertEqual(letter.recipient_id, self.invoice_contact)
        self.assertEqual(letter.channel, "email")

    def test_tolerance_skips(self):
        self.company.credit_overdue_tolerance = 100
        self.make_invoice(self.customer, 80, due="2026-06-01")
        self.run_daily("2026-06-05")
        self.assertFalse(
            self.env["credit.collection.letter"].search([("partner_id", "=", self.customer.id)])
        )

    def test_email_sent_logged_and_cancel_needs_reason(self):
        inv = self.make_invoice(self.customer, 1000, due="2026-06-01")
        self.run_daily("2026-06-05")
        letter = inv.collection_letter_ids
        self.env["credit.collection.letter"]._cron_send_letters()
        self.assertEqual(letter.state, "sent")
        self.assertEqual(letter.mail_id.recipient_ids, self.invoice_contact)
        self.assertTrue(inv.collection_dunned)
        self.assertIn(letter.name, " ".join(inv.message_ids.mapped("body")))
        self.assertIn(letter.name, " ".join(self.customer.message_ids.mapped("body")))
        self.assertIn("letter", inv.collection_history_ids.mapped("event"))
        with self.assertRaisesExact(UserError, "record the reason"):
            inv.with_user(self.accountant).button_cancel()
        with self.assertRaisesExact(UserError, "record the reason"):
            inv.with_user(self.accountant).button_draft()
        # the button's dialog, as a billing user
        action = inv.with_user(self.accountant).action_collection_cancel_with_reason()
        self.open_dialog(action, self.accountant, reason="Wrong customer invoiced").action_cancel()
        self.assertEqual(inv.state, "cancel")
        self.assertEqual(inv.collection_cancel_reason, "Wrong customer invoiced")

    def test_no_address_falls_back_to_print(self):
        self.invoice_contact.email = False
        self.customer.email = False
        inv = self.make_invoice(self.customer, 1000, due="2026-06-01")
        self.run_daily("2026-06-05")
        letter = inv.collection_letter_ids
        self.assertEqual(letter.channel, "print")
        self.env["credit.collection.letter"]._cron_send_letters()
        self.assertEqual(letter.state, "to_print")
        self.assertEqual(letter.activity_ids.user_id, self.collector)
        letter.with_user(self.collector).action_mark_printed()
        self.assertEqual(letter.state, "printed")
        self.assertTrue(inv.collection_dunned)

    def test_delivery_failure_back_to_collector(self):
        inv = self.make_invoice(self.customer, 1000, due="2026-06-01")
        self.run_daily("2026-06-05")
        letter = inv.collection_letter_ids

        def fail(*args, **kwargs):
            raise MailDeliveryException("Mailbox unavailable")

        with (
            patch(
                "odoo.addons.base.models.ir_mail_server.IrMailServer.send_email", side_effect=fail
            ),
            self.assertLogs("odoo.addons.mail.models.mail_mail", level="INFO"),
        ):
            self.env["credit.collection.letter"]._cron_send_letters()
        self.assertEqual(letter.state, "failed")
        self.assertIn("Mailbox unavailable", letter.failure_reason)
        self.assertEqual(letter.activity_ids.user_id, self.collector)
        self.assertFalse(inv.collection_dunned)
        self.assertIn("letter_failed", inv.collection_history_ids.mapped("event"))

    def test_bounce_after_acceptance_back_to_collector(self):
        """The mail server accepted the letter's mail; its bounce arrives later."""
        inv = self.make_invoice(self.customer, 1000, due="2026-06-01")
        self.run_daily("2026-06-05")
        letter = inv.collection_letter_ids
        self.env["credit.collection.letter"]._cron_send_letters()
        self.assertEqual(letter.state, "sent")
        self.assertTrue(letter.mail_message_id.message_id)
        Thread = self.env["mail.thread"].sudo()
        # the bounce of another message of the letter (a note) is not the letter's
        note = letter.message_post(body="Internal remark")
        Thread.message_process(
            False,
            BOUNCE.format(
                bounce_id="<bounce-1@mail.customer.example.com>",
                recipient="invoices@customer.example.com",
                message_id=note.message_id,
            ),
        )
        self.assertEqual(letter.state, "sent")
        # the letter's own mail bounces
        Thread.message_process(
            False,
            BOUNCE.format(
                bounce_id="<bounce-2@mail.customer.example.com>",
                recipient="invoices@customer.example.com",
                message_id=letter.mail_message_id.message_id,
            ),
        )
        self.assertEqual(letter.state, "failed")
        self.assertIn("invoices@customer.example.com", letter.failure_reason)
        self.assertIn("550 5.1.1 Mailbox does not exist", letter.failure_reason)
        activity = letter.activity_ids
        self.assertEqual(activity.user_id, self.collector)
        self.assertEqual(activity.summary, "Dunning letter not delivered")
        self.assertIn("letter_failed", inv.collection_history_ids.mapped("event"))
        not_delivered = f"Dunning letter {letter.name} (Reminder) not delivered"
        self.assertIn(not_delivered, " ".join(inv.message_ids.mapped("body")))
        self.assertIn(not_delivered, " ".join(self.customer.message_ids.mapped("body")))
        # Odoo's own bounce handling still runs: the contact's address counts its bounces
        self.assertTrue(self.invoice_contact.message_bounce)
        # the collector sends it again after correcting the address
        first_mail = letter.mail_message_id.message_id
        self.invoice_contact.email = "ap-team@customer.example.com"
        letter.with_user(self.collector).action_send()
        self.assertEqual(letter.state, "sent", letter.failure_reason)
        self.assertNotEqual(letter.mail_message_id.message_id, first_mail)
        # another bounce of the first mail, already reported, changes nothing
        Thread.message_process(
            False,
            BOUNCE.format(
                bounce_id="<bounce-3@mail.customer.example.com>",
                recipient="invoices@customer.example.com",
                message_id=first_mail,
            ),
        )
        self.assertEqual(letter.state, "sent")

    def test_letter_per_currency(self):
        other_currency = self.setup_other_currency("EUR")
        usd_invoice = self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": self.customer.id,
                "currency_id": other_currency.id,
                "invoice_date": "2026-06-01",
                "invoice_date_due": "2026-06-01",
                "invoice_line_ids": [
                    Command.create(
                        {
                            "name": "x",
                            "quantity": 1,
                            "price_unit": 100,
                            "tax_ids": [Command.clear()],
                        }
                    )
                ],
            }
        )
        usd_invoice.action_post()
        self.make_invoice(self.customer, 1000, due="2026-06-01")
        self.run_daily("2026-06-05")
        letters = self.env["credit.collection.letter"].search(
            [("partner_id", "=", self.customer.id)]
        )
        self.assertEqual(len(letters), 2)
        self.assertEqual(
            set(letters.currency_id.ids), {self.company.currency_id.id, other_currency.id}
        )

    def test_pdfs_render_in_chinese_and_english(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["credit_collection"], ["zh_CN"])
        inv = self.make_invoice(self.customer, 1000, due="2026-06-01")
        self.run_daily("2026-06-05")
        letter = inv.collection_letter_ids
        Report = self.env["ir.actions.report"]
        html_en = Report._render_qweb_html("credit_collection.report_dunning_letter", letter.ids)[0]
        self.assertIn(inv.name, html_en.decode())
        self.assertIn("Balance Due", html_en.decode())
        self.invoice_contact.lang = "zh_CN"
        html_zh = Report._render_qweb_html("credit_collection.report_dunning_letter", letter.ids)[0]
        self.assertIn("未付余额", html_zh.decode())
        statement = Report._render_qweb_html(
            "credit_collection.report_customer_statement", self.customer.ids
        )[0]
        self.assertIn(inv.name, statement.decode())

    # ------------------------------------------------------------ issue 16 item 15
    def test_letter_frozen_once_generated(self):
        """Recipient, listed invoices and amounts are what the letter said on its date: a
        payment afterwards changes nothing, nobody edits them."""
        inv1 = self.make_invoice(self.customer, 1000, due="2026-06-01")
        inv2 = self.make_invoice(self.customer, 500, due="2026-07-31")
        self.run_daily("2026-06-05")
        letter = inv1.collection_letter_ids
        self.assertEqual(letter.amount_open, 1500)
        self.assertEqual(letter.amount_overdue, 1000)
        self.assertEqual(
            [(line.move_id, line.amount_residual, line.days_overdue) for line in letter.line_ids],
            [(inv1, 1000, 4), (inv2, 500, 0)],
        )
        self.pay(inv1, 400, "2026-06-06")
        self.pay(inv2, 500, "2026-06-06")
        self.env.invalidate_all()
        self.assertEqual(letter.amount_open, 1500, "the letter's figures do not follow payments")
        self.assertEqual(letter.amount_overdue, 1000)
        self.assertEqual(letter.line_ids.mapped("amount_residual"), [1000, 500])
        for user in (self.collector, self.collection_manager):
            for vals in (
                {"recipient_id": self.customer.id},
                {"move_ids": [Command.unlink(inv2.id)]},
                {"amount_open": 0},
                {"date": "2026-06-06"},
            ):
                with self.assertRaisesExact(AccessError, "set by its workflow"):
                    letter.with_user(user).write(vals)
        with self.assertRaisesExact(AccessError, "set by its workflow"):
            letter.line_ids[:1].with_user(self.collection_manager).write({"amount_residual": 1})
        with self.assertRaisesExact(AccessError, "not allowed to delete"):
            letter.with_user(self.collection_manager).unlink()
        # nor from the invoice's side
        with self.assertRaisesExact(AccessError, "set by its workflow"):
            inv2.with_user(self.accountant).write({"collection_letter_ids": [Command.clear()]})
        self.assertEqual(letter.move_ids, inv1 | inv2)
        self.assertEqual(letter.recipient_id, self.invoice_contact)
        html = (
            self.env["ir.actions.report"]
            .with_user(self.collector)
            ._render_qweb_html("credit_collection.report_dunning_letter", letter.ids)[0]
            .decode()
        )
        self.assertIn("1,000.00", html, "the balance the letter stated")

    def test_correction_cancels_and_regenerates(self):
        """A correction cancels the letter, keeping it with the reason, and makes a new one
        from the customer's open items that day."""
        inv1 = self.make_invoice(self.customer, 1000, due="2026-06-01")
        inv2 = self.make_invoice(self.customer, 300, due="2026-06-01")
        self.run_daily("2026-06-05")
        letter = inv1.collection_letter_ids
        self.assertEqual(letter.amount_open, 1300)
        self.pay(inv2, 300, "2026-06-06")  # paid before the letter went out
        with self.assertRaisesExact(AccessError, "Only collectors correct"):
            letter.with_user(self.salesman).action_correct()
        with freeze_time("2026-06-07"):
            action = letter.with_user(self.collector).action_correct()
            result = self.open_dialog(
                action, self.collector, reason="Invoice 2 was paid on 6 June"
            ).action_confirm()
        new = self.env["credit.collection.letter"].browse(result["res_id"])
        self.assertEqual(letter.state, "cancel")
        self.assertEqual(letter.cancel_reason, "Invoice 2 was paid on 6 June")
        self.assertEqual(letter.cancelled_by_id, self.collector)
        self.assertEqual(letter.replaced_by_id, new)
        self.assertEqual(letter.amount_open, 1300, "the old letter is kept as it was")
        self.assertEqual(new.replaces_id, letter)
        self.assertEqual(new.state, "draft")
        self.assertEqual(str(new.date), "2026-06-07")
        self.assertEqual(new.move_ids, inv1)
        self.assertEqual(new.amount_open, 1000)
        self.assertEqual((new.partner_id, new.stage_id), (letter.partner_id, letter.stage_id))
        self.assertNotEqual(new.name, letter.name)
        self.assertIn("Invoice 2 was paid", " ".join(letter.message_ids.mapped("body")))
        with self.assertRaisesExact(UserError, "already cancelled"):
            letter.with_user(self.collector).action_correct()
        with self.assertRaisesExact(UserError, "Only letters to send or not delivered"):
            letter.with_user(self.collector).action_send()
        # the new letter goes out as any other
        new.with_user(self.collector).action_send()
        self.assertEqual(new.state, "sent")

    def test_print_button(self):
        self.invoice_contact.email = False
        self.customer.email = False
        inv = self.make_invoice(self.customer, 1000, due="2026-06-01")
        self.run_daily("2026-06-05")
        letter = inv.collection_letter_ids
        credit_user = self.salesman  # reads letters, is no collector
        action = letter.with_user(credit_user).action_print()
        self.assertEqual(action["report_name"], "credit_collection.report_dunning_letter")
        self.assertEqual(action["context"]["active_ids"], letter.ids)
