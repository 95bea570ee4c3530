import { registry } from "@web/core/registry";

function passItem(item) {
    return [
        {
            content: `Pass the item: ${item}`,
            trigger: `.o_field_widget[name='review_line_ids'] tr.o_data_row:contains(${item}) button[name='action_pass']`,
            run: "click",
        },
        {
            content: `${item} passed`,
            trigger: `.o_field_widget[name='review_line_ids'] tr.o_data_row:contains(${item}) td[name='result']:contains(Pass)`,
        },
    ];
}

registry.category("web_tour.tours").add("credit_contract_review_sign_seal", {
    steps: () => [
        {
            content: "The contract is under review",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains(Under Review)",
        },
        {
            content: "The ERP pre-filled the creditworthiness item with its evidence",
            trigger: ".o_field_widget[name='review_line_ids'] tr.o_data_row:contains(creditworthiness) td[name='result']:contains(Pass)",
        },
        ...passItem("Legality"),
        ...passItem("Authenticity"),
        ...passItem("Feasibility"),
        ...passItem("Settlement method"),
        {
            content: "Approve the review",
            trigger: ".o_form_view .o_statusbar_buttons button[name='action_approve']",
            run: "click",
        },
        {
            content: "The review is approved",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains(Approved)",
        },
        {
            content: "Sign",
            trigger: ".o_form_view .o_statusbar_buttons button[name='action_sign']",
            run: "click",
        },
        {
            content: "Record the signing",
            trigger: ".modal button[name='action_sign']",
            run: "click",
        },
        {
            content: "The contract is signed",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains(Signed)",
        },
        {
            content: "Use the contract seal",
            trigger: ".o_form_view .o_statusbar_buttons button[name='action_use_seal']",
            run: "click",
        },
        {
            content: "Log the seal use",
            trigger: ".modal button[name='action_confirm']",
            run: "click",
        },
        {
            content: "The seal use is logged",
            trigger: ".o_form_view button[name='action_view_seal_uses'] .o_stat_value:contains(1)",
        },
    ],
});
