from odoo import api, models


class ResUsers(models.Model):
    _inherit = "res.users"

    @api.model
    def _credit_demo_employee(self, xml_id, user_id, company_id, values):
        """The employee of a demo user in a company, made once whichever demo asks first.

        Why: a user has at most one employee per company (hr's ``user_uniq``), and several
        add-ons that do not depend on each other (audit, seminars) show the same people of
        the demo company. Each add-on's demo calls this instead of declaring its own
        ``hr.employee`` record: the first call creates the employee from ``values`` (name,
        job title, department), later ones fill what it lacks; ``xml_id``
        (``module.name``) then names it for that add-on's demo, so the record stays while
        any add-on naming it is installed. Only demo data calls it, with ``hr`` installed.
        """
        Employee = self.env["hr.employee"].sudo().with_context(active_test=False)
        employee = Employee.search(
            [("user_id", "=", user_id), ("company_id", "=", company_id)], limit=1
        )
        if employee:
            missing = {key: value for key, value in values.items() if not employee[key]}
            if missing:
                employee.write(missing)
        else:
            employee = Employee.create(dict(values, user_id=user_id, company_id=company_id))
        self.env["ir.model.data"]._update_xmlids(
            [{"xml_id": xml_id, "record": employee, "noupdate": True}]
        )
        return employee.id
