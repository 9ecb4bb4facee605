"""Which written measures are 行政处罚 at all (《行政处罚法》第九条).

Files list 责令改正、责令停止违法行为 beside the penalty, as decisions write them
(第二十八条第一款: 责令改正 goes with the penalty, it is not one). Only a 第九条 kind counts
when a penalty is held against a limit: the agency's list, a 派出所's 警告 and fines
(治安管理处罚法第九十一条), the on-the-spot scope (第五十一条).
"""

from __future__ import annotations

import re

from assistant.case_file import CaseFile

# The words of 第九条's penalty kinds; a measure written with none of them (收缴有关证件, a
# 罚则's accompanying measure, 责令改正) is no penalty kind.
NINTH_ARTICLE_KIND = re.compile(
    r"警告|通报批评|罚款|没收|暂扣|吊销|降低资质|限制|停产|停业|关闭|从业|拘留"
)


def penalty_kinds(types: list[str]) -> list[str]:
    """The written types that are 行政处罚 kinds."""
    return [t for t in types if NINTH_ARTICLE_KIND.search(t)]


# 第九条第（四）项 names 责令停产停业; 停业整顿、停止营业 are its 停业 written otherwise.
# (责令停产整治 of the environment laws is a measure of its own, not 停业.)
_CLOSURE = re.compile(r"停业|停止营业")


def _confiscation_kind(penalty_type: str) -> str | None:
    """第九条 knows two confiscations: 没收违法所得 and 没收非法财物 — the goods, tools and
    products a decision names (没收违法销售的药品) are the latter."""
    if not penalty_type.startswith("没收"):
        return None
    return "没收违法所得" if "违法所得" in penalty_type else "没收非法财物"


# 第九条第（三）项 names licences by kind (暂扣、吊销许可证件): 吊销药品经营许可证 or
# 吊销营业执照 is that kind, whichever licence the decision names.
_LICENCE_KINDS = (("暂扣", "暂扣许可证件"), ("吊销", "吊销许可证件"))


def _licence_kind(penalty_type: str) -> str | None:
    return next((kind for word, kind in _LICENCE_KINDS if penalty_type.startswith(word)), None)


def same_penalty_kind(penalty_type: str, allowed: str) -> bool:
    if allowed in penalty_type or penalty_type in allowed:
        return True
    if _CLOSURE.search(penalty_type) and _CLOSURE.search(allowed):
        return True
    licence = _licence_kind(penalty_type)
    if licence is not None and licence == _licence_kind(allowed):
        return True
    kind = _confiscation_kind(penalty_type)
    return kind is not None and kind == _confiscation_kind(allowed)


# 《行政强制法》第九条第（二）至（四）项: 查封、扣押、冻结 are 行政强制措施, not penalties.
COERCIVE_MEASURE = re.compile(r"查封|扣押|冻结")


# 《行政强制法》第十二条: carrying out a decision already made (强制拆除, 代履行, 加处罚款)
ENFORCEMENT_MEASURE = re.compile(r"强制拆除|代履行|强制执行|加处罚款|加处滞纳金")


def enforcement_only(case: CaseFile) -> bool:
    """The file's only measure enforces an earlier decision (强制拆除): the decision under review
    is the last one, the 强制执行决定 of 行政强制法第三十七条, and what the file gathered after the
    first decision (逾期复查) grounds it."""
    types = case.penalty.types
    return (
        bool(types)
        and not imposes_penalty(case)
        and all(ENFORCEMENT_MEASURE.search(t) for t in types)
    )


def imposes_penalty(case: CaseFile) -> bool:
    """The file imposes a 行政处罚 (a 第九条 kind or a fine). A case transferred for
    prosecution, a 不予处罚 file or a 查封/扣押 alone imposes none, so nothing of it is
    held against the 罚则 or the agency's penalty powers."""
    penalty = case.penalty
    return bool(penalty_kinds(penalty.types) or penalty.amount or penalty.confiscation_yuan)


def coercive_only(case: CaseFile) -> bool:
    """The file's only measure is a 行政强制措施 (查封、扣押、冻结): its 决定 is the measure's
    decision under 行政强制法第十八条、第二十四条, not a penalty decision, so the 行政处罚法
    steps of a penalty decision (告知, 决定书, 调查终结) do not measure it."""
    types = case.penalty.types
    return (
        bool(types) and not imposes_penalty(case) and all(COERCIVE_MEASURE.search(t) for t in types)
    )
