"""Both languages carry the same labels; zh_CN uses the department's own terms."""

from __future__ import annotations

import pytest
from credit_cli.reports.columns import COLUMNS
from credit_cli.reports.labels import DEFAULT_LANG, LANGUAGES, labels_for


def test_default_language_is_chinese() -> None:
    assert DEFAULT_LANG == "zh_CN"
    assert set(LANGUAGES) == {"zh_CN", "en"}


def test_languages_have_the_same_keys() -> None:
    assert set(labels_for("zh_CN")) == set(labels_for("en"))


def test_every_column_has_a_label_in_every_language() -> None:
    for lang in LANGUAGES:
        labels = labels_for(lang)
        for column in COLUMNS:
            assert labels[column.label_key].strip(), (lang, column.key)


def test_chinese_uses_spec_terms() -> None:
    zh = labels_for("zh_CN")
    assert zh["credit_limit"] == "授信额度"
    assert zh["grade"] == "信用等级"
    assert zh["receivable"] == "应收账款"
    assert "逾期" in zh["overdue"]
    assert "严重失信" in zh["on_warning_list"]


def test_summary_templates_take_the_same_fields() -> None:
    values = {"customers": 3, "exposure": "1.00", "currency": "CNY", "over_limit": 1}
    for lang in LANGUAGES:
        text = labels_for(lang)["summary"].format(**values)
        assert "3" in text and "1.00 CNY" in text


def test_unknown_language() -> None:
    with pytest.raises(ValueError, match="unknown language 'fr'"):
        labels_for("fr")


def test_labels_are_read_only() -> None:
    with pytest.raises(TypeError):
        labels_for("en")["title"] = "x"  # type: ignore[index]


def test_the_lists_date_reads_as_a_chinese_date_in_a_chinese_sentence() -> None:
    from credit_cli.connector.appraisal import ListStatus
    from credit_cli.reports.appraisal_labels import chinese_date, list_status_text

    assert chinese_date("2026-12-03") == "2026年12月03日"
    assert chinese_date("") == ""
    lists = ListStatus(
        status="approved",
        submitted_by="王建国",
        date_submitted="2026-12-01",
        approved_by="王建国",
        date_approved="2026-12-03",
    )
    assert list_status_text(lists, "zh_CN") == "法定代表人已审批（王建国 2026年12月03日）"
    assert list_status_text(lists, "en") == "Approved (王建国 2026-12-03)"
