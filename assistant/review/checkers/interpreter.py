"""程序是否合法 — a party who cannot follow Chinese is questioned and told through an interpreter.

《公安机关办理行政案件程序规定》第二百四十一条第一款: in a 涉外 case the police provide a
translation to whoever does not know the Chinese language, and one who knows it and needs
none declares so in writing; 第七十六条: a deaf-mute person is questioned with someone who
knows sign language (第一款), one who does not know the local language through an
interpreter (第二款). The file must say the party cannot follow (不通晓中文, 仅能使用英语交流,
聋哑): a file silent on language is not read as a foreigner's, however foreign the name.
Only police files (the other agencies' procedure rules in the corpus carry no such duty).
"""

from __future__ import annotations

import re

from assistant.case_file import CaseFile
from assistant.review.case_text import Passage, mentions, passages
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, PointFlags, ReviewPoint, Severity
from assistant.review.police_procedure import PoliceRule, police_rule

FOREIGN_CASE = PoliceRule("第二百四十一条第一款", ("提供翻译", "书面声明"))
DEAF_MUTE = PoliceRule("第七十六条第一款", ("聋哑", "手语"))
LOCAL_LANGUAGE = PoliceRule("第七十六条第二款", ("不通晓当地通用的语言文字", "翻译人员"))

_LANGUAGE = r"(?:中文|汉语|普通话|汉字|我国(?:的)?语言文字|当地通用的?语言(?:文字)?)"
_CANNOT_FOLLOW = re.compile(
    rf"不(?:通晓|懂|会说|会讲|会听|能听懂|认识|识){_LANGUAGE}"
    r"|(?:仅|只)(?:能|会)(?:使用|用|以|讲|说)[^，。；]{0,6}语"
)
_DEAF_MUTE = re.compile(r"聋哑|聋人|哑人|听障|听力(?:言语)?残疾")
_INTERPRETER = re.compile(r"翻译|手语|译员")
_NONE = re.compile(r"未|没有|无(?!误)|不需|不用|缺")
# 当事人通晓中文，不需要他人翻译的书面声明: the declaration the rule accepts
_DECLARED = re.compile(r"书面声明|自愿放弃翻译|不需要(?:他人)?翻译")
_FOREIGN = re.compile(r"外国|国籍|[^中]籍|护照|无国籍|涉外")
_QUESTIONED = re.compile(r"询问|讯问|告知|笔录")

_flag = PointFlags(ReviewPoint.PROCEDURE)


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    found = passages(case)
    stated = next((p for p in found if _CANNOT_FOLLOW.search(p.text)), None)
    deaf = next((p for p in found if _DEAF_MUTE.search(p.text)), None)
    if stated is None and deaf is None:
        return []
    if any(_DECLARED.search(p.text) or mentions(p, _INTERPRETER, _NONE) for p in found):
        return []
    questioned = [p for p in found if p.day is not None and _QUESTIONED.search(p.text)]
    if not questioned:
        return []
    rule, who = _rule(case, ctx, found, deaf is not None and stated is None)
    if rule is None:
        return []
    return [
        _flag(
            Severity.MUST_FIX,
            f"案卷载明当事人{who}，但询问、告知均未为其提供{'通晓手语的人' if '手语' in who else '翻译'}，"
            "也无其通晓语言文字、不需要翻译的书面声明",
            rule,
            f"{(stated or deaf).where}：{_quote(stated or deaf)}；{questioned[0].where}",
        )
    ]


def _rule(
    case: CaseFile, ctx: ReviewContext, found: list[Passage], deaf_only: bool
) -> tuple[str | None, str]:
    if deaf_only:
        return police_rule(case, ctx, DEAF_MUTE), "聋哑（询问须有通晓手语的人）"
    if any(_FOREIGN.search(p.text) for p in found):
        return police_rule(case, ctx, FOREIGN_CASE), "不通晓我国语言文字"
    return police_rule(case, ctx, LOCAL_LANGUAGE), "不通晓当地通用的语言文字"


def _quote(passage: Passage) -> str:
    match = _CANNOT_FOLLOW.search(passage.text) or _DEAF_MUTE.search(passage.text)
    start = max(0, match.start() - 20) if match else 0
    return passage.text[start : start + 60].replace("\n", "")
