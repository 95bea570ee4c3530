"""Reminder activities for due records: the one way the credit add-ons' daily jobs remind.

Contracts ending, powers of attorney ending, credit files due for re-review, half-years
short of their required training: each job finds the records whose date falls within its
number of days (``due_domain``) and calls ``schedule_reminders`` on them, saying who is
responsible for a record and what the activity says. The helper

- skips a record that already has a pending activity of the type (whoever it is for);
- writes the summary and the note in each responsible user's language (the job runs as
  OdooBot, in English: the wording callables get the record in the user's language, so
  ``record.env._`` translates into it);
- creates the activities through the ORM, one ``create`` of a list per batch of records;
- when a batch fails, takes its records one by one in savepoints, logs and skips the one
  that fails, and goes on with the others.

It is a function module, not an AbstractModel mixin: the reminding models belong to
several add-ons (``res.partner`` among them) and need nothing from it but
``mail.activity.mixin``; each job says per call who is responsible and what to write, so
a model could have more than one kind of reminder, and no model's inheritance changes.
"""

import logging

from odoo import fields
from odoo.tools import split_every

_logger = logging.getLogger(__name__)

BATCH_SIZE = 200


def due_domain(date_field, today, days=0, overdue=False):
    """The domain of the records whose ``date_field`` falls within ``days`` days of ``today``
    (both days included); with ``overdue``, also those whose date has passed."""
    domain = [(date_field, "<=", fields.Date.add(today, days=days))]
    if not overdue:
        domain.append((date_field, ">=", today))
    return domain


def schedule_reminders(
    records, activity_type, users, deadline, summary, note=None, batch_size=BATCH_SIZE
):
    """Give the responsible users of each of ``records`` a reminder activity.

    :param records: the due records, of a model with ``mail.activity.mixin``
    :param activity_type: the ``mail.activity.type`` of the reminder
    :param users: ``users(record)``: the ``res.users`` responsible for the record (one
        activity each; archived users are left out; a record with nobody gets nothing)
    :param deadline: ``deadline(record)``: the activity's date
    :param summary: ``summary(record, user)``: the activity's summary; ``record`` is in
        ``user``'s language
    :param note: ``note(record, user)``, the same way, for the activity's note (optional)
    :param batch_size: records per ``create``
    :return: the records that got their reminder
    """
    env = records.env
    activities = env["mail.activity"].sudo()
    model_id = env["ir.model"]._get_id(records._name)

    def values(record):
        vals_list = []
        for user in users(record).filtered("active"):
            local = record.with_context(lang=user.lang or env.lang)
            vals = {
                "res_model_id": model_id,
                "res_id": record.id,
                "activity_type_id": activity_type.id,
                "user_id": user.id,
                "date_deadline": deadline(record),
                "summary": summary(local, user),
                "automated": True,
            }
            if note:
                vals["note"] = note(local, user)
            vals_list.append(vals)
        return vals_list

    reminded = records.browse()
    for batch_ids in split_every(batch_size, records.ids):
        batch = records.browse(batch_ids)
        pending = activities.search_fetch(
            [
                ("res_model", "=", records._name),
                ("res_id", "in", batch.ids),
                ("activity_type_id", "=", activity_type.id),
            ],
            ["res_id"],
        )
        todo = batch.browse(sorted(set(batch.ids) - set(pending.mapped("res_id"))))
        if not todo:
            continue
        try:
            with env.cr.savepoint():
                per_record = {record: values(record) for record in todo}
                activities.create([vals for vals_list in per_record.values() for vals in vals_list])
        except Exception:
            _logger.warning(
                "Reminders (%s) for %s records of %s failed: one by one",
                activity_type.name,
                len(todo),
                records._name,
                exc_info=True,
            )
        else:
            reminded |= todo.filtered(lambda r, done=per_record: done[r])
            continue
        for record in todo:
            try:
                with env.cr.savepoint():
                    vals_list = values(record)
                    activities.create(vals_list)
            except Exception:
                _logger.exception(
                    "Reminder (%s) for %s failed: skipped", activity_type.name, record
                )
                continue
            if vals_list:
                reminded |= record
    return reminded
