from odoo import fields, models
from odoo.exceptions import AccessError

from odoo.addons.credit_appraisal.models.guard_tools import own_employees, x2many_ids_after
from odoo.addons.credit_seminar.models.credit_seminar import CreditSeminar as Base


class CreditSeminar(models.Model):
    """Attendance as training: where the company says so, closing a seminar records a
    training session (credit_appraisal's credit.training.session, no exam) with the
    participants invited and those who attended, which the appraisal's training items
    count. As for training, nobody records their own attendance."""

    _inherit = "credit.seminar"

    _guard_flow_fields = (*Base._guard_flow_fields, "training_session_id")

    training_session_id = fields.Many2one(
        "credit.training.session",
        readonly=True,
        copy=False,
        ondelete="set null",
        help="The training session the seminar's attendance was recorded as.",
    )

    def _guard_check_write(self, vals):
        super()._guard_check_write(vals)
        if "attendee_ids" not in vals:
            return
        own = set(own_employees(self.env).ids)
        for seminar in self:
            if not seminar.company_id.credit_seminar_training:
                continue
            before = set(seminar.attendee_ids.ids)
            after = x2many_ids_after(seminar, "attendee_ids", vals["attendee_ids"])
            if own & (before ^ after):
                raise AccessError(
                    self.env._(
                        "Attending a seminar counts as training: nobody records their own "
                        "attendance, credit managers included."
                    )
                )

    def _seminar_on_close(self):
        super()._seminar_on_close()
        seminars = self.sudo().filtered(
            lambda s: s.company_id.credit_seminar_training and not s.training_session_id
        )
        if not seminars:
            return
        vals_list = []
        for seminar in seminars:
            # stored: in the company's language, whoever closes
            env = seminar.company_id._credit_env()
            kinds = dict(seminar._fields["kind"]._description_selection(env))
            vals_list.append(
                {
                    "name": env._(
                        "%(kind)s: %(title)s", kind=kinds[seminar.kind], title=seminar.title
                    ),
                    "session_type": seminar.company_id.credit_seminar_training_type,
                    "date": seminar.date,
                    "company_id": seminar.company_id.id,
                    "assessment": "none",
                    "materials": seminar.minutes,
                    "invited_ids": [fields.Command.set(seminar.participant_ids.ids)],
                    "attendee_ids": [fields.Command.set(seminar.attendee_ids.ids)],
                }
            )
        sessions = self.env["credit.training.session"].sudo().create(vals_list)
        for seminar, session in zip(seminars, sessions, strict=True):
            seminar.training_session_id = session
