"""Procedural questions get no (violated, penalty) pair; described violations still do.

The procedural questions here are written for this test from the 行政处罚法 /
行政强制法 / 行政复议法 chapters; the violation wordings are everyday situations.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from assistant.officer_assistant import OfficerAssistant
from assistant.provisions import ProvisionRole
from assistant.question_kind import question_kind

PROCEDURAL = [
    "行政处罚决定书应当在几日内送达当事人？",
    "当事人要求听证，应当在告知后多少日内提出？",
    "查封、扣押的期限最长是多少天？",
    "对行政处罚决定不服，申请行政复议的期限是多久？",
    "执法人员调查取证时是否必须出示执法证件？",
    "谁有权设定行政拘留？",
    "罚款到期不缴纳，加处罚款怎么计算？",
    "哪些行政处罚决定作出前要经过法制审核？",
    "听证由谁主持？",
    "当事人住址不明时，处罚决定书可以公告送达吗？",
    "行政强制执行前要不要先催告当事人？",
    "对摊贩适用简易程序当场罚款，最多能罚多少？",
    "先行登记保存的物品，应当在几日内作出处理决定？",
    "处罚决定已经送达，当事人逾期不缴纳罚款，应当怎么处理？",
    "一个12岁的学生打碎了邻居的玻璃，可以对他罚款吗？",
    "五年前的一次超标排放现在才发现，还能处罚吗？",
]
VIOLATIONS = [
    "某电镀厂没有排污许可证，把废水直接排进河里。",
    "网吧凌晨两点还在营业，里面十几个人在上网。",
    "诊所药房有过期的注射液，已经给病人用了几支。",
    "商场没有办理消防验收就开业，申请了也没批，怎么处罚？",
    "饭店卖过期食品怎么处理？",
    "停车场在公示的收费标准之外另收服务费。",
    "游乐场让身高不足的8岁孩子玩过山车，怎么处罚？",
]


@pytest.mark.parametrize("question", PROCEDURAL)
def test_procedure_questions_are_recognised(question: str) -> None:
    kind = question_kind(question)
    assert kind.procedural and kind.topic in question and kind.topic in kind.note


@pytest.mark.parametrize("question", VIOLATIONS)
def test_described_violations_are_not_procedural(question: str) -> None:
    assert not question_kind(question).procedural


def test_team_and_extra_sets_hold_no_procedural_wording() -> None:
    """No violation situation the team or E17 wrote reads as a procedure question."""
    sets = Path(__file__).parents[1] / "eval" / "sets" / "assist"
    for name in ("situations.json", "extra_dev.json"):
        data = json.loads((sets / name).read_text(encoding="utf-8"))
        items = data["items"] if isinstance(data, dict) else data
        assert not [i["id"] for i in items if question_kind(i["situation"]).procedural]


def test_a_procedural_question_gets_no_pair_but_its_provisions(
    officer_assistant: OfficerAssistant,
) -> None:
    answer = officer_assistant.assist("行政处罚决定书应当在几日内送达当事人？", date(2024, 6, 1))
    provisions = answer.provisions
    assert provisions.procedural and provisions.pairs == [] and answer.discretion == []
    assert provisions.provisions, "the articles that answer it are still listed"
    assert all(p.role is ProvisionRole.RELATED for p in provisions.provisions)
    payload = answer.as_json()
    assert payload["question_kind"] == "procedural" and payload["pairs"] == []
    assert any("执法程序" in note for note in payload["notes"])
