"""The import's engine: read the provider's rows, compare them with the credit files in a
fixed number of queries (set-based), preview the comparison and apply it all or nothing.

Why set-based: an earlier attempt created ~37,000 records one by one for 10,000 rows
(55 s); here the add-on's log records are inserted 1,000 a statement, the partners are
read in one query and written through the ORM (one ``write`` per distinct set of values,
flushed as one UPDATE per 100 partners and set of fields), and the known adverse
records are read once (bench/external_import_bench.py measures it)."""

import dataclasses
from collections import defaultdict

from odoo import fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL, float_compare, split_every

from ..providers import RowError
from ..tools.external_format import COLUMNS

VALUE_FIELDS = ("rating", "registered_capital", "operating_status")
PARTNER_FIELD = {
    "rating": "credit_external_rating",
    "registered_capital": "credit_registered_capital",
    "operating_status": "credit_operating_status",
}
SHOWN_ERRORS = 20


@dataclasses.dataclass
class Match:
    row: object  # ExternalRow
    partner_id: int
    changes: list  # [(field, old, new)]
    new_adverse: list  # [(type, reference)]
    older: bool


@dataclasses.dataclass
class Comparison:
    rows: int
    matches: list
    unmatched: list
    errors: list


class CreditExternalImport(models.Model):
    _inherit = "credit.external.import"

    # ---------------------------------------------------------------- reading
    def _external_rows(self):
        """``(rows, errors)`` from the import's provider."""
        self.ensure_one()
        provider = self._external_provider()
        if provider.kind == "file":
            if not self.file_data:
                raise UserError(self.env._("Upload the file to import first."))
            return provider.parse(self._external_content(), self.file_name or "")
        codes = (
            self.env["res.partner"]
            .search_fetch(
                [("credit_code", "!=", False), ("parent_id", "=", False)], ["credit_code"]
            )
            .mapped("credit_code")
        )
        return provider.fetch(sorted(set(codes)))

    # ---------------------------------------------------------------- comparing
    def _external_compare(self, rows, errors):
        """Compare the rows with the credit files: a :class:`Comparison`."""
        self.ensure_one()
        errors = list(errors)
        header = dict(COLUMNS)
        first_row = {}
        for row in rows:
            if row.credit_code in first_row:
                errors.append(
                    RowError(
                        row.row,
                        header["credit_code"],
                        self.env._(
                            "The credit code %(code)s is also in row %(row)s: one row per "
                            "customer.",
                            code=row.credit_code,
                            row=first_row[row.credit_code],
                        ),
                    )
                )
            else:
                first_row[row.credit_code] = row.row
        bad_rows = {error.row for error in errors}
        rows = [row for row in rows if row.row not in bad_rows]
        partners = self.env["res.partner"].search_fetch(
            [("credit_code", "in", list(first_row))],
            [
                "credit_code",
                "commercial_partner_id",
                "credit_registered_capital",
                "credit_operating_status",
                "credit_external_rating",
                "credit_external_date",
            ],
        )
        by_code = {}
        for partner in partners:
            commercial = partner.commercial_partner_id
            by_code.setdefault(partner.credit_code, {})[commercial.id] = commercial
        partner_ids = [pid for found in by_code.values() for pid in found]
        known = set()
        if partner_ids:
            for adverse in self.env["credit.external.adverse"].search_fetch(
                [("partner_id", "in", partner_ids), ("company_id", "=", self.company_id.id)],
                ["partner_id", "adverse_type", "reference"],
            ):
                known.add((adverse.partner_id.id, adverse.adverse_type, adverse.reference))
        precision = self.company_id.currency_id.decimal_places
        matches, unmatched = [], []
        for row in rows:
            found = by_code.get(row.credit_code, {})
            if len(found) > 1:
                errors.append(
                    RowError(
                        row.row,
                        header["credit_code"],
                        self.env._(
                            "The credit code %(code)s is on several credit files: %(names)s.",
                            code=row.credit_code,
                            names=", ".join(p.display_name for p in found.values()),
                        ),
                    )
                )
                continue
            if not found:
                unmatched.append(row)
                continue
            partner = next(iter(found.values()))
            older = bool(partner.credit_external_date and row.date < partner.credit_external_date)
            changes = []
            if not older:
                if row.rating and row.rating != (partner.credit_external_rating or ""):
                    changes.append(("rating", partner.credit_external_rating or "", row.rating))
                if row.registered_capital is not None and float_compare(
                    row.registered_capital,
                    partner.credit_registered_capital or 0.0,
                    precision_digits=precision,
                ):
                    changes.append(
                        (
                            "registered_capital",
                            partner.credit_registered_capital,
                            row.registered_capital,
                        )
                    )
                if row.operating_status and row.operating_status != (
                    partner.credit_operating_status or ""
                ):
                    changes.append(
                        ("operating_status", partner.credit_operating_status, row.operating_status)
                    )
            new_adverse = [
                (kind, ref)
                for kind, refs in row.adverse.items()
                for ref in refs
                if (partner.id, kind, ref) not in known
            ]
            matches.append(Match(row, partner.id, changes, new_adverse, older))
        errors.sort(key=lambda e: (e.row, e.column))
        return Comparison(len(rows) + len(bad_rows), matches, unmatched, errors)

    # ---------------------------------------------------------------- wording
    def _external_wording(self, env):
        """What the preview and the history word, in ``env``'s language, worked out once
        per preview or apply (not once per row): the labels and the sentences."""
        return {
            "fields": dict(
                env["credit.external.value"]._fields["field_name"]._description_selection(env)
            ),
            "kinds": dict(
                env["credit.external.adverse"]._fields["adverse_type"]._description_selection(env)
            ),
            "statuses": dict(
                env["res.partner"]._fields["credit_operating_status"]._description_selection(env)
            ),
            "change": env._("%(field)s: %(old)s → %(new)s"),
            "new": env._("new %(kind)s: %(reference)s"),
            "none": env._("(none)"),
            "older": env._("Older than the values on file: kept as a record, values unchanged."),
            "same": env._("No change."),
        }

    def _external_display(self, wording, field, value):
        """A value as the history and the preview show it."""
        if value in (None, False, ""):
            return ""
        if field == "registered_capital":
            return f"{value:,.2f}"
        if field == "operating_status":
            return wording["statuses"].get(value, value)
        return str(value)

    def _external_describe(self, wording, match):
        parts = [
            wording["change"]
            % {
                "field": wording["fields"][field],
                "old": self._external_display(wording, field, old) or wording["none"],
                "new": self._external_display(wording, field, new),
            }
            for field, old, new in match.changes
        ]
        parts += [
            wording["new"] % {"kind": wording["kinds"][kind], "reference": ref}
            for kind, ref in match.new_adverse
        ]
        if match.older:
            parts.insert(0, wording["older"])
        return "; ".join(parts) or wording["same"]

    # ---------------------------------------------------------------- preview
    def action_preview(self):
        """Read and compare, and show what will change (nothing is written to the files)."""
        self._external_check_analyst()
        for record in self:
            if record.state == "applied":
                raise UserError(self.env._("%(name)s is already applied.", name=record.name))
            rows, errors = record._external_rows()
            result = record._external_compare(rows, errors)
            record._external_write_preview(result)
        return True

    def _external_write_preview(self, result):
        env = self.env
        wording = self._external_wording(env)
        lines = [
            {
                "import_id": self.id,
                "row": error.row,
                "status": "error",
                "column": error.column,
                "message": error.message,
            }
            for error in result.errors
        ]
        lines += [
            {
                "import_id": self.id,
                "row": row.row,
                "credit_code": row.credit_code,
                "status": "unmatched",
                "message": env._("No credit file has this unified social credit code."),
            }
            for row in result.unmatched
        ]
        for match in result.matches:
            status = (
                "older"
                if match.older
                else ("change" if match.changes or match.new_adverse else "same")
            )
            lines.append(
                {
                    "import_id": self.id,
                    "row": match.row.row,
                    "credit_code": match.row.credit_code,
                    "partner_id": match.partner_id,
                    "status": status,
                    "message": self._external_describe(wording, match),
                }
            )
        lines.sort(key=lambda vals: vals["row"])
        flow = self._guard_sudo("write")
        flow.line_ids.unlink()
        for vals in lines:
            vals["company_id"] = self.company_id.id
        self._external_insert("credit.external.import.line", lines)
        flow.write(
            {
                "state": "previewed",
                "date_preview": fields.Datetime.now(),
                **self._external_counts(result),
            }
        )

    def _external_counts(self, result):
        return {
            "row_count": result.rows,
            "matched_count": len(result.matches),
            "unmatched_count": len(result.unmatched),
            "error_count": len({error.row for error in result.errors}),
            "change_count": sum(len(m.changes) for m in result.matches),
            "adverse_new_count": sum(len(m.new_adverse) for m in result.matches),
        }

    # ---------------------------------------------------------------- apply
    def action_apply(self):
        """Apply the previewed import: all rows or none (a file with bad rows is refused
        until it is fixed)."""
        self.ensure_one()
        self._external_check_analyst()
        if self.state != "previewed":
            raise UserError(self.env._("Preview the import before applying it."))
        rows, errors = self._external_rows()
        result = self._external_compare(rows, errors)
        if result.errors:
            # refused whole: nothing is written (the preview shows the same bad rows)
            raise UserError(self._external_error_text(result.errors))
        with self.env.cr.savepoint():
            adverse = self._external_apply(result)
            self._external_after_apply(adverse)
        return True

    def _external_error_text(self, errors):
        shown = [
            self.env._(
                "Row %(row)s, %(column)s: %(reason)s",
                row=error.row,
                column=error.column,
                reason=error.message,
            )
            for error in errors[:SHOWN_ERRORS]
        ]
        if len(errors) > SHOWN_ERRORS:
            shown.append(self.env._("… and %(count)s more.", count=len(errors) - SHOWN_ERRORS))
        return "\n".join(
            [
                self.env._(
                    "The file has %(count)s bad rows: nothing was applied. Fix them and "
                    "import the file again.",
                    count=len({error.row for error in errors}),
                ),
                *shown,
            ]
        )

    def _external_apply(self, result):
        """Write the comparison: records, value history, adverse records, the partners'
        values. Returns the new adverse records."""
        company = self.company_id
        cenv = company._credit_env()
        wording = self._external_wording(cenv)
        now = fields.Datetime.now()
        records = self._external_insert(
            "credit.external.record",
            [
                {
                    "import_id": self.id,
                    "company_id": company.id,
                    "partner_id": m.partner_id,
                    "credit_code": m.row.credit_code,
                    "source_name": m.row.source or self.source_name,
                    "source_type": self.source_type,
                    "date": m.row.date,
                    "rating": m.row.rating or None,
                    "registered_capital": m.row.registered_capital,
                    "operating_status": m.row.operating_status or None,
                    "adverse_count": sum(len(refs) for refs in m.row.adverse.values()),
                    "older": m.older,
                }
                for m in result.matches
            ],
        )
        value_vals, adverse_vals = [], []
        for match, record in zip(result.matches, records, strict=True):
            common = {
                "import_id": self.id,
                "record_id": record.id,
                "company_id": company.id,
                "partner_id": match.partner_id,
                "source_name": record.source_name,
                "date": match.row.date,
            }
            for field, old, new in match.changes:
                value_vals.append(
                    dict(
                        common,
                        field_name=field,
                        old_value=self._external_display(wording, field, old),
                        new_value=self._external_display(wording, field, new),
                    )
                )
            for kind, ref in match.new_adverse:
                adverse_vals.append(dict(common, adverse_type=kind, reference=ref))
        self._external_insert("credit.external.value", value_vals)
        adverse = self._external_insert("credit.external.adverse", adverse_vals)
        self._external_update_partners(result)
        counts = self._external_counts(result)
        self._guard_sudo("write").write(
            {"state": "applied", "date_applied": now, "user_id": self.env.user.id, **counts}
        )
        self._message_log(
            body=cenv._(
                "Applied: %(records)s records, %(values)s values changed, %(adverse)s new "
                "adverse records, %(unmatched)s rows without a credit file.",
                records=len(records),
                values=counts["change_count"],
                adverse=counts["adverse_new_count"],
                unmatched=counts["unmatched_count"],
            )
        )
        return adverse

    def _external_insert(self, model_name, vals_list):
        """Insert the records of a log model (written by this flow only: no computed
        field, no chatter, nothing to check) 1,000 a statement, as superuser; return
        them. Why not ``create``: even in batches the ORM costs about a millisecond a
        record, and an apply of 10,000 rows writes some 30,000 of them."""
        Model = self.env[model_name].sudo()
        if not vals_list:
            return Model
        self.env.flush_all()
        columns = sorted({key for vals in vals_list for key in vals})
        stamp = [self.env.uid, self.env.uid, self.env.cr.now(), self.env.cr.now()]
        names = SQL(", ").join(
            SQL.identifier(c)
            for c in [*columns, "create_uid", "write_uid", "create_date", "write_date"]
        )
        ids = []
        width = len(columns) + len(stamp)
        row_template = "(" + ", ".join(["%s"] * width) + ")"
        for chunk in split_every(1000, vals_list):
            params = []
            for vals in chunk:
                # values as their columns take them (the vals hold no False but in a
                # boolean column)
                params += map(vals.get, columns)
                params += stamp
            self.env.cr.execute(
                SQL(
                    "INSERT INTO %s (%s) VALUES %s RETURNING id",
                    SQL.identifier(Model._table),
                    names,
                    SQL(", ".join([row_template] * len(chunk)), *params),
                )
            )
            ids += [row[0] for row in self.env.cr.fetchall()]
        Model.invalidate_model()
        self.invalidate_recordset()
        return Model.browse(ids)

    def _external_update_partners(self, result):
        """The partners' current values, through ``write`` (res.partner's guards, tracking,
        ``write_uid``/``write_date``, what depends on them), after the access and group
        checks: only the values that change, one ``write`` per distinct set of values,
        which the flush sends as one UPDATE per 100 partners (Odoo's UPDATE_BATCH_SIZE)
        and set of fields written."""
        current = [m for m in result.matches if not m.older]
        if not current:
            return
        Partner = self.env["res.partner"]
        partners = Partner.browse([m.partner_id for m in current])
        partners.check_access("write")
        Partner._guard_check_groups(set(PARTNER_FIELD.values()) - set(Partner._guard_flow()))
        # the external rating, date and source are flow fields (credit.guard.mixin): the
        # import writes them as superuser, on the partners the checks above let it write
        partners = partners.sudo()
        partners.fetch(["credit_external_date", "credit_external_source"])
        writes = defaultdict(list)
        for m, partner in zip(current, partners, strict=True):
            vals = {PARTNER_FIELD[field]: new for field, _old, new in m.changes}
            if partner.credit_external_date != m.row.date:
                vals["credit_external_date"] = m.row.date
            source = m.row.source or self.source_name
            if (partner.credit_external_source or None) != (source or None):
                vals["credit_external_source"] = source
            if vals:
                writes[tuple(sorted(vals.items()))].append(partner.id)
        if not writes:
            return
        written = partners.browse([pid for ids in writes.values() for pid in ids])
        # the chatter's tracking of what changes (registered capital, operating status),
        # logged below in one batch: mail.thread's own logs a message per partner
        tracked = written._track_get_fields() & {f for vals in writes for f, _v in vals}
        initial = {p.id: {f: p[f] for f in tracked} for p in written} if tracked else {}
        Writer = partners.with_context(mail_notrack=True)
        for vals, ids in writes.items():
            Writer.browse(ids).with_prefetch(written.ids).write(dict(vals))
        written.flush_recordset()
        if tracked:
            self._external_track(written, tracked, initial)

    def _external_track(self, partners, fnames, initial):
        """Log the changes of the tracked ``fnames`` of ``partners`` (their values before
        in ``initial``) as mail.thread's tracking does (a note with tracking values, no
        subtype on partners), in one create of messages and one of tracking values."""
        tracked_fields = partners.fields_get(
            fnames, attributes=("string", "type", "selection", "currency_field")
        )
        tracking = {}
        for partner in partners:
            _changes, commands = partner._mail_track(tracked_fields, initial[partner.id])
            if commands:
                tracking[partner.id] = [vals for _c, _i, vals in commands]
        if not tracking:
            return
        logged = partners.browse(list(tracking))
        messages = logged._message_log_batch(dict.fromkeys(tracking, ""))
        self.env["mail.tracking.value"].sudo().create(
            [
                dict(vals, mail_message_id=message.id)
                for message in messages
                for vals in tracking[message.res_id]
            ]
        )

    def _external_after_apply(self, adverse):
        """After the apply, in its transaction: the analyst is asked to propose customers
        with a new dishonest-debtor record for the warning list (the list's own flow: an
        analyst adds the entry). Bridges add what they do (credit_warning_external_data:
        the early-warning signal)."""
        adverse._external_propose_warning_list()
