"""What every model of a credit add-on owes its readers: a name in Chinese and records that
show a name.

Odoo words a model's description into what users read: the chatter's "Contract created"
(``mail.thread._creation_message``: "%s 创建" with the model's name), breadcrumbs, the
activity's document type, the "search more" dialog's title. A model without a zh_CN
description reads "Contract 创建". A record of a model without a display name (no
``_rec_name`` and no ``_compute_display_name``) shows as "credit.collection.promise,1" in
breadcrumbs and many2one fields.

``assert_models_named(case, module)`` checks both for every model the add-on defines
(abstract mixins and wizards included for the description; the display name is checked
on the models whose records users open). An add-on that defines no model of its own (a
bridge) checks the models it extends with ``assert_extended_models_named``: what it adds
shows on those models' records, so they owe the same."""

import re

from odoo.models import BaseModel

CJK = re.compile(r"[\u4e00-\u9fff]")


def module_models(env, module):
    """The models ``module`` defines (not those it only extends)."""
    return [
        name
        for name, model in env.registry.items()
        if model._original_module == module and not name.startswith("ir.")
    ]


def extended_models(env, module):
    """The models ``module`` adds fields to, without defining them."""
    fields = env["ir.model.data"].search(
        [("module", "=", module), ("model", "=", "ir.model.fields")]
    )
    models = env["ir.model.fields"].browse(fields.mapped("res_id")).exists().mapped("model")
    return sorted(set(models) - set(module_models(env, module)))


def assert_models_named(case, module):
    names = module_models(case.env, module)
    case.assertTrue(names, f"{module} defines no model")
    _assert_named(case, module, names)


def assert_extended_models_named(case, module, expected):
    """``module`` defines no model of its own and extends ``expected`` (the exact list:
    a new model of the bridge must get its own test); each is named."""
    env = case.env
    case.assertEqual(module_models(env, module), [], f"{module} defines models")
    names = extended_models(env, module)
    case.assertEqual(names, sorted(expected), f"the models {module} extends")
    _assert_named(case, module, names)


def _assert_named(case, module, names):
    env = case.env
    env["res.lang"]._activate_lang("zh_CN")
    env["ir.module.module"]._load_module_terms([module], ["zh_CN"], overwrite=True)
    IrModel = env["ir.model"].with_context(lang="zh_CN")
    # an extended model's description is its own module's to translate
    owners = {owner for name in names for owner in IrModel._get(name).modules.split(", ")}
    env["ir.module.module"]._load_module_terms(sorted(owners - {module}), ["zh_CN"])
    untranslated, unnamed = [], []
    for name in names:
        model = env[name]
        chinese = IrModel._get(name).name
        if not CJK.search(chinese or ""):
            untranslated.append(f"{name} ({chinese})")
        if model._abstract or model._transient:
            # a mixin has no records; a wizard's dialog is titled by its action
            continue
        rec_name = model._rec_name and model._rec_name in model._fields
        computed = type(model)._compute_display_name is not BaseModel._compute_display_name
        if not (rec_name or computed):
            unnamed.append(name)
    case.assertEqual(untranslated, [], "models without a zh_CN description")
    case.assertEqual(unnamed, [], "models whose records show as 'model,id'")
