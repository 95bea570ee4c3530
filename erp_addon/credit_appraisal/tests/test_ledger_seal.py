"""Issue 17, item 7: 5.2 ledger quality (timely, corrected, complete), 5.3 seal use and
custody checked, 5.4 every ended contract archived."""

from odoo import Command
from odoo.tests import tagged
from odoo.tests.common import freeze_time
from odoo.tools import SQL

from .common import AppraisalCase


@tagged("post_install", "-at_install", "credit_appraisal")
class TestLedgerSeal(AppraisalCase):
    @classmethod
    def ledger_contract(cls, registered, on_time=True, **values):
        """A contract of Sales One signed on 1 March 2025, registered on ``registered``,
        every ledger field filled unless ``values`` empties some."""
        values = {
            "date_start": "2025-03-01",
            "date_end": "2026-02-28",
            "signatory_id": cls.emp_plain.id,
            "user_id": cls.manager.id,
            **values,
        }
        flags = {
            "state": "performance",
            "date_signed": "2025-03-01",
            "date_registered": registered,
            "registration_on_time": on_time,
        }
        return cls.contract(cls.dept_1, flags, **values)

    def track(self, contract, day, fname="title"):
        """A tracked change of ``contract``'s ``fname`` on ``day``, as the chatter keeps it."""
        field = self.env["ir.model.fields"]._get("credit.contract", fname)
        self.env["mail.message"].create(
            {
                "model": "credit.contract",
                "res_id": contract.id,
                "date": f"{day} 10:00:00",
                "message_type": "notification",
                "tracking_value_ids": [
                    Command.create(
                        {"field_id": field.id, "old_value_char": "a", "new_value_char": "b"}
                    )
                ],
            }
        )

    def generate(self):
        period = self.make_period(2025)
        period.with_user(self.manager).action_generate_appraisals()
        appraisal = period.appraisal_ids.filtered(lambda a: a.employee_id == self.emp_a)
        return period, appraisal

    @freeze_time("2026-01-20")
    def test_ledger_quality_shows_each_part(self):
        good = self.ledger_contract("2025-03-03")
        late = self.ledger_contract("2025-04-20", on_time=False)
        corrected = self.ledger_contract("2025-03-02")
        self.track(corrected, "2025-05-01")
        # changed by a processed change request that day: no correction
        self.track(good, "2025-06-01", "date_end")
        self.env.cr.execute(
            SQL(
                """INSERT INTO credit_contract_amendment
                       (contract_id, company_id, kind, date_requested, reason, state,
                        date_processed, processed_on_time, formalities_complete)
                   VALUES (%s, %s, 'change', '2025-05-25', 'longer', 'done', '2025-06-01',
                           TRUE, TRUE)""",
                good.id,
                self.company.id,
            )
        )
        incomplete = self.ledger_contract("2025-03-03", date_start=False, signatory_id=False)
        _period, appraisal = self.generate()
        line = self.line(appraisal, "5.2")
        # (3 timely + 3 uncorrected + 3 complete) of 3 x 4 contracts: 75% x 10
        self.assertAlmostEqual(line.score, 7.5, places=2)
        self.assertIn(f"Registered in time: 3 of 4 (not: {late.name}).", line.evidence)
        self.assertIn(
            f"Not corrected after registration: 3 of 4 (not: {corrected.name}).", line.evidence
        )
        self.assertIn("Ledger fields complete: 3 of 4.", line.evidence)
        self.assertIn(f"{incomplete.name} misses: Effective Date, Our Signatory.", line.evidence)
        self.assertNotIn(good.name, line.evidence)

    def test_seal_custody_and_checks(self):
        contract = self.contract(self.dept_1)
        with freeze_time("2025-01-01"):
            seal = self.env["credit.contract.seal"].create(
                {
                    "name": "Seal No. 1",
                    "company_id": self.company.id,
                    "custodian_id": self.manager.id,
                }
            )
        self.seal_use(seal, contract, "2025-02-10", True)
        # used while the assessor held it, before any handover was recorded
        self.seal_use(seal, contract, "2025-08-10", True, approved_by=self.assessor)
        with freeze_time("2025-09-01"):
            seal.with_user(self.manager)._action_change_custodian(self.assessor, "Leave")
        self.seal_use(seal, contract, "2025-09-10", True, approved_by=self.assessor)
        Check = self.env["credit.contract.seal.check"].with_user(self.assessor)
        with freeze_time("2025-03-31"):
            Check.create({"seal_id": seal.id, "result": "in_order"})
        with freeze_time("2026-01-20"):
            period, appraisal = self.generate()
            line = self.line(appraisal, "5.3")
            # (3/3 reviewed + 2/3 in custody + 1/2 half-years checked) / 3 x 5
            self.assertAlmostEqual(line.score, 3.6, places=2)
            self.assertIn("Seal uses whose contract's review had passed: 3 of 3.", line.evidence)
            self.assertIn(
                f"Uses approved by the seal's custodian of record: 2 of 3 (not: {contract.name}).",
                line.evidence,
            )
            self.assertIn(
                "Seal checks recorded: 1 of 2 half-years (not: Seal No. 1 H2).", line.evidence
            )
        with freeze_time("2025-11-15"):
            Check.create({"seal_id": seal.id, "result": "issues", "note": "Log one page short."})
        with freeze_time("2026-01-20"):
            period.with_user(self.manager).action_recompute()
            # (1 + 2/3 + 1) / 3 x 5
            self.assertAlmostEqual(line.score, 4.4, places=2)
            self.assertIn("Seal checks recorded: 2 of 2 half-years.", line.evidence)

    @freeze_time("2026-01-20")
    def test_terminated_and_expired_contracts_count(self):
        archived = {"archived_with_documents": True}
        done = self.contract(
            self.dept_1,
            {"state": "completed", "date_signed": "2024-03-01", "date_end": "2025-04-01"}
            | archived,
        )
        terminated = self.contract(
            self.dept_1,
            {"state": "terminated", "date_signed": "2024-03-01", "date_terminated": "2025-06-01"}
            | archived,
        )
        expired = self.contract(
            self.dept_2,
            {
                "state": "expired",
                "date_signed": "2024-06-01",
                "date_end": "2025-05-31",
                "date_expired": "2025-06-01",
            },
        )
        # terminated the year before: not this year's
        self.contract(
            self.dept_2,
            {"state": "terminated", "date_signed": "2023-03-01", "date_terminated": "2024-10-01"},
        )
        _period, appraisal = self.generate()
        line = self.line(appraisal, "5.4")
        self.assertAlmostEqual(line.score, 4.0, places=2)
        self.assertIn("Figures: 2 of 3.", line.evidence)
        self.assertIn(f"Not passing: {expired.name}.", line.evidence)
        for contract in (done, terminated):
            self.assertNotIn(contract.name, line.evidence)
