#!/usr/bin/env bash
# Rebuilds the add-ons' translation files from what Odoo extracts, keeping every
# translation already made:
#   scripts/update_translations.sh DB [MODULE,...]
# DB must have the modules installed and up to date (e.g. a database of
# scripts/dev_odoo_test.sh after its run). For each module: Odoo exports the template
# (i18n/MODULE.pot); the zh_CN file (merge conflicts resolved first, duplicates joined
# with the first translation kept) is merged into it with msgmerge, without fuzzy
# guesses; then scripts/format_po.py writes both in OCA's order and form.
# Strings no longer in the code are dropped; new ones are left untranslated and listed.
set -euo pipefail
cd "$(dirname "$0")/.."
db="$1"
modules="${2:-$(ls -d erp_addon/*/__manifest__.py | xargs -n1 dirname | xargs -n1 basename | paste -sd,)}"
cache="$(ls -d "${CREDIT_ODOO_CACHE:-$HOME/.cache/credit-management}"/odoo-18.0-*/ | head -1)"
odoo=("$cache/venv/bin/python" "$cache/src/odoo-18.0/odoo-bin" -c "$cache/odoo.conf"
  --addons-path "$cache/src/odoo-18.0/odoo/addons,$cache/src/odoo-18.0/addons,$PWD/erp_addon"
  -d "$db" --max-cron-threads 0 --stop-after-init --log-level warn)
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
for module in ${modules//,/ }; do
  i18n="erp_addon/$module/i18n"
  [ -d "$i18n" ] || continue
  "${odoo[@]}" --i18n-export="$tmp/$module.pot" --modules="$module" >"$tmp/export.log" 2>&1
  if grep -q "Failed to extract" "$tmp/export.log"; then
    # a file Odoo cannot read (an f-string inside _()...) loses all its strings silently
    grep -A30 "Failed to extract" "$tmp/export.log" >&2
    echo "$module: Odoo could not extract every file's strings; fix the file first" >&2
    exit 1
  fi
  cp "$tmp/$module.pot" "$i18n/$module.pot"
  po="$i18n/zh_CN.po"
  if [ -f "$po" ]; then
    if grep -q '^<<<<<<<\|^>>>>>>>' "$po"; then
      # both sides of a merge conflict are entries: keep them all, msguniq joins them
      sed -i '/^<<<<<<< \|^=======$\|^>>>>>>> /d' "$po"
    fi
    msguniq --use-first "$po" -o "$tmp/$module.uniq.po"
    # msguniq writes no file for a catalogue with no entries yet (a new add-on's)
    [ -f "$tmp/$module.uniq.po" ] || cp "$po" "$tmp/$module.uniq.po"
    msgmerge --quiet --no-fuzzy-matching --no-wrap "$tmp/$module.uniq.po" "$i18n/$module.pot" \
      -o "$po"
  fi
done
"$(dirname "$0")/../.venv/oca-hooks/bin/python" scripts/format_po.py erp_addon/*/i18n/*.po \
  erp_addon/*/i18n/*.pot
