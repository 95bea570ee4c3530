"""scripts/check_buttons.py: which buttons and menus of the add-ons' views no test presses.

A small add-on is written here: a form with buttons (one called by a Python test, one
clicked by a tour, one nobody presses, one inside a one2many's inline list, one opening an
action), menus, and an exemption list.
"""

from __future__ import annotations

import sys
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent.parent / "scripts"
sys.path.insert(0, str(SCRIPTS))

from check_buttons import check, main  # noqa: E402

VIEWS = """<?xml version="1.0" encoding="UTF-8"?>
<odoo>
    <record id="x_thing_view_form" model="ir.ui.view">
        <field name="name">x.thing.form</field>
        <field name="model">x.thing</field>
        <field name="arch" type="xml">
            <form>
                <header>
                    <button name="action_called" type="object" string="Called"/>
                    <button name="action_clicked" type="object" string="Clicked"/>
                    <button name="action_forgotten" type="object" string="Forgotten"/>
                    <button name="action_confirm" type="object" string="Odoo's own"/>
                    <button name="%(credit_x.action_other)d" type="action" string="Other"/>
                    <button special="cancel" string="Close"/>
                </header>
                <field name="line_ids">
                    <list>
                        <button name="action_line_done" type="object" string="Done"/>
                    </list>
                </field>
            </form>
        </field>
    </record>
    <menuitem id="menu_things" name="Things" action="action_things"/>
    <menuitem id="menu_root" name="Root"/>
    <menuitem id="menu_toured" name="Toured" action="action_toured"/>
</odoo>
"""
MODELS = """from odoo import fields, models


class Thing(models.Model):
    _name = "x.thing"

    line_ids = fields.One2many("x.thing.line", "thing_id")
"""
TESTS = """class TestThing:
    def test_called(self):
        self.thing.action_called()
        self.env.ref("credit_x.action_things")
"""
TOUR = """registry.category("web_tour.tours").add("x", {steps: () => [
    {trigger: 'button[name="action_clicked"]', run: "click"},
    {trigger: '.o_menu[data-menu-xmlid="credit_x.menu_toured"]', run: "click"},
]});
"""


def make_addon(root: Path) -> Path:
    addon = root / "credit_x"
    for rel, text in {
        "__manifest__.py": "{'name': 'x'}",
        "views/thing_views.xml": VIEWS,
        "models/thing.py": MODELS,
        "tests/test_thing.py": TESTS,
        "static/tests/tours/thing_tour.js": TOUR,
    }.items():
        (addon / rel).parent.mkdir(parents=True, exist_ok=True)
        (addon / rel).write_text(text, encoding="utf-8")
    return addon


def test_uncovered_buttons_are_listed_with_their_model(tmp_path: Path) -> None:
    make_addon(tmp_path)
    exemptions = tmp_path / "exemptions.txt"
    exemptions.write_text("# comment\nx.thing.action_confirm  Odoo's sale button\n")
    report = check(tmp_path, exemptions)
    assert [item.line() for item in report.uncovered] == [
        "credit_x/views/thing_views.xml: x.thing.action_forgotten",
        "credit_x/views/thing_views.xml: x.thing.%(credit_x.action_other)d",
        "credit_x/views/thing_views.xml: x.thing.line.action_line_done",
    ]
    assert [item.key for item in report.exempted] == ["x.thing.action_confirm"]
    assert report.total == 8  # 6 buttons with a type, 2 menus with an action
    assert report.problems == []
    assert not report.ok


def test_menus_are_covered_by_their_action_or_their_own_id(tmp_path: Path) -> None:
    make_addon(tmp_path)
    report = check(tmp_path, tmp_path / "none.txt")
    assert not any(item.kind == "menu" for item in report.uncovered)


def test_an_exemption_that_matches_nothing_fails(tmp_path: Path, capsys) -> None:
    make_addon(tmp_path)
    exemptions = tmp_path / "exemptions.txt"
    exemptions.write_text("x.thing.action_gone  renamed long ago\nbroken-line\n")
    code = main(["--addons", str(tmp_path), "--exemptions", str(exemptions)])
    out = capsys.readouterr().out
    assert code == 1
    assert "x.thing.action_gone matches no button" in out
    assert "expected 'model.method  reason'" in out
    assert "credit_x/views/thing_views.xml: x.thing.action_forgotten" in out
