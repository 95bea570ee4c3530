/** A legal-knowledge exam taken as a survey certification, in Chinese (zh_CN), by the
 * credit manager who runs the trainings (tests/test_tour_zh.py logs in and checks the
 * records after each tour): the session set up with its certification (认证) and its
 * attendees; once the attempts are in, its exam results (考试成绩) with the score, the
 * make-up and its fee, each result linked to its certification attempt (认证答题记录).
 * Steps find fields and buttons by name and check the Chinese labels the .po translates. */
import { registry } from "@web/core/registry";
import {
    ZH_DATE,
    openCreditSubMenu,
    labelShown,
    openPage,
    pick,
    tag,
} from "@credit_management/../tests/tours/zh_tour_steps";

const { DateTime } = luxon;

function openSessions() {
    return openCreditSubMenu(
        "credit_appraisal.menu_credit_staff",
        "人员",
        "credit_appraisal.menu_credit_staff_sessions",
        "培训"
    );
}

registry.category("web_tour.tours").add("credit_appraisal_survey_zh_session", {
    steps: () => [
        ...openSessions(),
        {
            content: "New session",
            trigger: ".o_list_view .o_list_button_add",
            run: "click",
        },
        {
            content: "Its name",
            trigger: ".o_form_view div[name='name'] input",
            run: "edit 合同法培训（上半年）",
        },
        labelShown("类型"),
        {
            content: "Legal knowledge (法律知识)",
            trigger: ".o_form_view div[name='session_type'] select",
            run: "selectByLabel 法律知识",
        },
        {
            content: "The day",
            trigger: ".o_form_view div[name='date'] input",
            run: `edit ${DateTime.now().toFormat(ZH_DATE)}`,
        },
        labelShown("考查方式"),
        {
            content: "An exam (考试)",
            trigger: ".o_form_view div[name='assessment'] select",
            run: "selectByLabel 考试",
        },
        labelShown("认证"),
        // taken as the certification
        ...pick("survey_id", "合同法认证", "合同法认证考试"),
        labelShown("认证有效期（月）"),
        openPage("people", "受邀与参加人员"),
        labelShown("受邀人员"),
        ...tag("invited_ids", "Admin A"),
        labelShown("参加人员"),
        ...tag("attendee_ids", "Admin A"),
        {
            content: "Save",
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        {
            content: "Saved",
            trigger: ".o_form_view .o_form_saved",
        },
    ],
});

registry.category("web_tour.tours").add("credit_appraisal_survey_zh_results", {
    steps: () => [
        ...openSessions(),
        {
            content: "Open the session",
            trigger: ".o_list_view .o_data_row:contains(合同法培训) td.o_data_cell",
            run: "click",
        },
        {
            content: "The results count (成绩)",
            trigger: ".o_form_view button[name='action_view_results']:contains(成绩):contains(1)",
        },
        openPage("results", "考试成绩"),
        {
            content: "Admin A scored 40: failed, a make-up exam required (须补考) with its fee",
            trigger: ".o_form_view div[name='result_ids'] .o_data_row:contains(Admin A):has(td[name='score']:contains(40)):has(td[name='makeup_required'] input:checked):has(td[name='passed'] input:not(:checked))",
        },
        {
            content: "Open the result",
            trigger: ".o_form_view div[name='result_ids'] .o_data_row:contains(Admin A) td[name='score']",
            run: "click",
        },
        labelShown("认证答题记录", ".modal"),
        labelShown("费用或罚款", ".modal"),
        {
            content: "The make-up fee is recorded",
            trigger: ".modal div[name='fee_id'] a, .modal div[name='fee_id'] span:contains(30)",
        },
    ],
});
