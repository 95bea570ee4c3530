from odoo import Command
from odoo.tests import new_test_user
from odoo.tests.common import TransactionCase

TODAY = "2026-06-15"


class AuditCase(TransactionCase):
    """A company with its least-privilege users: the auditor, two credit managers, the
    committee, a credit administrator, the responsible person (a member of staff with an
    employee) and a salesman; no demo data used."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        common = {"company_id": cls.company.id, "company_ids": [Command.set(cls.company.ids)]}

        def user(login, groups, name=None):
            return new_test_user(cls.env, login=login, name=name or login, groups=groups, **common)

        cls.auditor = user("au_auditor", "base.group_user,credit_audit.group_credit_auditor")
        cls.auditor_2 = user("au_auditor2", "base.group_user,credit_audit.group_credit_auditor")
        cls.manager = user("au_manager", "base.group_user,credit_management.group_credit_manager")
        cls.manager_2 = user(
            "au_manager2", "base.group_user,credit_management.group_credit_manager"
        )
        cls.committee = user(
            "au_committee", "base.group_user,credit_management.group_credit_committee"
        )
        cls.administrator = user(
            "au_admin", "base.group_user,credit_management.group_credit_administrator"
        )
        cls.staff = user("au_staff", "base.group_user,credit_management.group_credit_user")
        cls.staff_2 = user("au_staff2", "base.group_user,credit_management.group_credit_user")
        cls.salesman = user("au_sales", "sales_team.group_sale_salesman")
        cls.department = cls.env["hr.department"].create(
            {"name": "Steel Sales", "company_id": cls.company.id}
        )
        cls.employee = cls.env["hr.employee"].create(
            {
                "name": "Staff Member",
                "user_id": cls.staff.id,
                "department_id": cls.department.id,
                "company_id": cls.company.id,
            }
        )
        cls.employee_2 = cls.env["hr.employee"].create(
            {
                "name": "Other Staff",
                "user_id": cls.staff_2.id,
                "department_id": cls.department.id,
                "company_id": cls.company.id,
            }
        )
        cls.manager_employee = cls.env["hr.employee"].create(
            {"name": "Manager Employee", "user_id": cls.manager.id, "company_id": cls.company.id}
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "Audited Customer Ltd", "is_company": True, "customer_rank": 1}
        )
        cls.Audit = cls.env["credit.audit"]
        cls.Finding = cls.env["credit.audit.finding"]
        cls.Followup = cls.env["credit.audit.followup"]
        cls.Accountability = cls.env["credit.audit.accountability"]

    @classmethod
    def make_audit(cls, start=True, **vals):
        audit = cls.Audit.with_user(cls.auditor).create(
            {
                "title": "Annual credit audit",
                "scope": "Credit limits and collection",
                "date_start": "2026-06-01",
                "auditor_id": cls.auditor.id,
                **vals,
            }
        )
        if start:
            audit.action_start()
        return audit

    @classmethod
    def make_finding(cls, audit, state="draft", employee=None, **vals):
        """A finding of ``audit`` brought to ``state`` by the roles whose buttons do it."""
        finding = cls.Finding.with_user(cls.auditor).create(
            {
                "audit_id": audit.id,
                "name": "Shipped over the credit limit",
                "severity": "high",
                "area": "credit_limit",
                "description": "Orders shipped past the limit without approval",
                "partner_ids": [Command.set(cls.customer.ids)],
                "department_id": cls.department.id,
                "employee_id": (employee or cls.employee).id,
                "plan": "Every excess shipment approved by the credit manager",
                "date_deadline": "2026-06-30",
                **vals,
            }
        )
        if state == "draft":
            return finding
        if state == "cancelled":
            finding.action_cancel()
            return finding
        finding.action_confirm()
        if state == "open":
            return finding
        responsible = (employee or cls.employee).user_id
        cls.Followup.with_user(responsible).create(
            {"finding_id": finding.id, "note": "Excess shipments now approved"}
        )
        finding.with_user(responsible).action_submit()
        if state == "to_verify":
            return finding
        finding.with_user(cls.manager_2).action_verify()
        return finding
