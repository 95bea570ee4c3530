"""The generic guard walk over credit_management's guarded models, and the check that
every guarded model of every add-on whose tests are loaded is walked."""

from unittest.mock import patch

from odoo import Command
from odoo.tests import Form, tagged
from odoo.tests.common import freeze_time

from odoo.addons.credit_management.tests import guard_walk

from .common import TODAY, CreditCommon


@freeze_time(TODAY)
@tagged("post_install", "-at_install", "credit_management")
class TestGuardWalk(guard_walk.GuardWalkCase, CreditCommon):
    guard_modules = ("credit_management",)
    guard_check_coverage = True

    # ---------------------------------------------------------------- samples
    @classmethod
    def _partner(cls, name):
        return cls.env["res.partner"].create({"name": name, "is_company": True, "customer_rank": 1})

    @classmethod
    def _decide(cls, record, approve):
        """A credit manager's decision as the web client makes it: the button's dialog
        opened from its action, the reason filled in, confirmed."""
        manager = cls.manager
        if approve:
            button = "action_approve" if record._name == "credit.application" else "action_grant"
        else:
            button = "action_refuse"
        action = getattr(record.with_user(manager), button)()
        wizard = Form(
            cls.env[action["res_model"]].with_user(manager).with_context(**action["context"])
        )
        wizard.note = "walk"
        wizard.save().action_confirm()

    @classmethod
    def _apply(cls, partner, submit=True, **values):
        app = (
            cls.env["credit.application"]
            .with_user(cls.salesman)
            .create(
                dict(
                    {
                        "partner_id": partner.id,
                        "company_id": cls.company.id,
                        "requested_limit": 1000,
                        "justification": "guard walk",
                    },
                    **values,
                )
            )
        )
        if submit:
            app.with_user(cls.salesman).action_submit()
        return app

    @classmethod
    def _applications(cls):
        draft = cls._apply(cls._partner("Walk Draft"), submit=False)
        submitted = cls._apply(cls._partner("Walk Submitted"))
        cancelled = cls._apply(cls._partner("Walk Cancelled"))
        cancelled.with_user(cls.salesman).action_cancel()
        refused = cls._apply(cls._partner("Walk Refused"))
        cls._decide(refused, approve=False)
        expired = cls._apply(
            cls._partner("Walk Expired"), application_type="temporary", expiry_date="2026-06-30"
        )
        cls._decide(expired, approve=True)
        with freeze_time("2026-07-15"):
            cls.env["credit.application"].sudo()._cron_expire_temporary_limits()
        approved = cls._apply(cls._partner("Walk Approved"))
        cls._decide(approved, approve=True)
        apps = draft | submitted | cancelled | refused | expired | approved
        assert apps.mapped("state") == [
            "draft",
            "submitted",
            "cancelled",
            "refused",
            "expired",
            "approved",
        ], apps.mapped("state")
        return apps

    @classmethod
    def _exceptions(cls):
        cls.set_limit(cls.customer, 50)
        orders = [cls.make_order(cls.customer, 100, user=cls.salesman) for _i in range(6)]
        # the document of the walk's own new requests, blocked and without one
        cls.spare_order = orders.pop()

        def request(order):
            return (
                cls.env["credit.exception"]
                .with_user(cls.salesman)
                .create({"res_model": "sale.order", "res_id": order.id, "request_note": "walk"})
            )

        requested = request(orders[0])
        cancelled = request(orders[1])
        cancelled.with_user(cls.salesman).action_cancel()
        refused = request(orders[2])
        cls._decide(refused, approve=False)
        granted = request(orders[3])
        cls._decide(granted, approve=True)
        used = request(orders[4])
        cls._decide(used, approve=True)
        orders[4].with_user(cls.salesman).action_confirm()
        exceptions = requested | cancelled | refused | granted | used
        assert exceptions.mapped("state") == [
            "requested",
            "cancelled",
            "refused",
            "granted",
            "used",
        ], exceptions.mapped("state")
        return exceptions

    @classmethod
    def _warning_entries(cls):
        Entry = cls.env["credit.warning.entry"].with_user(cls.analyst)
        listed = Entry.create({"name": "Walk Listed", "reason": "court list"})
        lifted = Entry.create({"name": "Walk Lifted", "reason": "court list"})
        lifted.with_user(cls.manager).action_lift()
        return listed | lifted

    @classmethod
    def _scores(cls):
        model = cls.env["credit.score.model"].create(
            {
                "name": "Walk model",
                "company_id": cls.company.id,
                "factor_ids": [
                    Command.create(
                        {
                            "name": "Status",
                            "factor_type": "qualitative",
                            "source": "operating_status",
                            "weight": 1,
                            "option_ids": [
                                Command.create({"value": "active", "name": "Active", "points": 80})
                            ],
                        }
                    )
                ],
            }
        )
        cls.company.credit_score_model_id = model
        partner = cls._partner("Walk Scored")
        partner.with_user(cls.analyst).write({"credit_operating_status": "active"})
        partner.with_user(cls.analyst).action_credit_score()
        cls.company.credit_score_model_id = False
        return partner.credit_score_ids

    @classmethod
    def _guard_samples(cls):
        financial = (
            cls.env["credit.partner.financial"]
            .with_user(cls.analyst)
            .create(
                {
                    "partner_id": cls.customer.id,
                    "period_end": "2025-12-31",
                    "revenue": 1000,
                    "net_profit": 100,
                    "total_assets": 800,
                    "total_liabilities": 400,
                    "current_assets": 300,
                    "current_liabilities": 150,
                }
            )
        )
        scores = cls._scores()
        filed = cls._partner("Walk Credit File")
        filed.with_user(cls.analyst).write(
            {"credit_legal_representative": "Li Lei", "credit_entity_type": "llc"}
        )
        return {
            "credit.application": cls._applications(),
            "credit.exception": cls._exceptions(),
            "credit.warning.entry": cls._warning_entries(),
            "credit.partner.financial": financial,
            "credit.score": scores,
            "credit.score.line": scores.line_ids,
            "res.partner": cls.customer | filed,
        }

    def _guard_create_vals(self, record):
        if record._name == "credit.application":
            # one open application per customer: a new one is for another customer
            return {
                "partner_id": self._partner("Walk New Applicant").id,
                "company_id": self.company.id,
                "requested_limit": 500,
                "justification": "guard walk",
            }
        if record._name == "credit.exception":
            # the document is given; the rest comes from the check
            return {"res_model": "sale.order", "res_id": self.spare_order.id, "request_note": "x"}
        if record._name == "res.partner":
            # a plain new contact (a copy would carry the customer's limit and grade)
            return {"name": "Walk New Contact", "is_company": True}
        if record._name == "credit.partner.financial":
            # one set of figures per period
            return {"partner_id": self.customer.id, "period_end": "2024-12-31", "revenue": 10}
        return super()._guard_create_vals(record)

    # ---------------------------------------------------------------- what the walk covers
    def test_walked_models(self):
        self.assertEqual(
            sorted(self._models_walked()),
            [
                "credit.application",
                "credit.exception",
                "credit.partner.financial",
                "credit.score",
                "credit.score.line",
                "credit.warning.entry",
                "res.partner",
            ],
        )

    # ---------------------------------------------------------------- cost
    def test_guards_cost_no_query_without_a_guarded_field(self):
        """The mixin's write runs on every write of a guarded model (res.partner's too): it
        runs no query when the values set no guarded field, and the credit check's path
        (a salesperson confirming an order) costs no query in it at all."""
        submitted = self.samples["credit.application"][1].with_user(self.manager)
        partner = self.customer.with_user(self.salesman)
        self.env.invalidate_all()
        with self.assertQueryCount(0):
            partner._guard_check_vals({"comment": "note", "phone": "+86 21 5555 0100"})
            submitted._guard_check_vals({"activity_ids": []})
        # the tables are worked out once per model class
        Partner = self.env["res.partner"]
        self.assertIs(Partner._guard_tables(), Partner._guard_tables())

        buyer = self._partner("Walk Buyer")
        self.set_limit(buyer, 10_000)
        order = self.make_order(buyer, 100, user=self.salesman)
        Mixin = type(self.env["credit.guard.mixin"])
        costs = []

        def counted(method):
            def wrapper(records, *args):
                before = records.env.cr.sql_log_count
                try:
                    return method(records, *args)
                finally:
                    costs.append((records._name, records.env.cr.sql_log_count - before))

            return wrapper

        with (
            patch.object(Mixin, "_guard_check_vals", counted(Mixin._guard_check_vals)),
            patch.object(Mixin, "_guard_check_new", counted(Mixin._guard_check_new)),
        ):
            order.with_user(self.salesman).action_confirm()
        self.assertEqual(order.state, "sale")
        self.assertEqual([cost for cost in costs if cost[1]], [], "queries in the guards")
