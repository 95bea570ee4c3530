"""Demo data of collections, made through the add-on's own flows."""

from odoo import api, fields, models
from odoo.tools import SQL


# one model, one file per concern (fields and buttons in account_move.py)
class AccountMove(models.Model):
    _inherit = "account.move"  # pylint: disable=consider-merging-classes-inherited

    # ------------------------------------------------------------ demo data
    @api.model
    def _collection_demo_setup(self):
        """Demo: customers with invoices in every stage, a kept and a broken promise, a
        dispute and a posted write-off, made by running the daily action on the last nine
        days (each invoice lands in the stage of its days overdue). Called from
        demo/credit_collection_demo.xml only."""
        self = self.sudo()
        company = self.env.ref("base.main_company")
        today = fields.Date.context_today(self)
        journal = self.env["account.journal"].search(
            [("type", "=", "sale"), ("company_id", "=", company.id)], limit=1
        )
        if not journal:
            return
        expense = self.env["account.account"].search(
            [("account_type", "=", "expense"), ("company_ids", "in", company.ids)], limit=1
        )
        misc = self.env["account.journal"].search(
            [("type", "=", "general"), ("company_id", "=", company.id)], limit=1
        )
        company.write(
            {
                "collection_writeoff_account_id": expense.id,
                "collection_writeoff_journal_id": misc.id,
                "collection_default_user_id": self.env.ref("base.user_admin").id,
            }
        )
        Partner = self.env["res.partner"]
        rows = [
            ("demo_collection_reminder", "华东钢材贸易有限公司", 3),
            ("demo_collection_call", "Nanjing Pipe Fittings Co., Ltd.", 20),
            ("demo_collection_letter", "苏州精密机械有限公司", 45),
            ("demo_collection_visit", "Hangzhou Textile Import & Export Co.", 75),
            ("demo_collection_lawyer", "合肥建材物流有限公司", 120),
            ("demo_collection_legal", "Wuxi Electric Motor Works", 250),
            ("demo_collection_writeoff", "常州化工原料有限公司", 400),
            ("demo_collection_promise_kept", "Ningbo Harbour Supplies Ltd.", 20),
            ("demo_collection_promise_broken", "上海汽配销售有限公司", 20),
            ("demo_collection_dispute", "Qingdao Ocean Freight Agency", 50),
        ]
        invoices = {}
        zh_active = bool(self.env["res.lang"].search_count([("code", "=", "zh_CN")]))
        product = self.env["product.product"].search([("sale_ok", "=", True)], limit=1)
        for xmlid, name, days in rows:
            partner = Partner.create(
                {
                    "name": name,
                    "is_company": True,
                    "customer_rank": 1,
                    "email": f"{xmlid}@example.com",
                    "lang": "zh_CN"
                    if zh_active and any("\u4e00" <= c <= "\u9fff" for c in name)
                    else "en_US",
                }
            )
            due = fields.Date.subtract(today, days=days)
            move = self.create(
                {
                    "move_type": "out_invoice",
                    "partner_id": partner.id,
                    "journal_id": journal.id,
                    "invoice_date": due,
                    "invoice_date_due": due,
                    "invoice_line_ids": [
                        fields.Command.create(
                            {
                                "product_id": product.id,
                                "name": "Steel coil",
                                "quantity": 10,
                                "price_unit": 1200 + 100 * days % 900,
                                "tax_ids": [fields.Command.clear()],
                            }
                        )
                    ],
                }
            )
            move.action_post()
            invoices[xmlid] = move
            self.env["ir.model.data"].create(
                {
                    "module": "credit_collection",
                    "name": xmlid,
                    "model": "account.move",
                    "res_id": move.id,
                    "noupdate": True,
                }
            )
        run = self._collection_run
        for back in range(9, 2, -1):
            run(company, fields.Date.subtract(today, days=back))
        # promises: recorded three days ago, one kept (paid), one broken (due yesterday)
        Promise = self.env["credit.collection.promise"]
        kept = invoices["demo_collection_promise_kept"]
        broken = invoices["demo_collection_promise_broken"]
        promises = Promise.create(
            [
                {"move_id": kept.id, "amount": kept.amount_residual / 2, "date": today},
                {"move_id": broken.id, "amount": broken.amount_residual / 2, "date": today},
            ]
        )
        # demo only: the promises were made in the past
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "UPDATE credit_collection_promise SET date = %s WHERE id = %s",
                fields.Date.subtract(today, days=2),
                promises[1].id,
            )
        )
        self.env.invalidate_all()
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=kept.ids
        ).create({"amount": kept.amount_residual / 2})._create_payments()
        run(company, fields.Date.subtract(today, days=1))
        run(company, today)
        # a dispute
        self.env["credit.collection.dispute"].create(
            {
                "move_id": invoices["demo_collection_dispute"].id,
                "reason": "客户称第二批货物质量不合格 / The customer says the second delivery "
                "failed quality inspection.",
            }
        )
        # a contact log entry
        self.env["credit.collection.contact"].create(
            {
                "partner_id": invoices["demo_collection_call"].commercial_partner_id.id,
                "move_id": invoices["demo_collection_call"].id,
                "contact_type": "call",
                "outcome": "promise",
                "note": "财务经理表示月底前付款。",
                "next_step": "月底核对到账",
                "next_date": fields.Date.add(today, days=7),
            }
        )
        # a bad-debt write-off, approved by the credit manager (admin) and an accountant
        writeoff = self.env["credit.collection.writeoff"].create(
            {
                "move_id": invoices["demo_collection_writeoff"].id,
                "evidence": "法院已裁定客户破产清算，无可供分配财产 / Court-ordered liquidation, "
                "no assets to distribute.",
            }
        )
        writeoff.action_submit()
        writeoff.with_user(self.env.ref("base.user_admin")).action_approve_manager()
        writeoff.with_user(self.env.ref("base.user_demo")).action_approve_accountant()
        # the printed letters of the runs go out; the emails wait for the collector (or
        # the hourly action), so that installing the demo sends no mail
        self.env["credit.collection.letter"].search([("channel", "=", "print")])._dispatch()
