import json

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import CreditCommon


@tagged("post_install", "-at_install", "credit_management")
class TestOverviewFigures(CreditCommon):
    """The credit manager's overview and the figures it shares with the partner screens."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.near = Partner.create({"name": "Near Limit Co", "is_company": True, "customer_rank": 1})
        cls.half = Partner.create({"name": "Half Used Co", "is_company": True, "customer_rank": 1})
        cls.unlimited = Partner.create(
            {"name": "No Limit Co", "is_company": True, "customer_rank": 1}
        )
        cls.near_contact = Partner.create({"name": "Buyer at Near", "parent_id": cls.near.id})
        cls.set_limit(cls.near, 1000, cls.grade_a)
        cls.set_limit(cls.half, 1000, cls.grade_a)
        # 950 of 1,000: an order by the contact counts for its company
        cls.make_invoice(cls.near_contact, 950, due="2026-07-15")
        cls.make_invoice(cls.half, 500, due="2026-07-15")
        cls.make_invoice(cls.unlimited, 300, due="2026-05-01")

    def in_company(self, partner, user=None):
        return partner.with_user(user or self.manager).with_company(self.company)

    def card(self, card_type, user=None):
        card = self.env["credit.overview.card"].search([("card_type", "=", card_type)], limit=1)
        self.assertTrue(card, f"the {card_type} card ships with the add-on")
        return card.with_user(user or self.manager).with_company(self.company)

    # ------------------------------------------------------------ usage and dashes
    def test_usage_is_exposure_over_limit(self):
        near = self.in_company(self.near)
        self.assertTrue(near.credit_has_limit)
        self.assertEqual(near.credit_exposure, 950)
        self.assertEqual(near.credit_usage, 95.0)
        self.assertEqual(self.in_company(self.half).credit_usage, 50.0)
        # the contact shows its company's figures
        self.assertEqual(self.in_company(self.near_contact).credit_usage, 95.0)

    def test_no_limit_is_not_zero_available(self):
        unlimited = self.in_company(self.unlimited)
        self.assertFalse(unlimited.credit_has_limit)
        self.assertEqual(unlimited.credit_exposure, 300)
        # the views show "—" for these: nothing reads as "no credit left"
        self.assertEqual(unlimited.credit_available, 0)
        self.assertEqual(unlimited.credit_usage, 0)
        Partner = self.env["res.partner"].with_user(self.manager).with_company(self.company)
        self.assertNotIn(self.unlimited, Partner.search([("credit_usage", ">=", 0)]))

    def test_near_limit_search_matches_check_figures(self):
        Partner = self.env["res.partner"].with_user(self.manager).with_company(self.company)
        near_limit = Partner.search([("credit_usage", ">=", 90), ("parent_id", "=", False)])
        self.assertIn(self.near, near_limit)
        self.assertNotIn(self.half, near_limit)
        self.assertIn(self.half, Partner.search([("credit_usage", "<", 90)]))
        with self.assertRaisesText(UserError, "compared with a number"):
            Partner.search([("credit_usage", ">=", "much")])

    def test_overdue_beyond_tolerance(self):
        self.company.credit_overdue_tolerance = 100
        Partner = self.env["res.partner"].with_user(self.manager).with_company(self.company)
        overdue = Partner.search([("credit_overdue_beyond_tolerance", "=", True)])
        # 300 due on 2026-05-01, today is 2026-06-15
        self.assertEqual(overdue.filtered(lambda p: not p.parent_id), self.unlimited)
        self.assertTrue(self.in_company(self.unlimited).credit_overdue_beyond_tolerance)
        self.company.credit_overdue_tolerance = 500
        self.assertFalse(
            Partner.search([("credit_overdue_beyond_tolerance", "=", True)]).filtered(
                lambda p: not p.parent_id
            )
        )

    def test_review_overdue_flag(self):
        self.near.with_company(self.company).sudo().credit_next_review_date = "2026-06-01"
        self.half.with_company(self.company).sudo().credit_next_review_date = "2026-07-01"
        self.assertTrue(self.in_company(self.near).credit_review_overdue)
        self.assertFalse(self.in_company(self.half).credit_review_overdue)

    def test_documents_behind_the_amounts(self):
        near = self.in_company(self.near)
        receivables = near.action_credit_open_receivables()
        lines = self.env[receivables["res_model"]].search(receivables["domain"])
        self.assertEqual(sum(lines.mapped("amount_residual")), 950)
        order = self.make_order(self.near_contact, 20)
        order.action_confirm()
        orders = near.action_credit_open_sale_orders()
        self.assertEqual(self.env["sale.order"].search(orders["domain"]), order)
        draft = self.make_invoice(self.near, 10, post=False)
        drafts = near.action_credit_open_draft_invoices()
        self.assertEqual(self.env["account.move"].search(drafts["domain"]), draft)
        overdue = self.in_company(self.unlimited).action_credit_open_overdue()
        self.assertEqual(
            sum(self.env["account.move.line"].search(overdue["domain"]).mapped("amount_residual")),
            300,
        )
        self.assertFalse(
            self.env["account.move.line"].search(near.action_credit_open_overdue()["domain"])
        )

    # ------------------------------------------------------------ the exposure report
    def test_exposure_report_per_commercial_partner(self):
        draft = self.make_invoice(self.near_contact, 10, post=False)
        lines = (
            self.env["credit.exposure.line"]
            .with_user(self.manager)
            .search(
                [
                    ("company_id", "=", self.company.id),
                    ("partner_id", "in", (self.near | self.near_contact).ids),
                ]
            )
        )
        self.assertEqual(lines.partner_id, self.near, "the contact's documents are its company's")
        draft_line = lines.filtered(lambda line: line.move_id == draft)
        self.assertEqual(draft_line.date, draft.date)
        self.assertNotEqual(draft_line.document_name, "/")
        self.assertEqual(draft_line.document_name, draft.display_name)
        groups = (
            self.env["credit.exposure.line"]
            .with_user(self.manager)
            ._read_group(
                [("company_id", "=", self.company.id), ("partner_id", "=", self.near.id)],
                ["partner_id"],
                ["amount:sum"],
            )
        )
        self.assertEqual(
            groups, [(self.near, 960.0)], lines.mapped(lambda x: (x.document, x.amount))
        )

    # ------------------------------------------------------------ the overview cards
    def test_limit_usage_card(self):
        card = self.card("limit_usage")
        self.assertEqual(card.card_count, 1)
        lines = json.loads(card.card_lines)
        self.assertEqual(lines, [{"name": "Near Limit Co", "value": "95%"}])
        graph = json.loads(card.card_graph)
        values = dict(zip(graph["labels"], graph["datasets"][0]["data"], strict=True))
        self.assertEqual(values["90–100%"], 1)
        self.assertEqual(values["50–75%"], 1)
        action = card.action_open()
        self.assertEqual(action["res_model"], "res.partner")
        self.assertEqual(action["context"], {"search_default_near_limit": 1})

    def test_overdue_card(self):
        self.company.credit_overdue_tolerance = 100
        card = self.card("overdue")
        self.assertEqual(card.card_count, 1)
        self.assertEqual(card.card_amount, 300)
        graph = json.loads(card.card_graph)
        self.assertEqual(sum(graph["datasets"][0]["data"]), 300)
        # axes titled, amounts in the company's currency, a legend per series
        self.assertEqual(graph["y_title"], f"Amount ({self.company.currency_id.name})")
        self.assertEqual(graph["x_title"], "Days overdue")
        self.assertEqual([d["label"] for d in graph["datasets"]], ["Overdue"])

    def test_review_due_card(self):
        self.near.with_company(self.company).sudo().credit_next_review_date = "2026-06-01"
        card = self.card("review_due")
        self.assertEqual(card.card_count, 1)
        self.assertEqual(json.loads(card.card_lines)[0]["name"], "Near Limit Co")

    def test_application_and_exception_cards_are_per_decider(self):
        app = (
            self.env["credit.application"]
            .with_user(self.analyst)
            .create(
                {
                    "partner_id": self.half.id,
                    "requested_limit": 5000,
                    "application_type": "limit_change",
                    "justification": "growing",
                    "company_id": self.company.id,
                }
            )
        )
        app.action_submit()
        self.assertEqual(self.card("application").card_count, 1)
        self.assertEqual(self.card("application", self.analyst).card_count, 0)
        Application = self.env["credit.application"].with_user(self.manager)
        self.assertEqual(Application.search([("awaiting_my_decision", "=", True)]), app)
        self.assertTrue(app.with_user(self.manager).awaiting_my_decision)
        self.assertFalse(app.with_user(self.analyst).awaiting_my_decision)
        # the committee's band is not the manager's
        big = (
            self.env["credit.application"]
            .with_user(self.analyst)
            .create(
                {
                    "partner_id": self.near.id,
                    "requested_limit": 500_000,
                    "application_type": "limit_change",
                    "justification": "big",
                    "company_id": self.company.id,
                }
            )
        )
        big.action_submit()
        self.assertEqual(self.card("application").card_count, 1)
        self.assertEqual(self.card("application", self.committee).card_count, 2)

        order = self.make_order(self.near, 500, user=self.salesman)
        exception = (
            self.env["credit.exception"]
            .with_user(self.salesman)
            .create({"res_model": "sale.order", "res_id": order.id, "request_note": "deposit"})
        )
        self.assertEqual(self.card("exception").card_count, 1)
        self.assertEqual(self.card("exception", self.salesman).card_count, 0)
        self.assertEqual(
            self.env["credit.exception"]
            .with_user(self.manager)
            .search([("awaiting_my_decision", "=", True)]),
            exception,
        )

    def test_temporary_and_warning_cards(self):
        app = (
            self.env["credit.application"]
            .with_user(self.salesman)
            .create(
                {
                    "partner_id": self.half.id,
                    "requested_limit": 3000,
                    "application_type": "temporary",
                    "expiry_date": "2026-07-01",
                    "justification": "season",
                    "company_id": self.company.id,
                }
            )
        )
        app.action_submit()
        app.with_user(self.manager)._action_decide("approve", "ok")
        card = self.card("temporary_ending")
        self.assertEqual(card.card_count, 1)
        self.assertEqual(card.card_amount, 3000)
        self.env["credit.warning.entry"].with_user(self.analyst).create(
            {
                "name": "No Limit Co",
                "partner_id": self.unlimited.id,
                "reason": "court ruling",
                "company_id": self.company.id,
            }
        )
        card = self.card("warning_list")
        self.assertEqual(card.card_count, 1)
        self.assertIn("No Limit Co", json.loads(card.card_lines)[0]["name"])

    def test_salesperson_reads_cards_without_figures_leaking(self):
        card = self.card("application", self.salesman)
        self.assertEqual(card.card_count, 0)
        self.assertEqual(self.card("exception", self.salesman).card_count, 0)


@tagged("post_install", "-at_install", "credit_management")
class TestNoDeadEnds(CreditCommon):
    def _app(self, user=None, partner=None):
        return (
            self.env["credit.application"]
            .with_user(user or self.salesman)
            .create(
                {
                    "partner_id": (partner or self.customer).id,
                    "requested_limit": 5000,
                    "application_type": "limit_change",
                    "justification": "regular buyer",
                    "company_id": self.company.id,
                }
            )
        )

    def test_apply_opens_the_pending_application(self):
        partner = self.customer.with_user(self.salesman).with_company(self.company)
        new = partner.action_new_credit_application()
        self.assertNotIn("res_id", new)
        app = self._app()
        again = partner.action_new_credit_application()
        self.assertEqual(again["res_id"], app.id)
        app.action_submit()
        self.assertEqual(partner.action_new_credit_application()["res_id"], app.id)
        # from a contact too
        contact = self.contact.with_user(self.salesman).with_company(self.company)
        self.assertEqual(contact.action_new_credit_application()["res_id"], app.id)

    def test_second_open_application_refused(self):
        app = self._app()
        with self.assertRaisesText(ValidationError, app.name):
            self._app(user=self.analyst)
        self.assertEqual(
            self.env["credit.application"].search_count([("partner_id", "=", self.customer.id)]),
            1,
            "nothing half-saved",
        )
        app.action_cancel()
        self.assertTrue(self._app(), "a new one once the first is closed")

    def test_exception_pending_banner(self):
        self.set_limit(self.customer, 100, self.grade_a)
        order = self.make_order(self.customer, 500, user=self.salesman)
        self.assertFalse(order.credit_exception_pending)
        exception = (
            self.env["credit.exception"]
            .with_user(self.salesman)
            .create({"res_model": "sale.order", "res_id": order.id, "request_note": "deposit"})
        )
        order.invalidate_recordset()
        banner = order.with_user(self.salesman).credit_exception_pending
        self.assertIn(exception.name, banner)
        self.assertIn(self.salesman.name, banner)
        self.assertIn(self.manager.name, banner, "the deciders are named")
        exception.with_user(self.manager)._action_decide("approve", "ok")
        order.invalidate_recordset()
        self.assertFalse(order.credit_exception_pending)

    def test_prepayment_refusal_names_what_must_be_prepaid(self):
        self.set_limit(self.customer, 0, self.grade_c)
        # an advance of 300 (a credit on the account) covers part of a 1,000 order
        self.make_invoice(self.customer, 300, move_type="out_refund")
        order = self.make_order(self.customer, 1000, user=self.salesman)
        with self.assertRaisesText(UserError, "700.00") as caught:
            order.action_confirm()
        self.assertIn("not covered by advance payments", str(caught.exception))
        self.assertNotIn("1,000.00 of this document", str(caught.exception))
        self.assertEqual(order.state, "draft")

    def test_score_history_cannot_be_created_by_hand(self):
        arch = self.env["credit.score"].get_view(view_type="list")["arch"]
        self.assertIn('create="0"', arch)
        # a snapshot records a scoring: only the scoring itself writes one
        with self.assertRaises(AccessError):
            self.env["credit.score"].with_user(self.manager).create(
                {"partner_id": self.customer.id, "score": 99, "company_id": self.company.id}
            )


@tagged("post_install", "-at_install", "credit_management")
class TestScoringConfirmation(CreditCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.model = cls.env["credit.score.model"].create(
            {
                "name": "Status only",
                "company_id": cls.company.id,
                "factor_ids": [
                    Command.create(
                        {
                            "name": "Status",
                            "factor_type": "qualitative",
                            "source": "operating_status",
                            "weight": 1,
                            "option_ids": [
                                Command.create({"value": "active", "name": "Active", "points": 60}),
                            ],
                        }
                    )
                ],
            }
        )
        cls.company.credit_score_model_id = cls.model
        cls.customer.credit_operating_status = "active"

    def test_downgrade_below_limit_asks_first(self):
        # grade B (score 60) allows 100,000; the customer has 500,000
        self.set_limit(self.customer, 500_000, self.grade_a)
        partner = self.customer.with_user(self.analyst).with_company(self.company)
        action = partner.action_credit_score()
        self.assertEqual(action["res_model"], "credit.score.confirm")
        self.assertFalse(self.customer.credit_score_ids, "nothing scored before confirming")
        wizard = self.env["credit.score.confirm"].with_user(self.analyst).browse(action["res_id"])
        self.assertEqual(wizard.grade_id, self.grade_b)
        self.assertEqual(wizard.current_limit, 500_000)
        self.assertEqual(wizard.grade_max_limit, 100_000)
        result = wizard.action_confirm()
        scored = self.customer.with_company(self.company)
        self.assertEqual(scored.credit_grade_id, self.grade_b)
        self.assertEqual(scored.credit_limit, 500_000, "the limit changes only by application")
        application = self.env["credit.application"].browse(result["res_id"])
        self.assertEqual(application.application_type, "limit_change")
        self.assertEqual(application.requested_limit, 100_000)
        self.assertEqual(application.state, "draft")
        self.assertEqual(application.requested_by_id, self.analyst)

    def test_confirm_without_application(self):
        self.set_limit(self.customer, 500_000, self.grade_a)
        partner = self.customer.with_user(self.analyst).with_company(self.company)
        wizard = (
            self.env["credit.score.confirm"]
            .with_user(self.analyst)
            .browse(partner.action_credit_score()["res_id"])
        )
        wizard.propose_application = False
        self.assertEqual(wizard.action_confirm(), {"type": "ir.actions.act_window_close"})
        self.assertEqual(len(self.customer.credit_score_ids), 1)
        self.assertFalse(
            self.env["credit.application"].search([("partner_id", "=", self.customer.id)])
        )

    def test_limit_within_grade_scores_directly(self):
        self.set_limit(self.customer, 50_000, self.grade_a)
        partner = self.customer.with_user(self.analyst).with_company(self.company)
        self.assertIs(partner.action_credit_score(), True)
        self.assertEqual(partner.credit_grade_id, self.grade_b)
        self.assertEqual(partner.credit_score, 60.0)


@tagged("post_install", "-at_install", "credit_management")
class TestMessagesLanguage(CreditCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"]._load_module_terms(
            ["credit_management"], ["zh_CN"], overwrite=True
        )

    def test_chatter_in_company_language(self):
        self.company.partner_id.lang = "zh_CN"
        self.assertEqual(self.analyst.lang, "en_US")
        entry = (
            self.env["credit.warning.entry"]
            .with_user(self.analyst)
            .create(
                {
                    "name": "Credit Customer Ltd",
                    "partner_id": self.customer.id,
                    "reason": "court ruling",
                    "company_id": self.company.id,
                }
            )
        )
        entry.with_user(self.manager).action_lift()
        bodies = self.customer.message_ids.mapped("body")
        self.assertTrue(any("警示名单" in body for body in bodies), bodies)
        self.assertFalse(any("warning list" in body for body in bodies), bodies)

    def test_activity_in_assignee_language(self):
        self.manager.lang = "zh_CN"
        app = (
            self.env["credit.application"]
            .with_user(self.salesman)
            .create(
                {
                    "partner_id": self.customer.id,
                    "requested_limit": 5000,
                    "application_type": "limit_change",
                    "justification": "regular buyer",
                    "company_id": self.company.id,
                }
            )
        )
        app.action_submit()
        summaries = {a.user_id: a.summary for a in app.activity_ids}
        self.assertNotIn("Approve credit application", summaries[self.manager])
        self.assertIn("Approve credit application", summaries[self.manager_2])

    def test_shipped_data_is_translated(self):
        env = self.env(context={"lang": "zh_CN"}, su=True)
        option = env.ref("credit_management.credit_score_factor_operating_status_moved_out")
        self.assertNotEqual(option.name, "Moved out")
        grade = env.ref("credit_management.credit_grade_b")
        self.assertNotEqual(grade.name, grade.with_context(lang="en_US").name)
        activity = env.ref("credit_management.mail_activity_type_credit_review")
        self.assertNotEqual(activity.name, "Credit Re-review")
