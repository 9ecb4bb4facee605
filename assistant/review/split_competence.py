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
from assistant.review.statutory_fine import paragraph_citation, penalty_provisions

# the general department's side of a carve-out: the law names no object for it, so only the
# carved-out object ever decides the split
_NO_OBJECT = re.compile(r"(?!)")
_SITE = r"建筑工地|工程工地|施工工地|施工现场|在建工程|在建项目|项目工地"
_SITE_MACHINE = r"起重机|升降机|场（厂）内专用机动车辆|场内专用机动车辆|叉车|施工电梯"


@dataclass(frozen=True)
class Charge:
    """One department's share: the objects it keeps and the words of its name."""

    objects: re.Pattern[str]
    department: re.Pattern[str]
    label: str


@dataclass(frozen=True)
class Split:
    """``rule`` names the provision; where its number moved between versions, ``anchor`` is
    its words and the 款 carrying them in the version applied is cited."""

    law: str
    rule: str
    charges: tuple[Charge, ...]
    anchor: str = ""


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
    # 《统计法》2024年版第三十六条第二款 (2009年版第三十三条第二款): what goes wrong in a survey
    # organised by a 国家统计局 调查队 is that 调查队's to punish, not the local 统计局's
    Split(
        law="统计法",
        rule="",
        anchor="由组织实施该项统计调查的调查机构负责查处",
        charges=(
            Charge(
                re.compile(
                    r"调查队(?:组织实施|组织开展|开展|布置)[^。；]{0,30}调查"
                    r"|调查队[^。；]{0,30}调查[^。；]{0,6}(?:样本单位|调查对象)"
                ),
                re.compile(r"调查队|调查总队"),
                "组织实施该项统计调查的国家统计局调查队",
            ),
            Charge(_NO_OBJECT, re.compile(r"统计局"), ""),
        ),
    ),
    # 《气象灾害防御条例》第二十三条第三款、第四款 (2017): the 气象 bodies accept the lightning
    # protection of 易燃易爆 works and the places listed; 房屋建筑、市政基础设施… works are their
    # own construction departments'
    Split(
        law="气象灾害防御条例",
        rule="",
        anchor="负责相应领域内建设工程的防雷管理",
        charges=(
            Charge(
                re.compile(r"商品住宅|住宅小区|住宅楼|商品房|房屋建筑工程|市政基础设施|写字楼"),
                re.compile(r"住房|住建|城乡建设|建设局"),
                "房屋建筑、市政基础设施等建设工程的主管部门（住房城乡建设）",
            ),
            Charge(
                re.compile(
                    r"油库|气库|弹药库|化学品仓库|烟花爆竹|石化|易燃易爆|加油站|加气站|矿区|旅游景点"
                ),
                re.compile(r"气象"),
                "",
            ),
        ),
    ),
    # 《特种设备安全法》第一百条第二款: the 安装、使用 of 起重机械 and 场（厂）内专用机动车辆 on 房屋建筑、
    # 市政工程 sites is supervised by the construction departments, not by 市场监督管理
    Split(
        law="特种设备安全法",
        rule="《中华人民共和国特种设备安全法》第一百条第二款",
        charges=(
            Charge(
                re.compile(
                    rf"(?:{_SITE})[^。；]{{0,30}}(?:{_SITE_MACHINE})|(?:{_SITE_MACHINE})[^。；]{{0,30}}(?:{_SITE})"
                    r"|塔式起重机|塔吊"
                ),
                re.compile(r"住房|住建|城乡建设|建设局|建筑"),
                "住房城乡建设等有关部门（房屋建筑、市政工程工地用起重机械、场（厂）内专用机动车辆的安装、使用）",
            ),
            Charge(_NO_OBJECT, re.compile(r"市场监督管理|市场监管|质量技术监督"), ""),
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
    told = "".join(
        [case.title, case.violation.description, case.violation.place or "", case.facts.description]
    )
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
        rule = split.rule or _anchored_rule(case, ctx, split)
        if rule:
            return Misplaced(rule, keeper.label, word.group(0))
    return None


def _anchored_rule(case: CaseFile, ctx: ReviewContext, split: Split) -> str:
    """The 款 of the cited law's applied version that carries the split's words."""
    for cited in penalty_provisions(case, ctx):
        if cited.law != split.law:
            continue
        for record in ctx.articles_in(cited.law, cited.version):
            for paragraph in record.paragraphs:
                if split.anchor in paragraph.text:
                    return paragraph_citation(record, paragraph.number)
    return ""
