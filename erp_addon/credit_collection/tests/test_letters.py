from unittest.mock import patch

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

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
        self.assertEqual(letter.amount_overdue, 1100)
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
        with self.assertRaisesText(UserError, "reason"):
            inv.button_cancel()
        with self.assertRaisesText(UserError, "reason"):
            inv.button_draft()
        wizard = self.env["credit.collection.cancel.wizard"].create(
            {"move_id": inv.id, "reason": "Wrong customer invoiced"}
        )
        wizard.action_cancel()
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
