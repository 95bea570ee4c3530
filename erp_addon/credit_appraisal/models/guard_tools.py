"""Small helpers the appraisal models' guards share (no model here)."""

from odoo import Command


def x2many_ids_after(record, fname, value):
    """The ids ``record[fname]`` (a many2many) would hold after writing ``value``.

    Why: a guard that depends on who is in the list ("nobody adds themselves") must
    judge the result of the commands before anything is written.
    """
    ids = list(record[fname].ids)
    for command in value or ():
        if isinstance(command, int):
            ids.append(command)
            continue
        code = command[0]
        if code == Command.SET:
            ids = list(command[2] or ())
        elif code == Command.CLEAR:
            ids = []
        elif code in (Command.LINK, Command.UPDATE):
            ids.append(command[1])
        elif code in (Command.UNLINK, Command.DELETE):
            ids = [i for i in ids if i != command[1]]
    return set(ids)


def own_employees(env):
    """The current user's employee records, in every company."""
    return (
        env["hr.employee"]
        .sudo()
        .with_context(active_test=False)
        .search([("user_id", "=", env.uid)])
    )


def value_given(model, vals, fname):
    """The value a new record gets for ``fname``: from ``vals``, else its default (the
    context's ``default_*`` keys included)."""
    if fname in vals:
        return vals[fname]
    return model.default_get([fname]).get(fname)
