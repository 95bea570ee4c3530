#!/usr/bin/env python3
"""Every button and menu the add-ons show is exercised by some test.

A button nobody's test presses is where users find the bugs: an AccessError for a role
that sees the button, a method renamed in Python but not in the view, a wizard that
never opened. This check reads every view of every add-on in erp_addon/ and lists
what no test reaches:

- ``<button type="object" name="method">``: covered when some add-on's tests call
  ``.method(`` in Python, or a tour (JS under ``static/``, in a ``tours`` or ``tests``
  folder) clicks it by a ``name="method"`` / ``[name='method']`` selector;
- ``<button type="action" name="%(xmlid)d">``: covered when a test or tour names the
  action's XML id;
- ``<menuitem action="...">``: covered when a test or tour names the menu's or its
  action's XML id (tours click ``[data-menu-xmlid="..."]``).

The model of a button is the view's ``<field name="model">`` (the one2many's comodel
for a button inside an inline list or form of a field). Odoo's own buttons that a view
re-declares are tested by Odoo; they may be exempted in scripts/button_exemptions.txt,
one ``model.method  reason`` a line. Real buttons of the add-ons are never exempted.

Prints one ``addon/views/file.xml: model.method`` line per uncovered button and exits 1
when there is any (or when an exemption matches nothing); exits 0 otherwise.
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ADDONS_DIR = REPO / "erp_addon"
EXEMPTIONS = Path(__file__).resolve().parent / "button_exemptions.txt"
#: Elements of an inline sub-view inside a relational field.
SUBVIEW_TAGS = {"list", "tree", "form", "kanban"}
RELATIONAL = {"One2many", "Many2many", "Many2one"}
ACTION_REF = re.compile(r"^%\((?P<xmlid>[\w.]+)\)d$")


@dataclass(frozen=True)
class Clickable:
    """Something a user clicks: a button of a view, or a menu with an action."""

    path: str  # relative to erp_addon/, e.g. credit_collection/views/x.xml
    model: str  # the model of the button, or "menu" for a menu item
    name: str  # the method, the %(xmlid)d of an action button, or the menu's XML id
    kind: str  # "object", "action" or "menu"
    action: str = ""  # the XML id of the action (action buttons and menus)

    @property
    def key(self) -> str:
        """How the report and the exemption list name it: model.method."""
        return f"{self.model}.{self.name}"

    def line(self) -> str:
        """The report line: where it is and what it is."""
        suffix = f" (opens {self.action})" if self.kind == "menu" else ""
        return f"{self.path}: {self.key}{suffix}"


def qualify(xmlid: str, addon: str) -> str:
    """An XML id with its module, as tests and tours write it."""
    return xmlid if "." in xmlid else f"{addon}.{xmlid}"


def addons(root: Path = ADDONS_DIR) -> list[Path]:
    """Every add-on folder (one with a manifest)."""
    return sorted(p.parent for p in root.glob("*/__manifest__.py"))


# ------------------------------------------------------------------ models' relational fields


def relational_fields(addon_dirs: Iterable[Path]) -> dict[tuple[str, str], str]:
    """(model, field) -> comodel, for the relational fields the add-ons' Python declares.

    Needed because a button inside ``<field name="line_ids"><list>`` belongs to the
    field's comodel, not to the view's model.
    """
    found: dict[tuple[str, str], str] = {}
    for addon in addon_dirs:
        for py in sorted(addon.rglob("*.py")):
            if "tests" in py.relative_to(addon).parts:
                continue
            try:
                tree = ast.parse(py.read_text(encoding="utf-8"))
            except (SyntaxError, UnicodeDecodeError):
                continue
            for node in ast.walk(tree):
                if isinstance(node, ast.ClassDef):
                    model = _class_model(node)
                    if model:
                        found.update(
                            ((model, name), comodel) for name, comodel in _class_fields(node)
                        )
    return found


def _class_model(node: ast.ClassDef) -> str | None:
    """The class's ``_name``, else its (first) ``_inherit``."""
    values: dict[str, ast.expr] = {}
    for stmt in node.body:
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
            target = stmt.targets[0]
            if isinstance(target, ast.Name) and target.id in ("_name", "_inherit"):
                values[target.id] = stmt.value
    for key in ("_name", "_inherit"):
        value = values.get(key)
        if isinstance(value, ast.Constant) and isinstance(value.value, str):
            return value.value
        if isinstance(value, ast.List | ast.Tuple) and value.elts:
            first = value.elts[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                return first.value
    return None


def _class_fields(node: ast.ClassDef) -> Iterator[tuple[str, str]]:
    """(field name, comodel) of the class's ``fields.One2many/Many2many/Many2one``."""
    for stmt in node.body:
        if not (isinstance(stmt, ast.Assign) and len(stmt.targets) == 1):
            continue
        target, call = stmt.targets[0], stmt.value
        if not (isinstance(target, ast.Name) and isinstance(call, ast.Call)):
            continue
        func = call.func
        if not (isinstance(func, ast.Attribute) and func.attr in RELATIONAL):
            continue
        comodel = call.args[0] if call.args else None
        for keyword in call.keywords:
            if keyword.arg == "comodel_name":
                comodel = keyword.value
        if isinstance(comodel, ast.Constant) and isinstance(comodel.value, str):
            yield target.id, comodel.value


# ------------------------------------------------------------------------------ the views


def _fields_of(record: ET.Element) -> dict[str, ET.Element]:
    return {f.get("name", ""): f for f in record.findall("field")}


def clickables(
    addon_dirs: Iterable[Path], comodels: dict[tuple[str, str], str]
) -> tuple[list[Clickable], list[str]]:
    """Every button and menu item with an action of the add-ons' XML files, and the
    files that could not be parsed."""
    found: list[Clickable] = []
    broken: list[str] = []
    for addon in addon_dirs:
        for xml in sorted(addon.rglob("*.xml")):
            rel = xml.relative_to(addon.parent).as_posix()
            if "/static/" in f"/{rel}":
                continue
            try:
                root = ET.parse(xml).getroot()
            except ET.ParseError as exc:
                broken.append(f"{rel}: {exc}")
                continue
            found += _view_buttons(root, rel, addon.name, comodels)
            found += _menus(root, rel, addon.name)
    return found, broken


def _view_buttons(
    root: ET.Element, rel: str, addon: str, comodels: dict[tuple[str, str], str]
) -> Iterator[Clickable]:
    for record in root.iter("record"):
        if record.get("model") != "ir.ui.view":
            continue
        fields = _fields_of(record)
        arch = fields.get("arch")
        model_field = fields.get("model")
        if arch is None:
            continue
        model = (model_field.text or "").strip() if model_field is not None else ""
        yield from _buttons(arch, model or "?", rel, addon, comodels)


def _buttons(
    element: ET.Element,
    model: str,
    rel: str,
    addon: str,
    comodels: dict[tuple[str, str], str],
) -> Iterator[Clickable]:
    for child in element:
        if child.tag == "button" and child.get("type") in ("object", "action"):
            name = child.get("name", "")
            if child.get("type") == "object":
                yield Clickable(rel, model, name, "object")
            else:
                match = ACTION_REF.match(name)
                action = qualify(match["xmlid"], addon) if match else name
                yield Clickable(rel, model, name, "action", action)
        inner = model
        if child.tag == "field" and any(c.tag in SUBVIEW_TAGS for c in child):
            inner = comodels.get((model, child.get("name", "")), model)
        yield from _buttons(child, inner, rel, addon, comodels)


def _menus(root: ET.Element, rel: str, addon: str) -> Iterator[Clickable]:
    for menu in root.iter("menuitem"):
        action = menu.get("action")
        if action:
            yield Clickable(
                rel, "menu", qualify(menu.get("id", "?"), addon), "menu", qualify(action, addon)
            )


# ------------------------------------------------------------------------------ the tests


@dataclass(frozen=True)
class TestSources:
    """What the add-ons' tests contain: Python per add-on, and the tours' JavaScript."""

    python: dict[str, str]  # add-on -> its tests' Python, concatenated
    tours: str

    @classmethod
    def read(cls, addon_dirs: Iterable[Path]) -> TestSources:
        """Every add-on's tests/ Python and the JS of its tours and JS tests."""
        python: dict[str, str] = {}
        tours: list[str] = []
        for addon in addon_dirs:
            python[addon.name] = "\n".join(
                p.read_text(encoding="utf-8") for p in sorted((addon / "tests").rglob("*.py"))
            )
            for js in sorted((addon / "static").rglob("*.js")):
                parts = js.relative_to(addon / "static").parts
                if "tours" in parts or "tests" in parts:
                    tours.append(js.read_text(encoding="utf-8"))
        return cls(python, "\n".join(tours))

    @property
    def all_python(self) -> str:
        return "\n".join(self.python.values())

    def calls(self, method: str) -> bool:
        """A test calls ``.method(``, or a tour clicks ``name="method"``."""
        if re.search(rf"\.{re.escape(method)}\s*\(", self.all_python):
            return True
        selector = rf"""name\s*=\s*\\?["']?{re.escape(method)}\\?["']?\s*[\]"'\s>]"""
        return re.search(selector, self.tours) is not None

    def names(self, xmlid: str) -> bool:
        """A test or tour names the XML id (``module.name``, or ``"name"`` in its add-on)."""
        if re.search(rf"""["']{re.escape(xmlid)}["']""", self.all_python + "\n" + self.tours):
            return True
        module, _dot, name = xmlid.partition(".")
        local = self.python.get(module, "")
        return re.search(rf"""ref\(\s*["']{re.escape(name)}["']""", local) is not None

    def covers(self, item: Clickable) -> bool:
        """Whether some test reaches ``item``."""
        if item.kind == "object":
            return self.calls(item.name)
        if item.kind == "action":
            return self.names(item.action)
        return self.names(item.name) or self.names(item.action)


# --------------------------------------------------------------------------- exemptions


def read_exemptions(path: Path) -> tuple[dict[str, str], list[str]]:
    """``model.method  reason`` lines (``#`` comments); and the malformed lines."""
    exemptions: dict[str, str] = {}
    bad: list[str] = []
    if not path.is_file():
        return exemptions, bad
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        key, _sep, reason = line.partition(" ")
        if not reason.strip() or "." not in key:
            bad.append(f"{path.name}:{number}: expected 'model.method  reason': {raw!r}")
            continue
        exemptions[key] = reason.strip()
    return exemptions, bad


@dataclass
class Report:
    """The outcome of the check."""

    total: int
    uncovered: list[Clickable]
    exempted: list[Clickable]
    problems: list[str]  # unparsable files, malformed or unused exemptions

    @property
    def ok(self) -> bool:
        return not self.uncovered and not self.problems


def check(root: Path = ADDONS_DIR, exemptions_file: Path = EXEMPTIONS) -> Report:
    """Run the whole check on the add-ons under ``root``."""
    addon_dirs = addons(root)
    items, problems = clickables(addon_dirs, relational_fields(addon_dirs))
    sources = TestSources.read(addon_dirs)
    exemptions, bad = read_exemptions(exemptions_file)
    problems += bad
    uncovered: list[Clickable] = []
    exempted: list[Clickable] = []
    for item in items:
        if sources.covers(item):
            continue
        (exempted if item.key in exemptions else uncovered).append(item)
    keys = {item.key for item in items}
    problems += [
        f"{exemptions_file.name}: {key} matches no button of the add-ons' views"
        for key in exemptions
        if key not in keys
    ]
    return Report(len(items), uncovered, exempted, problems)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--addons", type=Path, default=ADDONS_DIR, help="add-ons folder")
    parser.add_argument("--exemptions", type=Path, default=EXEMPTIONS, help="exemption list")
    args = parser.parse_args(argv)
    report = check(args.addons, args.exemptions)
    for problem in report.problems:
        print(f"check_buttons: {problem}")
    for item in report.uncovered:
        print(item.line())
    kinds = {kind: sum(1 for i in report.uncovered if i.kind == kind) for kind in ("menu",)}
    print(
        f"check_buttons: {len(report.uncovered)} of {report.total} buttons and menus "
        f"uncovered ({kinds['menu']} menus), {len(report.exempted)} exempted"
    )
    if not report.ok:
        print(
            "check_buttons: FAILED: press each button above in a test (call the method in "
            "Python or click it in a tour), or open the menu's action in one"
        )
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
