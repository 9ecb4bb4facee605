"""Names and credit codes of legal persons and other organisations, which stay public.

Penalty and permit results of enterprises, 合作社 and 个体工商户字号 are published
under their names with the 统一社会信用代码 (双公示), so these spans are protected:
no person-name or address detector may mask a character inside them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from assistant.publicity.checksums import is_valid_id_number, is_valid_uscc
from assistant.publicity.lexical import Token

USCC = re.compile(r"(?<![0-9A-Za-z])[0-9A-HJ-NPQRTUWXYa-hj-npqrtuwxy]{18}(?![0-9A-Za-z])")
USCC_CONTEXT = re.compile(r"信用代码|社会信用|注册号|营业执照")

ORG_SUFFIX = (
    "有限责任公司|股份有限公司|有限公司|分公司|公司|集团|农民专业合作社|专业合作社|合作社|联合社|"
    "经营部|门市部|营业部|服务部|商行|商店|商场|超市|便利店|药店|药房|大药房|诊所|门诊部|医院|"
    "酒家|酒楼|饭店|餐厅|餐馆|食府|茶餐厅|小吃店|快餐店|烧腊店|面馆|粉店|士多|"
    "加工厂|厂|作坊|工作室|事务所|中心|会所|俱乐部|学校|培训中心|幼儿园|农场|养殖场|加油站|"
    "档口|店|馆|行|部|社"
)
ORG_NAME = re.compile(
    rf"[\u4e00-\u9fa5A-Za-z0-9（）()·]{{2,40}}?(?:{ORG_SUFFIX})(?:[（(][\u4e00-\u9fa5]{{2,10}}[）)])?"
)
NAME_TAGS = frozenset({"LOC", "ORG", "nz", "PER", "m", "xc", "n", "vn", "nw", "a", "j"})
PLACEHOLDERS = frozenset({"某", "某某", "××", "XX"})
LEADING_WORDS = (
    "当事人",
    "被检查单位",
    "被检查人",
    "被处罚单位",
    "申请人",
    "行政相对人",
    "单位名称",
    "企业名称",
    "名称",
    "经查",
    "本机关",
    "我局",
    "对",
    "向",
    "由",
    "系",
    "为",
    "是",
    "在",
    "与",
    "的",
)
STOP_WORDS = frozenset(LEADING_WORDS)
ACTION_VERBS = frozenset(
    [
        "经营",
        "开设",
        "开办",
        "从事",
        "销售",
        "租用",
        "承包",
        "管理",
        "位于",
        "设立",
        "注册",
        "负责",
        "实施",
        "进行",
        "违反",
        "使用",
        "生产",
        "加工",
        "存放",
        "购进",
        "购买",
        "出售",
        "提供",
        "组织",
        "雇佣",
        "聘用",
        "住",
        "住在",
        "居住",
        "前往",
        "来到",
        "到",
        "在",
        "称",
        "说",
        "未",
        "无",
        "驾驶",
        "持有",
    ]
)


def _name_like(token: Token, verbs_allowed: bool) -> bool:
    """Could this token be part of an organisation name?

    字号 words are often tagged v by LAC (陈记/v 烧腊/v 店), so short verbs count
    only in the block right before the suffix, never after a noun has been passed.
    """
    if token.word in STOP_WORDS or token.word in ACTION_VERBS:
        return False
    if token.word in PLACEHOLDERS:
        return True
    return token.tag in NAME_TAGS or (verbs_allowed and token.tag == "v" and len(token.word) <= 2)


def credit_code_spans(text: str) -> Iterator[tuple[int, int]]:
    """统一社会信用代码 with a right GB 32100 check char, or any after 信用代码."""
    for match in USCC.finditer(text):
        code = match.group()
        context = USCC_CONTEXT.search(text, max(0, match.start() - 14), match.start())
        if context or (is_valid_uscc(code) and not is_valid_id_number(code)):
            yield match.start(), match.end()


def _strip_leading(text: str, start: int, end: int) -> int:
    """Move ``start`` past words such as 当事人/经查/对 that precede a name."""
    moved = True
    while moved:
        moved = False
        for word in LEADING_WORDS:
            if text.startswith(word, start) and end - start - len(word) >= 4:
                start += len(word)
                moved = True
    return start


def _token_start(tokens: list[Token], index: int) -> int:
    """Walk back from the suffix token over name-like tokens to where the name begins."""
    first = index
    verbs_allowed = True
    while first > 0:
        previous = tokens[first - 1]
        if not _name_like(previous, verbs_allowed) or tokens[index].end - previous.start > 40:
            break
        verbs_allowed = verbs_allowed and previous.tag == "v"
        first -= 1
    return tokens[first].start


def organisation_spans(text: str, tokens: list[Token]) -> Iterator[tuple[int, int]]:
    """Organisation names: LAC ORG tokens grown leftwards, and names ending in a suffix."""
    for index, token in enumerate(tokens):
        if token.tag == "ORG":
            start = _token_start(tokens, index)
            yield _strip_leading(text, start, token.end), token.end
    starts = {t.start: i for i, t in enumerate(tokens)}
    ends = {t.end: i for i, t in enumerate(tokens)}
    for match in ORG_NAME.finditer(text):
        end = match.end()
        if end not in ends or len(match.group()) < 4 or not _name_like(tokens[ends[end]], True):
            continue
        start = match.start()
        if start in starts:
            start = max(start, _token_start(tokens, ends[end]))
        yield _strip_leading(text, start, end), end


@dataclass(frozen=True)
class ProtectedSpans:
    """Organisation names (shield names and addresses) and credit codes (shield numbers)."""

    organisations: tuple[tuple[int, int], ...]
    credit_codes: tuple[tuple[int, int], ...]

    @property
    def all(self) -> tuple[tuple[int, int], ...]:
        return tuple(sorted({*self.organisations, *self.credit_codes}))


def protected_spans(text: str, tokens: list[Token]) -> ProtectedSpans:
    """All spans that must stay readable: organisation names and credit codes."""
    codes = tuple(sorted(set(credit_code_spans(text))))
    names = {
        (s, e)
        for s, e in organisation_spans(text, tokens)
        if e - s >= 2 and "@" not in text[s:e] and not any(s < ce and cs < e for cs, ce in codes)
    }
    return ProtectedSpans(tuple(sorted(names)), codes)
