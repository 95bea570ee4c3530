/** An exam result typed in the form (tests/test_overview.py): pass mark, passed and
 * make-up follow the score as it is typed; a score the server refuses highlights the
 * score field; the corrected score saves. Selectors use field names, not labels. */
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("credit_appraisal_result_form", {
    steps: () => [
        {
            content: "Choose the exam session",
            trigger: ".o_form_view .o_field_widget[name='session_id'] input",
            run: "edit Tour exam",
        },
        {
            content: "Pick it",
            trigger: ".o-autocomplete--dropdown-item:contains(Tour exam)",
            run: "click",
        },
        {
            content: "Only the score is asked for an exam",
            trigger:
                ".o_form_view:not(:has(.o_field_widget[name='mastery'])) .o_field_widget[name='score'] input",
        },
        {
            content: "Choose the employee",
            trigger: ".o_form_view .o_field_widget[name='employee_id'] input",
            run: "edit Admin A",
        },
        {
            content: "Pick them",
            trigger: ".o-autocomplete--dropdown-item:contains(Admin A)",
            run: "click",
        },
        {
            content: "The pass mark in force shows before saving",
            trigger: ".o_form_view .o_field_widget[name='pass_mark']:contains(60)",
        },
        {
            content: "Type a failing score",
            trigger: ".o_form_view .o_field_widget[name='score'] input",
            run: "edit 42",
        },
        {
            content: "Leave the score: not passed, a make-up exam is required",
            trigger: ".o_form_view .o_field_widget[name='note'] input",
            run: "click",
        },
        {
            content: "Make-up required shows as typed",
            trigger:
                ".o_form_view .o_field_widget[name='makeup_required'] input:checked",
        },
        {
            content: "Type a passing score",
            trigger: ".o_form_view .o_field_widget[name='score'] input",
            run: "edit 75",
        },
        {
            content: "Leave the score again",
            trigger: ".o_form_view .o_field_widget[name='note'] input",
            run: "click",
        },
        {
            content: "Passed shows as typed, no make-up",
            trigger:
                ".o_form_view .o_field_widget[name='passed'] input:checked",
        },
        {
            content: "Type a score out of range",
            trigger: ".o_form_view .o_field_widget[name='score'] input",
            run: "edit 150",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The server refuses the score",
            trigger: ".modal .modal-body:contains(between 0 and 100)",
        },
        {
            content: "Close the message",
            trigger: ".modal .modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "The score is highlighted as the field in error",
            trigger: ".o_form_view .o_field_widget.o_field_invalid[name='score']",
        },
        {
            content: "Correct the score",
            trigger: ".o_form_view .o_field_widget[name='score'] input",
            run: "edit 75",
        },
        {
            content: "Save again",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved: no field in error, the breadcrumb names the result",
            trigger: ".o_breadcrumb .active:contains(Admin A)",
        },
        {
            content: "Nothing is highlighted any more",
            trigger: ".o_form_view:not(:has(.o_field_invalid)) .o_field_widget[name='attempt']",
        },
    ],
});
