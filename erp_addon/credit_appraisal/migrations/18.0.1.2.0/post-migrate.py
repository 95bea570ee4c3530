"""18.0.1.2.0: fees in yuan, the year's lists drawn as entries, one decision per person.

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


def migrate(cr, version):
    if not version:
        return
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
