#!/usr/bin/env bash
# OCA's linters on the repository and on every add-on in erp_addon/ (erp_addon/*/__manifest__.py):
#   ruff check, ruff format --check, pylint-odoo (odoolint set, .pylintrc), oca-checks-odoo-module
#   and oca-checks-po.
# Usage: scripts/lint.sh [VENV_DIR]   (default .venv, with the project's '.[test]' installed)
# OCA's hooks pin fixit, which caps click below what cli.py needs, so they run from a venv of
# their own, VENV_DIR/oca-hooks, made here (from PyPI) with the pins of pyproject.toml's
# 'oca-hooks' extra when it is missing or out of date.
# Prints one heading per linter and only the linters' own messages; exits 1 if any linter
# reports anything (or cannot run), 0 when all of them are silent.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1

venv="${1:-.venv}"
bin="$venv/bin"
for tool in python ruff pylint; do
  if [ ! -x "$bin/$tool" ]; then
    echo "lint: $bin/$tool not found; install the linters with: $bin/pip install -e '.[test]'" >&2
    exit 1
  fi
done

addons=()
for manifest in erp_addon/*/__manifest__.py; do
  [ -f "$manifest" ] && addons+=("$(dirname "$manifest")")
done
if [ "${#addons[@]}" -eq 0 ]; then
  echo "lint: no add-on found in erp_addon/" >&2
  exit 1
fi

# the venv of OCA's hooks, (re)made when pyproject.toml's pins change
hooks_venv="$venv/oca-hooks"
hooks_spec="$("$bin/python" -c '
import sys, tomllib
with open("pyproject.toml", "rb") as f:
    print(" ".join(tomllib.load(f)["project"]["optional-dependencies"]["oca-hooks"]))
')" || exit 1
if [ "$(cat "$hooks_venv/.lint-spec" 2>/dev/null)" != "$hooks_spec" ] ||
  [ ! -x "$hooks_venv/bin/oca-checks-odoo-module" ]; then
  echo "lint: installing $hooks_spec into $hooks_venv"
  rm -rf "$hooks_venv"
  "$bin/python" -m venv "$hooks_venv" || exit 1
  # shellcheck disable=SC2086  # the spec is a list of requirements
  "$hooks_venv/bin/python" -m pip install -q --disable-pip-version-check $hooks_spec || exit 1
  echo "$hooks_spec" >"$hooks_venv/.lint-spec"
fi

status=0
failed() {
  echo "   -> $1 reported problems"
  status=1
}

echo "== ruff check"
"$bin/ruff" check --quiet --output-format concise . || failed "ruff check"

echo "== ruff format --check"
"$bin/ruff" format --check --quiet --output-format concise . || failed "ruff format"

echo "== pylint-odoo (odoolint, Odoo 18.0)"
"$bin/pylint" --rcfile=.pylintrc "${addons[@]}" || failed "pylint-odoo"

echo "== oca-checks-odoo-module"
"$hooks_venv/bin/oca-checks-odoo-module" "${addons[@]}" || failed "oca-checks-odoo-module"

echo "== oca-checks-po"
po_files=()
for addon in "${addons[@]}"; do
  for po in "$addon"/i18n/*.po "$addon"/i18n/*.pot "$addon"/i18n_extra/*.po; do
    [ -f "$po" ] && po_files+=("$po")
  done
done
if [ "${#po_files[@]}" -gt 0 ]; then
  "$hooks_venv/bin/oca-checks-po" "${po_files[@]}" || failed "oca-checks-po"
fi

[ "$status" -eq 0 ] || echo "LINT FAILED (see above)"
exit "$status"
