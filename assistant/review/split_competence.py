"""A law that splits one field between two departments by the object of the case.

《野生动物保护法》第七条第二款: 林业草原主管部门 keep 陆生 wildlife, 渔业主管部门 水生. A case about
a bird decided by the 农业农村 (渔业) department — or about a fish decided by the 林业
department — was decided by a department the law gives no charge over that animal, whatever
the agency's powers list says. Only a case that names one kind of object, and an agency that
is the other kind's department, is flagged; a third department sharing the duty (市场监督管理,
第五十二条) is left alone. 《种子法》第三条第一款 splits seeds the same way (农作物 / 林木).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.case_file import CaseFile
from assistant.review.context import ReviewContext
from assistant.review.statutory_fine import penalty_provisions


@dataclass(frozen=True)
class Charge:
    """One department's share: the objects it keeps and the words of its name."""

    objects: re.Pattern[str]
    department: re.Pattern[str]
    label: str


@dataclass(frozen=True)
class Split:
    law: str
    rule: str
    charges: tuple[Charge, ...]


SPLITS = (
    Split(
        law="野生动物保护法",
        rule="《中华人民共和国野生动物保护法》第七条第二款",
        charges=(
            Charge(
                re.compile(
                    r"陆生野生动物|鸟|八哥|画眉|鹦鹉|鹩哥|猫头鹰|鹰|隼|穿山甲|果子狸|猕猴|蛇|蟒|蜥|野猪|豹猫"
                ),
                re.compile(r"林业|园林|自然资源"),
                "林业草原主管部门（陆生野生动物）",
            ),
            Charge(
                re.compile(r"水生野生动物|中华鲟|大鲵|娃娃鱼|海龟|玳瑁|鲸|海豚|珊瑚|花鳗鲡|白蝶贝"),
                re.compile(r"农业农村|渔业|海洋"),
                "渔业主管部门（水生野生动物）",
            ),
        ),
    ),
    # 《种子法》第三条第一款: 农业农村 keep 农作物种子, 林业草原 林木种子 (林木的种植材料: 苗木)
    Split(
        law="种子法",
        rule="《中华人民共和国种子法》第三条第一款",
        charges=(
            Charge(
                re.compile(r"林木种子|林木种苗|林木良种|苗木|树苗|容器苗|桉树|杉木|松树|油茶"),
                re.compile(r"林业|园林|自然资源"),
                "林业草原主管部门（林木种子）",
            ),
            Charge(
                re.compile(
                    r"农作物种子|稻种|水稻种子|杂交水稻|玉米种子|蔬菜种子|瓜菜种子|花生种子"
                ),
                re.compile(r"农业农村"),
                "农业农村主管部门（农作物种子）",
            ),
        ),
    ),
)


@dataclass(frozen=True)
class Misplaced:
    """The case's object belongs to another department than the deciding agency."""

    rule: str
    keeper: str
    object_word: str


def misplaced_department(case: CaseFile, ctx: ReviewContext) -> Misplaced | None:
    cited = {c.law for c in penalty_provisions(case, ctx)}
    told = "".join([case.title, case.violation.description, case.facts.description])
    for split in SPLITS:
        if split.law not in cited:
            continue
        named = [(c, m) for c in split.charges if (m := c.objects.search(told))]
        if len(named) != 1:
            continue  # no object, or objects of both kinds: nothing to tell
        keeper, word = named[0]
        agency = case.agency.name
        others = [c for c in split.charges if c is not keeper]
        if keeper.department.search(agency) or not any(c.department.search(agency) for c in others):
            continue
        return Misplaced(split.rule, keeper.label, word.group(0))
    return None
