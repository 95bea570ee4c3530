from contextlib import contextmanager

from odoo import Command, fields
from odoo.tests import Form, new_test_user

from odoo.addons.credit_management.tests.common import CreditCase


class CollectionCase(CreditCase):
    """The credit test company with its own procedure, buckets and collection roles."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company = cls.company
        company.write({"credit_check_sale": False, "credit_check_invoice": False})
        cls.env["credit.collection.bucket"].search([("company_id", "=", company.id)]).unlink()
        Bucket = cls.env["credit.collection.bucket"]
        cls.buckets = Bucket.create(
            [
                {"name": name, "days_from": start, "company_id": company.id}
                for name, start in (("Current", 0), ("1-30", 1), ("31-90", 31), ("90+", 91))
            ]
        )
        ref = cls.env.ref
        cls.procedure = cls.env["credit.collection.procedure"].create(
            {
                "name": "Test procedure",
                "company_id": company.id,
                "stage_ids": [
                    Command.create(
                        {
                            "name": "Reminder",
                            "days_from": 1,
                            "action_type": "reminder",
                            "channel": "email",
                            "mail_template_id": ref(
                                "credit_collection.mail_template_dunning_reminder"
                            ).id,
                            "owner_group_id": ref("credit_management.group_credit_collector").id,
                        }
                    ),
                    Command.create(
                        {
                            "name": "Call",
                            "days_from": 15,
                            "action_type": "call",
                            "owner_group_id": ref("credit_management.group_credit_collector").id,
                        }
                    ),
                    Command.create(
                        {
                            "name": "Formal letter",
                            "days_from": 31,
                            "action_type": "letter",
                            "channel": "print",
                            "blocks_credit": True,
                            "owner_group_id": ref("credit_management.group_credit_collector").id,
                        }
                    ),
                    Command.create(
                        {
                            "name": "Write-off proposal",
                            "days_from": 91,
                            "action_type": "writeoff",
                            "blocks_credit": True,
                            "owner_group_id": ref("credit_management.group_credit_manager").id,
                        }
                    ),
                ],
            }
        )
        cls.s_reminder, cls.s_call, cls.s_letter, cls.s_writeoff = cls.procedure._stages_sorted()
        common = {"company_id": company.id, "company_ids": [Command.set(company.ids)]}
        cls.collector = new_test_user(
            cls.env,
            login="cc_collector",
            groups="base.group_user,credit_management.group_credit_collector",
            **common,
        )
        cls.collector_2 = new_test_user(
            cls.env,
            login="cc_collector2",
            groups="base.group_user,credit_management.group_credit_collector",
            **common,
        )
        cls.collection_manager = new_test_user(
            cls.env,
            login="cc_manager",
            groups="account.group_account_invoice,credit_management.group_credit_manager",
            **common,
        )
        cls.chief_accountant = new_test_user(
            cls.env,
            login="cc_chief_accountant",
            groups="account.group_account_manager",
            **common,
        )
        company.write(
            {
                "collection_procedure_id": cls.procedure.id,
                "collection_default_user_id": cls.collector.id,
                "credit_overdue_tolerance": 0.0,
            }
        )
        cls.customer.email = "ap@customer.example.com"

    @contextmanager
    def assertRaisesExact(self, exc_type, text):
        """The exception of exactly ``exc_type`` (an AccessError is a UserError: a refusal
        by rights must not pass for a refusal by a rule, nor the other way) with ``text``
        in its message."""
        with self.assertRaises(exc_type) as caught:
            yield caught
        self.assertIs(type(caught.exception), exc_type, str(caught.exception))
        self.assertIn(text, str(caught.exception))

    def open_dialog(self, action, user, **values):
        """The dialog a button returned, opened as the web client does (the action's
        context), filled with ``values`` and saved: the wizard record."""
        self.assertEqual(action["type"], "ir.actions.act_window")
        self.assertEqual(action["target"], "new")
        form = Form(self.env[action["res_model"]].with_user(user).with_context(**action["context"]))
        for name, value in values.items():
            setattr(form, name, value)
        return form.save()

    @classmethod
    def run_daily(cls, day, stats=None):
        """The daily action on ``day`` for the test company: its run (``stats``, a dict,
        receives the batches' figures)."""
        return cls.env["credit.collection.run"]._run_for(
            cls.company, fields.Date.to_date(day), stats=stats
        )

    @classmethod
    def pay(cls, move, amount, day):
        """Register a payment of ``amount`` on ``day``."""
        wizard = (
            cls.env["account.payment.register"]
            .with_context(active_model="account.move", active_ids=move.ids)
            .create({"amount": amount, "payment_date": day})
        )
        wizard._create_payments()
