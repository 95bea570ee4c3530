"""The generic guard walk over credit_external_data's guarded models: an import in each
state, its preview lines, the records, value history and adverse records it applied, and
a share log."""

from odoo.tests import tagged
from odoo.tests.common import freeze_time

from odoo.addons.credit_management.tests import guard_walk

from .common import ExternalCase, code, csv_file


@freeze_time("2026-06-15")
@tagged("post_install", "-at_install")
class TestGuardWalk(guard_walk.GuardWalkCase, ExternalCase):
    guard_modules = ("credit_external_data",)

    @classmethod
    def _guard_samples(cls):
        rows = [
            [code(1), "", "2026-06-01", "AA", "2000000", "", "D1", "", "", ""],
            [code(9), "", "2026-06-01", "A", "", "", "", "", "", ""],
        ]
        draft = cls.make_import(csv_file(rows))
        previewed = cls.make_import(csv_file(rows))
        previewed.action_preview()
        applied = cls.make_import(csv_file(rows))
        applied.action_preview()
        applied.action_apply()
        cls.alpha.with_user(cls.analyst).credit_shareable = True
        wizard = (
            cls.env["credit.external.share.wizard"]
            .with_user(cls.analyst)
            .create(
                {"recipient": "Association", "recipient_type": "association", "file_format": "csv"}
            )
        )
        wizard.action_export()
        return {
            "credit.external.import": draft | previewed | applied,
            "credit.external.import.line": applied.line_ids,
            "credit.external.record": applied.record_ids,
            "credit.external.value": applied.value_ids,
            "credit.external.adverse": applied.adverse_ids,
            "credit.external.share": cls.env["credit.external.share"].search([]),
        }

    def test_samples_in_their_states(self):
        self.assertEqual(
            self.samples["credit.external.import"].mapped("state"),
            ["draft", "previewed", "applied"],
        )
        self.assertEqual(len(self.samples["credit.external.value"]), 2)
