"""The Jinja2 sandbox agency-edited templates run in.

Templates are agency-editable text, so they are untrusted: they run in Jinja2's
immutable sandbox (no dunder attributes, no mutation of the context), and every
failure — a syntax error, an unsafe attribute, a missing file — becomes one
Chinese message naming the template.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from jinja2 import (
    ChoiceLoader,
    FileSystemLoader,
    TemplateError,
    TemplateNotFound,
    TemplateSyntaxError,
    Undefined,
)
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

from assistant.settings import AssistantSettings
from assistant.shipped_data import TEMPLATES_DIR
from corpus.errors import ErrorKind, ZhifaError

SHIPPED_TEMPLATES = TEMPLATES_DIR


class DraftTemplateError(ZhifaError, ValueError, kind=ErrorKind.UNAVAILABLE, code="template_error"):
    """A template that cannot be rendered; the message is Chinese, for the agency's editor."""


def template_folders(settings: AssistantSettings) -> list[Path]:
    """The agency's folder first (its files override), then the shipped templates."""
    folders = [settings.templates_dir] if settings.templates_dir else []
    return [*folders, SHIPPED_TEMPLATES]


def sandbox(
    settings: AssistantSettings, undefined: type[Undefined], finalize: Callable[[object], object]
) -> ImmutableSandboxedEnvironment:
    """A fresh sandbox for one render (its ``undefined`` logs that render's missing fields)."""
    loader = ChoiceLoader([FileSystemLoader(str(folder)) for folder in template_folders(settings)])
    return ImmutableSandboxedEnvironment(
        loader=loader,
        undefined=undefined,
        finalize=finalize,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render(env: ImmutableSandboxedEnvironment, name: str, context: dict[str, object]) -> str:
    """Render ``name`` or raise DraftTemplateError in Chinese."""
    try:
        return env.get_template(name).render(context)
    except TemplateNotFound as exc:
        raise DraftTemplateError(f"找不到文书模板：{name}") from exc
    except TemplateSyntaxError as exc:
        where = f"{exc.filename or name}第{exc.lineno}行"
        raise DraftTemplateError(f"文书模板语法错误（{where}）：{exc.message}") from exc
    except SecurityError as exc:
        raise DraftTemplateError(
            f"文书模板 {name} 试图访问不安全的属性或方法，已被沙箱拒绝（{exc}）"
        ) from exc
    except TemplateError as exc:
        raise DraftTemplateError(f"文书模板 {name} 无法渲染：{exc}") from exc
    except (TypeError, ValueError, AttributeError, KeyError) as exc:
        raise DraftTemplateError(f"文书模板 {name} 无法渲染：{exc}") from exc
