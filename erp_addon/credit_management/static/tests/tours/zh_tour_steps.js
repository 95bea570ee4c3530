/** The steps the Chinese (zh_CN) tours of the credit add-ons share:
 *   import { ... } from "@credit_management/../tests/tours/zh_tour_steps";
 * Steps find menus, fields and buttons by xmlid or name and check the Chinese label the
 * .po translates. */
import { stepUtils } from "@web_tour/tour_service/tour_utils";

/** zh_CN's date format (%Y年%m月%d日), for luxon's toFormat */
export const ZH_DATE = "yyyy年MM月dd日";

/** From the home screen to the Credit app (信用). */
export function openCreditApp() {
    return [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Credit app (信用)",
            trigger: '.o_app[data-menu-xmlid="credit_management.menu_credit_root"]:contains(信用)',
            run: "click",
        },
    ];
}

/** A top menu of the Credit app. */
export function openCreditMenu(xmlid, label) {
    return [
        ...openCreditApp(),
        {
            content: `Open the ${label} menu`,
            trigger: `.o_menu_sections [data-menu-xmlid="${xmlid}"]:contains(${label})`,
            run: "click",
        },
    ];
}

/** An item of a top menu of the Credit app. The menu bar moves the sections that do not
 * fit the window into its "+" menu (the last ones: information and oversight on a narrow
 * screen), so the section is opened where it is: in the bar, or through "+", which lists
 * its items the same way. */
export function openCreditSubMenu(section, sectionLabel, xmlid, label) {
    return [
        ...openCreditApp(),
        {
            content: `Open the ${sectionLabel} menu, in the bar or under "+"`,
            trigger: `.o_menu_sections [data-menu-xmlid="${section}"], .o_menu_sections_more button`,
            run() {
                const inBar = document.querySelector(
                    `.o_menu_sections [data-menu-xmlid="${section}"]`
                );
                (inBar || document.querySelector(".o_menu_sections_more button")).click();
            },
        },
        {
            content: `Open ${label}`,
            trigger: `.dropdown-item[data-menu-xmlid="${xmlid}"]:contains(${label})`,
            run: "click",
        },
    ];
}

export function openRow(text) {
    return {
        content: `Open ${text}`,
        trigger: `.o_list_view .o_data_row:contains(${text}) td.o_data_cell`,
        run: "click",
    };
}

export function openPage(name, label) {
    return {
        content: `Open the ${label} page`,
        trigger: `.o_form_view .o_notebook_headers a.nav-link[name='${name}']:contains(${label})`,
        run: "click",
    };
}

export function headerButton(name, label) {
    return {
        content: `Click ${label}`,
        trigger: `.o_form_view .o_statusbar_buttons button[name='${name}']:contains(${label})`,
        run: "click",
    };
}

export function stateIs(value, label) {
    return {
        content: `The state reads ${label}`,
        trigger: `.o_form_view .o_statusbar_status button.o_arrow_button_current[data-value='${value}']:contains(${label})`,
    };
}

export function labelShown(label, scope = ".o_form_view") {
    return {
        content: `The label ${label} is shown`,
        trigger: `${scope} .o_form_label:contains(${label})`,
    };
}

export function fill(name, value, tag = "input") {
    return {
        content: `Fill ${name}`,
        trigger: `.o_form_view div[name='${name}'] ${tag}`,
        run: `edit ${value}`,
    };
}

/* A record option of an autocomplete dropdown (not Create, Create and edit, Search More). */
const RECORD_OPTION = ".o-autocomplete--dropdown-item:not(.o_m2o_dropdown_option)";

/** The step that clicks ``item`` in the dropdown of field ``field`` once it lists what
 * ``search`` finds. "edit" clicks the input first, which lists the first records at once;
 * the search of the typed text comes 250 ms later and replaces that list. A click on
 * ``item`` in the first list could land as the list is replaced: nothing picked (the CI
 * failure of the survey tour). So the step waits for the field's own dropdown to list only
 * records whose name holds ``search``, and clicks a record, never a Create option. */
function pickStep(field, search, item) {
    return {
        content: `Pick ${item} among what ${search} finds`,
        trigger: `${field} .o-autocomplete--dropdown-menu:not(:has(${RECORD_OPTION}:not(:contains(${search})))) ${RECORD_OPTION} a:contains(${item})`,
        run: "click",
    };
}

/** Pick ``item`` (found by typing ``search``) in the many2one field ``name``. */
export function pick(name, search, item = search) {
    const field = `.o_form_view div[name='${name}']`;
    return [
        {
            content: `Search ${search}`,
            trigger: `${field} input`,
            run: `edit ${search}`,
        },
        pickStep(field, search, item),
        {
            content: `${item} is picked`,
            trigger: `${field} input:value(${item})`,
        },
    ];
}

/** Add ``text`` to the many2many tags field ``name``; its dropdown is closed before the
 * next step. */
export function tag(name, text) {
    const field = `.o_form_view div[name='${name}']`;
    return [
        {
            content: `Add ${text} to ${name}`,
            trigger: `${field} input`,
            run: `edit ${text}`,
        },
        pickStep(field, text, text),
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
