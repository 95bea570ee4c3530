"""Issue 19, item 2: the review lines the appraisal demo gives its past contracts are the
checklist's items, read in each reader's language (English for an English reader, Chinese
for a Chinese one), as those a review makes."""

from odoo.tests import tagged

from .common import AppraisalCase

ITEMS = (
    "credit_contract.review_item_legality",
    "credit_contract.review_item_authenticity",
    "credit_contract.review_item_feasibility",
    "credit_contract.review_item_subject",
    "credit_contract.review_item_authority",
    "credit_contract.review_item_credit",
    "credit_contract.review_item_scope",
    "credit_contract.review_item_settlement",
)


@tagged("post_install", "-at_install", "credit_appraisal")
class TestDemoReviewLines(AppraisalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"]._load_module_terms(["credit_contract"], ["zh_CN"])

    def assertReadsItsItem(self, lines):
        """Each line names its checklist item, in English and in Chinese as the item."""
        for line in lines:
            item = line.template_line_id
            self.assertTrue(item, f"{line.name}: linked to its checklist item")
            for lang in ("en_US", "zh_CN"):
                self.assertEqual(
                    (line.with_context(lang=lang).name, line.with_context(lang=lang).description),
                    (item.with_context(lang=lang).name, item.with_context(lang=lang).description),
                    lang,
                )

    def test_lines_made_as_the_demo_makes_them(self):
        """The demo's way (its data file, in a Chinese context): the item, its English
        text, then the item's other languages copied."""
        contract = self.contract(self.env["hr.department"])
        items = [self.env.ref(xmlid) for xmlid in ITEMS]
        Line = self.env["credit.contract.review.line"].with_context(lang="zh_CN")
        lines = Line.create(
            [
                {
                    "contract_id": contract.id,
                    "sequence": item.sequence,
                    "template_line_id": item.id,
                    "name": item.with_context(lang="en_US").name,
                    "description": item.with_context(lang="en_US").description,
                    "category": item.category,
                    "required": True,
                    "result": "pass",
                }
                for item in items
            ]
        )
        lines._copy_item_translations()
        self.assertEqual(lines.with_context(lang="en_US")[0].name, "Legality")
        self.assertEqual(lines.with_context(lang="zh_CN")[0].name, "合法性")
        self.assertReadsItsItem(lines)

    def test_demo_contracts_lines(self):
        """The demo's contracts' lines (this add-on's and credit_contract's), when the
        demo is loaded (none otherwise)."""
        modules = ["credit_contract", "credit_appraisal"]
        contract_ids = (
            self.env["ir.model.data"]
            .search([("module", "in", modules), ("model", "=", "credit.contract")])
            .mapped("res_id")
        )
        lines = self.env["credit.contract.review.line"].search(
            [("contract_id", "in", contract_ids)]
        )
        demo = self.env["ir.module.module"].search([("name", "in", modules)]).mapped("demo")
        self.assertEqual(len(lines), 120 if all(demo) else 0)
        self.assertReadsItsItem(lines)
        if demo:
            self.assertIn("Legality", lines.with_context(lang="en_US").mapped("name"))
            self.assertIn("合法性", lines.with_context(lang="zh_CN").mapped("name"))
