"""Which written measures are 行政处罚 at all (《行政处罚法》第九条).

Files list 责令改正、责令停止违法行为 beside the penalty, as decisions write them
(第二十八条第一款: 责令改正 goes with the penalty, it is not one). Only a 第九条 kind counts
when a penalty is held against a limit: the agency's list, a 派出所's 警告 and fines
(治安管理处罚法第九十一条), the on-the-spot scope (第五十一条).
"""

from __future__ import annotations

import re

# The words of 第九条's penalty kinds; a measure written with none of them (收缴有关证件, a
# 罚则's accompanying measure, 责令改正) is no penalty kind.
NINTH_ARTICLE_KIND = re.compile(
    r"警告|通报批评|罚款|没收|暂扣|吊销|降低资质|限制|停产|停业|关闭|从业|拘留"
)


def penalty_kinds(types: list[str]) -> list[str]:
    """The written types that are 行政处罚 kinds."""
    return [t for t in types if NINTH_ARTICLE_KIND.search(t)]
