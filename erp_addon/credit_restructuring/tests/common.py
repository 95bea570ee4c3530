from odoo import Command
from odoo.tests import Form

from odoo.addons.credit_collection.tests.common import CollectionCase


class RestructuringCase(CollectionCase):
    """The collections test company with its write-off account and a debtor whose
    invoices are overdue; agreements proposed by the collector."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write(
            {
                "collection_writeoff_account_id": cls.company_data["default_account_expense"].id,
                "collection_writeoff_journal_id": cls.company_data["default_journal_misc"].id,
                "restructuring_grace_days": 5,
            }
        )
        cls.debtor = cls.env["res.partner"].create(
            {"name": "Debtor Steel Ltd", "is_company": True, "customer_rank": 1}
        )

    @classmethod
    def propose(cls, invoices, schedule, date="2026-06-15", waived=0.0, user=None, **vals):
        """A draft agreement of ``user`` (the collector) covering ``invoices`` with the
        instalments ``[(due, amount)]``, made in the form as the web client does."""
        user = user or cls.collector
        form = Form(cls.env["credit.restructuring"].with_user(user))
        form.partner_id = invoices[:1].commercial_partner_id
        form.date = date
        form.reason = vals.pop("reason", "Customer's buyer stopped production")
        form.waived_amount = waived
        for invoice in invoices:
            form.move_ids.add(invoice)
        for due, amount in schedule:
            with form.instalment_ids.new() as line:
                line.date_due = due
                line.amount = amount
        for name, value in vals.items():
            setattr(form, name, value)
        return form.save()

    @classmethod
    def create_agreement(cls, invoices, schedule, date="2026-06-15", waived=0.0, user=None):
        """The same through the API (create with its lines)."""
        return (
            cls.env["credit.restructuring"]
            .with_user(user or cls.collector)
            .create(
                {
                    "partner_id": invoices[:1].commercial_partner_id.id,
                    "date": date,
                    "reason": "Cash-flow difficulties",
                    "waived_amount": waived,
                    "move_ids": [Command.set(invoices.ids)],
                    "instalment_ids": [
                        Command.create({"sequence": i, "date_due": due, "amount": amount})
                        for i, (due, amount) in enumerate(schedule, start=1)
                    ],
                }
            )
        )

    def approve(self, agreement, user=None, note="Feasible plan"):
        """Approved through the decision dialog the button opens."""
        user = user or self.manager
        action = agreement.with_user(user).action_approve()
        wizard = self.open_dialog(action, user, note=note)
        wizard.action_confirm()
        return agreement

    def activate(self, agreement, approver=None):
        agreement.with_user(agreement.proposed_by_id).action_submit()
        return self.approve(agreement, approver)
