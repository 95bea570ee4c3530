"""18.0.1.2.0: the hand-scored items name the register they rest on.

The shipped scorecard is ``noupdate`` data: an update does not write the new field
``work_record_kind`` on its items, so this script sets it on 3.2 (reconciliations), 4.2
(information feedback and complaints) and 6.1 (innovative cases) where it is still empty.
"""

KINDS = (
    ("rubric_2020_item_3_2", "reconciliation"),
    ("rubric_2020_item_4_2", "feedback"),
    ("rubric_2020_item_6_1", "innovation"),
)


def migrate(cr, version):
    if not version:
        return
    for name, kind in KINDS:
        cr.execute(
            """
            UPDATE credit_appraisal_rubric_item i
               SET work_record_kind = %s
              FROM ir_model_data d
             WHERE d.module = 'credit_appraisal' AND d.name = %s
               AND d.model = 'credit.appraisal.rubric.item' AND d.res_id = i.id
               AND i.work_record_kind IS NULL
            """,
            (kind, name),
        )
