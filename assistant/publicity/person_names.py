"""Natural persons' names: LAC PER tokens, role words (当事人、姓名…), every later mention.

A LAC PER token is accepted when it looks like a Chinese personal name (a known
surname, two to four characters, not already anonymised as 张某). Names LAC
misses are caught after role words such as 当事人/被询问人/姓名; once a name is
known, each other occurrence in the text is masked too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from assistant.publicity.lexical import CommonWords, Token
from assistant.publicity.pii_span import PiiKind, PiiSpan

COMPOUND_SURNAMES = tuple(
    [
        "欧阳",
        "司马",
        "上官",
        "诸葛",
        "东方",
        "皇甫",
        "尉迟",
        "公孙",
        "慕容",
        "长孙",
        "宇文",
        "司徒",
        "夏侯",
        "令狐",
        "轩辕",
        "端木",
        "独孤",
        "南宫",
        "西门",
        "百里",
        "呼延",
        "万俟",
        "澹台",
        "公冶",
        "太史",
        "申屠",
        "钟离",
        "闻人",
        "赫连",
        "拓跋",
    ]
)
SINGLE_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖萧田董袁潘于蒋蔡余杜叶"
    "程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎"
    "贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧"
    "耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍"
    "华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏"
    "宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈"
    "匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴"
    "盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母"
    "裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣"
    "信展阴昝智幸奉植衡富尧闭由"
)
GIVEN_NAME_CHARS = frozenset(
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红文玲海燕小晓东梅鑫宇浩然子轩嘉欣思雨"
    "俊豪婷雪琳晨凯鹏辉斌峰波亮龙飞鹰云霖萍玉兰凤珍莉莹颖慧惠佳怡梦瑶璐露倩蓉琴欢悦乐婉淑贞"
    "德义仁礼智信忠孝廉勤俭毅坚刚健康宁安泰福寿禄祥瑞吉庆喜春夏秋冬晴阳光辰星月日天地山川"
    "林森松柏杨柳桃李梅兰竹菊荷莲花芬芝蕾蓓薇萱茜菲芸若兴旺盛昌隆发达荣耀光宏伟大中正清"
    "新永长远志恒坤乾元亨利贞嘉祺琪瑜璇琦瑾璟琛瑞珊瑛琼珠宝金银铭锋锐钧钰铮镇鑫森淼焱垚"
    "一二三四五六七八九十立成功名家庭友谊诚实民生力学习武士仕军兵卫保护国邦宪政法治"
    "振宇航帆舟海涛浪潮波澜洁清澈泉溪江河湖泽润涵沛浩瀚滨洋淳源渊深博文章彬斌杉彦影"
    "之乎者也然而则若如亦其以于为诗书画琴棋歌舞韵律雅颂风骚逸致远思念怀恩慈爱心意志"
    "晓昊昕晖晗暄曦旭昱晟智睿哲聪颖慧敏捷达通顺利畅和谐美丽秀婉婷娴雯霏霓虹彩绮绚"
    "佩佳依伊倩俏丹彤红紫青蓝翠碧绿白素洁冰雪霜露珍珠翡玲珑琳琅瑶瑾璧环"
)
DISTINCT_COMPOUND = re.compile(
    "(?:欧阳|上官|诸葛|司徒|皇甫|尉迟|慕容|长孙|宇文|令狐|轩辕|澹台|公冶|申屠|钟离|赫连|拓跋|夏侯|独孤)"
    f"[{''.join(sorted(GIVEN_NAME_CHARS))}]{{1,2}}"
)
ROLE_WORDS = re.compile(
    r"(?:当事人|姓名|被询问人|被检查人|被调查人|被处罚人|被申请人|申请人|驾驶人|驾驶员|车主|经营者|"
    r"负责人|法定代表人|委托代理人|代理人|见证人|证人|户主|持卡人|开户人|举报人|投诉人|受害人|"
    r"业主|本人|股东|实际经营人|违法行为人|家属|监护人|联系人|收件人)[：:\s]?"
)
NAME_BODY = re.compile(r"[\u4e00-\u9fa5·]{2,5}")
NOT_A_NAME = re.compile(r"某|^(?:本人|其|该|系|对|在|于)")
FUNCTION_CHARS = frozenset(
    "于在称说向对把被将与和及的了是为因等已未不也都又就到从自给让经系即现曾仍均并且而或所其该此这那个"
    "再还才只便却正很最更先共同亦去来看买卖拿叫要想会能可应须做用开关进出回走跑打吃喝住找问答写读送收交付签认"
)
ROLE_NAME_TAGS = frozenset({"PER", "n", "nz", "nw", "LOC", "a", "an", "nr"})
CLOSED_TAGS = frozenset({"w", "p", "u", "c", "m", "q", "f", "r", "xc", "TIME"})
NAME_END = re.compile(r"[，。、,；;：:（）()\s]|$")


def surname_length(name: str) -> int:
    """1 or 2 when ``name`` begins with a known surname, 0 otherwise."""
    if name.startswith(COMPOUND_SURNAMES):
        return 2
    return 1 if name[:1] in SINGLE_SURNAMES else 0


def looks_like_name(candidate: str) -> bool:
    """A known surname plus one to three given-name characters, not 张某/张某某."""
    keep = surname_length(candidate)
    if keep == 0 or NOT_A_NAME.search(candidate) or candidate in COMPOUND_SURNAMES:
        return False
    return 1 <= len(candidate) - keep <= 3 and NAME_BODY.fullmatch(candidate) is not None


def _glued_forward(tokens: list[Token], index: int, token: Token) -> Token:
    """LAC often cuts a rare name after two characters (赵玲|国|称, 余琳|建于): glue the third."""
    if len(token.word) - surname_length(token.word) > 1 or index + 1 >= len(tokens):
        return token
    following = tokens[index + 1]
    after = tokens[index + 2] if index + 2 < len(tokens) else None
    rest = following.word[1:]
    ends_here = (
        (rest and rest[0] in FUNCTION_CHARS)
        or (not rest and after is None)
        or (not rest and (after.tag in {"w", "p", "v"} or after.word[0] in FUNCTION_CHARS))
    )
    char = following.word[0]
    glue = (
        ends_here
        and NAME_BODY.fullmatch(token.word + char) is not None
        and char not in FUNCTION_CHARS
        and following.tag not in CLOSED_TAGS
    )
    return Token(token.start, token.end + 1, token.word + char, "PER") if glue else token


def _completed(tokens: list[Token], index: int) -> Token:
    """A PER token made whole: a surname LAC split off (曾|小鹏) or a cut-off last character."""
    token = tokens[index]
    previous = tokens[index - 1] if index > 0 else None
    if (
        previous is not None
        and len(previous.word) == 1
        and previous.word in SINGLE_SURNAMES
        and surname_length(token.word) == 0
        and len(token.word) <= 2
    ):
        token = Token(previous.start, token.end, previous.word + token.word, "PER")
    return _glued_forward(tokens, index, token)


def _lac_names(tokens: list[Token]) -> Iterator[tuple[int, int]]:
    for index, token in enumerate(tokens):
        if token.tag != "PER":
            continue
        name = _completed(tokens, index)
        if looks_like_name(name.word):
            yield name.start, name.end
        elif looks_like_name(token.word):
            yield token.start, token.end


def _compound_surname_names(text: str) -> Iterator[tuple[int, int]]:
    """Rare two-character surnames (欧阳、上官…) followed by common given-name characters."""
    for match in DISTINCT_COMPOUND.finditer(text):
        yield match.start(), match.end()


def _given_name_like(name: str) -> bool:
    """Every given-name character is a common one (钟然 yes, 居住 no)."""
    return all(c in GIVEN_NAME_CHARS for c in name[surname_length(name) :])


def _token_at(tokens: list[Token], position: int) -> Token | None:
    """The token covering ``position`` (LAC sometimes glues 人 of 举报人 to the name)."""
    return next((t for t in tokens if t.start <= position < t.end), None)


def _role_names(text: str, tokens: list[Token]) -> Iterator[tuple[int, int]]:
    """A name right after a role word: the LAC token there, else up to the next delimiter."""
    for match in ROLE_WORDS.finditer(text):
        start = match.end()
        token = _token_at(tokens, start)
        if token is None or token.tag in {"w", "p", "u", "c"}:
            continue
        trusted = token.tag in ROLE_NAME_TAGS
        delimiter = NAME_END.search(text, start, start + 6)
        for end in (delimiter.start() if delimiter else -1, token.end):
            candidate = text[start:end]
            if looks_like_name(candidate) and (trusted or _given_name_like(candidate)):
                yield start, end
                break


def _inside(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _mentions(
    text: str, names: set[str], blocked: list[tuple[int, int]]
) -> Iterator[tuple[int, int]]:
    """Each other occurrence of a known name, unless it sits inside a place or organisation."""
    for name in names:
        for match in re.finditer(re.escape(name), text):
            if not _inside(match.start(), match.end(), blocked):
                yield match.start(), match.end()


def person_name_spans(
    text: str,
    tokens: list[Token],
    words: CommonWords,
    keep_names: frozenset[str] = frozenset(),
) -> list[PiiSpan]:
    """Names of natural persons, surname kept visible; ``keep_names`` stay public."""
    found = {*_lac_names(tokens), *_role_names(text, tokens), *_compound_surname_names(text)}
    found = {(s, e) for s, e in found if not words.is_common_non_name(text[s:e])}
    names = {text[s:e] for s, e in found} - keep_names
    places = [(t.start, t.end) for t in tokens if t.tag in {"LOC", "ORG"} and len(t.word) > 2]
    found |= set(_mentions(text, names, places))
    return [
        PiiSpan(s, e, PiiKind.NAME, "lac", keep=surname_length(text[s:e]))
        for s, e in sorted(found)
        if text[s:e] not in keep_names
    ]
