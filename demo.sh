#!/usr/bin/env bash
# Sets up the command-line tools and runs the main job on the built-in demo data:
# the credit exposure report (XLSX and HTML) in ./out.
set -euo pipefail
cd "$(dirname "$0")"
venv="${CREDIT_VENV:-.venv}"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/pip" install -q --disable-pip-version-check -e .
"$venv/bin/credit" exposure --demo --output "${1:-out}"
