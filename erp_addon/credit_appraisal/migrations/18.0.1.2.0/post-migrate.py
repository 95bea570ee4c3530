"""18.0.1.2.0: the hand-scored items name the register they rest on, and item 2.4 of the
shipped scorecard is measured, with an assessor's part.

The shipped scorecard is ``noupdate`` data: an update does not write the new field
``work_record_kind`` on its items, so this script sets it on 3.2 (reconciliations), 4.2
(information feedback and complaints) and 6.1 (innovative cases) where it is still empty.

The scorecard's data is ``noupdate``: its item 2.4 gets the formula (right template,
complete clauses, both signatories: 4 points) and the assessor's part (lawful content:
2 points), and items 2.3, 2.4, 5.2, 5.3 and 5.4 the wording of what they now measure.
Only the draft appraisals' 2.4 lines follow (the assessor's score so far becomes the
assessor's part, up to its 2 points, with their evidence); submitted, approved and
locked years keep their lines as scored.

Fees, lists and decisions:

- Fees and fines are amounts in the company's fee currency (yuan by default) whatever the
  company's currency: each company gets CNY, each fee or fine recorded so far the currency
  its amount came from (the same setting, now in that currency).
- A locked year's approved disqualifications were left "pending" on the register (the
  lists' approval proposed the revocation instead of deciding it): the legal
  representative's approval of the lists is the decision, so those requests are approved
  as of the lists' approval, by the legal representative who approved them.
- The lists of the years already sent are drawn as entries, so that every year shows its
  lists the same way.
"""

from odoo import SUPERUSER_ID, api

KINDS = (
    ("rubric_2020_item_3_2", "reconciliation"),
    ("rubric_2020_item_4_2", "feedback"),
    ("rubric_2020_item_6_1", "innovation"),
)


DESCRIPTIONS = {
    "rubric_2020_item_2_3": "Confirmed sales and purchase orders of the year by the covered "
    "departments' people above the company's written-contract threshold, not settled "
    "immediately, covered by a signed contract ÷ those orders (whether or not the company "
    "blocks such orders).",
    "rubric_2020_item_2_4": "4 points measured: contracts signed in the year on an active "
    "template of their type, with every clause of the template and both signatories "
    "recorded ÷ contracts signed in the year. 2 points (lawful content) scored by the "
    "assessor with evidence.",
    "rubric_2020_item_5_2": "Average of three shares of the contracts signed in the year: "
    "registered in the ledger in time, not corrected after registration, every ledger "
    "field filled.",
    "rubric_2020_item_5_3": "Average of three shares: seal uses of the year whose contract's "
    "review had passed, uses approved by the seal's custodian of record that day, and the "
    "half-years each seal used was checked in.",
    "rubric_2020_item_5_4": "Contracts completed, terminated or expired in the year archived "
    "with their documents ÷ those contracts.",
}


def migrate(cr, version):
    if not version:
        return
    _set_work_record_kinds(cr)
    _measure_item_2_4(cr)
    _fees_lists_and_decisions(cr)


def _set_work_record_kinds(cr):
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


def _measure_item_2_4(cr):
    for xmlid, text in DESCRIPTIONS.items():
        cr.execute(
            """UPDATE credit_appraisal_rubric_item i
                  SET description = COALESCE(i.description, '{}'::jsonb)
                                    || jsonb_build_object('en_US', %s::text)
                 FROM ir_model_data d
                WHERE d.module = 'credit_appraisal' AND d.name = %s
                  AND d.model = 'credit.appraisal.rubric.item' AND d.res_id = i.id""",
            (text, xmlid),
        )
    cr.execute(
        """UPDATE credit_appraisal_rubric_item i
              SET compute_method = 'template_clauses', hand_points = 2
             FROM ir_model_data d
            WHERE d.module = 'credit_appraisal' AND d.name = 'rubric_2020_item_2_4'
              AND d.model = 'credit.appraisal.rubric.item' AND d.res_id = i.id
              AND i.compute_method IS NULL
        RETURNING i.id"""
    )
    items = [row[0] for row in cr.fetchall()]
    if not items:
        return
    cr.execute(
        """UPDATE credit_appraisal_line l
              SET compute_method = 'template_clauses', hand_points = 2,
                  hand_score = LEAST(COALESCE(l.score, 0), 2), date_computed = NULL
             FROM credit_appraisal a
            WHERE a.id = l.appraisal_id AND a.state = 'draft' AND l.item_id = ANY(%s)""",
        (items,),
    )


def _fees_lists_and_decisions(cr):
    env = api.Environment(cr, SUPERUSER_ID, {})
    cny = env.ref("base.CNY", raise_if_not_found=False)
    if cny:
        cr.execute(
            """UPDATE res_company SET credit_fee_currency_id = %s
                WHERE credit_fee_currency_id IS NULL""",
            (cny.id,),
        )
    cr.execute(
        """UPDATE credit_training_fee f
              SET currency_id = COALESCE(c.credit_fee_currency_id, c.currency_id)
             FROM res_company c
            WHERE c.id = f.company_id AND f.currency_id IS NULL"""
    )
    env.invalidate_all()
    Period = env["credit.appraisal.period"]
    for period in Period.search([("state", "in", ("submitted", "locked"))]):
        period._draw_lists()
        if period.state == "submitted":
            period._propose_disqualifications()
            continue
        for entry in period.disqualification_entry_ids:
            admin = entry.appraisal_id.administrator_id
            event = admin.event_ids.filtered(
                lambda e, a=entry.appraisal_id: e.kind == "revocation" and e.appraisal_id == a
            ).sorted("id")[-1:]
            if not event:
                continue
            entry.event_id = event
            if event.state == "pending":
                event.with_context(mail_notrack=True)._apply_decision(
                    "done", period.lists_approved_by_id or env.user
                )
                event.write({"date_decided": period.date_lists_approved or event.date})
                admin.write({"date_revoked": period.date_lists_approved or event.date})
