"""Small real statute excerpts as ArticleRecords, for the indexing and models tests."""

from __future__ import annotations

from datetime import date

from corpus.model import ArticleRecord, Paragraph, unit_id

# (law, title, version, effective_to, level, number, headings, paragraphs)
_ARTICLES: list[tuple[str, str, date, date | None, str, int, tuple[str, ...], tuple[str, ...]]] = [
    (
        "行政处罚法",
        "中华人民共和国行政处罚法",
        date(2021, 7, 15),
        None,
        "法律",
        9,
        ("第二章 行政处罚的种类和设定",),
        (
            "行政处罚的种类：（一）警告、通报批评；（二）罚款、没收违法所得、没收非法财物；"
            "（三）暂扣许可证件、降低资质等级、吊销许可证件；（四）限制开展生产经营活动、责令停产停业、"
            "责令关闭、限制从业；（五）行政拘留；（六）法律、行政法规规定的其他行政处罚。",
        ),
    ),
    (
        "行政处罚法",
        "中华人民共和国行政处罚法",
        date(2021, 7, 15),
        None,
        "法律",
        32,
        ("第四章 行政处罚的管辖和适用",),
        (
            "当事人有下列情形之一，应当从轻或者减轻行政处罚：（一）主动消除或者减轻违法行为危害后果的；"
            "（二）受他人胁迫或者诱骗实施违法行为的；（三）主动供述行政机关尚未掌握的违法行为的；"
            "（四）配合行政机关查处违法行为有立功表现的；（五）法律、法规、规章规定其他应当从轻或者减轻行政处罚的。",
        ),
    ),
    (
        "行政处罚法",
        "中华人民共和国行政处罚法",
        date(2021, 7, 15),
        None,
        "法律",
        36,
        ("第四章 行政处罚的管辖和适用",),
        (
            "违法行为在二年内未被发现的，不再给予行政处罚；涉及公民生命健康安全、金融安全且有危害后果的，"
            "上述期限延长至五年。法律另有规定的除外。",
            "前款规定的期限，从违法行为发生之日起计算；违法行为有连续或者继续状态的，从行为终了之日起计算。",
        ),
    ),
    (
        "行政处罚法",
        "中华人民共和国行政处罚法",
        date(2021, 7, 15),
        None,
        "法律",
        63,
        ("第五章 行政处罚的决定", "第四节 听证程序"),
        (
            "行政机关拟作出下列行政处罚决定，应当告知当事人有要求听证的权利，当事人要求听证的，"
            "行政机关应当组织听证：（一）较大数额罚款；（二）没收较大数额违法所得、没收较大价值非法财物；"
            "（三）降低资质等级、吊销许可证件；（四）责令停产停业、责令关闭、限制从业；"
            "（五）其他较重的行政处罚；（六）法律、法规、规章规定的其他情形。",
            "当事人不承担行政机关组织听证的费用。",
        ),
    ),
    (
        "统计法",
        "中华人民共和国统计法",
        date(2010, 1, 1),
        date(2024, 9, 13),
        "法律",
        37,
        ("第六章 法律责任",),
        (
            "地方人民政府、政府统计机构或者有关部门、单位的负责人有下列行为之一的，由任免机关或者监察机关"
            "依法给予处分，并由县级以上人民政府统计机构予以通报：（一）自行修改统计资料、编造虚假统计数据的；"
            "（二）要求统计机构、统计人员或者其他机构、人员伪造、篡改统计资料的。",
        ),
    ),
    (
        "统计法",
        "中华人民共和国统计法",
        date(2024, 9, 13),
        None,
        "法律",
        37,
        ("第六章 法律责任",),
        (
            "地方人民政府、政府统计机构或者有关部门、单位的负责人有下列行为之一的，对直接负责的主管人员和"
            "其他直接责任人员依法给予处分，并由县级以上人民政府统计机构予以通报：（一）自行修改统计资料、"
            "编造虚假统计数据的；（二）要求统计机构、统计人员或者其他机构、人员伪造、篡改统计资料的。",
        ),
    ),
    (
        "食品安全法",
        "中华人民共和国食品安全法",
        date(2021, 4, 29),
        None,
        "法律",
        150,
        ("第十章 附则",),
        (
            "本法下列用语的含义：",
            "食品，指各种供人食用或者饮用的成品和原料以及按照传统既是食品又是中药材的物品，但是不包括以治疗为目的的物品。",
            "食品安全，指食品无毒、无害，符合应当有的营养要求，对人体健康不造成任何急性、亚急性或者慢性危害。",
            "预包装食品，指预先定量包装或者制作在包装材料、容器中的食品。",
        ),
    ),
    (
        "道路交通安全法",
        "中华人民共和国道路交通安全法",
        date(2021, 4, 29),
        None,
        "法律",
        91,
        ("第七章 法律责任",),
        (
            "饮酒后驾驶机动车的，处暂扣六个月机动车驾驶证，并处一千元以上二千元以下罚款。"
            "因饮酒后驾驶机动车被处罚，再次饮酒后驾驶机动车的，处十日以下拘留，并处一千元以上二千元以下罚款，"
            "吊销机动车驾驶证。",
            "醉酒驾驶机动车的，由公安机关交通管理部门约束至酒醒，吊销机动车驾驶证，依法追究刑事责任；"
            "五年内不得重新取得机动车驾驶证。",
        ),
    ),
    (
        "广东省环境保护条例",
        "广东省环境保护条例",
        date(2022, 11, 30),
        None,
        "地方性法规",
        70,
        ("第七章 法律责任",),
        (
            "排污单位违反本条例规定，未按照规定安装、使用污染物排放自动监测设备的，由生态环境主管部门"
            "责令改正，处二万元以上二十万元以下的罚款。",
        ),
    ),
]


def make_record(law, title, version, effective_to, level, number, headings, texts, region=None):
    """An ArticleRecord shaped like the ones CorpusStore yields."""
    paragraphs = tuple(Paragraph(i, text) for i, text in enumerate(texts, start=1))
    return ArticleRecord(
        unit_id=unit_id(law, version, str(number)),
        law=law,
        title=title,
        version=version,
        published=version,
        effective_to=effective_to,
        level=level,
        region=region,
        number=number,
        suffix=0,
        headings=headings,
        paragraphs=paragraphs,
    )


def sample_records() -> list[ArticleRecord]:
    """Nine articles of five laws, two versions of 统计法 §37, one local regulation."""
    records = []
    for law, title, version, effective_to, level, number, headings, texts in _ARTICLES:
        region = "广东省" if level == "地方性法规" else None
        records.append(
            make_record(law, title, version, effective_to, level, number, headings, texts, region)
        )
    return records
