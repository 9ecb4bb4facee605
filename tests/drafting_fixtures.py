"""Shared data of the drafting tests: the example case with a complete ``drafting`` section."""

from __future__ import annotations

import copy
from io import BytesIO
from pathlib import Path

from docx import Document

from assistant import shipped_data
from assistant.case_file import read_case_data
from transcription.record_draft import (
    AudioSource,
    DraftTurn,
    InterviewDraft,
    InterviewHeader,
    save_draft_json,
)
from transcription.turns import INTERVIEWEE, INTERVIEWER

EXAMPLE = shipped_data.EXAMPLE_CASE
DRAFTING = {
    "numbers": {
        "决定书": "江环罚〔2023〕015号",
        "告知书": "江环罚告〔2023〕015号",
        "听证告知书": "江环听告〔2023〕015号",
        "立案审批表": "江环立〔2023〕015号",
        "现场检查笔录": "江环检〔2023〕031号",
        "询问笔录": "江环询〔2023〕042号",
        "责令改正通知书": "江环责改〔2023〕015号",
        "法制审核意见书": "江环审〔2023〕015号",
    },
    "legal_representative": "王某某",
    "case_source": "日常监督检查",
    "inspection_findings": "厂区废水处理设施出水口正在向厂外水渠排放废水，现场未能出示排污许可证。",
    "correction": {
        "requirement": "立即停止排放水污染物，依法申领排污许可证",
        "deadline": "2023-04-30",
    },
    "review_body": "江门市人民政府",
    "court": "江门市蓬江区人民法院",
    "payment_account": "江门市非税收入汇缴结算户（开户行：中国工商银行江门分行，账号：2012000000000000000）",
    "agency_address": "江门市蓬江区建设三路1号",
    "statement_days": 3,
    "contact": "李明 0750-3000000",
}


def complete_case() -> dict:
    """The example case file plus every document-only datum."""
    data = copy.deepcopy(read_case_data(EXAMPLE))
    data["drafting"] = copy.deepcopy(DRAFTING)
    return data


def docx_text(content: bytes) -> str:
    """What python-docx reads back from a DOCX: every paragraph, one per line."""
    return "\n".join(p.text for p in Document(BytesIO(content)).paragraphs)


def write_transcript(folder: Path) -> Path:
    """A corrected 询问笔录 draft as ``zhifa transcribe`` writes it."""
    header = InterviewHeader(
        time="2023年4月10日 9时30分至10时15分",
        location="江门市生态环境局询问室",
        recorder="陈华",
        interviewee="王某某",
        gender="男",
        age="45",
        id_number="440703197801010000",
        workplace="江门市某五金制品有限公司 法定代表人",
        address="江门市蓬江区棠下镇",
        phone="13800000000",
        relation="当事人法定代表人",
    )
    turns = [
        DraftTurn(INTERVIEWER, 12.0, 18.5, "你公司是否取得排污许可证？"),
        DraftTurn(INTERVIEWEE, 19.0, 25.2, "还没有取得，正在申请。"),
    ]
    audio = AudioSource(file_name="询问录音.wav", sha256="ab" * 32, duration_s=620.0)
    draft = InterviewDraft(header=header, turns=turns, audio=audio)
    return save_draft_json(draft, folder / "询问.笔录.json")
