"""A seeded, labelled set of personal data in realistic decision sentences.

Used to measure redaction recall and precision (``zhifa eval redaction``) and by the
tests. Every generated identifier is valid the way real ones are: ID numbers carry
a real region code, birth date and GB 11643 check char; card numbers pass Luhn;
credit codes carry the GB 32100 check char. Organisation names (which must stay
readable) are generated alongside, some with person-like 字号 (李记、王氏).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from assistant.publicity.checksums import id_check_char, luhn_check_digit, uscc_check_char
from assistant.publicity.pii_span import PiiKind

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁沈姚卢钟谭陆汪范廖"
COMPOUND = ("欧阳", "司马", "上官", "诸葛", "司徒")
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红文玲海燕小晓东梅鑫宇浩然子轩嘉欣思雨俊豪婷雪琳晨凯鹏辉斌"
REGION_CODES = [
    "440106",
    "440104",
    "440304",
    "440305",
    "440604",
    "440606",
    "441900",
    "442000",
    "440402",
    "440783",
    "110105",
    "110108",
    "310115",
    "320106",
    "330106",
    "350203",
    "420106",
    "430104",
    "450103",
    "510107",
    "610113",
    "360102",
    "130102",
    "370202",
]
MOBILE_PREFIXES = [
    "130",
    "131",
    "132",
    "133",
    "135",
    "136",
    "137",
    "138",
    "139",
    "150",
    "151",
    "152",
    "155",
    "157",
    "158",
    "159",
    "166",
    "176",
    "177",
    "180",
    "182",
    "186",
    "187",
    "188",
    "189",
    "191",
    "198",
    "199",
]
AREA_CODES = ("020", "0755", "0757", "0760", "0769", "0756", "010", "021", "0754", "0752")
CARD_BINS = ("622202", "621700", "622848", "621661", "622588", "623058", "621226", "622700")
PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
PLATE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"
CITIES = (
    ("广东省", "广州市", "天河区"),
    ("广东省", "广州市", "越秀区"),
    ("广东省", "深圳市", "南山区"),
    ("广东省", "佛山市", "顺德区"),
    ("广东省", "东莞市", ""),
    ("广东省", "江门市", "蓬江区"),
    ("广东省", "珠海市", "香洲区"),
    ("湖南省", "长沙市", "岳麓区"),
)
ROADS = [
    "天河路",
    "体育西路",
    "中山大道",
    "人民北路",
    "解放南路",
    "建设六马路",
    "东风中路",
    "新城路",
    "环市东路",
    "深南大道",
    "科技园路",
    "滨江西路",
]
VILLAGES = ["白沙村", "大岭村", "石龙村", "新围村", "上塘村", "沙溪村"]
TOWNS = ["大良街道", "虎门镇", "龙江镇", "石碣镇", "太和镇", "江高镇"]
INDUSTRIES = [
    "餐饮管理",
    "贸易",
    "电子科技",
    "食品",
    "建筑工程",
    "物业管理",
    "商贸",
    "医药",
    "五金制品",
    "服装",
]
ORG_FORMS = ("有限公司", "股份有限公司", "有限责任公司")
SHOP_KINDS = ("烧腊店", "小吃店", "便利店", "五金店", "大药房", "茶餐厅", "商行")
TRADE_NAMES = (
    "李记",
    "王氏",
    "陈记",
    "宏达",
    "金海",
    "顺发",
    "华美",
    "德信",
    "永盛",
    "鸿运",
    "张三",
)


@dataclass(frozen=True)
class LabelledSpan:
    """``text[start:end]`` is labelled; characters from ``start + keep`` must be hidden."""

    start: int
    end: int
    kind: str
    keep: int = 0


@dataclass(frozen=True)
class LabelledSample:
    text: str
    pii: tuple[LabelledSpan, ...]
    public: tuple[LabelledSpan, ...]


class _Builder:
    """Concatenates pieces, remembering where labelled pieces landed."""

    def __init__(self) -> None:
        self.text = ""
        self.pii: list[LabelledSpan] = []
        self.public: list[LabelledSpan] = []

    def add(self, piece: str, kind: str | None = None, keep: int = 0, public: bool = False) -> None:
        if kind is not None:
            span = LabelledSpan(len(self.text), len(self.text) + len(piece), kind, keep)
            (self.public if public else self.pii).append(span)
        self.text += piece

    def sample(self) -> LabelledSample:
        return LabelledSample(self.text, tuple(self.pii), tuple(self.public))


class PiiGenerator:
    """Seeded generator of valid identifiers, names, addresses and organisations."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def name(self) -> tuple[str, int]:
        surname = (
            self.rng.choice(COMPOUND) if self.rng.random() < 0.08 else self.rng.choice(SURNAMES)
        )
        given = "".join(self.rng.choice(GIVEN) for _ in range(self.rng.choice((1, 2, 2))))
        return surname + given, len(surname)

    def id_number(self) -> str:
        born = date(1950, 1, 1) + timedelta(days=self.rng.randrange(0, 20000))
        body = f"{self.rng.choice(REGION_CODES)}{born:%Y%m%d}{self.rng.randrange(1000):03d}"
        return body + id_check_char(body)

    def mobile(self) -> str:
        digits = self.rng.choice(MOBILE_PREFIXES) + f"{self.rng.randrange(10**8):08d}"
        style = self.rng.randrange(4)
        if style == 1:
            return f"{digits[:3]}-{digits[3:7]}-{digits[7:]}"
        if style == 2:
            return f"{digits[:3]} {digits[3:7]} {digits[7:]}"
        return f"+86 {digits}" if style == 3 else digits

    def landline(self) -> str:
        area = self.rng.choice(AREA_CODES)
        number = f"{self.rng.randrange(2, 9)}{self.rng.randrange(10**7):07d}"
        if len(area) == 4 and self.rng.random() < 0.3:
            number = number[:7]
        return f"（{area}）{number}" if self.rng.random() < 0.25 else f"{area}-{number}"

    def card(self) -> str:
        length = self.rng.choice((16, 19))
        body = self.rng.choice(CARD_BINS)
        body += "".join(str(self.rng.randrange(10)) for _ in range(length - 7))
        digits = body + luhn_check_digit(body)
        if self.rng.random() < 0.3:
            return " ".join(digits[i : i + 4] for i in range(0, len(digits), 4))
        return digits

    def plate(self) -> str:
        head = self.rng.choice(PROVINCES) + self.rng.choice(PLATE_LETTERS)
        pool = "0123456789" * 3 + PLATE_LETTERS
        if self.rng.random() < 0.3:
            tail = self.rng.choice("DF") + "".join(self.rng.choice("0123456789") for _ in range(5))
        else:
            tail = "".join(self.rng.choice(pool) for _ in range(5))
        return head + ("·" if self.rng.random() < 0.2 else "") + tail

    def email(self) -> str:
        user = "".join(self.rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(7))
        return f"{user}@{self.rng.choice(('163.com', 'qq.com', 'gmail.com', 'gd.gov.cn'))}"

    def address(self) -> tuple[str, int]:
        province, city, district = self.rng.choice(CITIES)
        prefix = (province if self.rng.random() < 0.3 else "") + city + district
        if self.rng.random() < 0.3:
            detail = (
                f"{self.rng.choice(TOWNS)}{self.rng.choice(VILLAGES)}{self.rng.randrange(1, 12)}组"
            )
        else:
            detail = f"{self.rng.choice(ROADS)}{self.rng.randrange(1, 999)}号"
            if self.rng.random() < 0.6:
                detail += f"{self.rng.randrange(1, 30)}栋{self.rng.randrange(1, 33)}0{self.rng.randrange(1, 9)}房"
        return prefix + detail, len(prefix)

    def credit_code(self) -> str:
        chars = "0123456789ABCDEFGHJKLMNPQRTUWXY"
        body = "91" + self.rng.choice(REGION_CODES)
        body += "".join(self.rng.choice(chars) for _ in range(9))
        return body + uscc_check_char(body)

    def organisation(self) -> str:
        _, city, district = self.rng.choice(CITIES)
        trade = self.rng.choice(TRADE_NAMES)
        style = self.rng.randrange(3)
        if style == 0:
            return f"{city}{trade}{self.rng.choice(INDUSTRIES)}{self.rng.choice(ORG_FORMS)}"
        if style == 1:
            return f"{city}{district}{trade}{self.rng.choice(SHOP_KINDS)}"
        return f"{district or city}{trade}果蔬种植专业合作社"


def _name_sample(g: PiiGenerator) -> LabelledSample:
    name, keep = g.name()
    before, after = g.rng.choice(
        (
            ("当事人", "，男，汉族，经营该店铺。"),
            ("经查，", "于2024年3月12日在店内销售过期食品。"),
            ("被询问人", "称其不知道该商品已过保质期。"),
            ("执法人员向", "送达了《行政处罚决定书》。"),
            ("现场负责人", "在笔录上签字确认。"),
            ("举报人", "反映该店存在噪声扰民问题。"),
            ("姓名：", "；性别：女；民族：汉。"),
            ("本机关于2024年5月6日依法对", "作出罚款人民币三千元的行政处罚。"),
        )
    )
    b = _Builder()
    b.add(before)
    b.add(name, PiiKind.NAME.value, keep)
    b.add(after)
    return b.sample()


def _single(
    kind: PiiKind,
    value: Callable[[PiiGenerator], str],
    contexts: tuple[tuple[str, str], ...],
    keep: int = 0,
) -> Callable[[PiiGenerator], LabelledSample]:
    def build(g: PiiGenerator) -> LabelledSample:
        before, after = g.rng.choice(contexts)
        b = _Builder()
        b.add(before)
        b.add(value(g), kind.value, keep)
        b.add(after)
        return b.sample()

    return build


def _phone(g: PiiGenerator) -> str:
    return g.mobile() if g.rng.random() < 0.7 else g.landline()


def _address_sample(g: PiiGenerator) -> LabelledSample:
    address, keep = g.address()
    before = g.rng.choice(("住", "住址：", "户籍地址为", "现住", "家住", "居住于", "联系地址："))
    b = _Builder()
    b.add(
        g.rng.choice(("当事人", "被询问人", "其")) + "自述"
        if g.rng.random() < 0.2
        else "经核实，当事人"
    )
    b.add(before)
    b.add(address, PiiKind.ADDRESS.value, keep)
    b.add(g.rng.choice(("。", "，联系电话见附件。", "，系该房屋的实际使用人。")))
    return b.sample()


def _organisation_sample(g: PiiGenerator) -> LabelledSample:
    b = _Builder()
    org = g.organisation()
    style = g.rng.randrange(4)
    if style == 0:
        b.add("当事人")
        b.add(org, "organisation", public=True)
        b.add("（统一社会信用代码：")
        b.add(g.credit_code(), "credit_code", public=True)
        b.add("）未按规定公示食品经营许可证。")
    elif style == 1:
        b.add("本机关对")
        b.add(org, "organisation", public=True)
        b.add("作出警告并罚款人民币五千元的行政处罚决定。")
    elif style == 2:
        b.add(org, "organisation", public=True)
        b.add("，法定代表人")
        name, keep = g.name()
        b.add(name, PiiKind.NAME.value, keep)
        b.add("，统一社会信用代码")
        b.add(g.credit_code(), "credit_code", public=True)
        b.add("。")
    else:
        b.add("经查，")
        b.add(org, "organisation", public=True)
        b.add("在经营场所内销售不符合食品安全标准的食品。")
    return b.sample()


SAMPLE_BUILDERS: dict[str, Callable[[PiiGenerator], LabelledSample]] = {
    PiiKind.NAME.value: _name_sample,
    PiiKind.ID_NUMBER.value: _single(
        PiiKind.ID_NUMBER,
        PiiGenerator.id_number,
        (
            ("当事人身份证号码：", "，现场出示了身份证原件。"),
            ("公民身份号码", "。"),
            ("被询问人（证件号码", "）称其为该店经营者。"),
            ("经核对，", "与营业执照登记的经营者一致。"),
        ),
    ),
    PiiKind.PHONE.value: _single(
        PiiKind.PHONE,
        _phone,
        (
            ("联系电话：", "。"),
            ("当事人手机号码为", "，已告知其陈述申辩权利。"),
            ("举报人通过", "反映情况。"),
            ("如有疑问请致电", "。"),
        ),
    ),
    PiiKind.ADDRESS.value: _address_sample,
    PiiKind.BANK_ACCOUNT.value: _single(
        PiiKind.BANK_ACCOUNT,
        PiiGenerator.card,
        (
            ("当事人将货款转入其银行卡", "。"),
            ("收款账号：", "（中国工商银行）。"),
            ("经查，涉案资金经由", "账户流转。"),
            ("当事人名下卡号为", "的借记卡已冻结。"),
        ),
    ),
    PiiKind.PLATE.value: _single(
        PiiKind.PLATE,
        PiiGenerator.plate,
        (
            ("当事人驾驶", "号小型普通客车运输渣土。"),
            ("车牌号为", "的货车超限运输。"),
            ("执法人员对号牌", "的车辆进行了检查。"),
        ),
        keep=2,
    ),
    PiiKind.EMAIL.value: _single(
        PiiKind.EMAIL,
        PiiGenerator.email,
        (("电子邮箱：", "。"), ("当事人通过邮箱", "提交了陈述申辩材料。")),
    ),
}


def labelled_samples(per_kind: int, seed: int = 20240131) -> dict[str, list[LabelledSample]]:
    """``per_kind`` samples for every personal-data kind plus organisations."""
    generator = PiiGenerator(seed)
    samples = {
        kind: [build(generator) for _ in range(per_kind)] for kind, build in SAMPLE_BUILDERS.items()
    }
    samples["organisation"] = [_organisation_sample(generator) for _ in range(per_kind)]
    return samples
