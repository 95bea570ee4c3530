"""Review checklist items became translatable (each reader reads them in their own
language): the lines copied before read in the language of whoever submitted the
contract. Each line is matched to the checklist item whose text it has (in any installed
language) and gets that item's text in every language."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    langs = [code for code, _name in env["res.lang"].get_installed()]
    items = env["credit.contract.review.template.line"].with_context(active_test=False).search([])
    by_text = {}
    for lang in langs:
        for item in items.with_context(lang=lang):
            by_text.setdefault(item.name, item)
    lines = (
        env["credit.contract.review.line"]
        .with_context(lang="en_US")
        .search([("template_line_id", "=", False)])
    )
    for line in lines:
        item = by_text.get(line.name)
        if item:
            item = item.with_context(lang="en_US")
            line.write(
                {"template_line_id": item.id, "name": item.name, "description": item.description}
            )
    lines.filtered("template_line_id")._copy_item_translations()
