"""18.0.1.2.0: a line's evidence is kept as data and worded when read (issue 17, item 14).

The stored text of ``evidence`` becomes ``evidence_recorded`` (shown as it was for the
lines no recompute words again: submitted, approved and locked years). What an assessor
wrote as the evidence of an item they score in full is their evidence (``hand_evidence``),
shown as written.
"""


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """SELECT column_name FROM information_schema.columns
            WHERE table_name = 'credit_appraisal_line'
              AND column_name IN ('evidence', 'evidence_recorded')"""
    )
    columns = {row[0] for row in cr.fetchall()}
    if "evidence" not in columns or "evidence_recorded" in columns:
        return
    cr.execute("ALTER TABLE credit_appraisal_line RENAME COLUMN evidence TO evidence_recorded")
    cr.execute(
        """UPDATE credit_appraisal_line
              SET hand_evidence = evidence_recorded, evidence_recorded = NULL
            WHERE compute_method IS NULL
              AND btrim(COALESCE(hand_evidence, '')) = ''"""
    )
