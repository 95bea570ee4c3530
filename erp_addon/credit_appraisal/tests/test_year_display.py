"""Issue 19, item f: a year reads 2025, never "2,025". An Integer field is shown with the
reader's thousands separator and summed in grouped lists (Odoo's default aggregator for an
Integer is "sum"): every year field is kept out of the sums (no aggregator) and every view
showing it, in a list, a form, a kanban or a search, shows it unformatted."""

from lxml import etree

from odoo.tests import tagged

from .common import AppraisalCase

FORMATTED_VIEWS = ("list", "form", "kanban", "search")


@tagged("post_install", "-at_install", "credit_appraisal")
class TestYearDisplay(AppraisalCase):
    def year_fields(self):
        return [
            (name, fname)
            for name, model in self.env.registry.items()
            if name.startswith("credit.")
            for fname, field in model._fields.items()
            if field.type == "integer" and (fname == "year" or fname.endswith("_year"))
        ]

    def test_year_fields_are_not_summed(self):
        found = self.year_fields()
        self.assertIn(("credit.appraisal.period", "year"), found)
        self.assertIn(("credit.appraisal", "year"), found)
        summed = [
            f"{name}.{fname}" for name, fname in found if self.env[name]._fields[fname].aggregator
        ]
        self.assertEqual(summed, [])
        # what a grouped list reads: no year total in the group rows
        fields = self.env["credit.appraisal"].fields_get(["year"], ["aggregator"])
        self.assertFalse(fields["year"].get("aggregator"))

    def test_views_show_the_year_unformatted(self):
        years = {}
        for name, fname in self.year_fields():
            years.setdefault(name, set()).add(fname)
        views = self.env["ir.ui.view"].search(
            [("model", "in", list(years)), ("type", "in", FORMATTED_VIEWS)]
        )
        self.assertTrue(views)
        formatted = []
        for view in views:
            arch = etree.fromstring(view.arch_db.encode())
            for node in arch.iter("field"):
                if node.get("name") in years[view.model] and "'format': false" not in (
                    node.get("options") or ""
                ):
                    formatted.append(f"{view.xml_id or view.name}: {etree.tostring(node)}")
        self.assertEqual(formatted, [])

    def test_period_year_in_chinese(self):
        """The period's form as a zh_CN manager reads it: the year unformatted, and the
        period's name (its title) with the year as written."""
        period = self.make_period(2025)
        Period = self.env["credit.appraisal.period"].with_user(self.manager)
        arch = Period.with_context(lang="zh_CN").get_views([(False, "form")])["views"]["form"]
        node = etree.fromstring(arch["arch"]).find(".//field[@name='year']")
        self.assertEqual(node.get("options"), "{'format': false}")
        self.assertNotIn("2,025", period.with_context(lang="zh_CN").display_name)
        self.assertIn("2025", period.with_context(lang="zh_CN").display_name)
