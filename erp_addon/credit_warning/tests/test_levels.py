"""Warning levels from the signals' weights against the company's thresholds, their dated
history, the notifications (the customer's analyst; at severe also the credit managers, in
each one's language), bad input, and the scheduled run skipping a failing company."""

from unittest.mock import patch

from psycopg2 import IntegrityError

from odoo import fields
from odoo.exceptions import ValidationError
from odoo.tests import new_test_user, tagged
from odoo.tests.common import freeze_time
from odoo.tools import mute_logger

from ..models.credit_warning_rule import DEFAULT_RULES
from .common import TODAY, WarningCase


@freeze_time(TODAY)
@tagged("post_install", "-at_install")
class TestLevels(WarningCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # a second company (its rules copied when created)
        cls.other_company = cls.env["res.company"].create({"name": "Other Steel Co"})

    def level(self, partner):
        # no level stored is no level (the field's empty value)
        return partner.with_company(self.company).credit_warning_level or "none"

    def activities(self, partner):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "res.partner"),
                ("res_id", "=", partner.id),
                (
                    "activity_type_id",
                    "=",
                    self.env.ref("credit_warning.mail_activity_type_credit_warning").id,
                ),
            ]
        )

    def make_warning(self):
        """The customer: limit usage 95 % and rising (weight 2) and a related person on the
        warning list (weight 4): score 6, warning."""
        self.only_rules("limit_usage", "warning_list")
        self.set_limit(self.customer, 1000)
        self.invoice(self.customer, 950, "2026-06-01", "2026-07-01")
        self.customer.credit_legal_representative = "Zhao Gang"
        self.env["credit.warning.entry"].create(
            {"name": "Zhao Gang", "entry_type": "person", "reason": "Court list"}
        )

    def test_level_from_weights_and_thresholds(self):
        self.make_warning()
        self.run_warning()
        self.assertEqual(self.level(self.customer), "warning")
        self.assertEqual(self.customer.with_company(self.company).credit_warning_score, 6.0)
        self.assertEqual(self.level(self.customer_2), "none")
        # searchable and groupable in the company
        Partner = self.env["res.partner"].with_company(self.company)
        self.assertEqual(Partner.search([("credit_warning_level", "=", "warning")]), self.customer)
        groups = dict(
            Partner._read_group(
                [("id", "in", (self.customer | self.customer_2).ids)],
                ["credit_warning_level"],
                ["__count"],
            )
        )
        self.assertEqual(groups["warning"], 1)
        # the company's thresholds decide: severe from 6
        self.company.credit_warning_severe_score = 6.0
        self.run_warning()
        self.assertEqual(self.level(self.customer), "severe")

    def test_levels_written_through_the_orm(self):
        """The level and score go through ``write`` (issue 18: no raw UPDATE of Odoo's
        tables), only for the partners whose values change; no level is no stored key."""
        self.make_warning()
        Partner = type(self.env["res.partner"])
        with patch.object(Partner, "write", autospec=True, side_effect=Partner.write) as write:
            self.run_warning()
        # (Odoo's own code writes nothing to partners here: empty writes left aside)
        self.assertEqual(
            [(call.args[0].ids, call.args[1]) for call in write.call_args_list if call.args[1]],
            [
                (
                    self.customer.ids,
                    {"credit_warning_level": "warning", "credit_warning_score": 6.0},
                )
            ],
        )
        self.assertEqual(self.level(self.customer), "warning")
        # the same day again: nothing changes, nothing is written
        with patch.object(Partner, "write", autospec=True, side_effect=Partner.write) as write:
            self.run_warning()
        self.assertFalse([call for call in write.call_args_list if call.args[1]])
        # every rule off, the signals end: no level, no score, the company's keys gone
        self.only_rules()
        self.run_warning()
        self.assertEqual(self.level(self.customer), "none")
        self.env.flush_all()
        self.env.cr.execute(
            "SELECT credit_warning_level, credit_warning_score FROM res_partner WHERE id = %s",
            self.customer.ids,
        )
        level, score = self.env.cr.fetchone()
        self.assertNotIn(str(self.company.id), level or {})
        self.assertNotIn(str(self.company.id), score or {})

    def test_history_dated_with_evidence(self):
        self.make_warning()
        self.run_warning()
        self.run_warning()  # no change: no new history
        history = self.customer.credit_warning_history_ids
        self.assertEqual(len(history), 1)
        self.assertEqual(
            (history.date, history.level_from, history.level, history.score, history.raised),
            (fields.Date.to_date(TODAY), "none", "warning", 6.0, True),
        )
        self.assertIn(
            "Related person on the warning list: On the warning list: Zhao Gang.", history.evidence
        )
        # the entry lifted: the level falls, recorded too
        self.env["credit.warning.entry"].search([("name", "=", "Zhao Gang")]).action_lift()
        self.run_warning()
        self.assertEqual(self.level(self.customer), "watch")
        latest = self.customer.credit_warning_history_ids[0]
        self.assertEqual(
            (latest.level_from, latest.level, latest.raised), ("warning", "watch", False)
        )

    def test_history_display_name(self):
        """Issue 19, item c: a level change shows as what it is in breadcrumbs and links,
        in the reader's language, not as "credit.warning.history,1"."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["credit_warning"], ["zh_CN"], overwrite=True
        )
        self.make_warning()
        self.run_warning()
        history = self.customer.credit_warning_history_ids
        name = self.customer.display_name
        self.assertEqual(
            history.with_context(lang="en_US").display_name,
            f"{name}: None → Warning (06/15/2026)",
        )
        self.assertEqual(
            history.with_context(lang="zh_CN").display_name,
            f"{name}：无 → 警告（2026年06月15日）",
        )

    def test_analyst_notified_in_own_language(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["credit_warning"], ["zh_CN"], overwrite=True
        )
        self.analyst.lang = "zh_CN"
        self.make_warning()
        self.run_warning()
        activity = self.activities(self.customer)
        self.assertEqual(activity.user_id, self.analyst)
        self.assertEqual(activity.summary, f"信用预警：无 → 警告（{self.company.name}）")
        self.assertEqual(activity.date_deadline, fields.Date.to_date("2026-06-16"))

    def test_severe_notifies_the_credit_managers(self):
        self.make_warning()
        self.company.credit_warning_severe_score = 6.0
        other_company_manager = new_test_user(
            self.env,
            login="cw_other_mgr",
            groups="base.group_user,credit_management.group_credit_manager",
            company_id=self.other_company.id,
            company_ids=[self.other_company.id],
        )
        self.run_warning()
        users = self.activities(self.customer).user_id
        self.assertIn(self.analyst, users)
        self.assertIn(self.manager, users)
        self.assertIn(self.manager_2, users)
        self.assertNotIn(other_company_manager, users, "managers of the customer's company only")
        self.assertEqual(self.activities(self.customer_2), self.env["mail.activity"])

    def test_refresh_for_given_customers_only(self):
        self.make_warning()
        self.set_limit(self.customer_2, 1000)
        self.invoice(self.customer_2, 990, "2026-06-01", "2026-07-01")
        self.run_warning(partners=self.customer_2)
        self.assertEqual(self.level(self.customer_2), "watch")
        self.assertEqual(self.level(self.customer), "none", "not recomputed")

    def test_bad_rule_figures(self):
        rule = self.rule("limit_usage").with_user(self.manager)
        with self.assertRaisesExact(ValidationError, "A rule's threshold cannot be negative."):
            rule.threshold = -1
        with self.assertRaisesExact(ValidationError, "A rule's weight must be greater than zero."):
            rule.weight = 0
        with self.assertRaisesExact(
            ValidationError, "A rule's days looked back cannot be negative."
        ):
            rule.period_days = -5
        self.assertEqual(rule.threshold, 90.0)

    def test_bad_level_thresholds(self):
        with self.assertRaisesExact(
            ValidationError,
            "The warning levels' scores must rise: watch 5.0, warning 4.0, severe 7.0.",
        ):
            self.company.credit_warning_watch_score = 5.0
        with self.assertRaisesExact(
            ValidationError, "The warning score of the watch level must be greater than zero."
        ):
            self.company.credit_warning_watch_score = 0.0

    def test_one_rule_per_type_and_company(self):
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.cr.savepoint():
            self.Rule.create(
                {"company_id": self.company.id, "signal_type": "dso_up", "threshold": 5}
            )

    def test_cron_skips_a_failing_company_and_goes_on(self):
        self.make_warning()
        other = self.other_company
        original = type(self.Signal)._warning_run

        def failing(model, company, today, partner_ids=None):
            if company.id == other.id:
                raise ValueError("broken company")
            return original(model, company, today, partner_ids)

        with (
            patch.object(type(self.Signal), "_warning_run", failing),
            self.assertLogs(
                "odoo.addons.credit_warning.models.credit_warning_signal_run", "ERROR"
            ) as logs,
        ):
            done = self.Signal._cron_warning_daily()
        self.assertIn(self.company.id, done)
        self.assertNotIn(other.id, done)
        self.assertIn("Early-warning run of", logs.output[0])
        self.assertEqual(self.level(self.customer), "warning")

    def test_rules_copied_to_new_companies(self):
        company = self.env["res.company"].create({"name": "New Steel Co"})
        rules = self.Rule.search([("company_id", "=", company.id)])
        self.assertLessEqual(set(DEFAULT_RULES), set(rules.mapped("signal_type")))
        self.assertEqual(rules.filtered(lambda r: r.signal_type == "limit_usage").threshold, 90.0)
