import json

from odoo.tests import tagged
from odoo.tests.common import freeze_time

from .common import ContractCase


class OverviewCardCase:
    """Issue 19 #8: a card counts what the list it opens shows, as the acting role."""

    def card(self, card_type, user):
        card = self.env["credit.overview.card"].search([("card_type", "=", card_type)], limit=1)
        self.assertTrue(card, f"the {card_type} card ships with its add-on")
        # figured afresh (as each request of the web client does)
        card.invalidate_model()
        return card.with_user(user).with_company(self.company)

    def assertCardIsItsList(self, card_type, user, count):
        """The card's count is ``count`` for ``user`` and the list it opens shows as many
        records (the same domain, the user's record rules)."""
        card = self.card(card_type, user)
        self.assertEqual(card.card_count, count, card_type)
        action = card.action_open()
        Model = (
            self.env[action["res_model"]]
            .with_user(user)
            .with_company(self.company)
            .with_context(**action["context"])
        )
        self.assertEqual(Model.search_count(action["domain"]), count, card_type)
        return card, action, Model.search(action["domain"])


@tagged("post_install", "-at_install", "credit_contract")
class TestContractOverviewCards(OverviewCardCase, ContractCase):
    def test_contracts_awaiting_review_or_signature(self):
        self.make_contract(title="Still a draft")
        review = self.make_contract(title="Under review", amount=40_000)
        review.with_user(self.salesman).action_submit_review()
        approved = self.approved_contract(title="Approved", amount=60_000)
        signed = self.signed_contract(title="Signed")
        for user in (self.manager, self.admin_1):
            card, action, listed = self.assertCardIsItsList("contract_review", user, 2)
            self.assertEqual(listed, review | approved)
            self.assertNotIn(signed, listed)
            self.assertEqual(action["res_model"], "credit.contract")
            self.assertEqual(card.card_amount, 100_000)
            self.assertEqual(card.currency_id, self.company.currency_id)
            names = [line["name"] for line in json.loads(card.card_lines)]
            self.assertCountEqual(names, [review.display_name, approved.display_name])

    def test_followups_overdue(self):
        contract = self.signed_contract()
        self.env["credit.contract.followup"].with_user(self.salesman).create(
            {"contract_id": contract.id, "note": "delivered", "next_date": "2026-06-20"}
        )
        self.assertCardIsItsList("contract_followup", self.manager, 0)
        with freeze_time("2026-06-25"):
            card, _action, listed = self.assertCardIsItsList("contract_followup", self.manager, 1)
            self.assertEqual(listed, contract)
            self.assertEqual(json.loads(card.card_lines)[0]["name"], contract.display_name)

    def test_seals_in_use(self):
        self.signed_contract()
        self.env["credit.contract.seal"].create(
            {"name": "Old seal", "custodian_id": self.admin_1.id, "active": False}
        )
        card, _action, listed = self.assertCardIsItsList("contract_seal", self.manager, 1)
        self.assertEqual(listed, self.seal)
        lines = json.loads(card.card_lines)
        self.assertEqual(lines[0], {"name": self.seal.name, "value": self.admin_1.name})
        self.assertEqual(lines[-1]["name"], "Uses this month")

    def test_powers_of_attorney_expiring(self):
        ending = (
            self.env["credit.power.attorney"]
            .with_user(self.committee)
            .create(
                {
                    "employee_id": self.other_employee.id,
                    "allow_sale": True,
                    "max_amount": 10_000,
                    "date_from": "2026-06-01",
                    "date_to": "2026-07-10",
                    "company_id": self.company.id,
                }
            )
        )
        ending.with_user(self.committee).action_issue()
        # the year-long power (to 31 December) is not within the 30 days
        _card, _action, listed = self.assertCardIsItsList("contract_poa", self.admin_1, 1)
        self.assertEqual(listed, ending)
        with freeze_time("2026-12-10"):
            _card, _action, listed = self.assertCardIsItsList("contract_poa", self.admin_1, 1)
            self.assertEqual(listed, self.poa, "the expired one no longer counts")

    def test_counts_what_the_reader_may_see(self):
        mine = self.make_contract(title="Mine")
        mine.with_user(self.salesman).action_submit_review()
        theirs = self.make_contract(user=self.admin_2, title="Another department's")
        theirs.with_user(self.admin_2).action_submit_review()
        # a salesperson reads their own contracts only (record rule): the card counts those
        _card, _action, listed = self.assertCardIsItsList("contract_review", self.salesman, 1)
        self.assertEqual(listed, mine)
        self.assertCardIsItsList("contract_review", self.admin_1, 2)
