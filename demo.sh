#!/usr/bin/env bash
# Sets up the command-line tools and runs the main job on the built-in demo data (a
# snapshot recorded from a real Odoo 18 with the add-ons and their demo data): the
# credit administrators' appraisal scorecards, then the customer exposure report, in ./out.
set -euo pipefail
cd "$(dirname "$0")"
venv="${CREDIT_VENV:-.venv}"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/pip" install -q --disable-pip-version-check -e .
"$venv/bin/credit" scorecards --demo --output "${1:-out}"
"$venv/bin/credit" exposure --demo --output "${1:-out}"
