/** A legal-knowledge exam taken as a survey certification, in Chinese (zh_CN), by the
 * credit manager who runs the trainings (tests/test_tour_zh.py logs in and checks the
 * records after each tour): the session set up with its certification (认证) and its
 * attendees; once the attempts are in, its exam results (考试成绩) with the score, the
 * make-up and its fee, each result linked to its certification attempt (认证答题记录).
 * Steps find fields and buttons by name and check the Chinese labels the .po translates. */
import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

const { DateTime } = luxon;
/** zh_CN's date format (%Y年%m月%d日) */
const ZH_DATE = "yyyy年MM月dd日";

function openSessions() {
    return [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Credit app (信用)",
            trigger: '.o_app[data-menu-xmlid="credit_management.menu_credit_root"]:contains(信用)',
            run: "click",
        },
        {
            content: "Open the Staff menu (人员)",
            trigger: '.o_menu_sections [data-menu-xmlid="credit_appraisal.menu_credit_staff"]:contains(人员)',
            run: "click",
        },
        {
            content: "Open the training sessions (培训)",
            trigger: '.dropdown-item[data-menu-xmlid="credit_appraisal.menu_credit_staff_sessions"]:contains(培训)',
            run: "click",
        },
    ];
}

function labelShown(label, scope = ".o_form_view") {
    return {
        content: `The label ${label} is shown`,
        trigger: `${scope} .o_form_label:contains(${label})`,
    };
}

/** Add the record ``text`` to the many2many tags field ``name``. "edit" clicks the input
 * first, which lists every record at once; the search of the typed text comes 250 ms later
 * and replaces that list. A pick that matched ``text`` in the first list could click it as
 * it was replaced (nothing selected, the tag never shown: the CI failure). So the pick waits
 * for the field's own dropdown to list only what the text finds, clicks a record (never a
 * Create option), and the dropdown is closed before the next step. */
function tag(name, text) {
    const field = `.o_form_view div[name='${name}']`;
    const record = ".o-autocomplete--dropdown-item:not(.o_m2o_dropdown_option)";
    return [
        {
            content: `Add ${text} to ${name}`,
            trigger: `${field} input`,
            run: `edit ${text}`,
        },
        {
            content: `Pick ${text} among what ${text} finds`,
            trigger: `${field} .o-autocomplete--dropdown-menu:not(:has(${record}:not(:contains(${text})))) ${record} a:contains(${text})`,
            run: "click",
        },
        {
            content: `${text} is in ${name}`,
            trigger: `${field} .o_tag:contains(${text})`,
        },
        {
            content: `The dropdown of ${name} is closed`,
            trigger: `${field}:not(:has(.o-autocomplete--dropdown-menu))`,
        },
    ];
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
        {
            content: "Taken as the certification",
            trigger: ".o_form_view div[name='survey_id'] input",
            run: "edit 合同法认证",
        },
        {
            content: "Pick the certification",
            trigger: ".o-autocomplete--dropdown-item a:contains(合同法认证考试)",
            run: "click",
        },
        labelShown("认证有效期（月）"),
        {
            content: "Open the people page (受邀与参加人员)",
            trigger: ".o_form_view .o_notebook_headers a.nav-link[name='people']:contains(受邀与参加人员)",
            run: "click",
        },
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
        {
            content: "Open the exam results (考试成绩)",
            trigger: ".o_form_view .o_notebook_headers a.nav-link[name='results']:contains(考试成绩)",
            run: "click",
        },
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
