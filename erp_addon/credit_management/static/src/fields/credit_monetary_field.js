import { _t } from "@web/core/l10n/translation";
import { registry } from "@web/core/registry";
import { MonetaryField, monetaryField } from "@web/views/fields/monetary/monetary_field";

/**
 * A monetary field whose zero means "not given" rather than an amount: shown empty
 * (a registered capital nobody entered) or as "and above" (the open end of the top
 * approval band), never as "$ 0.00". Editing works as in Odoo's monetary field.
 */
export class CreditMonetaryField extends MonetaryField {
    static props = {
        ...MonetaryField.props,
        zeroText: { type: String, optional: true },
    };

    get formattedValue() {
        if (!this.value && this.props.readonly) {
            return this.props.zeroText || "";
        }
        if (!this.value && !this.state.value) {
            return "";
        }
        return super.formattedValue;
    }
}

function extractProps(zeroText) {
    return (fieldInfo, dynamicInfo) => ({
        ...monetaryField.extractProps(fieldInfo, dynamicInfo),
        zeroText: zeroText ? zeroText() : "",
    });
}

registry.category("fields").add("credit_monetary_blank", {
    ...monetaryField,
    component: CreditMonetaryField,
    extractProps: extractProps(null),
});

registry.category("fields").add("credit_monetary_open_ended", {
    ...monetaryField,
    component: CreditMonetaryField,
    extractProps: extractProps(() => _t("and above")),
});
