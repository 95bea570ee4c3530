"""Issue 19 items 6, 7 and 10: one overdue figure on every screen, disputes shown where
the stage would be, a letter of its own for each stage."""

import re

from odoo import fields
from odoo.tests import HttpCase, tagged
from odoo.tests.common import freeze_time
from odoo.tools.safe_eval import safe_eval

from .common import CollectionCase

TODAY = "2026-06-30"


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestFiguresAgree(CollectionCase):
    @classmethod
    def invoice(cls, partner, amount, due, move_type="out_invoice", invoice_date="2026-04-01"):
        """A posted invoice (or credit note) dated ``invoice_date``, due on ``due``."""
        move = cls.make_invoice(partner, amount, post=False, due=due, move_type=move_type)
        move.write({"invoice_date": invoice_date, "invoice_date_due": due})
        move.action_post()
        return move

    def overdue_on_each_screen(self, partner):
        """{screen: the customer's overdue amount} as each screen's data source says it,
        read by a collector (the worklist, the ageing, the partner, the exposure lines) and
        the overview's card."""
        company = self.company
        collector = self.collector
        # the partner's Credit tab (and the `credit` command's exposure report, which reads
        # this field from the server)
        as_partner = partner.with_user(collector).with_company(company).credit_overdue_amount
        # the collector's worklist: the action's own domain, the customer's invoices
        action = self.env.ref("credit_collection.action_collection_worklist")
        domain = safe_eval(action.domain, {"uid": collector.id})
        worklist = (
            self.env["account.move"]
            .with_user(collector)
            .search(domain + [("commercial_partner_id", "=", partner.id)])
        )
        # the ageing report as at today
        [(as_ageing,)] = (
            self.env["credit.collection.ageing"]
            .with_user(collector)
            ._read_group(
                [("partner_id", "=", partner.id), ("company_id", "=", company.id)],
                [],
                ["amount_overdue:sum"],
            )
        )
        # the overview's "overdue beyond tolerance" card (its figures and its graph)
        card = self.env["credit.overview.card"].with_company(company)._card_overdue(company)
        figures = self.env["res.partner"]._credit_overdue_figures(company)
        # the exposure analysis' lines (credit_management's report)
        [(as_exposure,)] = (
            self.env["credit.exposure.line"]
            .with_user(collector)
            ._read_group(
                [
                    ("partner_id", "=", partner.id),
                    ("company_id", "=", company.id),
                    ("exposure_type", "=", "receivable"),
                ],
                [],
                ["overdue_amount:sum"],
            )
        )
        return {
            "partner": as_partner,
            "worklist": sum(worklist.mapped("collection_amount_overdue")),
            "ageing": as_ageing or 0.0,
            "overview": (figures.get(partner.id) or {"overdue": 0.0})["overdue"],
            "overview card": card["amount"],
            "overview graph": sum(sum(series["data"]) for series in card["graph"]["datasets"]),
            "exposure report": as_exposure or 0.0,
        }, worklist

    def test_one_overdue_figure_credit_notes_netted(self):
        """Two overdue invoices (1000 due 60 days ago, 500 due 15 days ago), one not yet due
        (800) and a credit note (300): 1200 overdue on every screen; the credit note is
        applied to the oldest invoice; no bucket is negative."""
        old = self.invoice(self.customer, 1000, "2026-05-01")
        recent = self.invoice(self.customer, 500, "2026-06-15")
        not_due = self.invoice(self.customer, 800, "2026-07-31", invoice_date="2026-06-20")
        refund = self.invoice(self.customer, 300, "2026-06-10", "out_refund", "2026-06-10")
        self.run_daily(TODAY)
        screens, worklist = self.overdue_on_each_screen(self.customer)
        self.assertEqual(
            screens, dict.fromkeys(screens, 1200.0), "one overdue figure on every screen"
        )
        self.assertEqual(worklist, old | recent, "the invoice not yet due is not chased")
        self.assertEqual(
            [(m.collection_amount_overdue, m.amount_residual) for m in old | recent],
            [(700.0, 1000.0), (500.0, 500.0)],
            "the credit note applied to the oldest overdue invoice",
        )
        # the ageing by bucket: nothing negative, the credit note out of the buckets once
        # applied, the whole balance accounted for
        Ageing = self.env["credit.collection.ageing"].with_user(self.collector)
        groups = Ageing._read_group(
            [("partner_id", "=", self.customer.id)],
            ["bucket_id"],
            ["amount_residual:sum", "amount_not_due:sum", "amount_credit:sum"],
        )
        self.assertEqual(
            {bucket.name: (owed, not_yet, credit) for bucket, owed, not_yet, credit in groups},
            {
                "Current": (800.0, 800.0, 0.0),
                "1-30": (500.0, 0.0, 0.0),
                "31-90": (700.0, 0.0, 0.0),
            },
        )
        line = Ageing.search([("move_id", "=", refund.id)])
        self.assertEqual((line.amount_document, line.amount_residual), (-300.0, 0.0))
        self.assertIn("800.00", self.customer.with_user(self.collector).collection_ageing_html)
        self.assertEqual(not_due.collection_amount_overdue, 0.0)

    def test_customer_netted_to_zero_is_not_chased(self):
        """A customer whose credit note covers its overdue invoice owes nothing: 0 overdue
        everywhere, no stage, no activity, no letter, not on the worklist."""
        inv = self.invoice(self.customer, 400, "2026-05-01")
        self.invoice(self.customer, 400, "2026-06-01", "out_refund", "2026-06-01")
        self.run_daily(TODAY)
        screens, worklist = self.overdue_on_each_screen(self.customer)
        self.assertEqual(screens, dict.fromkeys(screens, 0.0))
        self.assertFalse(worklist)
        self.assertFalse(inv.collection_stage_id)
        self.assertFalse(inv.activity_ids)
        self.assertFalse(inv.collection_letter_ids)
        self.assertFalse(inv.collection_history_ids.filtered(lambda h: h.event == "escalated"))
        groups = (
            self.env["credit.collection.ageing"]
            .with_user(self.collector)
            ._read_group([("partner_id", "=", self.customer.id)], [], ["amount_residual:sum"])
        )
        self.assertEqual(groups, [(0.0,)], "every bucket empty")
        # a customer with a credit balance: the balance stands apart, never in a bucket
        self.invoice(self.customer, 100, "2026-06-05", "out_refund", "2026-06-05")
        Ageing = self.env["credit.collection.ageing"].with_user(self.collector)
        rows = Ageing.search([("partner_id", "=", self.customer.id)])
        self.assertEqual(sum(rows.mapped("amount_residual")), 0.0)
        self.assertEqual(sum(rows.mapped("amount_credit")), -100.0)
        self.assertTrue(all(amount >= 0 for amount in rows.mapped("amount_not_due")))

    def test_a_credit_note_later_stops_the_chase(self):
        """Chased while it owes; a credit note posted later covers it: the next run (which
        looks only at what changed) does not escalate it further."""
        inv = self.invoice(self.customer, 400, "2026-06-10")
        with freeze_time("2026-06-15"):
            self.run_daily("2026-06-15")
        self.assertEqual(inv.collection_stage_id, self.s_reminder)
        self.invoice(self.customer, 400, "2026-06-20", "out_refund", "2026-06-20")
        self.run_daily(TODAY)  # 20 days overdue: the call, were it owed
        self.assertEqual(inv.collection_stage_id, self.s_reminder, "not escalated")
        self.assertFalse(
            inv.activity_ids.filtered(lambda a: a.summary == self.s_call.name),
            "no activity for the call",
        )

    def test_dispute_shown_where_the_stage_would_be(self):
        """A disputed invoice leaves its stage: the worklist, the invoice and the ageing say
        it is disputed instead of showing no stage."""
        inv = self.invoice(self.customer, 1000, "2026-06-01")
        self.run_daily(TODAY)
        self.assertEqual(inv.collection_stage_id, self.s_call)
        self.env["credit.collection.dispute"].with_user(self.collector).create(
            {"move_id": inv.id, "reason": "Goods damaged"}
        )
        self.assertFalse(inv.collection_stage_id)
        self.assertEqual(inv.with_user(self.collector).collection_status, "Disputed")
        line = (
            self.env["credit.collection.ageing"]
            .with_user(self.collector)
            .search([("move_id", "=", inv.id)])
        )
        self.assertTrue(line.disputed)
        self.assertEqual(line.collection_status, "Disputed")
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["credit_collection"], ["zh_CN"])
        zh = inv.with_user(self.collector).with_context(lang="zh_CN")
        self.assertEqual(zh.collection_status, "有争议")
        # the views show it in the stage's place
        for view in ("view_move_collection_list", "view_move_form_collection"):
            arch = self.env.ref(f"credit_collection.{view}").arch
            self.assertIn('name="collection_status"', arch)
        other = self.invoice(self.customer, 10, "2026-06-29")
        self.run_daily("2026-06-30")
        self.assertEqual(other.with_user(self.collector).collection_status, "Reminder")


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestStageLetters(CollectionCase, HttpCase):
    """Each stage with a letter prints its own, in the recipient's language."""

    def letter_in_stage(self, stage, days):
        stage.write({"channel": "print", "payment_days": 10})
        inv = self.make_invoice(self.customer, 1000, due="2026-05-01")
        refund = self.make_invoice(self.customer, 50, move_type="out_refund", post=False)
        refund.write({"invoice_date": "2026-05-02"})
        refund.action_post()
        self.pay(refund, 50, "2026-05-03")  # a refund paid back: nothing left open
        run = self.env["credit.collection.run"].sudo()
        setup = run._collection_setup(self.company)
        key = (self.customer.id, stage.id, self.company.currency_id.id)
        letter = run._collection_create_letters(
            run._collection_letter_vals(self.company, self.today(days), {key: False}, setup)
        )
        self.assertEqual(len(letter), 1)
        return inv, letter

    def today(self, days):
        return fields.Date.add(fields.Date.to_date("2026-05-01"), days=days)

    def render(self, letter, lang):
        self.customer.lang = lang
        letter.recipient_id.lang = lang
        return (
            self.env["ir.actions.report"]
            ._render_qweb_html("credit_collection.report_dunning_letter", letter.ids)[0]
            .decode()
        )

    def test_formal_letter_reads_as_one(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["credit_collection"], ["zh_CN"])
        inv, letter = self.letter_in_stage(self.s_letter, 40)
        self.assertEqual(str(letter.date_deadline), "2026-06-20", "its date plus 10 days")
        html = self.render(letter, "zh_CN")
        for text in (
            "正式催款函",
            "付款期限",
            "单位（盖章）：",
            "授权代表（签字）：",
            "暂停对贵方的一切赊销发货",
            inv.name,
        ):
            self.assertIn(text, html)
        self.assertNotIn("请忽略本函", html, "no 'ignore this if you paid'")
        self.assertNotIn("未结贷项通知单", html, "no zero credit-note line")
        english = self.render(letter, "en_US")
        self.assertIn("Formal Dunning Letter", english)
        self.assertNotIn("disregard", english)
        # printed by wkhtmltopdf (with the CJK fonts the layout names)
        self.customer.lang = letter.recipient_id.lang = "zh_CN"
        pdf, kind = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf("credit_collection.report_dunning_letter", letter.ids)
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))

    def test_each_stage_its_own_letter(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["credit_collection"], ["zh_CN"])
        titles = {}
        for stage, days in ((self.s_reminder, 5), (self.s_letter, 40), (self.s_writeoff, 100)):
            _inv, letter = self.letter_in_stage(stage, days)
            html = self.render(letter, "zh_CN")
            titles[stage.name] = [
                title
                for title in ("付款提醒", "正式催款函", "采取法律行动前的最后通知")
                if re.search(rf"<h2[^>]*>\s*{title}", html)
            ]
        self.assertEqual(
            titles,
            {
                "Reminder": ["付款提醒"],
                "Formal letter": ["正式催款函"],
                "Write-off proposal": ["采取法律行动前的最后通知"],
            },
        )
