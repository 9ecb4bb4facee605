"""Is a question about enforcement procedure rather than a described violation?

"处罚决定书几日内送达？" describes no conduct, so no article is violated and no 罚则
applies: offering a (violated, penalty) pair would invent a case. Two things mark such
a question: it asks (a question form: 几日内, 多久, 谁, 如何, ？) and what it asks about
is a procedure institution of administrative law (送达, 听证, 复议, 时效, 查封扣押 …).
The institution names are the chapter and section subjects of the 行政处罚法,
行政强制法, 行政复议法 and 行政诉讼法: legal vocabulary, not any question set's wording.
A situation that describes conduct ("网吧凌晨两点还在营业") is never a question form,
and a question asking how described conduct is punished (…怎么处罚？) is a violation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ASKS = re.compile(
    r"[？?]\s*$|[吗呢]\s*[？?]?\s*$|(?:几|多少)(?:个)?(?:日|天|工作日|月|年|人|名)"
    r"|多久|多长|怎么|怎样|如何|哪些|哪个|由谁|是谁|谁有权|是否|能否|可否|可不可以|能不能"
)
_PROCEDURE = re.compile(
    r"期限|时效|追诉|送达|听证|复议|诉讼|起诉|上诉|缴纳|加处罚款|滞纳金|当场|简易程序|普通程序"
    r"|法制审核|集体讨论|主持|调查取证|执法证件|出示|回避|立案|管辖|移送|告知|陈述|申辩"
    r"|查封|扣押|冻结|强制执行|代履行|设定|决定书|公告送达|延长|听取|救济|程序"
    r"|执法人员|执法主体|执法证|不再给予|不予(?:行政)?处罚|免予处罚|从轻|减轻处罚|登记保存"
)
# institutions a sanction question can only be about: the 简易程序's limits, the
# execution of a decided fine (加处罚款, 行政处罚法第七十二条), evidence preservation
_DECIDED_PROCEDURE = re.compile(
    r"简易程序|当场(?:收缴|处罚|罚)|登记保存|加处(?:的)?罚款|(?:不|没|未|拒不)(?:交|缴纳?)罚款"
)
# "can it (still) be fined?" about time passed, the actor's age or a fine already
# imposed: 时效 (第三十六条), 责任年龄 (第三十条), 一事不再罚 (第二十九条)
_WHETHER_PUNISHABLE = re.compile(
    r"(?:能不能|还能|能否|可否|可不可以|可以)(?:再|对[^，。？]{0,8})?(?:处罚|罚)"
)
_PUNISHABILITY_FACT = re.compile(
    r"[0-9一二两三四五六七八九十半]+年(?:半)?(?:以前|之前|前)|[0-9一二三四五六七八九十]+(?:周)?岁|已经罚过|罚过款"
)
# asking how a described act is sanctioned is a violation question, whatever else it says
_ASKS_SANCTION = re.compile(
    r"怎么处罚|如何处罚|怎么罚|罚多少|怎么处理|如何处理|处罚依据|依据是什么|违法吗|如何定性|怎么定性"
)


@dataclass(frozen=True)
class QuestionKind:
    """Procedural or not, with the words that decided it (shown in the answer's note)."""

    procedural: bool
    asks: str = ""
    topic: str = ""

    @property
    def note(self) -> str:
        return (
            f"问题询问执法程序（“{self.topic}”），未描述违法行为，"
            "因此不给出违法依据与处罚依据配对；下列条文供回答该程序问题参考"
        )


def question_kind(question: str) -> QuestionKind:
    """Procedural when the text asks (question form) about a procedure institution."""
    text = question.strip()
    asks = _ASKS.search(text)
    topic = _PROCEDURE.search(text)
    if asks and topic and not _ASKS_SANCTION.search(text):
        return QuestionKind(True, asks.group(0).strip(), topic.group(0))
    decided = _DECIDED_PROCEDURE.search(text)
    if asks and decided:
        return QuestionKind(True, asks.group(0).strip(), decided.group(0))
    whether = _WHETHER_PUNISHABLE.search(text)
    fact = _PUNISHABILITY_FACT.search(text)
    if whether and fact:
        return QuestionKind(True, whether.group(0), fact.group(0))
    return QuestionKind(False)
