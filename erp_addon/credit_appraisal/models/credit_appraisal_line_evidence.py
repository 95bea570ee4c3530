"""The evidence of a scorecard line, worded in the reader's language when read.

The recompute keeps the evidence of a measured item as data on the line
(``evidence_data``: the formula's key, the year, the departments covered, the figures,
the failing records, the share and the points), never as text: whoever runs it (a
scheduled job as OdooBot in English, a manager in Chinese) does not decide the wording.
``evidence`` words that data for whoever reads it (the form, the list, RPC with a ``lang``
context, the ``credit`` command's workbook and printout); what an assessor writes
(``hand_evidence``) is shown as written.
"""

from odoo import api, models
from odoo.tools.misc import format_date

from .credit_appraisal_period_measure import LEDGER_FIELDS


class CreditAppraisalLine(models.Model):
    _inherit = "credit.appraisal.line"  # pylint: disable=consider-merging-classes-inherited

    @api.depends(
        "evidence_data",
        "evidence_recorded",
        "hand_evidence",
        "hand_score",
        "hand_points",
        "compute_method",
        "not_measurable",
        "scored_by_id",
        "work_record_ids",
    )
    @api.depends_context("lang")
    def _compute_evidence(self):
        names = self._evidence_names()
        formulas = dict(self.env["credit.appraisal.period"]._formula_descriptions())
        for line in self:
            parts = []
            if line.evidence_data and line.compute_method:
                parts.append(line._word_evidence(line.evidence_data, formulas, names))
            elif line.evidence_recorded:
                parts.append(line.evidence_recorded)
            hand = (line.hand_evidence or "").strip()
            if hand and not line.compute_method:
                # the assessor's own evidence of an item they score in full, as written
                parts.append(line.hand_evidence)
            elif hand:
                parts.append(
                    self.env._(
                        "Assessor's score %(score)s of %(points)s: %(evidence)s",
                        score=line.hand_score,
                        points=line._hand_limit(),
                        evidence=line.hand_evidence,
                    )
                )
            # the records the score rests on, those the reader may read
            records = line.work_record_ids._filtered_access("read")
            if records:
                parts.append(
                    self.env._(
                        "Records relied on: %(records)s",
                        records=", ".join(records.mapped("display_name")),
                    )
                )
            line.evidence = "\n".join(parts) or False

    def _evidence_names(self):
        """The names the evidence data holds by id, in the reader's language, for all the
        lines at once: departments and contract clauses."""
        departments, clauses = set(), set()
        for line in self:
            data = line.evidence_data or {}
            departments.update(data.get("departments") or [])
            if data.get("method") == "template_clauses":
                for row in data.get("failing") or []:
                    clauses.update(row[2] or [])
        return {
            "departments": {
                record.id: record.name
                for record in self.env["hr.department"].sudo().browse(departments).exists()
            },
            "clauses": {
                record.id: record.name
                for record in self.env["credit.contract.clause"]
                .sudo()
                .with_context(active_test=False)
                .browse(clauses)
                .exists()
            },
        }

    def _word_evidence(self, data, formulas, names):
        """The evidence data of this line in the reader's language."""
        self.ensure_one()
        env = self.env
        method = data.get("method")
        formula = formulas.get(method) or self.formula or ""
        if method == "followups":
            day = data.get("day")
            # the day in the reader's date format, not ISO inside a Chinese sentence
            formula = formula % {"day": format_date(env, day) if day else "-"}
        text = [formula]
        if data.get("measurable"):
            text += getattr(self, f"_word_{method}", self._word_share)(data, names)
        else:
            text.append(env._("Nothing to measure in %(year)s.", year=data.get("year")))
        departments = ", ".join(
            names["departments"][dept_id]
            for dept_id in data.get("departments") or []
            if dept_id in names["departments"]
        )
        text.append(env._("Departments covered: %(departments)s.", departments=departments or "-"))
        if not data.get("measurable"):
            text.append(
                env._("Not measurable from the records: the assessor scores it with evidence.")
            )
        elif data.get("hand_points"):
            text.append(
                env._(
                    "Measured points: %(share).1f%% × %(points)s = %(score)s; the assessor "
                    "scores the other %(hand_points)s with evidence.",
                    share=data["share"] * 100,
                    points=data["points"],
                    score=data["score"],
                    hand_points=data["hand_points"],
                )
            )
        else:
            text.append(
                env._(
                    "Points: %(share).1f%% × %(points)s = %(score)s.",
                    share=data["share"] * 100,
                    points=data["points"],
                    score=data["score"],
                )
            )
        return "\n".join(text)

    # ------------------------------------------------------------------ figures
    def _named(self, names, total_failing):
        """``names`` joined, with how many more there are beyond them."""
        more = total_failing - len(names)
        if more > 0:
            return "%s%s" % (  # noqa: UP031
                ", ".join(names),
                self.env._(" (and %(count)s more)", count=more),
            )
        return ", ".join(names)

    def _word_share(self, data, names):
        env = self.env
        total, passing = data.get("total", 0), data.get("passing", 0)
        text = [env._("Figures: %(passing)s of %(total)s.", passing=passing, total=total)]
        if data.get("failing"):
            text.append(
                env._(
                    "Not passing: %(names)s.",
                    names=self._named(data["failing"], total - passing),
                )
            )
        return text

    def _word_no_invalid(self, data, names):
        if data.get("invalid"):
            return [self.env._("Invalid contracts: %(names)s.", names=", ".join(data["invalid"]))]
        return [self.env._("No invalid contract recorded.")]

    def _word_legal_exam(self, data, names):
        detail = "; ".join(
            f"{name}: {'-' if score is None else score}" for name, score in data.get("exams", [])
        )
        return [
            self.env._(
                "Figures: %(detail)s; average %(average).1f.",
                detail=detail,
                average=data.get("average", 0.0),
            )
        ]

    def _word_training_attendance(self, data, names):
        env = self.env
        types = dict(
            env["credit.training.session"]._fields["session_type"]._description_selection(env)
        )
        text = [
            env._(
                "Figures: %(count)s of %(required)s required (%(sessions)s).",
                count=data.get("count", 0),
                required=data.get("required", 0),
                sessions=", ".join(data.get("sessions") or []) or "-",
            )
        ]
        missing = []
        halves = dict(env["credit.training.session"]._fields["half"]._description_selection(env))
        for kind, half, attended, required in data.get("missing") or []:
            requirement = types.get(kind, kind)
            if half:
                requirement = env._(
                    "%(requirement)s, %(half)s",
                    requirement=requirement,
                    half=halves.get(str(half), half),
                )
            missing.append(
                env._(
                    "%(requirement)s: %(attended)s of %(required)s",
                    requirement=requirement,
                    attended=attended,
                    required=required,
                )
            )
        if missing:
            text.append(env._("Missing: %(parts)s.", parts="; ".join(missing)))
        return text

    def _word_template_clauses(self, data, names):
        env = self.env
        text = self._word_share(dict(data, failing=None), names)
        for name, template, missing, signatories in data.get("failing") or []:
            faults = []
            if template == "none":
                faults.append(env._("no template"))
            elif template == "wrong":
                faults.append(env._("a template of another contract type or company"))
            if missing:
                faults.append(
                    env._(
                        "clauses missing: %(clauses)s",
                        clauses=", ".join(
                            names["clauses"].get(clause_id, str(clause_id)) for clause_id in missing
                        ),
                    )
                )
            if not signatories:
                faults.append(env._("signatories not recorded"))
            text.append(
                env._("Not passing: %(name)s: %(faults)s.", name=name, faults="; ".join(faults))
            )
        more = data.get("total", 0) - data.get("passing", 0) - len(data.get("failing") or [])
        if more > 0:
            text.append(env._("And %(count)s more not passing.", count=more))
        return text

    def _word_registered_on_time(self, data, names):
        env = self.env
        total = data.get("total", 0)
        labels = {
            fname: self.env["credit.contract"]._fields[fname]._description_string(env)
            for fname in (*LEDGER_FIELDS, "date_registered")
        }
        text = [
            env._(
                "Registered in time: %(count)s of %(total)s%(names)s.",
                count=data.get("timely", 0),
                total=total,
                names=self._failing(data.get("late"), total - data.get("timely", 0)),
            ),
            env._(
                "Not corrected after registration: %(count)s of %(total)s%(names)s.",
                count=data.get("correct", 0),
                total=total,
                names=self._failing(data.get("corrected"), total - data.get("correct", 0)),
            ),
            env._(
                "Ledger fields complete: %(count)s of %(total)s.",
                count=data.get("complete", 0),
                total=total,
            ),
        ]
        for name, missing in data.get("incomplete") or []:
            text.append(
                env._(
                    "%(name)s misses: %(fields)s.",
                    name=name,
                    fields=", ".join(labels.get(fname, fname) for fname in missing),
                )
            )
        return text

    def _failing(self, failing, count):
        """The failing records after a figure (" (not: A, B and 3 more)"), or nothing."""
        if not failing:
            return ""
        return self.env._(" (not: %(names)s)", names=self._named(failing, count))

    def _word_seal_backed(self, data, names):
        env = self.env
        total = data.get("total", 0)
        text = [
            env._(
                "Seal uses whose contract's review had passed: %(count)s of %(total)s%(names)s.",
                count=data.get("backed", 0),
                total=total,
                names=self._failing(data.get("unbacked"), total - data.get("backed", 0)),
            ),
            env._(
                "Uses approved by the seal's custodian of record: %(count)s of %(total)s%(names)s.",
                count=data.get("in_custody", 0),
                total=total,
                names=self._failing(data.get("out_of_custody"), total - data.get("in_custody", 0)),
            ),
            env._(
                "Seal checks recorded: %(count)s of %(due)s half-years%(names)s.",
                count=data.get("checked", 0),
                due=data.get("checks_due", 0),
                names=self._failing(
                    [f"{seal} H{half}" for seal, half in data.get("unchecked") or []],
                    data.get("checks_due", 0) - data.get("checked", 0),
                ),
            ),
        ]
        return text
