"""Drafter: every document type to DOCX, 第五十九条 elements, markers for missing data,
no unverifiable article, the template sandbox, agency templates, 询问笔录 from a transcript."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from api.settings import Settings
from assistant.drafting.details import parse_drafting_input
from assistant.drafting.document_types import ARTICLE_59, DOCUMENT_TYPES, document_type
from assistant.drafting.drafter import Draft, Drafter
from assistant.drafting.missing import marker
from assistant.drafting.template_env import DraftTemplateError
from assistant.review.context import ReviewContext
from corpus.store import CorpusStore
from tests.drafting_fixtures import complete_case, docx_text, write_transcript
from transcription.record_draft import load_draft_json

PARTY = "江门市某五金制品有限公司"
MARKERS = re.compile(r"【待补充：[^】]*】")


@pytest.fixture(scope="module")
def review_context(default_settings: Settings, default_store: CorpusStore) -> ReviewContext:
    return ReviewContext.build(default_settings, default_store)


@pytest.fixture(scope="module")
def drafter(default_settings: Settings, review_context: ReviewContext) -> Drafter:
    return Drafter(default_settings, review_context, today=date(2024, 6, 1))


def _draft(drafter: Drafter, data: dict, kind: str, **kwargs: object) -> Draft:
    case, details = parse_drafting_input(data)
    return drafter.draft(case, kind, details, **kwargs)


EXPECTED = {
    "立案审批表": ["江环立〔2023〕015号", "日常监督检查", "2023年4月3日", "第五十四条第二款"],
    "现场检查笔录": ["2023年3月28日", "正在向厂外水渠排放废水", "李明（执法证号：44070021001）"],
    "询问笔录": ["2023年4月10日", "询问人：李明、陈华", "【待补充：询问内容"],
    "责令改正通知书": ["2023年4月30日", "依法申领排污许可证", "第二十八条第一款"],
    "行政处罚事先告知书": ["2023年5月10日", "第四十四条", "要求听证", "3日", "壹拾伍万元整"],
    "听证告知书": ["2023年5月10日", "第六十三条第一款", "五日内", "第六十四条"],
    "行政处罚决定书": ["2023年5月25日", "壹拾伍万元整", "¥150,000.00", "江门市人民政府"],
    "法制审核意见书": ["2023年5月20日", "同意", "重大执法决定：是", "第十九条"],
}


@pytest.mark.parametrize("kind", [k.name for k in DOCUMENT_TYPES])
def test_every_type_renders_to_a_docx_python_docx_reads(drafter: Drafter, kind: str) -> None:
    draft = _draft(drafter, complete_case(), kind)
    text = docx_text(draft.docx)
    assert text.splitlines()[0] == "江门市生态环境局"
    assert kind in text or (kind == "责令改正通知书" and "责令改正违法行为通知书" in text)
    assert "None" not in text and "{{" not in text
    for expected in EXPECTED[kind]:
        assert expected in text, (kind, expected)
    if kind not in ("询问笔录",):
        assert PARTY in text
    for citation in draft.citations:
        assert citation.citation in text or citation.law in text


def test_complete_decision_has_no_markers_and_cites_verified_articles(drafter: Drafter) -> None:
    draft = _draft(drafter, complete_case(), "决定书")
    text = docx_text(draft.docx)
    assert draft.warnings == [] and "待补充" not in text
    cited = {c.citation for c in draft.citations}
    assert "《中华人民共和国水污染防治法》第二十一条第一款" in cited
    assert "《中华人民共和国水污染防治法》第八十三条第一款第（一）项" in cited
    assert "《中华人民共和国行政复议法》第九条第一款" in cited  # the 2017 version on 2023-05-25
    assert {c.role for c in draft.citations} >= {"违法依据", "处罚依据", "救济途径"}
    assert "JM-2-5" in text and "第1档" in text  # the discretion result and its rule


ELEMENT_DATA = {
    ARTICLE_59[0]: ["当事人：江门市某五金制品有限公司", "地址：江门市蓬江区棠下镇工业大道8号"],
    ARTICLE_59[1]: ["电镀清洗废水经自建处理设施排入厂外水渠", "废水监测报告", "第二十一条第一款"],
    ARTICLE_59[2]: ["罚款人民币壹拾伍万元整", "第八十三条第一款第（一）项"],
    ARTICLE_59[3]: ["十五日内", "电子支付系统", "江门市非税收入汇缴结算户"],
    ARTICLE_59[4]: ["六十日内向江门市人民政府申请行政复议", "六个月内依法向江门市蓬江区人民法院"],
    ARTICLE_59[5]: ["江门市生态环境局", "2023年5月25日"],
    "加盖印章": ["（加盖印章）"],
}


@pytest.mark.parametrize("element", list(ELEMENT_DATA))
def test_decision_states_each_element_of_article_59(drafter: Drafter, element: str) -> None:
    text = docx_text(_draft(drafter, complete_case(), "行政处罚决定书").docx)
    for expected in ELEMENT_DATA[element]:
        assert expected in text, (element, expected)


def _without(data: dict, change: str) -> dict:
    if change == "address":
        del data["parties"][0]["address"]
    elif change == "parties":
        data["parties"] = []
    elif change == "facts":
        data["facts"]["description"] = ""
    elif change == "evidence":
        data["evidence"] = []
    elif change == "violated":
        data["citations"]["violated"] = []
    elif change == "penalty_basis":
        data["citations"]["penalty_basis"] = []
    elif change == "penalty_types":
        data["penalty"]["types"] = []
    elif change == "agency":
        data["agency"]["name"] = ""
    elif change == "date":
        data["events"] = [e for e in data["events"] if e["type"] != "决定"]
        data["documents"] = [d for d in data["documents"] if d["type"] != "行政处罚决定书"]
    else:
        del data["drafting"][change]
    return data


REMOVALS = {
    "address": "当事人地址",
    "parties": "当事人",
    "facts": "违法事实",
    "evidence": "证据",
    "violated": "违反的法律、法规、规章条款",
    "penalty_basis": "行政处罚的依据",
    "penalty_types": "行政处罚的种类",
    "payment_account": "罚没款缴纳银行及账户",
    "review_body": "行政复议机关",
    "court": "管辖的人民法院",
    "agency": "行政机关名称",
    "date": "文书日期",
}


@pytest.mark.parametrize("change", list(REMOVALS))
def test_each_missing_datum_is_a_visible_marker_and_a_warning(
    drafter: Drafter, change: str
) -> None:
    draft = _draft(drafter, _without(complete_case(), change), "决定书")
    label = REMOVALS[change]
    assert marker(label) in docx_text(draft.docx)
    assert f"待补充：{label}" in draft.warnings


def test_an_unresolvable_citation_never_appears(drafter: Drafter) -> None:
    data = complete_case()
    data["citations"]["penalty_basis"] = ["《中华人民共和国行政处罚法》第九十条"]
    data["citations"]["violated"] = ["《中华人民共和国不存在法》第三条"]
    data["facts"]["description"] += "另违反《中华人民共和国水污染防治法》第一百九十九条。"
    draft = _draft(drafter, data, "决定书")
    text = docx_text(draft.docx)
    outside_markers = MARKERS.sub("", text)
    for article in ("第九十条", "第三条", "第一百九十九条"):
        assert article not in outside_markers
    assert "【待补充：核实依据 《中华人民共和国行政处罚法》第九十条（" in text
    assert any("共86条" in w for w in draft.warnings)
    assert any("不存在法" in w for w in draft.warnings)
    assert all("第九十条" not in c.citation for c in draft.citations)


def _agency_drafter(folder: Path, settings: Settings, context: ReviewContext) -> Drafter:
    agency_settings = settings.model_copy(update={"templates_dir": folder})
    return Drafter(agency_settings, context, today=date(2024, 6, 1))


def test_agency_template_overrides_and_is_audited(
    tmp_path: Path, default_settings: Settings, review_context: ReviewContext
) -> None:
    (tmp_path / "行政处罚决定书.md.j2").write_text(
        "# {{ agency.name }}\n# 行政处罚决定书（本局格式）\n"
        "{{ party.name }}，地址{{ party.address }}。依据《中华人民共和国行政处罚法》第九十九条"
        "及{{ cite('行政处罚法第九十八条') }}、{{ cite('行政处罚法第四十四条') }}。\n"
        "电话：{{ agency.phone }}\n> {{ doc.date }}\n",
        encoding="utf-8",
    )
    drafter = _agency_drafter(tmp_path, default_settings, review_context)
    draft = _draft(drafter, complete_case(), "决定书")
    text = docx_text(draft.docx)
    assert "本局格式" in text and "《中华人民共和国行政处罚法》第四十四条" in text
    outside_markers = MARKERS.sub("", text)
    assert "第九十九条" not in outside_markers and "第九十八条" not in outside_markers
    assert marker("phone（模板字段未定义）") in text
    assert any("文书模板未载明必备事项：行政复议机关" in w for w in draft.warnings)
    assert any("待补充：phone" in w for w in draft.warnings)
    other = _draft(drafter, complete_case(), "告知书")  # not overridden: shipped template
    assert "行政处罚事先告知书" in other.text


@pytest.mark.parametrize(
    "source",
    [
        "{{ ''.__class__.__mro__ }}",
        "{{ ''.__class__ }}",
        "{{ cite.__globals__ }}",
        "{{ party.__class__.__subclasses__() }}",
    ],
)
def test_the_sandbox_refuses_dunder_access(
    tmp_path: Path, default_settings: Settings, review_context: ReviewContext, source: str
) -> None:
    (tmp_path / "行政处罚决定书.md.j2").write_text(source, encoding="utf-8")
    drafter = _agency_drafter(tmp_path, default_settings, review_context)
    with pytest.raises(DraftTemplateError, match="不安全"):
        _draft(drafter, complete_case(), "决定书")


def test_template_syntax_error_is_one_chinese_line(
    tmp_path: Path, default_settings: Settings, review_context: ReviewContext
) -> None:
    (tmp_path / "听证告知书.md.j2").write_text("{% if %}\n", encoding="utf-8")
    drafter = _agency_drafter(tmp_path, default_settings, review_context)
    with pytest.raises(DraftTemplateError, match="文书模板语法错误"):
        _draft(drafter, complete_case(), "听证告知书")


def test_interview_record_fills_from_the_transcript_draft(drafter: Drafter, tmp_path: Path) -> None:
    transcript = load_draft_json(write_transcript(tmp_path))
    draft = _draft(drafter, complete_case(), "询问笔录", transcript=transcript)
    text = docx_text(draft.docx)
    assert "被询问人：王某某" in text and "江门市生态环境局询问室" in text
    assert "问：你公司是否取得排污许可证？　[00:00:12–00:00:18]" in text
    assert "答：还没有取得，正在申请。" in text
    assert "询问录音.wav" in text and "待补充" not in text
    assert "《中华人民共和国行政处罚法》第七条" in {c.citation for c in draft.citations}


def test_document_types_accept_aliases() -> None:
    assert document_type("决定书").name == "行政处罚决定书"
    assert document_type("告知书").name == "行政处罚事先告知书"
    with pytest.raises(ValueError, match="不支持的文书类型"):
        document_type("判决书")


def test_relief_provision_follows_the_version_in_force_on_the_decision_date(
    drafter: Drafter,
) -> None:
    data = complete_case()
    for entry in data["events"] + data["documents"]:
        if entry["type"] in ("决定", "行政处罚决定书"):
            entry["date"] = date(2024, 5, 25)
    draft = _draft(drafter, data, "决定书")
    cited = {c.citation: c.version for c in draft.citations}
    assert cited["《中华人民共和国行政复议法》第二十条第一款"] >= date(2024, 1, 1)
    assert "《中华人民共和国行政复议法》第九条第一款" not in cited
    assert "2024年5月25日" in draft.text
