"""What the zh_CN tours of the early-warning bridges share
(static/tests/tours/credit_warning_bridges_zh_tour.js)."""

from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.credit_management.tests.test_tour_zh import load_zh_cn


def set_up_signal_tour_zh(case, login, customer, name, signal_type):
    """Chinese loaded and made the company's language; ``case.zh_user``, a credit user
    (least privilege) reading Chinese, whose password is ``login``; ``customer`` named
    ``name``; and of the company's warning rules only the one of ``signal_type`` active,
    so that the customer's level is known in advance."""
    load_zh_cn(case.env)
    company = case.company
    company.partner_id.lang = "zh_CN"
    case.zh_user = new_test_user(
        case.env,
        login=login,
        name="ZH 信用专员",
        groups="base.group_user,credit_management.group_credit_user",
        company_id=company.id,
        company_ids=[Command.set(company.ids)],
        lang="zh_CN",
    )
    customer.name = name
    Rule = case.env["credit.warning.rule"]
    Rule._warning_copy_defaults(company)
    Rule.search([("company_id", "=", company.id), ("signal_type", "!=", signal_type)]).write(
        {"active": False}
    )
