from odoo import Command, fields

from odoo.addons.credit_collection.tests.common import CollectionCase

TODAY = "2026-06-15"


class WarningCase(CollectionCase):
    """CollectionCase with the default early-warning rules of the test company and a
    second customer; days fixed by the tests (freeze_time)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Rule = cls.env["credit.warning.rule"]
        cls.Signal = cls.env["credit.warning.signal"]
        cls.Rule._warning_copy_defaults(cls.company)
        cls.company.write(
            {
                "credit_warning_watch_score": 2.0,
                "credit_warning_warning_score": 4.0,
                "credit_warning_severe_score": 7.0,
            }
        )
        cls.customer_2 = cls.env["res.partner"].create(
            {"name": "Steady Trading Ltd", "is_company": True, "customer_rank": 1}
        )
        cls.customer.credit_analyst_id = cls.analyst

    @classmethod
    def rule(cls, signal_type, company=None):
        return cls.Rule.with_context(active_test=False).search(
            [("signal_type", "=", signal_type), ("company_id", "=", (company or cls.company).id)]
        )

    @classmethod
    def invoice(cls, partner, amount, date, due=None):
        """A posted customer invoice of ``amount`` dated ``date``, due on ``due``."""
        move = cls.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": partner.id,
                "company_id": cls.company.id,
                "invoice_date": date,
                "date": date,
                "invoice_date_due": due or date,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "name": "steel",
                            "quantity": 1,
                            "price_unit": amount,
                            "tax_ids": [Command.clear()],
                        }
                    )
                ],
            }
        )
        checking = cls.company.credit_check_invoice
        cls.company.credit_check_invoice = False
        move.action_post()
        cls.company.credit_check_invoice = checking
        return move

    @classmethod
    def run_warning(cls, day=TODAY, partners=None):
        Signal = cls.env["credit.warning.signal"]
        if partners is not None:
            return Signal._warning_refresh(partners, company=cls.company, today=day)
        return Signal._warning_run(cls.company, fields.Date.to_date(day))

    def signals(self, partner, signal_type=None):
        domain = [("partner_id", "=", partner.id), ("company_id", "=", self.company.id)]
        if signal_type:
            domain.append(("signal_type", "=", signal_type))
        return self.env["credit.warning.signal"].search(domain)

    def only_rules(self, *types):
        """Switch every rule of the company off but ``types``."""
        rules = self.Rule.search([("company_id", "=", self.company.id)])
        rules.filtered(lambda r: r.signal_type not in types).active = False
