"""The provider registry: the file import is the first provider; an online provider
registered later plugs into the same import (preview, apply) without changing it."""

import datetime

from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tests.common import freeze_time

from ..providers import ExternalProvider, ExternalRow, RowError, base, get_provider
from .common import ExternalCase, code


class FakeOnlineProvider(ExternalProvider):
    """An online service answering for the codes it is asked about."""

    code = "fake_online"
    kind = "online"
    asked = None

    def label(self):
        return "Fake online registry"

    def fetch(self, codes):
        FakeOnlineProvider.asked = list(codes)
        rows = [
            ExternalRow(row=1, credit_code=code(1), date=datetime.date(2026, 6, 1), rating="AAA"),
            ExternalRow(
                row=2,
                credit_code=code(3),
                date=datetime.date(2026, 6, 1),
                adverse={"abnormal_operation": ["2026-ABN-7"]},
            ),
        ]
        return rows, [RowError(3, "credit_code", "the service knows no such company")]


@freeze_time("2026-06-15")
@tagged("post_install", "-at_install")
class TestProviders(ExternalCase):
    def test_registry_has_the_file_provider(self):
        provider = get_provider(self.env, "file")
        self.assertEqual(provider.kind, "file")
        self.assertEqual(provider.label(), "File import (XLSX/CSV)")
        self.assertIn(
            ("file", "File import (XLSX/CSV)"),
            self.env["credit.external.import"]._selection_provider(),
        )
        with self.assertRaisesRegex(UserError, "There is no external-data provider nope"):
            get_provider(self.env, "nope")
        with self.assertRaisesRegex(UserError, "does not ask an online service"):
            provider.fetch([code(1)])
        with self.assertRaises(ValueError):
            base.register(type("Again", (ExternalProvider,), {"code": "file"}))

    def test_online_provider_plugs_into_the_import(self):
        base.register(FakeOnlineProvider)
        self.addCleanup(base.PROVIDERS.pop, "fake_online")
        self.company.credit_external_provider = "fake_online"
        imp = (
            self.env["credit.external.import"]
            .with_user(self.analyst)
            .create({"source_name": "Online registry", "source_type": "rating_agency"})
        )
        self.assertEqual(imp.provider, "fake_online")
        imp.action_preview()
        self.assertIn(code(1), FakeOnlineProvider.asked)
        self.assertEqual(imp.error_count, 1)
        with self.assertRaisesRegex(
            UserError, "Row 3, credit_code: the service knows no such company"
        ):
            imp.action_apply()
        # the provider's rows alone apply as a file's would
        FakeOnlineProvider.fetch = lambda self, codes: (
            [ExternalRow(row=1, credit_code=code(1), date=datetime.date(2026, 6, 1), rating="AAA")],
            [],
        )
        imp.action_reset_draft()
        imp.action_preview()
        imp.action_apply()
        self.assertEqual(self.alpha.credit_external_rating, "AAA")
        self.assertEqual(imp.record_ids.source_type, "rating_agency")
