"""The 音像记录事项清单: which enforcement acts must be recorded on video, and which in full.

全过程记录办法第十五条 asks each agency to compile and publish its own list; the
shipped default follows 第十四条 and an agency edits a copy (settings path). The
review engine matches case events against it.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, Field, ValidationError, model_validator

from assistant.settings import AssistantSettings
from assistant.shipped_data import AV_RECORDING_LIST
from corpus.citation_resolver import CitationError, CitationResolver
from corpus.errors import ErrorKind, ZhifaError

DEFAULT_AV_LIST = AV_RECORDING_LIST
FULL_RECORDING = "全过程无间断音像记录"
RecordingLevel = Literal["音像记录", "全过程无间断音像记录"]


class AvListError(ZhifaError, ValueError, kind=ErrorKind.INVALID, code="invalid_av_list"):
    """A recording list that cannot be read; the message is Chinese."""


class AvRecordingItem(BaseModel):
    """One listed act; it applies to an event of a listed type carrying a listed keyword.

    ``not_when`` lists phrases in which a keyword only refers to an act done before (解除查封、
    扣押期限、没收扣押的…): an event writing the keyword only inside them is not the act itself.
    """

    name: str
    recording: RecordingLevel
    event_types: list[str] = Field(default_factory=list)
    keywords: list[str] = Field(default_factory=list)
    not_when: list[str] = Field(default_factory=list)
    rule: str
    quote: str = ""

    @model_validator(mode="after")
    def _has_a_trigger(self) -> AvRecordingItem:
        if not self.event_types and not self.keywords:
            raise ValueError(f"清单事项“{self.name}”须至少填写 event_types 或 keywords 之一")
        return self

    @property
    def full(self) -> bool:
        return self.recording == FULL_RECORDING

    def applies(self, event_type: str, texts: Iterable[str]) -> bool:
        """The event is of a listed type (if any) and mentions a listed keyword (if any)."""
        if self.event_types and event_type not in self.event_types:
            return False
        joined = " ".join([event_type, *texts])
        for phrase in sorted(self.not_when, key=len, reverse=True):
            joined = joined.replace(phrase, "　")
        return not self.keywords or any(k in joined for k in self.keywords)


class AvRecordingList(BaseModel):
    title: str = "行政执法全过程音像记录清单"
    source: str = ""
    items: list[AvRecordingItem]

    def matching(self, event_type: str, texts: Iterable[str]) -> list[AvRecordingItem]:
        words = list(texts)
        return [i for i in self.items if i.applies(event_type, words)]

    def unresolved_rules(self, resolver: CitationResolver) -> list[str]:
        """Items whose cited rule does not resolve in the corpus, with the reason."""
        problems = []
        for item in self.items:
            for result in resolver.resolve_text(item.rule):
                if isinstance(result, CitationError):
                    problems.append(f"{item.name}：{item.rule}无法核验（{result.message}）")
        return problems

    def rows(self) -> list[list[object]]:
        return [
            [n, i.name, i.recording, "、".join(i.event_types) or "不限", "、".join(i.keywords)]
            + [i.rule, i.quote]
            for n, i in enumerate(self.items, start=1)
        ]


AV_LIST_HEADERS = ["序号", "事项", "记录要求", "适用环节", "关键词", "依据", "依据原文"]


def load_av_list(path: Path) -> AvRecordingList:
    """Read and validate a recording list (YAML)."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise AvListError(f"音像记录清单不存在：{path}") from exc
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise AvListError(f"无法读取音像记录清单 {path}：{exc}") from exc
    try:
        return AvRecordingList.model_validate(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        where = ".".join(str(p) for p in error["loc"])
        raise AvListError(f"音像记录清单 {path} 字段 {where} 无效：{error['msg']}") from exc


def av_list_for(settings: AssistantSettings) -> AvRecordingList:
    """The configured list, or the shipped default."""
    return load_av_list(settings.av_recording_list_path or DEFAULT_AV_LIST)
