"""What a demo contract owes a Chinese reader (issue 19, item d): its title, and a body
made of numbered clauses ("<h4>1. 合同当事人</h4>…") that read in Chinese, those of its
template (the clause library in Chinese) in the template's order when it has one, every
placeholder filled."""

import re

from odoo.tools import html2plaintext

from odoo.addons.credit_management.tests.demo import is_chinese, require_demo

HEADING = re.compile(r"<h4>\s*(\d+)\.\s*(.*?)\s*</h4>", re.S)


def demo_contracts(env, module):
    data = env["ir.model.data"].search([("module", "=", module), ("model", "=", "credit.contract")])
    return env["credit.contract"].browse(data.mapped("res_id")).exists()


def assert_demo_contracts_read_chinese(case, module, at_least):
    company = require_demo(case, module)
    env = case.env(context=dict(case.env.context, lang="zh_CN"))
    contracts = demo_contracts(env, module)
    case.assertGreaterEqual(len(contracts), at_least, f"{module}'s demo contracts")
    for contract in contracts:
        where = f"{module}: {contract.name}"
        case.assertEqual(contract.company_id, company, where)
        case.assertTrue(is_chinese(contract.title), where)
        body = str(contract.body or "")
        headings = HEADING.findall(body)
        case.assertTrue(headings, f"{where}: the body has its clauses")
        case.assertEqual(
            [int(number) for number, _title in headings],
            list(range(1, len(headings) + 1)),
            f"{where}: the clauses numbered in order",
        )
        not_chinese = [title for _number, title in headings if not is_chinese(title)]
        case.assertEqual(not_chinese, [], f"{where}: clause titles in Chinese")
        case.assertNotIn("{{", body, f"{where}: every placeholder filled")
        if contract.template_id:
            clauses = contract.template_id.clause_ids.sorted("sequence")
            case.assertEqual(
                [title for _number, title in headings],
                clauses.mapped("name"),
                f"{where}: the template's clauses, read in Chinese",
            )
            case.assertIn(company.name, html2plaintext(body), where)
        # the text under the titles reads in Chinese too: most of its letters are
        text = html2plaintext(body)
        letters = [char for char in text if char.isalpha()]
        chinese = [char for char in letters if is_chinese(char)]
        case.assertGreater(len(chinese), 0.8 * len(letters), f"{where}: the body in Chinese")
    return contracts
