from unittest.mock import patch

from odoo import Command, fields
from odoo.exceptions import UserError
from odoo.tests import TransactionCase, new_test_user, tagged

from ..tools.reminders import due_domain, schedule_reminders

LOGGER = "odoo.addons.credit_management.tools.reminders"


@tagged("post_install", "-at_install", "credit_management")
class TestReminders(TransactionCase):
    """The reminder helper every credit cron uses (tools/reminders.py)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"]._load_module_terms(
            ["credit_management"], ["zh_CN"], overwrite=True
        )
        cls.company = cls.env["res.company"].create({"name": "Reminder Co"})
        common = {"company_id": cls.company.id, "company_ids": [Command.set(cls.company.ids)]}
        cls.user_en = new_test_user(
            cls.env, login="rm_en", groups="base.group_user", lang="en_US", **common
        )
        cls.user_zh = new_test_user(
            cls.env, login="rm_zh", groups="base.group_user", lang="zh_CN", **common
        )
        cls.partners = cls.env["res.partner"].create(
            [{"name": f"Reminded {n}", "is_company": True} for n in range(4)]
        )
        cls.activity_type = cls.env.ref("credit_management.mail_activity_type_credit_review")
        # the cron's user: OdooBot, in English
        cls.bot_env = cls.env(
            user=cls.env.ref("base.user_root"), context={"lang": "en_US", "tz": "UTC"}
        )

    def activities(self, partners=None):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "res.partner"),
                ("res_id", "in", (partners or self.partners).ids),
                ("activity_type_id", "=", self.activity_type.id),
            ]
        )

    def remind(self, partners, users=None, summary=None, **kwargs):
        return schedule_reminders(
            partners.with_env(self.bot_env),
            self.activity_type,
            users=users or (lambda partner: self.user_en),
            deadline=lambda partner: fields.Date.to_date("2026-07-01"),
            summary=summary
            or (
                lambda partner, user: partner.env._(
                    "Credit re-review due (%(company)s)", company=partner.name
                )
            ),
            **kwargs,
        )

    def test_due_domain(self):
        today = fields.Date.to_date("2026-06-15")
        self.assertEqual(
            due_domain("date_end", today, 30),
            [("date_end", "<=", fields.Date.to_date("2026-07-15")), ("date_end", ">=", today)],
        )
        self.assertEqual(due_domain("date_next", today, overdue=True), [("date_next", "<=", today)])

    def test_pending_activity_is_not_repeated(self):
        first, second, third, fourth = self.partners
        first.activity_schedule(activity_type_id=self.activity_type.id, user_id=self.user_zh.id)
        reminded = self.remind(self.partners)
        self.assertEqual(reminded, second | third | fourth)
        self.assertEqual(len(self.activities()), 4)
        self.assertEqual(self.activities(first).user_id, self.user_zh, "the pending one stays")
        self.assertFalse(self.remind(self.partners), "all pending: nothing again")
        self.assertEqual(len(self.activities()), 4)
        # once done, the next run reminds again
        self.activities(second).action_feedback(feedback="re-reviewed")
        self.assertEqual(self.remind(self.partners), second)

    def test_one_create_per_batch(self):
        Activity = type(self.env["mail.activity"])
        original = Activity.create
        calls = []

        def counting(activities, vals_list):
            calls.append(len(vals_list))
            return original(activities, vals_list)

        with patch.object(Activity, "create", counting):
            reminded = self.remind(
                self.partners, users=lambda partner: self.user_en | self.user_zh, batch_size=3
            )
        self.assertEqual(reminded, self.partners)
        self.assertEqual(calls, [6, 2], "one create per batch of three partners, two users each")
        activities = self.activities()
        self.assertEqual(len(activities), 8)
        self.assertEqual(
            set(activities.mapped("date_deadline")), {fields.Date.to_date("2026-07-01")}
        )
        self.assertTrue(all(activities.mapped("automated")))

    def test_summary_in_the_users_language(self):
        first = self.partners[0]
        self.remind(first, users=lambda partner: self.user_en | self.user_zh)
        summaries = {a.user_id: a.summary for a in self.activities(first)}
        self.assertEqual(summaries[self.user_zh], "信用复审到期（Reminded 0）")
        self.assertEqual(summaries[self.user_en], "Credit re-review due (Reminded 0)")

    def test_failing_record_is_skipped(self):
        first, second, third, fourth = self.partners

        def summary(partner, user):
            if partner == second:
                raise UserError(partner.env._("broken"))
            return "Re-review"

        with self.assertLogs(LOGGER, level="WARNING") as logs:
            reminded = self.remind(self.partners, summary=summary)
        self.assertEqual(reminded, first | third | fourth)
        self.assertEqual(set(self.activities().mapped("res_id")), set((first | third | fourth).ids))
        errors = [r.getMessage() for r in logs.records if r.levelname == "ERROR"]
        self.assertEqual(errors, [f"Reminder (Credit Re-review) for {second} failed: skipped"])

    def test_nobody_responsible_gets_nothing(self):
        archived = new_test_user(self.env, login="rm_gone", groups="base.group_user")
        archived.active = False
        reminded = self.remind(
            self.partners,
            users=lambda partner: archived if partner == self.partners[0] else self.user_en,
        )
        self.assertEqual(reminded, self.partners[1:])
        self.assertFalse(self.activities(self.partners[0]))
