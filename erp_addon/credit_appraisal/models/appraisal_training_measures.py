"""The training items of the year's appraisal (SPEC sections 5 and 6): 1.1 and 1.2.

Called by the period's ``_measure_legal_exam`` and ``_measure_training_attendance``
(credit_appraisal_period_measure.py) with the period as ``period``; each returns
``{appraisal_id: (share 0..1 or None, figures)}`` with one query for all administrators;
the figures are worded when the line is read (credit_appraisal_line_evidence.py).
"""


def measure_legal_exam(period, appraisal_ids):
    query = """
        WITH adm AS (
            SELECT a.id AS appraisal_id, a.employee_id
              FROM credit_appraisal a WHERE a.id = ANY(%(appraisals)s)
        ), sess AS (
            SELECT s.id, s.name
              FROM credit_training_session s
             WHERE s.company_id = %(company)s AND s.year = %(year)s
               AND s.session_type = 'legal' AND s.assessment = 'exam'
        ), concerned AS (
            SELECT i.employee_id, i.session_id
              FROM credit_training_session_invited_rel i JOIN sess ON sess.id = i.session_id
             UNION
            SELECT t.employee_id, t.session_id
              FROM credit_training_session_attendee_rel t JOIN sess ON sess.id = t.session_id
             UNION
            SELECT r.employee_id, r.session_id
              FROM credit_training_result r JOIN sess ON sess.id = r.session_id
        ), best AS (
            SELECT r.employee_id, r.session_id, max(r.score) AS score
              FROM credit_training_result r JOIN sess ON sess.id = r.session_id
          GROUP BY r.employee_id, r.session_id
        )
        SELECT adm.appraisal_id, count(k.session_id),
               COALESCE(avg(COALESCE(b.score, 0)), 0),
               json_agg(json_build_array(sess.name, b.score) ORDER BY sess.id)
                   FILTER (WHERE sess.id IS NOT NULL)
          FROM adm
          LEFT JOIN concerned k ON k.employee_id = adm.employee_id
          LEFT JOIN sess ON sess.id = k.session_id
          LEFT JOIN best b ON b.employee_id = k.employee_id AND b.session_id = k.session_id
      GROUP BY adm.appraisal_id
    """
    period.env.cr.execute(query, period._params(appraisal_ids))
    figures = {}
    for appraisal_id, count, average, exams in period.env.cr.fetchall():
        data = {"exams": exams or [], "average": float(average)}
        figures[appraisal_id] = ((float(average) / 100.0 if count else None), data)
    return figures


def measure_training_attendance(period, appraisal_ids):
    """1.2: every required training type. Integrity education is required in each
    half-year, legal-knowledge training twice a year (SPEC section 5; the company's
    number per half-year, twice over the year), and each business training of the year
    the administrator was invited to. Sessions beyond the requirement count once."""
    per_half = period.company_id.credit_training_per_half
    query = """
        SELECT a.id, s.session_type, s.half,
               count(*) FILTER (WHERE t.employee_id IS NOT NULL),
               count(*),
               string_agg(s.name, ', ' ORDER BY s.id) FILTER (WHERE t.employee_id IS NOT NULL)
          FROM credit_appraisal a
          JOIN credit_training_session s
            ON s.company_id = %(company)s AND s.year = %(year)s
           AND s.session_type IN ('integrity', 'legal', 'business')
     LEFT JOIN credit_training_session_attendee_rel t
            ON t.session_id = s.id AND t.employee_id = a.employee_id
     LEFT JOIN credit_training_session_invited_rel i
            ON i.session_id = s.id AND i.employee_id = a.employee_id
         WHERE a.id = ANY(%(appraisals)s)
           AND (t.employee_id IS NOT NULL OR i.employee_id IS NOT NULL)
      GROUP BY a.id, s.session_type, s.half
    """
    period.env.cr.execute(query, period._params(appraisal_ids))
    held = {}
    for appraisal_id, stype, half, attended, concerned, sessions in period.env.cr.fetchall():
        held[(appraisal_id, stype, half)] = (attended, concerned, sessions)
    figures = {}
    for appraisal_id in appraisal_ids:
        # [session type, half or None, attended, required] per requirement
        parts, sessions = [], []
        for half in ("1", "2"):
            attended, _count, names = held.get((appraisal_id, "integrity", half), (0, 0, ""))
            parts.append(["integrity", half, attended, per_half])
            sessions.append(names)
        legal = [held.get((appraisal_id, "legal", half), (0, 0, "")) for half in ("1", "2")]
        parts.append(["legal", None, sum(row[0] for row in legal), 2 * per_half])
        sessions += [row[2] for row in legal]
        business = [held.get((appraisal_id, "business", half), (0, 0, "")) for half in "12"]
        invited = sum(row[1] for row in business)
        parts.append(["business", None, sum(row[0] for row in business), invited])
        sessions += [row[2] for row in business]
        required = sum(part[3] for part in parts)
        count = sum(min(attended, needed) for _type, _half, attended, needed in parts)
        data = {
            "count": count,
            "required": required,
            "sessions": [name for name in sessions if name],
            "missing": [part for part in parts if part[2] < part[3]],
        }
        figures[appraisal_id] = ((count / required if required else None), data)
    return figures
