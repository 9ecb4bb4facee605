"""Honest scope: say when the law a question names or needs is not in the corpus.

Without this, a question about a drug shop selling fake medicine, asked of a corpus
without 《药品管理法》, is answered with the nearest article of another law
(《产品质量法》第五十一条) labelled 处罚依据. A law counts as *needed* when the question
names it (《…》 or its plain name) or uses a subject term whose governing law is
listed below; the list is a small curated table of enforcement subjects, each term
chosen so that one specific law governs it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from corpus.law_names import short_name

# subject term → the law that governs it (the special law takes precedence over the
# general ones such as 产品质量法 for these subjects)
SUBJECT_LAWS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("假药", "劣药", "药品", "药店", "药房", "处方药"), "药品管理法"),
    (("疫苗",), "疫苗管理法"),
    (("医疗器械",), "医疗器械监督管理条例"),
    (("化妆品",), "化妆品监督管理条例"),
    (("特种设备", "电梯", "锅炉", "压力容器", "起重机械"), "特种设备安全法"),
    (("危险化学品",), "危险化学品安全管理条例"),
    (("消防", "火灾隐患", "消防通道"), "消防法"),
    (("治安管理", "扰乱公共秩序", "殴打他人"), "治安管理处罚法"),
    (("商标", "假冒注册商标"), "商标法"),
    (("不正当竞争", "虚假宣传", "商业贿赂"), "反不正当竞争法"),
    (("明码标价", "哄抬价格", "价格欺诈"), "价格法"),
    (("计量器具", "缺斤短两"), "计量法"),
    (("传染病",), "传染病防治法"),
    (("职业病",), "职业病防治法"),
    (("无证行医", "非法行医", "医师执业"), "医师法"),
    (("道路运输", "非法营运", "黑车"), "道路运输条例"),
    (("超限运输", "公路路政"), "公路法"),
    (("农药",), "农药管理条例"),
    (("兽药",), "兽药管理条例"),
    (("烟草", "卷烟"), "烟草专卖法"),
)  # fmt: skip
# 《…》 also names documents (《行政处罚决定书》); only statute-like titles count
_BRACKETED = re.compile(r"《([^》]{1,60}(?:法|条例|规定|办法|细则|解释|决定|规则))》")


@dataclass(frozen=True)
class MissingLaw:
    """A law the question names or needs that the corpus does not hold."""

    law: str
    reason: str

    @property
    def message(self) -> str:
        return (
            f"语料库中没有《{self.law}》，可用 zhifa corpus import 法规文件 导入"
            f"（全国法律法规随项目分发：zhifa corpus init）；下列其他法律的条文不能作为本案的违法或处罚依据"
        )

    def as_json(self) -> dict[str, str]:
        return {"law": self.law, "reason": self.reason, "message": self.message}


def needed_laws(question: str) -> dict[str, str]:
    """``{law: why}`` for every law the question names or whose subject it raises."""
    needed: dict[str, str] = {}
    for title in _BRACKETED.findall(question):
        needed.setdefault(short_name(title), f"问题中写明《{title}》")
    for terms, law in SUBJECT_LAWS:
        if law in question:
            needed.setdefault(law, f"问题中写明{law}")
            continue
        term = next((t for t in terms if t in question), None)
        if term:
            needed.setdefault(law, f"问题涉及“{term}”，通常适用《{law}》")
    return needed


def missing_laws(question: str, known_names: Mapping[str, str]) -> list[MissingLaw]:
    """The needed laws that no name or alias in the corpus (``law_names()``) resolves to."""
    return [
        MissingLaw(law, reason)
        for law, reason in needed_laws(question).items()
        if law not in known_names and short_name(law) not in known_names
    ]
