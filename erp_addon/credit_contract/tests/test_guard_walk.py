"""The generic guard walk over every guarded model of credit_contract."""

from odoo import Command, fields
from odoo.tests import Form, new_test_user, tagged
from odoo.tests.common import freeze_time

from odoo.addons.credit_management.tests import guard_walk

TODAY = "2026-06-15"


@freeze_time(TODAY)
@tagged("post_install", "-at_install", "credit_contract")
class TestGuardWalk(guard_walk.GuardWalkCase):
    guard_modules = ("credit_contract",)

    @classmethod
    def _guard_samples(cls):
        env = cls.env
        company = env.company
        company.write(
            {
                "credit_contract_joint_review_amount": 500_000,
                "credit_contract_review_template_id": env.ref(
                    "credit_contract.review_template_standard"
                ).id,
            }
        )
        common = {"company_id": company.id, "company_ids": [Command.set(company.ids)]}
        owner = new_test_user(
            env, login="walk_owner", groups="sales_team.group_sale_salesman", **common
        )
        admin = new_test_user(
            env,
            login="walk_admin",
            groups="base.group_user,credit_management.group_credit_administrator",
            **common,
        )
        reviewer = new_test_user(
            env,
            login="walk_reviewer",
            groups="base.group_user,credit_management.group_credit_administrator",
            **common,
        )
        manager = new_test_user(
            env,
            login="walk_manager",
            groups="base.group_user,credit_management.group_credit_manager",
            **common,
        )
        legal = new_test_user(
            env,
            login="walk_legal",
            groups="base.group_user,credit_management.group_credit_committee",
            **common,
        )
        partner = env["res.partner"].create(
            {
                "name": "Walk Customer Ltd",
                "is_company": True,
                "credit_code": "91350100M000100Y43",
                "credit_operating_status": "active",
                "credit_business_scope": "Wholesale of steel coil",
            }
        )
        partner.with_company(company).write(
            {"credit_limit": 50_000_000, "use_partner_credit_limit": True}
        )
        signatory = env["hr.employee"].create({"name": "Walk Signatory", "company_id": company.id})
        named = env["hr.employee"].create({"name": "Walk Misuser", "company_id": company.id})
        Poa = env["credit.power.attorney"].with_user(legal)
        poa_vals = {
            "employee_id": signatory.id,
            "allow_sale": True,
            "max_amount": 10_000_000,
            "date_from": "2026-01-01",
            "date_to": "2026-12-31",
            "company_id": company.id,
        }
        poa_draft = Poa.create(dict(poa_vals, date_from="2026-07-01"))
        with freeze_time("2026-01-01"):
            poa = Poa.create(dict(poa_vals))
            poa.action_issue()
            poa_revoked = Poa.create(dict(poa_vals, max_amount=5_000))
            poa_revoked.action_issue()
        cls._decide(poa_revoked, "action_revoke", legal, "left the company")
        role_credit = env.ref("credit_contract.review_role_credit")
        role_legal = env.ref("credit_contract.review_role_legal")
        role_credit.user_ids = [Command.link(reviewer.id)]
        role_legal.user_ids = [Command.link(manager.id)]
        seal = (
            env["credit.contract.seal"]
            .with_user(manager)
            .create({"name": "Walk Seal", "custodian_id": admin.id, "company_id": company.id})
        )

        Contract = env["credit.contract"].with_user(owner)

        def contract(**kw):
            vals = {
                "title": "Walk supply",
                "partner_id": partner.id,
                "amount": 100_000,
                "subject_matter": "steel coil",
                "date_start": "2026-07-01",
                "date_end": "2026-12-31",
                "signatory_id": signatory.id,
                "power_of_attorney_id": poa.id,
                "company_id": company.id,
            }
            vals.update(kw)
            return Contract.create(vals)

        def review(record):
            record.with_user(owner).action_submit_review()
            for line in record.review_line_ids.filtered(lambda ln: not ln.result):
                line.with_user(admin).action_pass()
            return record

        def approve(record):
            review(record).with_user(admin).action_approve()
            return record

        def sign(record):
            approve(record)
            action = record.with_user(owner).action_sign()
            Wizard = env[action["res_model"]].with_user(owner).with_context(**action["context"])
            Form(Wizard).save().action_sign()
            return record

        draft = contract()
        under_review = review(contract(amount=600_000))
        opinion = (
            env["credit.contract.joint.review"]
            .with_user(reviewer)
            .create({"contract_id": under_review.id, "role_id": role_credit.id})
        )
        approved = approve(contract())
        signed = sign(contract())
        signed.with_user(owner).action_register()
        env["credit.contract.seal.use"].with_user(admin)._log_use(signed, seal, owner)
        with freeze_time("2026-06-10"):
            followup = (
                env["credit.contract.followup"]
                .with_user(owner)
                .create(
                    {
                        "contract_id": signed.id,
                        "date": "2026-06-01",
                        "note": "delivery on time",
                        "next_date": "2026-07-01",
                        "backdate_reason": "noted at the customer's site",
                    }
                )
            )
        invalid = sign(contract())
        cls._decide(
            invalid, "action_mark_invalid", admin, "forged counterparty seal", employee_ids=named
        )
        disputed = sign(contract())
        Dispute = env["credit.contract.dispute"].with_user(admin)
        dispute_vals = {"contract_id": disputed.id, "description": "late payment"}
        dispute_open = Dispute.create(dispute_vals)
        dispute_closed = Dispute.create(dict(dispute_vals, outcome="settled"))
        dispute_closed.action_close()
        completed = sign(contract())
        completed.with_user(owner).action_complete()
        completed.with_user(admin).action_archive_with_documents()

        Amendment = env["credit.contract.amendment"].with_user(owner)
        amendment_vals = {"contract_id": signed.id, "reason": "longer", "new_title": "Walk 2"}
        amendment_draft = Amendment.create(amendment_vals)
        amendment_approved = Amendment.create(amendment_vals)
        amendment_approved.with_user(admin).action_approve()
        amendment_refused = Amendment.create(amendment_vals)
        amendment_refused.with_user(admin).action_refuse()
        changed = sign(contract())
        amendment_done = Amendment.create(dict(amendment_vals, contract_id=changed.id))
        amendment_done.with_user(admin).action_approve()
        amendment_done.with_user(owner).action_done()

        order = (
            env["sale.order"]
            .with_user(owner)
            .create({"partner_id": partner.id, "company_id": company.id})
        )
        return {
            "credit.contract": draft | under_review | approved | signed | invalid | completed,
            "credit.contract.review.line": under_review.review_line_ids | signed.review_line_ids,
            "credit.contract.joint.review": opinion,
            "credit.contract.version": signed.version_ids | changed.version_ids,
            "credit.contract.amendment": amendment_draft
            | amendment_approved
            | amendment_refused
            | amendment_done,
            "credit.contract.followup": followup,
            "credit.contract.dispute": dispute_open | dispute_closed,
            "credit.power.attorney": poa_draft | poa | poa_revoked,
            "credit.contract.seal": seal,
            "credit.contract.seal.custody": seal.custody_ids,
            "credit.contract.seal.use": signed.seal_use_ids,
            "credit.contract.seal.check": env["credit.contract.seal.check"]
            .with_user(admin)
            .create({"seal_id": seal.id, "result": "in_order", "note": "walk"}),
            "credit.contract.invalid.decision": invalid.invalid_decision_ids,
            "sale.order": order,
        }

    @classmethod
    def _decide(cls, record, method, user, reason, **values):
        """A reason dialog opened by its button and confirmed, as the web client does."""
        action = getattr(record.with_user(user), method)()
        Wizard = cls.env[action["res_model"]].with_user(user)
        form = Form(Wizard.with_context(**action.get("context", {})))
        form.reason = reason
        for employee in values.get("employee_ids", ()):
            form.employee_ids.add(employee)
        return form.save().action_confirm()

    def test_samples_are_in_their_states(self):
        contracts = self.samples["credit.contract"]
        self.assertEqual(
            contracts.mapped("state"),
            ["draft", "review", "approved", "signed", "signed", "completed"],
        )
        self.assertTrue(contracts[4].is_invalid)
        self.assertEqual(
            self.samples["credit.contract.amendment"].mapped("state"),
            ["draft", "approved", "refused", "done"],
        )
        self.assertEqual(
            self.samples["credit.power.attorney"].mapped("state"), ["draft", "valid", "revoked"]
        )
        self.assertEqual(
            self.samples["credit.contract.dispute"].mapped("stage"), ["open", "closed"]
        )
        self.assertTrue(self.samples["credit.contract.followup"].backdated)
        self.assertEqual(
            self.samples["credit.contract.followup"].date_recorded,
            fields.Date.to_date("2026-06-10"),
        )
