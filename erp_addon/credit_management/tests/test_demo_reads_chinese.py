import logging
import re

from odoo.tests import TransactionCase, new_test_user, tagged
from odoo.tools import html2plaintext

_logger = logging.getLogger(__name__)

#: The add-ons whose shipped and demo records are measured.
MODULES = (
    "credit_management",
    "credit_contract",
    "credit_contract_purchase",
    "credit_collection",
    "credit_appraisal",
    "credit_appraisal_survey",
    "credit_warning",
    "credit_warning_contract",
    "credit_restructuring",
    "credit_warning_restructuring",
    "credit_guarantee",
    "credit_warning_guarantee",
    "credit_audit",
    "credit_audit_contract",
    "credit_audit_appraisal",
    "credit_seminar",
    "credit_seminar_contract",
    "credit_seminar_appraisal",
    "credit_legal_review",
    "credit_prospect",
    "credit_prospect_guarantee",
    "credit_external_data",
    "credit_warning_external_data",
    "credit_supplier",
    "credit_supplier_stock",
    "credit_supplier_contract",
)
#: A value reads in Chinese when it holds a Chinese character.
CHINESE = re.compile(r"[\u3400-\u9fff]")
#: The share of values that must read in Chinese.
MINIMUM_SHARE = 0.95

#: Models whose records are the machinery, not text a user reads: views, actions, menus,
#: access rules, scheduled actions, sequences, model and field definitions (ir.*).
EXCLUDED_MODEL_PREFIXES = ("ir.",)
#: Fields that are not Chinese by nature, on every model: codes and references (a unified
#: social credit code, a grade's code, a sequence number, a product reference), addresses
#: of machines and mailboxes (e-mail, website, telephone), technical names and values
#: (models, field names, selection keys, logins, xml ids, colours, JSON of a widget,
#: e-mail template expressions), and numbers written as text.
EXCLUDED_FIELDS = frozenset(
    {
        # codes and references
        "code",
        "ref",
        "credit_code",
        "id_number",
        "vat",
        "company_registry",
        "barcode",
        "default_code",
        "sequence_prefix",
        "prefix",
        "suffix",
        "zip",
        # machines and mailboxes
        "email",
        "email_formatted",
        "email_from",
        "email_to",
        "email_cc",
        "reply_to",
        "partner_to",
        "website",
        "phone",
        "mobile",
        "phone_sanitized",
        "mobile_phone",
        "work_phone",
        "work_email",
        "private_email",
        "private_phone",
        "login",
        "password",
        # technical names and values
        "model",
        "res_model",
        "res_model_name",
        "model_name",
        "value",
        "color",
        "icon",
        "decoration_type",
        "render_model",
        "lang",
        "tz",
        "signature",
        "card_lines",
        "card_graph",
        "auto_check",
        "pin",
        "employee_token",
        "access_token",
        "partner_share",
        "display_name",
        "complete_name",
        "scss",
        "email_normalized",
        "parent_path",
        "template_fs",
        "signup_type",
        "layout_background",
        "paperformat_id",
    }
)
#: Suffixes of technical field names: account code prefixes of a chart, tokens, keys.
TECHNICAL_SUFFIXES = ("_color", "_code_prefix", "_token", "_key", "_uuid", "_hash", "_sanitized")
#: Fields, per model, that hold a number or a code under a text field's name: the numbers
#: sequences give to applications, exceptions, contracts, powers of attorney, seals and
#: write-offs (e.g. "HT-2026-0001"), and the document numbers they point to.
EXCLUDED_MODEL_FIELDS = {
    "credit.application": {"name"},
    "credit.exception": {"name", "document_name"},
    "credit.contract": {"name"},
    "credit.power.attorney": {"name"},
    "credit.collection.writeoff": {"name"},
    "credit.restructuring": {"name"},
    "credit.seminar": {"name"},
    "credit.legal.review": {"name"},
    "credit.external.import": {"name"},
    "credit.supplier.evaluation": {"name"},
    "purchase.order": {"name", "partner_ref", "origin"},
    "account.move": {"name", "payment_reference", "invoice_origin", "sequence_prefix"},
    "account.account": {"code_store"},
    "sale.order": {"name", "client_order_ref", "origin", "reference"},
}


@tagged("post_install", "-at_install", "credit_management", "credit_demo")
class TestDemoReadsChinese(TransactionCase):
    """The records the six add-ons ship or create as demo data read in Chinese for a
    Chinese user: of the text fields a user reads (names, descriptions, notes, evidence,
    reasons, summaries), at least 95% of the values hold Chinese.

    This test relies on demo data on purpose: it measures the demo data itself (the CI
    database is installed with demo data; without it, it measures the shipped records
    only). The records are those of ir.model.data of the six add-ons; the fields are the
    stored char, text and html fields, less the ones not Chinese by nature listed above.
    zh_CN is installed by the demo; where it is not, the test installs it first.
    """

    def _chinese_reader(self):
        lang = self.env["res.lang"].with_context(active_test=False).search([("code", "=", "zh_CN")])
        if not lang.active:
            lang.active = True
            modules = self.env["ir.module.module"].search(
                [("name", "in", MODULES), ("state", "=", "installed")]
            )
            modules._update_translations(["zh_CN"])
        reader = new_test_user(self.env, login="demo_chinese_reader", lang="zh_CN")
        # the reader reads everything: read rights are not what is measured
        return self.env(user=reader, context={"lang": reader.lang}, su=True)

    def _measured_fields(self, model):
        excluded = EXCLUDED_FIELDS | EXCLUDED_MODEL_FIELDS.get(model._name, set())
        return [
            name
            for name, field in model._fields.items()
            if field.type in ("char", "text", "html")
            and field.store
            and not field.related
            and name not in excluded
            and not name.startswith(("message_", "activity_", "website_", "x_", "l10n_"))
            and not name.endswith(TECHNICAL_SUFFIXES)
        ]

    def _measure(self, env):
        """``(chinese, total, {(model, field): [non-Chinese values]})``."""
        data = env["ir.model.data"].search([("module", "in", MODULES)])
        by_model = {}
        for row in data:
            if row.model.startswith(EXCLUDED_MODEL_PREFIXES) or row.model not in env:
                continue
            by_model.setdefault(row.model, set()).add(row.res_id)
        chinese = total = 0
        misses = {}
        for model_name, ids in sorted(by_model.items()):
            model = env[model_name]
            if model._abstract or model._transient:
                continue
            records = model.browse(sorted(ids)).exists()
            for fname in self._measured_fields(model):
                for record in records:
                    value = record[fname]
                    if model._fields[fname].type == "html":
                        value = html2plaintext(value or "")
                    value = (value or "").strip()
                    if not any(char.isalpha() for char in value):
                        # empty, or a number (a year, an amount): no language to read
                        continue
                    total += 1
                    if CHINESE.search(value):
                        chinese += 1
                    else:
                        misses.setdefault((model_name, fname), []).append(value[:60])
        return chinese, total, misses

    def test_demo_reads_chinese(self):
        env = self._chinese_reader()
        chinese, total, misses = self._measure(env)
        self.assertTrue(total, "no text field of the add-ons' records was measured")
        share = chinese / total
        for (model_name, fname), values in sorted(misses.items()):
            _logger.info("not Chinese: %s.%s (%d): %s", model_name, fname, len(values), values[:3])
        _logger.info(
            "Chinese share of the add-ons' shipped and demo text: %.1f%% (%d of %d values)",
            share * 100,
            chinese,
            total,
        )
        self.assertGreaterEqual(
            share,
            MINIMUM_SHARE,
            f"{share:.1%} of {total} values read in Chinese; not Chinese: "
            + "; ".join(f"{m}.{f} ({len(v)})" for (m, f), v in sorted(misses.items())),
        )
