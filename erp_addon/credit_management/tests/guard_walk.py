"""The generic guard test: every declared guard tried as every shipped role.

Each add-on subclasses ``GuardWalkCase`` (import this *module*, not the class, so that the
base is not collected as a test of its own), names the add-ons whose models it walks in
``guard_modules`` and builds sample records of each guarded model in ``_guard_samples``:
at least one per state that locks something. The walk then tries, as a user of each role
Odoo and the add-ons ship:

- a direct write of each flow field (only methods write them): refused, value unchanged;
- a create setting each flow field away from where the flow starts: refused, by a user
  who may create the record otherwise;
- context ``default_*`` keys for each flow field: ignored;
- a write of each field locked in the sample's state: refused, value unchanged;
- a write of each group-guarded field by a user outside the group, and a context
  default for it on create: refused;
- a create directly in a state that locks something: refused (the state is a flow field);
- deleting a record of a decision: refused.

A model is walked by the subclass naming the add-on that made it guarded
(``guard_owner``: the first to inherit ``credit.guard.mixin`` into it, so res.partner's
guards are credit_management's). One subclass (``guard_check_coverage = True``, in
credit_management) also checks that every guarded model of an add-on whose tests are
loaded is walked by some subclass. ``_guard_create_vals`` gives the values of a new
record made by hand when a copy of the first sample cannot be made (a rule allowing one
open record per customer, say).
"""

import datetime
import sys
from contextlib import contextmanager

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged
from odoo.tests.common import TransactionCase
from odoo.tools import mute_logger

# the roles Odoo ships that credit users meet, beside the add-ons' own groups
ODOO_ROLES = {
    "internal user": "base.group_user",
    "portal": "base.group_portal",
    "salesperson": "sales_team.group_sale_salesman",
    "sales manager": "sales_team.group_sale_manager",
    "billing": "account.group_account_invoice",
    "auditor": "account.group_account_readonly",
    "accountant": "account.group_account_manager",
    "purchase user": "purchase.group_purchase_user",
    "hr officer": "hr.group_hr_user",
    "settings": "base.group_system",
}


def guard_owner(model):
    """The add-on that made ``model`` guarded: the first of its defining classes (base
    first) that inherits credit.guard.mixin; the model's own add-on otherwise."""
    for cls in reversed(type(model)._model_classes__):
        inherit = cls.__dict__.get("_inherit") or ()
        if isinstance(inherit, str):
            inherit = (inherit,)
        if "credit.guard.mixin" in inherit:
            return cls._module
    return model._original_module


def guarded_models(env):
    """Names of the concrete models that declare guards through credit.guard.mixin."""
    names = []
    for name in env.registry:
        model = env[name]
        if model._abstract or model._transient or name == "credit.guard.mixin":
            continue
        if not hasattr(model, "_guard_declaration"):
            continue
        declaration = model._guard_declaration()
        if any(declaration[key] for key in ("flow", "locks", "groups", "undeletable")):
            names.append(name)
    return sorted(names)


@tagged("post_install", "-at_install")
class GuardWalkCase(TransactionCase):
    # Odoo 18 runs only the test methods a class defines itself unless told otherwise:
    # without this, a subclass would run none of the walk's tests
    allow_inherited_tests_method = True
    guard_modules = ()
    # run the coverage check of every walk class (one subclass only: credit_management's)
    guard_check_coverage = False

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.role_users = cls._guard_role_users()
        cls.samples = cls._guard_samples()

    # ---------------------------------------------------------------- set-up
    @classmethod
    def _guard_role_users(cls):
        """One user per role: every group the credit add-ons ship and Odoo's own roles."""
        groups = {}
        data = cls.env["ir.model.data"].search(
            [("model", "=", "res.groups"), ("module", "=like", "credit\\_%")]
        )
        for xmlid in data:
            group = cls.env["res.groups"].browse(xmlid.res_id)
            if group.exists():
                groups[f"{xmlid.module}.{xmlid.name}"] = group
        for label, xmlid in ODOO_ROLES.items():
            group = cls.env.ref(xmlid, raise_if_not_found=False)
            if group:
                groups[label] = group
        users = {}
        for label, group in groups.items():
            base = "base.group_portal" if group == cls.env.ref("base.group_portal") else ""
            login = "guard_" + label.replace(".", "_").replace(" ", "_")
            user = new_test_user(
                cls.env,
                login=login,
                groups=base or "base.group_user",
                company_ids=[Command.set(cls.env.companies.ids)],
            )
            if not base:
                user.groups_id |= group
            users[label] = user
        return users

    @classmethod
    def _guard_samples(cls):
        """``{model: records}``: records of each guarded model of ``guard_modules``, in the
        states that lock something (made as superuser, the way their flow makes them)."""
        raise NotImplementedError

    # ---------------------------------------------------------------- helpers
    def _models_walked(self):
        return [
            name
            for name in guarded_models(self.env)
            if guard_owner(self.env[name]) in self.guard_modules
        ]

    def _other_value(self, record, fname):
        """A value for ``fname`` unlike the record's, in the form ``write`` takes."""
        field = record._fields[fname]
        value = record[fname]
        kind = field.type
        if kind in ("char", "text", "html"):
            return (str(value) if value else "") + " (changed)"
        if kind == "boolean":
            return not value
        if kind in ("integer",):
            return (value or 0) + 7
        if kind in ("float", "monetary"):
            return (value or 0.0) + 7.5
        if kind == "date":
            return (value or datetime.date(2026, 6, 15)) - datetime.timedelta(days=40)
        if kind == "datetime":
            return (value or datetime.datetime(2026, 6, 15, 9)) - datetime.timedelta(days=40)
        if kind == "selection":
            options = [key for key, _label in field._description_selection(self.env)]
            others = [key for key in options if key != value]
            return others[0] if others else None
        if kind == "many2one":
            other = (
                self.env[field.comodel_name]
                .sudo()
                .with_context(active_test=False)
                .search([("id", "not in", value.ids)], limit=1)
            )
            return other.id if other else (False if value else None)
        if kind in ("many2many", "one2many"):
            if value:
                return [Command.clear()] if kind == "many2many" else None
            if kind == "many2many":
                other = self.env[field.comodel_name].sudo().search([], limit=1)
                return [Command.set(other.ids)] if other else None
            return None
        if kind == "many2one_reference":
            return (value or 0) + 1
        return None

    @contextmanager
    def _rolled_back(self):
        """Whatever happens inside is undone, and the cache forgets it."""
        savepoint = self.env.cr.savepoint()
        try:
            yield
        finally:
            savepoint.close(rollback=True)
            self.env.invalidate_all()

    def _cache_value(self, record, fname):
        value = record.sudo()[fname]
        return value.ids if hasattr(value, "ids") else value

    def _assert_refused(self, record, fname, value, role, user, exc_class, what):
        before = self._cache_value(record, fname)
        with self.assertRaises(exc_class, msg=f"{what}: {record._name}.{fname} as {role}"):
            with self._rolled_back():
                record.with_user(user).write({fname: value})
                self.env.flush_all()
        self.assertEqual(
            self._cache_value(record, fname),
            before,
            f"{what}: {record._name}.{fname} changed as {role}",
        )

    # ---------------------------------------------------------------- tests
    def test_every_guarded_model_has_samples(self):
        walked = self._models_walked()
        missing = [name for name in walked if not self.samples.get(name)]
        self.assertFalse(missing, f"guarded models without samples: {missing}")
        self.assertTrue(walked, f"{self.guard_modules} declare no guarded model")

    def test_flow_fields_written_by_nobody(self):
        tried = 0
        for _name, records in self.samples.items():
            for record in records:
                for fname in sorted(record._guard_flow()):
                    value = self._other_value(record, fname)
                    if value is None:
                        continue
                    for role, user in self.role_users.items():
                        self._assert_refused(
                            record, fname, value, role, user, AccessError, "flow field written"
                        )
                        tried += 1
        self.assertTrue(tried)

    def _base_vals(self, record):
        return self._guard_create_vals(record)

    def _guard_create_vals(self, record):
        """The values of a new record like ``record`` made by hand: a copy's, less its flow
        fields. Subclasses override it where a copy cannot be made (one open record per
        customer, a document given on create...)."""
        vals = record.sudo().copy_data()[0]
        for fname in record._guard_flow():
            vals.pop(fname, None)
        return vals

    def _plain_values(self, model, vals, user, fnames):
        """What a plain create by ``user`` gives ``fnames`` (the record is undone)."""
        with self._rolled_back():
            plain = self.env[model].with_user(user).create(dict(vals))
            self.env.flush_all()
            return {fname: self._cache_value(plain, fname) for fname in fnames}

    def _creators(self, model, vals):
        return [
            (role, user)
            for role, user in self.role_users.items()
            if self._can_create(model, vals, user)
        ]

    def _can_create(self, model, vals, user):
        """Whether ``user`` may create this record as the sample's copy (then undone).
        The probe's refusals by the database (a required field the role may not set) are
        expected: they are not logged as errors."""
        with self._rolled_back(), mute_logger("odoo.sql_db"):
            try:
                self.env[model].with_user(user).create(dict(vals))
                self.env.flush_all()
            except (UserError, ValueError, TypeError):
                return False
            except Exception:  # noqa: BLE001 - the database's own constraints refuse a copy
                return False
            return True

    def test_create_does_not_start_past_the_flow(self):
        for name, records in self.samples.items():
            draft, final = records[0], records[-1]
            vals = self._base_vals(draft)
            creators = self._creators(name, vals)
            flow = [
                fname
                for fname in sorted(draft._guard_flow())
                if draft._fields[fname].type != "one2many" and draft._fields[fname].store
            ]
            for role, user in creators:
                # a second record may not be made beside the plain one (one open request
                # per document...): the plain values come from a create of their own
                plain = self._plain_values(name, vals, user, flow)
                for fname in flow:
                    field = draft._fields[fname]
                    value = field.convert_to_write(final.sudo()[fname], final)
                    if field.type == "many2many" or value in (False, None, ""):
                        value = self._other_value(draft, fname)
                    if value is None:
                        continue
                    with self._rolled_back():
                        try:
                            new = (
                                self.env[name].with_user(user).create(dict(vals, **{fname: value}))
                            )
                        except UserError:  # AccessError, or a rule the value breaks
                            continue
                        # accepted only where the value given is where the flow starts
                        self.assertEqual(
                            self._cache_value(new, fname),
                            plain[fname],
                            f"{name}.{fname} set by create as {role}",
                        )

    def test_context_defaults_ignored(self):
        for name, records in self.samples.items():
            draft, final = records[0], records[-1]
            vals = self._base_vals(draft)
            defaults = {}
            for fname in draft._guard_flow():
                field = draft._fields[fname]
                if field.type in ("one2many", "many2many") or not field.store:
                    continue
                value = field.convert_to_write(final.sudo()[fname], final)
                if value not in (False, None, ""):
                    defaults[f"default_{fname}"] = value
            for role, user in self.role_users.items():
                if not self._can_create(name, vals, user):
                    continue
                fnames = [key[8:] for key in defaults]
                plain = self._plain_values(name, vals, user, fnames)
                with self._rolled_back():
                    new = self.env[name].with_user(user).with_context(**defaults).create(dict(vals))
                    for fname in fnames:
                        field = new._fields[fname]
                        given = defaults[f"default_{fname}"]
                        # ignored: as a plain create sets it, or at least not the default
                        # (a sequence's name is new on each create)
                        self.assertTrue(
                            self._cache_value(new, fname) == plain[fname]
                            or field.convert_to_write(new.sudo()[fname], new) != given,
                            f"{name}.{fname} set by a context default as {role}",
                        )
                break  # one creating role shows what the context does

    def test_group_fields_not_set_by_context_defaults(self):
        for name, records in self.samples.items():
            draft = records[0]
            groups = draft._guard_field_groups
            if not groups:
                continue
            vals = {k: v for k, v in self._base_vals(draft).items() if k not in groups}
            for role, user in self._creators(name, vals):
                for fname, group in sorted(groups.items()):
                    field = draft._fields[fname]
                    if user.has_group(group) or field.type in ("one2many", "many2many"):
                        continue
                    value = self._other_value(draft, fname)
                    if value in (None, False, "", 0):
                        continue
                    with self._rolled_back():
                        try:
                            new = (
                                self.env[name]
                                .with_user(user)
                                .with_context(**{f"default_{fname}": value})
                                .create(dict(vals))
                            )
                        except AccessError:
                            continue
                        self.assertNotEqual(
                            field.convert_to_write(new.sudo()[fname], new),
                            value,
                            f"{name}.{fname} set by a context default as {role}, outside {group}",
                        )

    def test_state_is_a_flow_field(self):
        for name in self._models_walked():
            model = self.env[name]
            state = model._guard_state_field
            if model._guard_locks:
                self.assertIn(state, model._fields, f"{name} locks by a state it does not have")
            if state and state in model._fields:
                self.assertIn(
                    state,
                    model._guard_flow(),
                    f"{name}.{state} is not a flow field: declare it in _guard_flow_fields "
                    "(or _guard_state_field = None where the state is not guarded)",
                )

    def test_create_in_a_locked_state_refused(self):
        tried = 0
        for name, records in self.samples.items():
            model = self.env[name]
            if not model._guard_locks:
                continue
            state_field = model._guard_state_field
            locked_states = []
            for record in records:
                state = record.sudo()[state_field]
                if record._guard_locked_fields(state) and state not in locked_states:
                    locked_states.append(state)
            self.assertTrue(locked_states, f"{name}: no sample in a state that locks something")
            vals = self._base_vals(records[0])
            vals.pop(state_field, None)
            # the state a new record starts in is no state to refuse a create in, though a
            # field locked in every state (the person appraised, say) makes it "locked"
            start = model.default_get([state_field]).get(state_field)
            for role, user in self._creators(name, vals):
                for state in locked_states:
                    if state == start:
                        continue
                    tried += 1
                    with self._rolled_back():
                        try:
                            new = (
                                self.env[name]
                                .with_user(user)
                                .create(dict(vals, **{state_field: state}))
                            )
                            self.env.flush_all()
                        except UserError:  # AccessError, or a rule the state breaks
                            continue
                        self.assertNotEqual(
                            new.sudo()[state_field],
                            state,
                            f"{name} created {state_field}={state!r} by {role}",
                        )
        if any(self.env[name]._guard_locks for name in self.samples):
            self.assertTrue(tried, "nobody could create a record of a model with locks")

    def test_locked_fields_refused(self):
        tried = 0
        for _name, records in self.samples.items():
            for record in records:
                if not record._guard_locks:
                    continue  # no lock: the model may have no state field at all
                state = record.sudo()[record._guard_state_field]
                for fname in sorted(record._guard_locked_fields(state)):
                    value = self._other_value(record, fname)
                    if value is None:
                        continue
                    for role, user in self.role_users.items():
                        self._assert_refused(
                            record, fname, value, role, user, UserError, f"locked in {state}"
                        )
                        tried += 1
        if any(self.env[name]._guard_locks for name in self.samples):
            self.assertTrue(tried, "no sample is in a state that locks something")

    def test_group_fields_refused_outside_the_group(self):
        for _name, records in self.samples.items():
            for record in records[:1]:
                for fname, group in record._guard_field_groups.items():
                    value = self._other_value(record, fname)
                    if value is None:
                        continue
                    for role, user in self.role_users.items():
                        if user.has_group(group):
                            continue
                        self._assert_refused(
                            record, fname, value, role, user, AccessError, f"outside {group}"
                        )

    def test_decisions_not_deleted(self):
        for name, records in self.samples.items():
            states = self.env[name]._guard_undeletable_states
            if not states:
                continue
            kept = [
                r
                for r in records
                if states == "__all__" or r.sudo()[r._guard_state_field] in states
            ]
            self.assertTrue(kept, f"{name}: no sample in a state that cannot be deleted")
            for record in kept:
                for role, user in self.role_users.items():
                    # a role without the right to delete is refused by its rights
                    # (AccessError); one with it, by the record being a decision (a rule's
                    # UserError, never an AccessError)
                    allowed = record.with_user(user).has_access("unlink")
                    with self.assertRaises(UserError, msg=f"{name} deleted as {role}") as cm:
                        with self._rolled_back():
                            record.with_user(user).unlink()
                    if allowed:
                        self.assertNotIsInstance(
                            cm.exception, AccessError, f"{name} as {role}: {cm.exception}"
                        )
                    else:
                        self.assertIsInstance(
                            cm.exception, AccessError, f"{name} as {role}: {cm.exception}"
                        )
                    self.assertTrue(record.exists())

    def test_every_guarded_model_is_walked(self):
        """Every guarded model of an add-on whose tests are loaded is walked by a subclass."""
        if not self.guard_check_coverage:
            return  # checked once, by the subclass that sets the flag
        walked = walked_modules()
        uncovered = []
        for name in guarded_models(self.env):
            owner = guard_owner(self.env[name])
            if owner not in walked and tests_loaded(owner):
                uncovered.append(f"{name} ({owner})")
        self.assertFalse(
            uncovered,
            "guarded models no GuardWalkCase subclass walks (add a tests/test_guard_walk.py "
            f"naming their add-on in guard_modules): {', '.join(uncovered)}",
        )


def walked_modules():
    """The add-ons whose walk classes are loaded in this run."""
    found = set()
    stack = list(GuardWalkCase.__subclasses__())
    while stack:
        cls = stack.pop()
        found.update(cls.guard_modules)
        stack.extend(cls.__subclasses__())
    return found


def tests_loaded(module):
    return f"odoo.addons.{module}.tests" in sys.modules
