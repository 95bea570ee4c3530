#!/usr/bin/env bash
# Sets up and runs every test: OCA's linters and ruff, the Python tests, then every add-on's
# Odoo tests in a fresh database of a real Odoo 18 (found or provisioned by
# scripts/odoo_env.py; under CI=true a missing Odoo fails the run).
set -uo pipefail
cd "$(dirname "$0")"
venv="${CREDIT_VENV:-.venv}"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv" || exit 1
fi
"$venv/bin/pip" install -q --disable-pip-version-check -e '.[test]' || exit 1

status=0
echo "== linters"
bash scripts/lint.sh "$venv" || status=1
echo "== buttons and menus pressed by a test"
"$venv/bin/python" scripts/check_buttons.py || status=1
echo "== Python tests"
case "${CI:-}" in
  # in CI nothing may be skipped (tests/conftest.py): chromium first, for the printable pages
  1 | true | TRUE | True | yes) "$venv/bin/python" scripts/odoo_env.py test-packages || status=1 ;;
esac
"$venv/bin/python" -m pytest -q -rs -m "not live" || status=1
echo "== Odoo add-on tests"
"$venv/bin/python" scripts/run_odoo_tests.py --pytest "$venv/bin/python" || status=1
[ "$status" -eq 0 ] || echo "SOME CHECKS FAILED (see above)"
exit "$status"
