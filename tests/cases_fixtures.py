"""Shared inputs of the case-base tests: a 处罚决定书 written as TXT, DOCX and PDF."""

from __future__ import annotations

from pathlib import Path

import docx
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Paragraph, SimpleDocTemplate

from assistant import shipped_data

SHIPPED_CASES = shipped_data.CASES_DIR
SHIPPED_CAIL = SHIPPED_CASES / "cail2018-criminal-train.json"
PERSON = "李建国"
ID_NUMBER = "440104198001011234"

DECISION_LINES: list[str] = [
    "广州市生态环境局",
    "行政处罚决定书",
    "穗环罚〔2023〕12号",
    f"当事人：{PERSON}（个体工商户，广州市白云区某某五金加工店经营者）",
    f"身份证号码：{ID_NUMBER}",
    "地址：广州市白云区石井街某某路88号",
    "我局于2023年3月1日对你进行现场检查，发现你实施了以下环境违法行为：",
    "一、违法事实",
    f"经查，{PERSON}经营的五金加工店喷漆工序未配套建设废气收集处理设施，"
    "生产过程中产生的挥发性有机物废气直接排放，违反了《中华人民共和国大气污染防治法》第四十五条的规定。",
    "二、证据",
    "以上事实有以下证据为证：",
    "1．现场检查（勘察）笔录",
    "2．调查询问笔录；现场照片",
    "（3）营业执照复印件",
    "三、处罚依据",
    "依据《中华人民共和国大气污染防治法》第一百零八条第（一）项的规定。",
    "四、处罚决定",
    "我局决定对你作出如下行政处罚：罚款人民币伍万元整。",
    "五、履行方式和期限",
    "你应当自收到本决定书之日起十五日内缴纳罚款。",
    "六、救济途径",
    "如不服本处罚决定，可在收到本决定书之日起六十日内申请行政复议。",
    "广州市生态环境局",
    "2023年5月10日",
]


def write_decision_text(path: Path) -> Path:
    path.write_text("\n".join(DECISION_LINES), encoding="gb18030")
    return path


def write_decision_docx(path: Path) -> Path:
    document = docx.Document()
    for line in DECISION_LINES:
        document.add_paragraph(line)
    document.save(str(path))
    return path


def write_decision_pdf(path: Path) -> Path:
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("body", fontName="STSong-Light", fontSize=11, leading=16, wordWrap="CJK")
    story = [Paragraph(line, style) for line in DECISION_LINES]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return path
