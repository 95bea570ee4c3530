/** Attendance as training, in Chinese (tests/test_training.py): the credit manager opens
 * the closed seminar and finds the training session its attendance was recorded as
 * (培训课程). */
import { registry } from "@web/core/registry";
import { labelShown, openRow } from "@credit_management/../tests/tours/zh_tour_steps";

registry.category("web_tour.tours").add("credit_seminar_appraisal_zh", {
    url: "/odoo/action-credit_seminar.action_credit_seminar",
    steps: () => [
        openRow("ZH 研讨会培训"),
        labelShown("培训课程"),
        {
            content: "The training session, named in the company's language",
            trigger: '.o_form_view div[name="training_session_id"]:contains(ZH 研讨会培训)',
        },
    ],
});
