"""One guard mechanism for every credit model (issue: guards that hold on every path).

Why one mechanism: each model used to write its own ``create``/``write`` guard, and the
holes found over RPC were the same few classes everywhere (a field deciding who may act
rewritten after the fact, a state or decision written by hand, content changed after a
review, a decision deleted). A model now *declares* its guards and this mixin enforces
them on the API, whatever the view, the button's ``groups`` or the context say:

``_guard_flow_fields``
    fields only the model's methods write (state, decisions, who decided, figures the
    add-on computes, the name from a sequence), or ``"__all__"`` for a record only code
    writes (a scoring snapshot). A method writes them as superuser
    (``sudo()``) after its own checks; anyone else is refused on ``write``, refused on
    ``create`` when the value differs from where the flow starts, and ``default_*``
    context keys for them are ignored. Where the flow starts is the fields' defaults
    updated by ``_guard_start_values``.
``_guard_locks``
    ``[(fields, editable_states), ...]``: the fields (or ``"__all__"``) that can only be
    changed while the record's ``_guard_state_field`` is in ``editable_states``.
``_guard_state_field``
    ``"state"`` unless told: a flow field itself (the walk checks it), so that no record
    is created or put by hand in a state that locks something; ``None`` on a model whose
    state is not the add-on's to guard (an Odoo document given one guarded figure).
``_guard_field_groups``
    ``{field: group xmlid}``: who may change what (on create and on write; on create a
    ``default_*`` context key counts as a value, an empty value sets nothing).
``_guard_undeletable_states``
    the states (or ``"__all__"``) in which a record, being a record of a decision, is
    never deleted.
``_guard_sequence``
    the code of the ``ir.sequence`` that names new records (their ``name``, a flow
    field): where the flow starts for a record made by hand, and the name of one the
    flow makes as superuser without a name (``"/"`` is no name).

``_guard_check_write(vals)`` and ``_guard_check_create(vals_list)`` are the hooks for the
few rules no table can say (an author editing on the day only, say). The generic test
``tests/guard_walk.py`` reads these declarations and tries every declared field as every
shipped role.

Cost: the tables are worked out once per model class from ``_fields`` (again after each
registry setup) and a write by hand that sets no guarded field runs no query here; the
superuser (flow methods, crons) skips every check.
"""

from odoo import api, models
from odoo.exceptions import AccessError, UserError

# written by the chatter, activities and followers, never part of what is guarded
MAIL_FIELDS = frozenset(
    {
        "message_main_attachment_id",
        "message_follower_ids",
        "message_ids",
        "activity_ids",
        "website_message_ids",
        "message_partner_ids",
        "message_is_follower",
        "rating_ids",
    }
)
ALL = "__all__"


def _is_empty(value):
    """A value that sets nothing: False/None/'' or x2many commands that only clear."""
    if not value:
        return True
    if isinstance(value, list | tuple):
        return all(
            isinstance(cmd, list | tuple)
            and (cmd[0] == 5 or (cmd[0] == 6 and not (cmd[2] if len(cmd) > 2 else None)))
            for cmd in value
        )
    return False


class CreditGuardMixin(models.AbstractModel):
    _name = "credit.guard.mixin"
    _description = "Credit Guards"

    _guard_flow_fields = ()
    _guard_locks = ()
    _guard_field_groups = {}
    _guard_undeletable_states = ()
    _guard_state_field = "state"
    _guard_sequence = None

    # ---------------------------------------------------------------- declarations
    @api.model
    def _setup_complete(self):
        res = super()._setup_complete()
        # fields may have changed: the tables are worked out again on first use
        type(self)._guard_cache = None
        return res

    @api.model
    def _guard_cached(self, key, build):
        """``build()`` worked out once per model class (the declarations and ``_fields``
        only: no query) and kept until the registry is set up again."""
        cls = type(self)
        cache = cls.__dict__.get("_guard_cache")
        if cache is None:
            cache = cls._guard_cache = {}
        if key not in cache:
            cache[key] = build()
        return cache[key]

    @api.model
    def _guard_plain_fields(self):
        """The fields a user fills in: stored, not computed or related, not the chatter's,
        not Odoo's own columns."""
        return frozenset(
            name
            for name, field in self._fields.items()
            if field.store
            and not field.compute
            and not field.related
            and name not in MAIL_FIELDS
            and name not in models.MAGIC_COLUMNS
            and name != "id"
        )

    @api.model
    def _guard_flow(self):
        """The flow fields: ``_guard_flow_fields`` spelled out (add-ons may add to it)."""

        def build():
            declared = self._guard_flow_fields
            if declared == ALL:
                return self._guard_plain_fields()
            return frozenset(declared)

        return self._guard_cached("flow", build)

    @api.model
    def _guard_tables(self):
        """The rest of the declarations worked out once per model class:
        ``{"locks": [(frozenset, states)], "lockable": frozenset, "flow_defaults": [...]}``."""
        return self._guard_cached("tables", self._guard_build_tables)

    @api.model
    def _guard_build_tables(self):
        flow = self._guard_flow()
        locks = []
        for fnames, states in self._guard_locks:
            if fnames == ALL:
                fnames = {
                    name
                    for name in self._guard_plain_fields()
                    if name not in flow and name != self._guard_state_field
                }
            locks.append((frozenset(fnames), tuple(states)))
        return {
            "locks": locks,
            "lockable": frozenset().union(*(fnames for fnames, _states in locks)),
            # where a new record's flow starts: the defaults of the flow's plain fields (a
            # computed field is computed, never given)
            "flow_defaults": [
                f
                for f in sorted(flow)
                if f in self._fields and self._fields[f].store and not self._fields[f].compute
            ],
        }

    @api.model
    def _guard_lock_table(self):
        """The locks with ``"__all__"`` spelled out: ``[(frozenset(fields), states)]``."""
        return self._guard_tables()["locks"]

    @api.model
    def _guard_locked_fields(self, state):
        """The fields that cannot be changed by hand in ``state``."""
        locked = set()
        for fnames, states in self._guard_lock_table():
            if state not in states:
                locked |= fnames
        return locked

    def _guard_state_label(self):
        self.ensure_one()
        field = self._fields.get(self._guard_state_field)
        value = self[self._guard_state_field] if field else False
        if field and field.type == "selection":
            return dict(field._description_selection(self.env)).get(value, value)
        if field and field.type == "boolean":
            # an ``active`` field as the state: archived (lifted, withdrawn...) or not
            return self.env._("active") if value else self.env._("archived")
        return value

    def _guard_field_label(self, fname):
        field = self._fields.get(fname)
        return field._description_string(self.env) if field else fname

    # ---------------------------------------------------------------- create
    @api.model
    def _guard_start_values(self, vals):
        """The flow fields' values of a new record made by hand (the sequence's name, the
        current user as requester...). Extended by models; the fields' defaults apply
        for the flow fields not returned here."""
        return {"name": self._guard_next_name()} if self._guard_sequence else {}

    @api.model
    def _guard_next_name(self):
        """The next name of ``_guard_sequence``."""
        return self.env["ir.sequence"].next_by_code(self._guard_sequence) or "/"

    @api.model
    def _guard_check_create(self, vals_list):
        """Model-specific checks of new records made by hand (before they exist)."""

    @api.model_create_multi
    def create(self, vals_list):
        if self._guard_sequence:
            for vals in vals_list:
                if vals.get("name") == "/":
                    del vals["name"]  # the default: no name given
                if self.env.su and not vals.get("name"):
                    vals["name"] = self._guard_next_name()
        if self.env.su:
            return super().create(vals_list)
        self = self._guard_check_new(vals_list)  # noqa: PLW0642
        return super().create(vals_list)

    @api.model
    def _guard_check_new(self, vals_list):
        """Check new records made by hand and set where their flow starts (in
        ``vals_list``); return the model without the context defaults of flow fields."""
        tables = self._guard_tables()
        flow = self._guard_flow()
        context = self.env.context
        defaulted = {key[8:] for key in context if key.startswith("default_")}
        if defaulted & flow:
            # context defaults never set a flow field (dropped from the context: a new
            # environment without them, not a context merged with them)
            cleaned = {
                key: value
                for key, value in context.items()
                if not (key.startswith("default_") and key[8:] in flow)
            }
            self = self.with_env(self.env(context=cleaned))  # noqa: PLW0642
        # a context default of a field kept for a group sets it as much as a value does
        group_defaults = {
            fname
            for fname in defaulted & set(self._guard_field_groups)
            if not _is_empty(context[f"default_{fname}"])
        }
        defaults = self.default_get(tables["flow_defaults"]) if tables["flow_defaults"] else {}
        for vals in vals_list:
            start = dict(defaults)
            start.update(self._guard_start_values(vals))
            for fname in flow & set(vals):
                given = vals[fname]
                expected = start.get(fname)
                if _is_empty(given) and _is_empty(expected):
                    continue
                if self._guard_same(fname, given, expected):
                    continue
                raise AccessError(
                    self.env._(
                        "%(field)s of %(model)s is set by its workflow, not by hand.",
                        field=self._guard_field_label(fname),
                        model=self._description,
                    )
                )
            vals.update(start)
            # an empty value sets nothing (the web client sends the empty fields of a form)
            given = {fname for fname, value in vals.items() if not _is_empty(value)}
            self._guard_check_groups(given | group_defaults)
        self._guard_check_create(vals_list)
        return self

    def _guard_same(self, fname, given, expected):
        field = self._fields.get(fname)
        if field is None:
            return given == expected
        if field.type == "many2one":
            given = given.id if isinstance(given, models.BaseModel) else given
            expected = expected.id if isinstance(expected, models.BaseModel) else expected
            return (given or False) == (expected or False)
        if field.type in ("date", "datetime"):
            return field.to_string(field.convert_to_cache(given, self)) == field.to_string(
                field.convert_to_cache(expected, self)
            )
        return given == expected

    def copy_data(self, default=None):
        """A copy starts its own flow: no decision, state or figure is copied."""
        vals_list = super().copy_data(default=default)
        flow = self._guard_flow()
        given = set(default or ())
        for vals in vals_list:
            for fname in flow - given:
                vals.pop(fname, None)
        return vals_list

    # ---------------------------------------------------------------- write
    def _guard_check_groups(self, fnames):
        """Refuse setting a field kept for a group the user is not in (``fnames``: the
        fields set, or the values)."""
        for fname, group in self._guard_field_groups.items():
            if fname in fnames and not self.env.user.has_group(group):
                raise AccessError(
                    self.env._(
                        "You may not change %(field)s of %(model)s.",
                        field=self._guard_field_label(fname),
                        model=self._description,
                    )
                )

    def _guard_check_write(self, vals):
        """Model-specific checks of a write by hand (the records still hold old values)."""

    def write(self, vals):
        if not self.env.su and vals:
            self._guard_check_vals(vals)
        return super().write(vals)

    def _guard_check_vals(self, vals):
        """Refuse a write by hand of a flow field, a field kept for a group the user is not
        in or a locked field. Runs no query unless ``vals`` sets a guarded field."""
        flow = self._guard_flow() & set(vals)
        if flow:
            raise AccessError(
                self.env._(
                    "%(field)s of %(model)s is set by its workflow, not by hand: use its buttons.",
                    field=self._guard_field_label(sorted(flow)[0]),
                    model=self._description,
                )
            )
        self._guard_check_groups(vals)
        # the state is read only when a lockable field is written: no query otherwise
        if not self._guard_tables()["lockable"].isdisjoint(vals):
            state_field = self._guard_state_field
            for record in self:
                locked = record._guard_locked_fields(record[state_field]) & set(vals)
                # writing a value it already has is no change (the web client may
                # send unchanged values of a form)
                locked = {f for f in locked if not record._guard_unchanged(f, vals[f])}
                if locked:
                    raise UserError(
                        self.env._(
                            "%(record)s is %(state)s: %(field)s can no longer be changed.",
                            record=record.display_name,
                            state=record._guard_state_label(),
                            field=record._guard_field_label(sorted(locked)[0]),
                        )
                    )
        self._guard_check_write(vals)

    def _guard_unchanged(self, fname, value):
        """Whether writing ``value`` to ``fname`` leaves this record as it is."""
        self.ensure_one()
        field = self._fields[fname]
        if field.type in ("one2many", "many2many"):
            return _is_empty(value) and not self[fname]
        try:
            new = field.convert_to_record(field.convert_to_cache(value, self), self)
        except (ValueError, TypeError):
            return False
        return new == self[fname]

    # ---------------------------------------------------------------- unlink
    @api.ondelete(at_uninstall=False)
    def _guard_unlink_decisions(self):
        states = self._guard_undeletable_states
        if not states or self.env.su:
            return
        for record in self:
            if states == ALL or record[self._guard_state_field] in states:
                raise UserError(
                    self.env._(
                        "%(record)s is a record of a decision (%(state)s): it cannot be deleted.",
                        record=record.display_name,
                        state=record._guard_state_label()
                        if self._guard_state_field in self._fields
                        else self._description,
                    )
                )

    # ---------------------------------------------------------------- flow helpers
    def _guard_sudo(self, operation="read"):
        """Superuser rights for a flow method, on records the user may ``operation``.

        Why: a flow method writes flow fields as superuser, but must never act on records
        the user cannot see (``sudo()`` alone would)."""
        self.check_access(operation)
        return self.sudo()

    @api.model
    def _guard_declaration(self):
        """What this model declares, for the generic test and the documentation."""
        return {
            "flow": sorted(self._guard_flow()),
            "locks": [(sorted(f), s) for f, s in self._guard_lock_table()],
            "groups": dict(self._guard_field_groups),
            "undeletable": self._guard_undeletable_states,
            "state_field": self._guard_state_field,
        }
