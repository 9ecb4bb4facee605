"""Chinese for the words click itself prints (用法、选项、命令、错误…).

click marks its own strings with ``gettext``; each module binds ``_`` at import,
so a dictionary translation is installed on those modules once, before parsing.
"""

from __future__ import annotations

import gettext
import importlib
import re
import sys
from types import ModuleType
from typing import IO, Any

CLICK_MESSAGES: dict[str, str] = {
    "Usage:": "用法：",
    "Options": "选项",
    "Commands": "命令",
    "Arguments": "参数",
    "Positional arguments": "位置参数",
    "Show this message and exit.": "显示帮助信息并退出。",
    "Error: {message}": "错误：{message}",
    "Try '{command} {option}' for help.": "运行 '{command} {option}' 查看帮助。",
    "Missing argument '{param_name}'.": "缺少参数 '{param_name}'。",
    "Missing option '{param_name}'.": "缺少选项 '{param_name}'。",
    "Missing argument": "缺少参数",
    "Missing option": "缺少选项",
    "Missing parameter": "缺少参数",
    "Missing command.": "缺少命令。",
    "No such command {name!r}.": "没有命令 {name!r}。",
    "No such option: {name}": "没有选项：{name}",
    "No such option {name!r}.": "没有选项 {name!r}。",
    "Invalid value for {param_hint}: {message}": "{param_hint} 的值无效：{message}",
    "Invalid value: {message}": "值无效：{message}",
    "Aborted!": "已中止！",
    "default: {default}": "默认：{default}",
    "env var: {var}": "环境变量：{var}",
    "required": "必填",
    "{value!r} is not a valid {number_type}.": "{value!r} 不是有效的{number_type}。",
    "{value!r} is not one of {choices}.": "{value!r} 不在可选值 {choices} 中。",
    "{value!r} is not a valid boolean.": "{value!r} 不是有效的布尔值。",
    "Option {name!r} requires an argument.": "选项 {name!r} 需要一个值。",
    "Got unexpected extra argument ({args})": "多余的参数（{args}）",
}
CLICK_PLURALS: dict[str, str] = {
    "Got unexpected extra argument ({args})": "多余的参数（{args}）",
    "Option {name!r} requires {nargs} arguments.": "选项 {name!r} 需要 {nargs} 个值。",
    "Missing parameter: {param_name}": "缺少参数：{param_name}",
}
_MODULES = tuple(
    f"{package}.{module}"
    for package in ("click", "typer._click")
    for module in ("core", "decorators", "exceptions", "formatting", "parser", "types")
) + ("typer.core",)


class DictTranslations(gettext.NullTranslations):
    """gettext over a dict: untranslated strings pass through unchanged."""

    def __init__(self, singular: dict[str, str], plural: dict[str, str]) -> None:
        super().__init__()
        self.singular, self.plural = singular, plural

    def gettext(self, message: str) -> str:
        return self.singular.get(message, message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        key = msgid1 if n == 1 else msgid2
        return self.plural.get(msgid1, self.singular.get(key, key))


def install_chinese_click_messages() -> None:
    """Point click's (and typer's) ``_``/``ngettext`` at the Chinese dictionary."""
    install_chinese_typer_messages()
    translations = DictTranslations(CLICK_MESSAGES, CLICK_PLURALS)
    for name in _MODULES:
        try:
            module: ModuleType = importlib.import_module(name)
        except ImportError:
            continue  # typer vendors click in some releases only
        if hasattr(module, "_"):
            module._ = translations.gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = translations.ngettext  # type: ignore[attr-defined]


# Messages the click copy vendored in typer writes without gettext.
_ERROR_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r)
    for p, r in [
        (r"^Missing argument '(.+)'\.$", r"缺少参数 '\1'。"),
        (r"^Missing option '(.+)'\.$", r"缺少选项 '\1'。"),
        (r"^No such option: (.+)$", r"没有选项：\1"),
        (r"^No such command '(.+)'\.$", r"没有命令 '\1'。"),
        (r"^Got unexpected extra arguments? \((.+)\)$", r"多余的参数（\1）"),
        (r"^Option '(.+)' requires an argument\.$", r"选项 '\1' 需要一个值。"),
        (r"^Invalid value for (.+?): (.+)$", r"\1 的值无效：\2"),
        (r"^'(.+)' is not a valid integer\.$", r"'\1' 不是有效的整数。"),
        (r"^'(.+)' is not one of (.+)\.$", r"'\1' 不在可选值 \2 中。"),
        (r"^(.+) is not in the range (.+)\.$", r"\1 不在范围 \2 内。"),
    ]
)


def translate_error(message: str) -> str:
    """English click error → Chinese, pattern by pattern (unknown text passes through)."""
    for pattern, replacement in _ERROR_PATTERNS:
        message = pattern.sub(replacement, message)
    return message


def _show_error(self: Any, file: IO[str] | None = None) -> None:
    """One line, ``错误：…``, as every zhifa failure prints."""
    (file or sys.stderr).write(f"错误：{translate_error(self.format_message())}\n")


def install_chinese_typer_messages() -> None:
    """Usage prefix, help-option text and error lines of typer's vendored click."""
    try:
        from typer._click import core, exceptions, formatting
    except ImportError:
        return
    original_help = core.Command.get_help_option

    def get_help_option(self: Any, ctx: Any) -> Any:
        option = original_help(self, ctx)
        if option is not None:
            option.help = "显示帮助信息并退出。"
        return option

    original_usage = formatting.HelpFormatter.write_usage

    def write_usage(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
        original_usage(self, prog, args, "用法：" if prefix is None else prefix)

    core.Command.get_help_option = get_help_option
    formatting.HelpFormatter.write_usage = write_usage
    exceptions.ClickException.show = _show_error
    exceptions.UsageError.show = _show_error
