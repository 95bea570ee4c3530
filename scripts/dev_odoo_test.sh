#!/usr/bin/env bash
# Developer loop: run some add-ons' Odoo tests in a database kept between runs.
#   scripts/dev_odoo_test.sh DB MODULES [TEST_TAGS] [install|update]
# The first run (or "install") creates DB and installs MODULES with demo data; later runs
# ("update", the default once DB exists) update them. TEST_TAGS defaults to /MODULE for
# each module. The log goes to /tmp/DB.log; a summary of failures is printed.
# Uses the Odoo provisioned by ./test.sh (scripts/odoo_env.py).
set -uo pipefail
cd "$(dirname "$0")/.."
db="$1"; modules="$2"; tags="${3:-}"; mode="${4:-}"
[ -n "$tags" ] || tags="$(echo "$modules" | sed 's/\([^,]*\)/\/\1/g')"
cache="$(ls -d "${CREDIT_ODOO_CACHE:-$HOME/.cache/credit-management}"/odoo-18.0-*/ | head -1)"
odoo=("$cache/venv/bin/python" "$cache/src/odoo-18.0/odoo-bin" -c "$cache/odoo.conf"
  --addons-path "$cache/src/odoo-18.0/odoo/addons,$cache/src/odoo-18.0/addons,$PWD/erp_addon"
  -d "$db" --max-cron-threads 0)
if [ -z "$mode" ]; then
  if psql -lqt | cut -d'|' -f1 | grep -qw "$db"; then mode=update; else mode=install; fi
fi
flag=-u; [ "$mode" = install ] && flag=-i
port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
"${odoo[@]}" "$flag" "$modules" --test-enable --test-tags "$tags" --stop-after-init \
  --log-level test --http-port "$port" > "/tmp/$db.log" 2>&1
code=$?
grep -E " (ERROR|CRITICAL|WARNING) |FAIL:|ERROR:|tests? .*failed|of [0-9]+ tests" "/tmp/$db.log" | head -80
echo "exit $code; log /tmp/$db.log"
