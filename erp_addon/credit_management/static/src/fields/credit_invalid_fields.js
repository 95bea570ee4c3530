import { patch } from "@web/core/utils/patch";
import { Record } from "@web/model/relational_model/record";

/**
 * A save refused by the server with a validation error that names its fields
 * (credit_management.exceptions.field_error) highlights those fields in the form, as a
 * missing required field is. The highlight is the server's verdict on the values sent:
 * the next save asks the server again (the fix may be in another field, an end date
 * corrected by its start date), so it never blocks a save by itself.
 */
function markInvalidFields(record, error) {
    const fnames = error?.data?.context?.credit_invalid_fields;
    if (!Array.isArray(fnames)) {
        return;
    }
    for (const fname of fnames) {
        if (fname in record.activeFields) {
            record._creditServerInvalid.add(fname);
            record._setInvalidField(fname);
        }
    }
}

patch(Record.prototype, {
    setup() {
        super.setup(...arguments);
        this._creditServerInvalid = new Set();
    },

    async _save(options = {}) {
        for (const fname of this._creditServerInvalid) {
            this._invalidFields.delete(fname);
        }
        this._creditServerInvalid.clear();
        const onError = options.onError;
        const wrapped = onError
            ? {
                  ...options,
                  onError: (error, params) => {
                      markInvalidFields(this, error);
                      return onError(error, params);
                  },
              }
            : options;
        try {
            return await super._save(wrapped);
        } catch (error) {
            markInvalidFields(this, error);
            throw error;
        }
    },
});
