"""Steps that carry out a decision already made (执行), told from the investigation before it.

A file may record the enforcement of its decision — a forced demolition, 代履行, the
execution's 现场笔录 and video — under whatever event type it has, often 调查取证. Those
steps gather no evidence for the decision (《行政处罚法》第五十四条第一款、第五十七条第一款
order only the investigation that grounds it); they are measured instead by
《行政强制法》第四十三条、第四十四条 (when and after what they may be taken).
"""

from __future__ import annotations

import re

# 实施强制拆除, 组织拆除 (实施强制措施 — a 查封/扣押 — is no execution: 第四十三条 is of 强制执行)
# , 强制执行现场笔录, 强制拆除全过程录像, 实施代履行
CARRIED_OUT = re.compile(
    r"实施(?:强制(?:拆除|执行|清除|划拨|拍卖)|代履行)|(?<![未不])(?<!没有)组织(?:强制)?拆除|(?:强制(?:拆除|执行|清除)|代履行)"
    r"(?:现场|全过程|过程|时|完毕|完成)"
)
# 强制拆除 itself, done (not 限期自行拆除 nor a warning that it will be done)
# (未组织拆除: the party's own failure to demolish)
DEMOLISHED = re.compile(
    r"实施强制拆除|(?<![未不])(?<!没有)组织(?:强制)?拆除|强制拆除(?:现场|全过程|过程|时|完毕|完成)"
)


def carries_out_decision(*texts: str) -> bool:
    """Some of the texts (a note, an evidence item's name or how it was got) records a step
    that executes the decision."""
    return any(CARRIED_OUT.search(t) for t in texts if t)
