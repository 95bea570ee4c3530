"""18.0.1.1.0: HR's appraisal group (and its category) moved from credit_management here.

The group was ``credit_management.group_credit_hr``. Its XML ids are handed over to this
add-on before the add-on's data loads, so the update finds the same ``res.groups`` record
(with its members, its access rights and the rules naming it) instead of creating a new
one. Odoo deletes the records whose XML ids an updated module no longer declares only at
the end of the whole update (``ir.model.data._process_end``), after this add-on, which
depends on credit_management and is updated with it, has run this script.
"""

MOVED = ("group_credit_hr", "module_category_credit_management_hr")


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """
        UPDATE ir_model_data
           SET module = 'credit_appraisal'
         WHERE module = 'credit_management' AND name IN %s
           AND NOT EXISTS (
                SELECT 1 FROM ir_model_data d
                 WHERE d.module = 'credit_appraisal' AND d.name = ir_model_data.name)
        """,
        (MOVED,),
    )
